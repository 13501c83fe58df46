import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { computeMatchKeys, MATCH_KEYS_VERSION, type MatchKeys } from './keys-compute';

type Db = Kysely<Database>;

/**
 * Rewrites the match keys of these persons from their current rows and documents: every write that changes a
 * person's names, birth date, sex, municipality or documents (registration, update, merge and undo, import)
 * calls it inside its own transaction, so keys never disagree with the record. A merged-away person (or one that
 * no longer exists) is left without keys, so the online match cannot offer it.
 */
export async function refreshMatchKeys(db: Db, personIds: readonly string[]): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  await deleteMatchKeys(db, ids);
  const persons = await db
    .selectFrom('person')
    .select([
      'id',
      'given_name_1',
      'given_name_2',
      'surname_1',
      'surname_2',
      sql<string | null>`birth_date::text`.as('birth_date'),
      'sex_at_birth',
      'municipality_code',
    ])
    .where('id', 'in', ids)
    .where('merged_into_id', 'is', null)
    .execute();
  if (persons.length === 0) return;
  const documents = await db
    .selectFrom('identity_document')
    .select(['person_id', 'document_type', 'number'])
    .where(
      'person_id',
      'in',
      persons.map((p) => p.id),
    )
    .execute();
  const byPerson = new Map<string, Array<{ type: string; number: string }>>();
  for (const d of documents) {
    const list = byPerson.get(d.person_id) ?? [];
    list.push({ type: d.document_type, number: d.number });
    byPerson.set(d.person_id, list);
  }
  await insertMatchKeys(
    db,
    persons.map((p) => ({
      personId: p.id,
      keys: computeMatchKeys({
        givenName1: p.given_name_1,
        givenName2: p.given_name_2,
        surname1: p.surname_1,
        surname2: p.surname_2,
        birthDate: p.birth_date,
        sexAtBirth: p.sex_at_birth,
        municipalityCode: p.municipality_code,
        documents: byPerson.get(p.id) ?? [],
      }),
    })),
  );
}

/**
 * Brings every current person's keys to `MATCH_KEYS_VERSION`: persons without keys (registered before keys
 * existed) and persons whose keys an older version of the rules computed. Walks the registry by id in batches,
 * each in its own transaction when called outside one, so an interrupted pass leaves whole batches and the next
 * pass carries on. Migration 0024 runs it; a change of normalization or blocking rules bumps the version and adds
 * a migration that runs it again. Returns how many persons it rewrote.
 */
export async function refreshStaleMatchKeys(db: Db, batch = 2_000): Promise<number> {
  let refreshed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .selectFrom('person')
      .leftJoin('person_match_keys as keys', 'keys.person_id', 'person.id')
      .select(['person.id', 'keys.keys_version'])
      .where('person.id', '>', after)
      .where('person.merged_into_id', 'is', null)
      .orderBy('person.id')
      .limit(batch)
      .execute();
    if (page.length === 0) return refreshed;
    after = page[page.length - 1]?.id as string;
    const stale = page.filter((row) => row.keys_version !== MATCH_KEYS_VERSION).map((row) => row.id);
    if (stale.length === 0) continue;
    if (db.isTransaction) await refreshMatchKeys(db, stale);
    else await db.transaction().execute((trx) => refreshMatchKeys(trx, stale));
    refreshed += stale.length;
  }
}

/** Removes the keys of these persons. */
export async function deleteMatchKeys(db: Db, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .deleteFrom('person_match_blocking')
    .where('person_id', 'in', [...personIds])
    .execute();
  await db
    .deleteFrom('person_match_keys')
    .where('person_id', 'in', [...personIds])
    .execute();
}

/** Inserts computed keys of persons that have none (one statement per table, for import batches). */
export async function insertMatchKeys(
  db: Db,
  rows: ReadonlyArray<{ personId: string; keys: MatchKeys }>,
): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map(({ personId, keys }) => ({
    person_id: personId,
    keys_version: MATCH_KEYS_VERSION,
    given_names: keys.givenNames,
    surnames: keys.surnames,
    phonetic: keys.phonetic,
    document_digits: keys.documentDigits,
    prepared: keys.prepared,
  }));
  await sql`
    insert into person_match_keys (person_id, keys_version, given_names, surnames, phonetic, document_digits,
      prepared)
    select person_id, keys_version, given_names, surnames, phonetic, document_digits, prepared
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(person_id uuid, keys_version smallint,
      given_names text[], surnames text[], phonetic text[], document_digits text[], prepared jsonb)`.execute(
    db,
  );
  await sql`
    insert into person_match_blocking (person_id, key_hashes)
    select id, string_to_array(hashes, ',')::integer[]
    from unnest(${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.keys.keyHashes.join(','))}::text[])
      as t(id, hashes)`.execute(db);
}
