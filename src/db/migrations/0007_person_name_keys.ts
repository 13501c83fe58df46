import { type Kysely, sql } from 'kysely';
import { nameKeys } from '../../domain/registry/name-keys';

const BATCH = 5_000;

interface NameRow {
  id: string;
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
}

/**
 * Name keys (see src/domain/registry/name-keys.ts): each word of the name and its one-deletion forms, computed in
 * TypeScript so both engines store the same ones, behind an inverted index that finds a name with a typo among
 * a million persons without scanning them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table person add column name_keys text[] not null default '{}'`.execute(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<NameRow>`
      select id, given_name_1, given_name_2, surname_1, surname_2 from person
      where id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const keys = rows.map((row) => ({
      id: row.id,
      keys: nameKeys({
        givenName1: row.given_name_1,
        givenName2: row.given_name_2,
        surname1: row.surname_1,
        surname2: row.surname_2,
      }),
    }));
    await sql`
      update person set name_keys = array(select jsonb_array_elements_text(computed.keys))
      from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as computed(id uuid, keys jsonb)
      where person.id = computed.id`.execute(db);
    after = (rows.at(-1) as NameRow).id;
  }
  await sql`create index person_name_keys on person using gin (name_keys) where merged_into_id is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index person_name_keys`.execute(db);
  await sql`alter table person drop column name_keys`.execute(db);
}
