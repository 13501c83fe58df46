import { type Insertable, type Kysely, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import type { Database, IdentityDocumentTable, PersonTable } from '../../db/schema';
import { requiredGroupCombinations } from '../../domain/registry/name-keys';

type Db = Kysely<Database>;

export async function insertPerson(
  db: Db,
  person: Insertable<PersonTable>,
  documents: Array<Insertable<IdentityDocumentTable>>,
) {
  const row = await db.insertInto('person').values(person).returningAll().executeTakeFirstOrThrow();
  if (documents.length) await db.insertInto('identity_document').values(documents).execute();
  await db
    .insertInto('person_office')
    .values({ person_id: row.id, office_id: person.registered_office_id })
    .execute();
  return row;
}

export function findPersonById(db: Db, id: string) {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOfficeIdsOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_office')
    .select('office_id')
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => row.office_id);
}

export function findDocumentsOfPersons(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('identity_document')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('created_at')
    .execute();
}

/** Documents with any of these numbers, whatever their type (a cédula typed as a PPT is still a match). */
export function findDocumentsByNumbers(db: Db, numbers: string[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('identity_document')
    .select(['person_id', 'document_type', 'number_normalized'])
    .where('number_normalized', 'in', numbers)
    .execute();
}

export function updatePersonAtVersion(db: Db, id: string, version: number, changes: Updateable<PersonTable>) {
  return db
    .updateTable('person')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

const SEARCH_COLUMNS = [
  'person.id',
  'person.given_name_1',
  'person.given_name_2',
  'person.surname_1',
  'person.surname_2',
  'person.birth_date',
  'person.population_group',
  'person.registered_office_id',
] as const;

function inOffices(officeIds: string[]) {
  return sql<boolean>`exists (select 1 from person_office po where po.person_id = person.id and po.office_id in (${sql.join(
    officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000'],
  )}))`;
}

/** What a name search looks up: the folded query (for ranking) and its key groups (for finding). */
export interface NameQuery {
  folded: string;
  keyGroups: string[][];
}

/**
 * Persons whose name shares keys with the query's words (see domain/registry/name-keys.ts: any word order,
 * accents or not, one typo per word), best first by trigram similarity of the whole name. The `&&` lookups use
 * the GIN index on name_keys; only the few persons found are ranked.
 */
export function searchPersonsByName(
  db: Db,
  query: NameQuery,
  officeIds: string[] | null,
  limit: number,
  offset: number,
) {
  return personNameSearch(db, query, officeIds, limit, offset).execute();
}

function sharesKeysWith(query: NameQuery) {
  const combinations = requiredGroupCombinations(query.keyGroups.length);
  if (combinations.length === 0) return sql<boolean>`false`;
  const overlaps = query.keyGroups.map((keys) => sql`person.name_keys && ${keys}::text[]`);
  return sql<boolean>`(${sql.join(
    combinations.map(
      (combination) =>
        sql`(${sql.join(
          combination.map((index) => overlaps[index] as ReturnType<typeof sql>),
          sql` and `,
        )})`,
    ),
    sql` or `,
  )})`;
}

/** The name search as a query builder, so tests and benchmarks can EXPLAIN exactly what the service runs. */
export function personNameSearch(
  db: Db,
  query: NameQuery,
  officeIds: string[] | null,
  limit: number,
  offset: number,
) {
  let builder = db
    .selectFrom('person')
    .select(SEARCH_COLUMNS)
    .select(sql<number>`similarity(person.search_name, ${query.folded})`.as('rank'))
    .where(sharesKeysWith(query))
    .where('person.merged_into_id', 'is', null)
    .orderBy('rank', 'desc')
    .orderBy('person.id')
    .limit(limit)
    .offset(offset);
  if (officeIds) builder = builder.where(inOffices(officeIds));
  return builder;
}

export function searchPersonsByDocument(
  db: Db,
  numberNormalized: string,
  officeIds: string[] | null,
  limit: number,
) {
  let query = db
    .selectFrom('person')
    .innerJoin('identity_document', 'identity_document.person_id', 'person.id')
    .select(SEARCH_COLUMNS)
    .select(sql<number>`1`.as('rank'))
    .where('identity_document.number_normalized', '=', numberNormalized)
    .where('person.merged_into_id', 'is', null)
    .limit(limit);
  if (officeIds) query = query.where(inOffices(officeIds));
  return query.execute();
}

export function searchPersonsByPhone(db: Db, phoneE164: string, officeIds: string[] | null, limit: number) {
  let query = db
    .selectFrom('person')
    .select(SEARCH_COLUMNS)
    .select(sql<number>`1`.as('rank'))
    .where('person.phone_e164', '=', phoneE164)
    .where('person.merged_into_id', 'is', null)
    .limit(limit);
  if (officeIds) query = query.where(inOffices(officeIds));
  return query.execute();
}

export function findOfficeNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('office').select(['id', 'name']).where('id', 'in', ids).execute();
}

// Households

export async function insertHousehold(db: Db, row: Insertable<Database['household']>) {
  return db.insertInto('household').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findHouseholdById(db: Db, id: string) {
  return db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMemberships(db: Db, householdId: string) {
  return db
    .selectFrom('household_membership')
    .innerJoin('person', 'person.id', 'household_membership.person_id')
    .select([
      'household_membership.id',
      'household_membership.person_id',
      'household_membership.relationship',
      'household_membership.joined_on',
      'household_membership.left_on',
      'person.given_name_1',
      'person.given_name_2',
      'person.surname_1',
      'person.surname_2',
      'person.birth_date',
      'person.wg_seeing',
      'person.wg_hearing',
      'person.wg_walking',
      'person.wg_cognition',
      'person.wg_self_care',
      'person.wg_communication',
      'person.sex_at_birth',
      'person.maternity_status',
      'person.maternity_since',
      'person.maternity_until',
    ])
    .where('household_membership.household_id', '=', householdId)
    .orderBy('household_membership.joined_on')
    .orderBy('household_membership.id')
    .execute();
}

export function findCurrentMembership(db: Db, personId: string) {
  return db
    .selectFrom('household_membership')
    .selectAll()
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

export async function endMembership(db: Db, membershipId: string, day: string) {
  await db.updateTable('household_membership').set({ left_on: day }).where('id', '=', membershipId).execute();
}

export async function insertMembership(db: Db, row: Insertable<Database['household_membership']>) {
  await db.insertInto('household_membership').values(row).execute();
}

export async function bumpHouseholdVersion(db: Db, id: string) {
  await db
    .updateTable('household')
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

// Consent

export function findConsents(db: Db, personId: string) {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('granted_at', 'desc')
    .execute();
}

export function findCurrentConsent(db: Db, personId: string, purpose: string) {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertConsent(db: Db, row: Insertable<Database['consent']>) {
  return db.insertInto('consent').values(row).returningAll().executeTakeFirstOrThrow();
}

export function revokeConsent(db: Db, personId: string, consentId: string, by: string, at: Date) {
  return db
    .updateTable('consent')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', consentId)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

// Merges

export function insertMerge(db: Db, row: Insertable<Database['person_merge']>) {
  return db.insertInto('person_merge').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findMerge(db: Db, id: string) {
  return db.selectFrom('person_merge').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMergeUndone(db: Db, id: string, by: string, at: Date) {
  await db.updateTable('person_merge').set({ undone_by: by, undone_at: at }).where('id', '=', id).execute();
}

export function listDocumentIds(db: Db, personId: string) {
  return db.selectFrom('identity_document').select('id').where('person_id', '=', personId).execute();
}

export async function movePersonRows(
  db: Db,
  table: 'identity_document' | 'household_membership' | 'consent',
  ids: string[],
  personId: string,
) {
  if (ids.length === 0) return;
  await db.updateTable(table).set({ person_id: personId }).where('id', 'in', ids).execute();
}

export function findMembershipsOfPerson(db: Db, personId: string) {
  return db.selectFrom('household_membership').selectAll().where('person_id', '=', personId).execute();
}

export async function reopenMemberships(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.updateTable('household_membership').set({ left_on: null }).where('id', 'in', ids).execute();
}

export function findConsentsOfPerson(db: Db, personId: string) {
  return db.selectFrom('consent').selectAll().where('person_id', '=', personId).execute();
}

export async function unrevokeConsents(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('consent')
    .set({ revoked_at: null, revoked_by: null })
    .where('id', 'in', ids)
    .execute();
}

export async function addPersonOffices(db: Db, personId: string, officeIds: string[]) {
  if (officeIds.length === 0) return;
  await db
    .insertInto('person_office')
    .values(officeIds.map((officeId) => ({ person_id: personId, office_id: officeId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removePersonOffices(db: Db, personId: string, officeIds: string[]) {
  if (officeIds.length === 0) return;
  await db
    .deleteFrom('person_office')
    .where('person_id', '=', personId)
    .where('office_id', 'in', officeIds)
    .execute();
}

export async function setMergedInto(db: Db, personId: string, survivorId: string | null) {
  await db
    .updateTable('person')
    .set({ merged_into_id: survivorId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', personId)
    .execute();
}

export async function overwritePerson(db: Db, id: string, columns: Updateable<PersonTable>) {
  return db
    .updateTable('person')
    .set({ ...columns, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Listing and the person's timeline

export interface PersonListFilter {
  officeIds: string[];
  populationGroup?: string | undefined;
  municipalityCode?: string | undefined;
  sexAtBirth?: string | undefined;
  /** Born on or before this day (at least `ageFrom` years old). */
  bornOnOrBefore?: string | undefined;
  /** Born after this day (at most `ageTo` years old). */
  bornAfter?: string | undefined;
}

type PersonSelect<O> = SelectQueryBuilder<Database, 'person', O>;

function withFilters<O>(
  query: PersonSelect<O>,
  filter: Omit<PersonListFilter, 'officeIds'>,
): PersonSelect<O> {
  let q = query;
  if (filter.populationGroup) q = q.where('person.population_group', '=', filter.populationGroup);
  if (filter.municipalityCode) q = q.where('person.municipality_code', '=', filter.municipalityCode);
  if (filter.sexAtBirth) q = q.where('person.sex_at_birth', '=', filter.sexAtBirth);
  if (filter.bornOnOrBefore) q = q.where('person.birth_date', '<=', filter.bornOnOrBefore);
  if (filter.bornAfter) q = q.where('person.birth_date', '>', filter.bornAfter);
  return q;
}

const LIST_COLUMNS = [
  ...SEARCH_COLUMNS,
  'person.sex_at_birth',
  'person.phone_e164',
  'person.municipality_code',
] as const;

/** The name search (name keys, best first) with the list's filters. */
export function searchPersonsByNameFiltered(
  db: Db,
  query: NameQuery,
  filter: PersonListFilter,
  limit: number,
  offset: number,
) {
  return withFilters(personNameSearch(db, query, filter.officeIds, limit, offset), filter)
    .select(['person.sex_at_birth', 'person.phone_e164', 'person.municipality_code'])
    .execute();
}

/** Persons with this document number (any type) or this phone, with the list's filters. */
export function searchPersonsByExact(
  db: Db,
  by: { documentNumber: string } | { phone: string },
  filter: PersonListFilter,
  limit: number,
) {
  let query = db
    .selectFrom('person')
    .select(LIST_COLUMNS)
    .select(sql<number>`1`.as('rank'))
    .where('person.merged_into_id', 'is', null)
    .where(inOffices(filter.officeIds))
    .orderBy('person.id', 'desc')
    .limit(limit);
  query =
    'documentNumber' in by
      ? query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('identity_document')
              .select(sql`1`.as('one'))
              .whereRef('identity_document.person_id', '=', 'person.id')
              .where('identity_document.number_normalized', '=', by.documentNumber),
          ),
        )
      : query.where('person.phone_e164', '=', by.phone);
  return withFilters(query, filter).execute();
}

/**
 * The persons of the caller's offices without a query: the most recently registered first. Ids are UUIDv7, so
 * ordering by id is ordering by registration, served by the primary key.
 */
export function listPersons(db: Db, filter: PersonListFilter, limit: number, offset: number) {
  const query = db
    .selectFrom('person')
    .select(LIST_COLUMNS)
    .select(sql<number>`1`.as('rank'))
    .where('person.merged_into_id', 'is', null)
    .where(inOffices(filter.officeIds))
    .orderBy('person.id', 'desc')
    .limit(limit)
    .offset(offset);
  return withFilters(query, filter).execute();
}

/** Every household the person (or a record merged into them) has belonged to. */
export async function findHouseholdIdsOfPersons(db: Db, personIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('household_membership')
    .select('household_id')
    .distinct()
    .where('person_id', 'in', personIds)
    .execute();
  return rows.map((row) => row.household_id);
}

/** Records merged into this person and not undone: their household history is now the person's. */
export async function findMergedIdsOf(db: Db, survivorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_merge')
    .select('merged_id')
    .where('survivor_id', '=', survivorId)
    .where('undone_at', 'is', null)
    .execute();
  return rows.map((row) => row.merged_id);
}

/**
 * The audit entries that make up a person's timeline, newest first and keyset-paginated on (occurred_at, id):
 * those about the person's record, and the household entries that name the person (or a record merged into
 * them). Both halves use audit_log_record_idx.
 */
export function findTimelineEntries(
  db: Db,
  input: {
    personId: string;
    subjectIds: string[];
    householdIds: string[];
    includeReads: boolean;
    before?: { occurredAt: string; id: string } | undefined;
    limit: number;
  },
) {
  const subjects = sql.join(input.subjectIds);
  let query = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.actor_user_id')
    .select([
      'app_user.display_name as actor_name',
      'audit_log.id',
      'audit_log.action',
      'audit_log.record_type',
      'audit_log.record_id',
      'audit_log.actor_user_id',
      'audit_log.actor_role',
      'audit_log.changes',
      'audit_log.occurred_at',
      sql<string>`to_char(audit_log.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'occurred_at_text',
      ),
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_log.record_type', '=', 'person'), eb('audit_log.record_id', '=', input.personId)]),
        ...(input.householdIds.length
          ? [
              eb.and([
                eb('audit_log.record_type', '=', 'household'),
                eb('audit_log.record_id', 'in', input.householdIds),
                sql<boolean>`(audit_log.changes->'after'->>'personId' in (${subjects})
                  or audit_log.changes->'before'->>'personId' in (${subjects})
                  or exists (select 1 from jsonb_array_elements(coalesce(audit_log.changes->'after'->'members', '[]'::jsonb)) m
                             where m->>'personId' in (${subjects})))`,
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('audit_log.occurred_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(input.limit);
  if (!input.includeReads) query = query.where('audit_log.action', '<>', 'person.sensitive_read');
  if (input.before) {
    const { occurredAt, id } = input.before;
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.occurred_at', '<', sql<Date>`${occurredAt}::timestamptz`),
        eb.and([
          eb('audit_log.occurred_at', '=', sql<Date>`${occurredAt}::timestamptz`),
          eb('audit_log.id', '<', id),
        ]),
      ]),
    );
  }
  return query.execute();
}

export function findMergesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_merge')
    .select(['id', 'survivor_id', 'merged_id', 'moved_document_ids'])
    .where('id', 'in', ids)
    .execute();
}

export function findDocumentsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('identity_document')
    .select(['id', 'document_type', 'number'])
    .where('id', 'in', ids)
    .execute();
}
