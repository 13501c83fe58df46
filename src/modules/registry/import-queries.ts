import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, IdentityDocumentTable, ImportJobTable, PersonTable } from '../../db/schema';

type Db = Kysely<Database>;

/** Every column of a job but the file itself, which only the runner reads. */
const JOB_COLUMNS = [
  'import_job.id',
  'import_job.office_id',
  'import_job.created_by',
  'import_job.file_name',
  'import_job.file_hash',
  'import_job.format',
  'import_job.headers',
  'import_job.delimiter',
  'import_job.total_rows',
  'import_job.mapping',
  'import_job.default_population_group',
  'import_job.mode',
  'import_job.status',
  'import_job.processed_rows',
  'import_job.created_rows',
  'import_job.matched_rows',
  'import_job.skipped_rows',
  'import_job.rejected_rows',
  'import_job.flagged_rows',
  'import_job.error_code',
  'import_job.started_by_role',
  'import_job.started_context',
  'import_job.created_at',
  'import_job.started_at',
  'import_job.finished_at',
] as const;

export function insertJob(db: Db, row: Insertable<ImportJobTable>) {
  return db.insertInto('import_job').values(row).returning(JOB_COLUMNS).executeTakeFirstOrThrow();
}

export function findJob(db: Db, id: string) {
  return db
    .selectFrom('import_job')
    .innerJoin('app_user', 'app_user.id', 'import_job.created_by')
    .select(JOB_COLUMNS)
    .select('app_user.display_name as created_by_name')
    .where('import_job.id', '=', id)
    .executeTakeFirst();
}

export function findJobFile(db: Db, id: string) {
  return db.selectFrom('import_job').select('file_content').where('id', '=', id).executeTakeFirst();
}

export function listJobs(db: Db, officeIds: string[], limit: number) {
  return db
    .selectFrom('import_job')
    .innerJoin('app_user', 'app_user.id', 'import_job.created_by')
    .select(JOB_COLUMNS)
    .select('app_user.display_name as created_by_name')
    .where('import_job.office_id', 'in', officeIds)
    .orderBy('import_job.created_at', 'desc')
    .orderBy('import_job.id', 'desc')
    .limit(limit)
    .execute();
}

/** Jobs a restart interrupted (or that never got to run), oldest first. */
export function findUnfinishedJobIds(db: Db) {
  return db
    .selectFrom('import_job')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .execute();
}

