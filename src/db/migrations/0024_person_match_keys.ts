import { type Kysely, sql } from 'kysely';
import { computeMatchKeys, MATCH_KEYS_VERSION } from '../../modules/entity-resolution/keys-compute';

const BATCH = 2_000;

interface PersonRow {
  id: string;
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
  birth_date: string | null;
  sex_at_birth: string | null;
  municipality_code: string | null;
}

/**
 * Entity resolution's stored keys (issue 9; src/modules/entity-resolution/keys-*.ts) and the match model.
 *
 * `person_match_keys`: one row per current person with what the comparisons read (`prepared`) and the keys,
 * computed in TypeScript so both engines store the same values. The blocking keys of the batch's rules (about 50
 * per person) are stored as 32-bit hashes (`person_match_blocking.key_hashes`, see keys-compute.ts's `keyHash`), in a
 * narrow table of their own behind a GIN index: the
 * online match finds every person sharing a key with a draft in one index scan. Measured (docs/entity-
 * resolution.md): the keys as text made the GIN index about 5 KB per person, 14 GB at 3 million; one row per key
 * with a B-tree would be ~150 million rows. Merged-away persons have no keys.
 *
 * `match_model`: the trained Fellegi–Sunter models (src/domain/entity-resolution/pipeline.ts), one active.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table person_match_keys (
      person_id uuid primary key references person (id) on delete cascade,
      keys_version smallint not null,
      given_names text[] not null,
      surnames text[] not null,
      phonetic text[] not null,
      document_digits text[] not null,
      prepared jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  // The blocking keys apart, in a narrow table: the lookup visits a row per key it finds, and rows of ~150 bytes
  // stay in memory where the ~2 KB rows of person_match_keys would not.
  await sql`
    create table person_match_blocking (
      person_id uuid primary key references person (id) on delete cascade,
      key_hashes integer[] not null
    )`.execute(db);
  await sql`create index person_match_blocking_keys on person_match_blocking using gin (key_hashes)`.execute(
    db,
  );
  await sql`
    create table match_model (
      id uuid primary key,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      source text not null check (source in ('run', 'thresholds')),
      run_id uuid,
      parameters jsonb not null,
      same_threshold double precision not null check (same_threshold > 0 and same_threshold <= 1),
      review_threshold double precision not null check (review_threshold > 0 and review_threshold <= same_threshold),
      active boolean not null default false
    )`.execute(db);
  await sql`create unique index match_model_one_active on match_model (active) where active`.execute(db);

  await backfillMatchKeys(db);
}

/** Computes and stores the keys of every current person that has none, in batches (exported for its test). */
export async function backfillMatchKeys(db: Kysely<unknown>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<PersonRow>`
      select id, given_name_1, given_name_2, surname_1, surname_2, birth_date::text as birth_date, sex_at_birth,
        municipality_code
      from person where id > ${after} and merged_into_id is null
        and not exists (select 1 from person_match_keys k where k.person_id = person.id)
      order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const ids = rows.map((row) => row.id);
    const { rows: documents } = await sql<{ person_id: string; document_type: string; number: string }>`
      select person_id, document_type, number from identity_document where person_id = any(${ids}::uuid[])`.execute(
      db,
    );
    const computed = rows.map((row) => {
      const keys = computeMatchKeys({
        givenName1: row.given_name_1,
        givenName2: row.given_name_2,
        surname1: row.surname_1,
        surname2: row.surname_2,
        birthDate: row.birth_date,
        sexAtBirth: row.sex_at_birth,
        municipalityCode: row.municipality_code,
        documents: documents
          .filter((d) => d.person_id === row.id)
          .map((d) => ({ type: d.document_type, number: d.number })),
      });
      return {
        person_id: row.id,
        keys_version: MATCH_KEYS_VERSION,
        given_names: keys.givenNames,
        surnames: keys.surnames,
        phonetic: keys.phonetic,
        document_digits: keys.documentDigits,
        prepared: keys.prepared,
        key_hashes: keys.keyHashes,
      };
    });
    await sql`
      insert into person_match_keys (person_id, keys_version, given_names, surnames, phonetic, document_digits,
        prepared)
      select person_id, keys_version, given_names, surnames, phonetic, document_digits, prepared
      from jsonb_to_recordset(${JSON.stringify(computed)}::jsonb) as r(person_id uuid, keys_version smallint,
        given_names text[], surnames text[], phonetic text[], document_digits text[], prepared jsonb)`.execute(
      db,
    );
    await sql`
      insert into person_match_blocking (person_id, key_hashes)
      select person_id, key_hashes
      from jsonb_to_recordset(${JSON.stringify(computed)}::jsonb) as r(person_id uuid, key_hashes integer[])`.execute(
      db,
    );
    after = ids.at(-1) as string;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table match_model`.execute(db);
  await sql`drop table person_match_blocking`.execute(db);
  await sql`drop table person_match_keys`.execute(db);
}