/** Changes a job only while it is in one of `statuses`; returns whether it did. */
export async function updateJobIn(
  db: Db,
  id: string,
  statuses: string[],
  changes: Updateable<ImportJobTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('import_job')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Adds one batch's counts to a running job, in the batch's transaction; false if the job stopped running. */
export async function addBatchProgress(
  db: Db,
  id: string,
  counts: {
    processed: number;
    created: number;
    matched: number;
    skipped: number;
    rejected: number;
    flagged: number;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('import_job')
    .set({
      processed_rows: sql`processed_rows + ${counts.processed}`,
      created_rows: sql`created_rows + ${counts.created}`,
      matched_rows: sql`matched_rows + ${counts.matched}`,
      skipped_rows: sql`skipped_rows + ${counts.skipped}`,
      rejected_rows: sql`rejected_rows + ${counts.rejected}`,
      flagged_rows: sql`flagged_rows + ${counts.flagged}`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findSavedMapping(db: Db, officeId: string, signature: string) {
  return db
    .selectFrom('import_mapping')
    .select(['mapping', 'default_population_group'])
    .where('office_id', '=', officeId)
    .where('header_signature', '=', signature)
    .executeTakeFirst();
}

export async function saveMapping(db: Db, row: Insertable<Database['import_mapping']>) {
  await db
    .insertInto('import_mapping')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['office_id', 'header_signature']).doUpdateSet({
        mapping: row.mapping,
        default_population_group: row.default_population_group ?? null,
        updated_by: row.updated_by ?? null,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export function listMunicipalities(db: Db) {
  return db
    .selectFrom('municipality')
    .innerJoin('department', 'department.code', 'municipality.department_code')
    .select(['municipality.code', 'municipality.name', 'department.name as department_name'])
    .execute();
}

export function findOfficeNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('office').select(['id', 'name']).where('id', 'in', ids).execute();
}

// Rows

export async function findRowKeys(db: Db, officeId: string, fingerprints: string[]) {
  if (fingerprints.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('import_row_key')
    .select('fingerprint')
    .where('office_id', '=', officeId)
    .where('fingerprint', 'in', fingerprints)
    .execute();
  return new Set(rows.map((row) => row.fingerprint));
}

export async function insertRowKeys(db: Db, rows: Array<Insertable<Database['import_row_key']>>) {
  if (rows.length === 0) return;
  await sql`insert into import_row_key (office_id, fingerprint, person_id, job_id)
    select * from unnest(${rows.map((r) => r.office_id)}::uuid[], ${rows.map((r) => r.fingerprint)}::text[],
      ${rows.map((r) => r.person_id)}::uuid[], ${rows.map((r) => r.job_id)}::uuid[])
    on conflict do nothing`.execute(db);
}

export async function insertRejectedRows(db: Db, rows: Array<Insertable<Database['import_rejected_row']>>) {
  if (rows.length === 0) return;
  await db.insertInto('import_rejected_row').values(rows).execute();
}

export async function deleteRejectedRows(db: Db, jobId: string) {
  await db.deleteFrom('import_rejected_row').where('job_id', '=', jobId).execute();
}

export function listRejectedRows(db: Db, jobId: string) {
  return db
    .selectFrom('import_rejected_row')
    .select(['row_number', 'cells', 'errors'])
    .where('job_id', '=', jobId)
    .orderBy('row_number')
    .execute();
}

/** Documents with any of these (type, number) pairs: the persons a row with that document already is. */
export function findDocumentOwners(db: Db, documents: Array<{ type: string; normalized: string }>) {
  if (documents.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('identity_document')
    .select(['person_id', 'document_type', 'number_normalized'])
    .where('number_normalized', 'in', [...new Set(documents.map((d) => d.normalized))])
    .execute();
}

export function findDocumentsOfPersons(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('identity_document')
    .select(['person_id', 'document_type', 'number_normalized'])
    .where('person_id', 'in', personIds)
    .execute();
}

/**
 * Registers a batch of persons with their documents and office: three statements per batch, each sending one
 * array per column through unnest(), so PostgreSQL parses and plans a statement of a few parameters whatever
 * the batch size (a multi-row VALUES list of thousands of rows costs more to plan than to insert).
 */
export async function insertPersons(
  db: Db,
  persons: Array<Insertable<PersonTable> & { name_keys: string[] }>,
  documents: Array<Insertable<IdentityDocumentTable>>,
) {
  if (persons.length === 0) return;
  const column = <K extends keyof PersonTable>(key: K) =>
    persons.map((person) => (person as Record<string, unknown>)[key] ?? null);
  await sql`insert into person (id, given_name_1, given_name_2, surname_1, surname_2, search_name, name_keys,
      sex_at_birth, birth_date, nationalities, population_group, phone_e164, email, address_line, neighbourhood,
      municipality_code, registered_office_id, created_by)
    select id, g1, g2, s1, s2, sn, string_to_array(nk, ' '), sex, bd, string_to_array(nat, ' ')::char(2)[], pg,
      ph, em, ad, nb, mc, ro, cb
    from unnest(${column('id')}::uuid[], ${column('given_name_1')}::text[], ${column('given_name_2')}::text[],
      ${column('surname_1')}::text[], ${column('surname_2')}::text[], ${column('search_name')}::text[],
      ${persons.map((p) => p.name_keys.join(' '))}::text[], ${column('sex_at_birth')}::text[],
      ${column('birth_date')}::date[], ${persons.map((p) => ((p.nationalities as string[] | undefined) ?? []).join(' '))}::text[],
      ${column('population_group')}::text[], ${column('phone_e164')}::text[], ${column('email')}::text[],
      ${column('address_line')}::text[], ${column('neighbourhood')}::text[], ${column('municipality_code')}::text[],
      ${column('registered_office_id')}::uuid[], ${column('created_by')}::uuid[])
      as t(id, g1, g2, s1, s2, sn, nk, sex, bd, nat, pg, ph, em, ad, nb, mc, ro, cb)`.execute(db);
  if (documents.length) {
    await sql`insert into identity_document (id, person_id, document_type, number, number_normalized)
      select * from unnest(${documents.map((d) => d.id)}::uuid[], ${documents.map((d) => d.person_id)}::uuid[],
        ${documents.map((d) => d.document_type)}::text[], ${documents.map((d) => d.number)}::text[],
        ${documents.map((d) => d.number_normalized)}::text[])`.execute(db);
  }
  await sql`insert into person_office (person_id, office_id)
    select * from unnest(${persons.map((p) => p.id)}::uuid[], ${persons.map((p) => p.registered_office_id)}::uuid[])`.execute(
    db,
  );
}

export function countPersonsOfOffice(db: Db, officeId: string) {
  return db
    .selectFrom('person_office')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('office_id', '=', officeId)
    .executeTakeFirstOrThrow();
}

/** Live persons born on any of these dates: the duplicate candidates of a batch (see processBatch). */
export function findPersonsBornOn(db: Db, dates: string[]) {
  if (dates.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .select(['id', 'given_name_1', 'given_name_2', 'surname_1', 'surname_2', 'birth_date'])
    .where('birth_date', 'in', dates)
    .where('merged_into_id', 'is', null)
    .execute();
}
