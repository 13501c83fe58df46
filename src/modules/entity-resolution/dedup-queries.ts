import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, DedupPairTable, DedupRunTable } from '../../db/schema';

type Db = Kysely<Database>;

/** Runs still to finish: queued, running, or asked to stop. */
export const ACTIVE_STATUSES = ['queued', 'running', 'cancelling'] as const;

const RUN_COLUMNS = [
  'dedup_run.id',
  'dedup_run.scope',
  'dedup_run.office_ids',
  'dedup_run.import_job_id',
  'dedup_run.status',
  'dedup_run.stage',
  'dedup_run.progress_done',
  'dedup_run.progress_total',
  'dedup_run.person_count',
  'dedup_run.candidate_count',
  'dedup_run.same_count',
  'dedup_run.review_count',
  'dedup_run.refused_count',
  'dedup_run.snapshot_at',
  'dedup_run.model_id',
  'dedup_run.error_code',
  'dedup_run.attempts',
  'dedup_run.started_by',
  'dedup_run.started_by_role',
  'dedup_run.created_at',
  'dedup_run.started_at',
  'dedup_run.finished_at',
] as const;

export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export function insertRun(db: Db, row: Insertable<DedupRunTable>) {
  return db.insertInto('dedup_run').values(row).execute();
}

export function findRun(db: Db, id: string) {
  return db
    .selectFrom('dedup_run')
    .innerJoin('app_user', 'app_user.id', 'dedup_run.started_by')
    .leftJoin('import_job', 'import_job.id', 'dedup_run.import_job_id')
    .select(RUN_COLUMNS)
    .select(['app_user.display_name as started_by_name', 'import_job.file_name as import_file_name'])
    .where('dedup_run.id', '=', id)
    .executeTakeFirst();
}

export function findRunModel(db: Db, id: string) {
  return db
    .selectFrom('dedup_run')
    .select(['model', 'started_context'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Recent runs; `officeIds` given: the whole-registry runs and those of those offices. */
export function listRuns(db: Db, officeIds: string[] | null, limit: number) {
  let query = db
    .selectFrom('dedup_run')
    .innerJoin('app_user', 'app_user.id', 'dedup_run.started_by')
    .leftJoin('import_job', 'import_job.id', 'dedup_run.import_job_id')
    .select(RUN_COLUMNS)
    .select(['app_user.display_name as started_by_name', 'import_job.file_name as import_file_name']);
  if (officeIds) {
    query = query.where((eb) =>
      eb.or([
        eb('dedup_run.office_ids', 'is', null),
        sql<boolean>`dedup_run.office_ids && ${sql.val(officeIds)}::uuid[]`,
      ]),
    );
  }
  return query.orderBy('dedup_run.created_at', 'desc').orderBy('dedup_run.id', 'desc').limit(limit).execute();
}

export function findActiveRun(db: Db) {
  return db
    .selectFrom('dedup_run')
    .select(['id', 'status'])
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirst();
}

export function findUnfinishedRunIds(db: Db) {
  return db
    .selectFrom('dedup_run')
    .select(['id', 'status'])
    .where('status', 'in', ACTIVE_STATUSES)
    .orderBy('created_at')
    .execute();
}

/** Updates a run only while its status is one of `from`; true when it did. */
export async function updateRunIn(
  db: Db,
  id: string,
  from: readonly string[],
  values: Updateable<DedupRunTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('dedup_run')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A queued run starts: running, one attempt more (see MAX_RUN_ATTEMPTS). */
export function startQueuedRun(db: Db, id: string) {
  return db
    .updateTable('dedup_run')
    .set({ status: 'running', started_at: sql`now()`, attempts: sql`attempts + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** Progress of a chunk, in the chunk's transaction; false when the run is no longer running (cancelled). */
export async function addChunkProgress(
  db: Db,
  id: string,
  done: number,
  counts: { same: number; review: number },
): Promise<boolean> {
  const result = await db
    .updateTable('dedup_run')
    .set({
      progress_done: done,
      same_count: sql`same_count + ${counts.same}`,
      review_count: sql`review_count + ${counts.review}`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------
// The persons a run compares

export interface PersonForMatch {
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
 * One page of the persons of a run, in id order: not merged away, registered up to the run's snapshot, and, with
 * `officeIds`, served by one of those offices. Pages keep each statement short on PGlite's one connection.
 */
export function pagePersons(
  db: Db,
  options: { snapshotAt: Date; officeIds: string[] | null; after: string | null; limit: number },
): Promise<PersonForMatch[]> {
  let query = db
    .selectFrom('person')
    .select([
      'person.id',
      'person.given_name_1',
      'person.given_name_2',
      'person.surname_1',
      'person.surname_2',
      'person.birth_date',
      'person.sex_at_birth',
      'person.municipality_code',
    ])
    .where('person.merged_into_id', 'is', null)
    .where('person.created_at', '<=', options.snapshotAt);
  if (options.officeIds) {
    const officeIds = options.officeIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_office')
          .select(sql`1`.as('one'))
          .whereRef('person_office.person_id', '=', 'person.id')
          .where('person_office.office_id', 'in', officeIds),
      ),
    );
  }
  if (options.after) query = query.where('person.id', '>', options.after);
  return query.orderBy('person.id').limit(options.limit).execute();
}

export function documentsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('identity_document')
    .select(['person_id', 'document_type', 'number'])
    .where('person_id', 'in', personIds)
    .execute();
}

/** The persons an import created or linked (its row keys). */
export async function personIdsOfImport(db: Db, jobId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('import_row_key')
    .select('person_id')
    .distinct()
    .where('job_id', '=', jobId)
    .execute();
  return rows.map((row) => row.person_id);
}

export function findImportJob(db: Db, id: string) {
  return db
    .selectFrom('import_job')
    .select(['id', 'office_id', 'status', 'file_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Recent finished imports of some offices (all offices when null), for the scope picker. */
export function listRecentImports(db: Db, officeIds: string[] | null, limit: number) {
  let query = db
    .selectFrom('import_job')
    .select(['id', 'office_id', 'file_name', 'finished_at', 'created_rows'])
    .where('status', '=', 'succeeded');
  if (officeIds) {
    if (officeIds.length === 0) return Promise.resolve([]);
    query = query.where('office_id', 'in', officeIds);
  }
  return query.orderBy('finished_at', 'desc').limit(limit).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Pairs

/**
 * A chunk of pairs; a pair already written (a chunk replayed after a crash) is left as it was. A pair decided in an
 * earlier run takes that decision, so coordinators do not decide the same pair twice. Returns the pairs inserted.
 */
export async function insertPairs(db: Db, rows: Insertable<DedupPairTable>[]) {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('dedup_pair')
    .values(rows)
    .onConflict((oc) => oc.columns(['run_id', 'person_a_id', 'person_b_id']).doNothing())
    .returning(['id', 'decision_class', 'person_a_id', 'person_b_id'])
    .execute();
  if (inserted.length > 0) {
    await sql`
      update dedup_pair p
      set status = d.status, decided_by = d.decided_by, decided_at = d.decided_at, note = d.note
      from (
        select distinct on (person_a_id, person_b_id) person_a_id, person_b_id, status, decided_by, decided_at, note
        from dedup_pair
        where status <> 'pending' and person_a_id = any(${sql.val(inserted.map((r) => r.person_a_id))}::uuid[])
        order by person_a_id, person_b_id, decided_at desc
      ) d
      where p.id = any(${sql.val(inserted.map((r) => r.id))}::uuid[])
        and p.person_a_id = d.person_a_id and p.person_b_id = d.person_b_id`.execute(db);
  }
  return inserted;
}

export interface PairFilter {
  runId: string;
  status: string | null;
  /** Only pairs whose two persons are served by one of these offices (null: no restriction). */
  officeIds: string[] | null;
  limit: number;
  /** Keyset position: class, probability, id of the last item. */
  after: { decisionClass: 'same' | 'review'; probability: number; id: string } | null;
}

/**
 * The queue: "probably the same" first, then "to review" ('same' > 'review', so class descending), each by
 * probability (highest first), ties by id — all descending, so the keyset is one row comparison and the order is
 * the index's (dedup_pair_queue_idx, dedup_pair_queue_status_idx).
 */
export function listPairs(db: Db, filter: PairFilter) {
  let query = db
    .selectFrom('dedup_pair')
    .innerJoin('person as a', 'a.id', 'dedup_pair.person_a_id')
    .innerJoin('person as b', 'b.id', 'dedup_pair.person_b_id')
    .select([
      'dedup_pair.id',
      'dedup_pair.person_a_id',
      'dedup_pair.person_b_id',
      'dedup_pair.probability',
      'dedup_pair.weight',
      'dedup_pair.decision_class',
      'dedup_pair.veto',
      'dedup_pair.status',
      'dedup_pair.decided_at',
      'a.given_name_1 as a_given_name_1',
      'a.given_name_2 as a_given_name_2',
      'a.surname_1 as a_surname_1',
      'a.surname_2 as a_surname_2',
      'a.birth_date as a_birth_date',
      'b.given_name_1 as b_given_name_1',
      'b.given_name_2 as b_given_name_2',
      'b.surname_1 as b_surname_1',
      'b.surname_2 as b_surname_2',
      'b.birth_date as b_birth_date',
    ])
    .where('dedup_pair.run_id', '=', filter.runId)
    .where('a.merged_into_id', 'is', null)
    .where('b.merged_into_id', 'is', null);
  if (filter.status) query = query.where('dedup_pair.status', '=', filter.status);
  if (filter.officeIds) query = query.where(visibleTo(filter.officeIds));
  if (filter.after) {
    const { decisionClass, probability, id } = filter.after;
    query = query.where(
      sql<boolean>`(dedup_pair.decision_class, dedup_pair.probability, dedup_pair.id) < (${decisionClass}, ${probability}::double precision, ${id}::uuid)`,
    );
  }
  return query
    .orderBy('dedup_pair.decision_class', 'desc')
    .orderBy('dedup_pair.probability', 'desc')
    .orderBy('dedup_pair.id', 'desc')
    .limit(filter.limit)
    .execute();
}

function visibleTo(officeIds: string[]) {
  return sql<boolean>`exists (select 1 from person_office po where po.person_id = dedup_pair.person_a_id
      and po.office_id = any(${sql.val(officeIds)}::uuid[]))
    and exists (select 1 from person_office po where po.person_id = dedup_pair.person_b_id
      and po.office_id = any(${sql.val(officeIds)}::uuid[]))`;
}

/**
 * Counts of a run's pairs by status and class, among those the caller may see (`officeIds` null: all), leaving out
 * pairs of a person merged away since, as the queue does.
 */
export function countPairs(db: Db, runId: string, officeIds: string[] | null) {
  let query = db
    .selectFrom('dedup_pair')
    .innerJoin('person as a', 'a.id', 'dedup_pair.person_a_id')
    .innerJoin('person as b', 'b.id', 'dedup_pair.person_b_id')
    .select(['dedup_pair.status', 'dedup_pair.decision_class'])
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('dedup_pair.run_id', '=', runId)
    .where('a.merged_into_id', 'is', null)
    .where('b.merged_into_id', 'is', null);
  if (officeIds) query = query.where(visibleTo(officeIds));
  return query.groupBy(['dedup_pair.status', 'dedup_pair.decision_class']).execute();
}

/** A run's same/review counts recounted from its pairs (a resumed run rewrites from the start). */
export async function recountRun(db: Db, runId: string) {
  const rows = await countPairs(db, runId, null);
  let same = 0;
  let review = 0;
  for (const row of rows) {
    if (row.decision_class === 'same') same += Number(row.count);
    else review += Number(row.count);
  }
  return { same, review };
}

export function findPair(db: Db, id: string) {
  return db
    .selectFrom('dedup_pair')
    .leftJoin('app_user', 'app_user.id', 'dedup_pair.decided_by')
    .selectAll('dedup_pair')
    .select('app_user.display_name as decided_by_name')
    .where('dedup_pair.id', '=', id)
    .executeTakeFirst();
}

export async function decidePair(
  db: Db,
  id: string,
  version: number,
  values: { status: string; decided_by: string; note: string | null },
) {
  return db
    .updateTable('dedup_pair')
    .set({ ...values, decided_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

/**
 * Decided pairs (same / different) for the threshold suggestion: each pair of persons once (a decision carried into
 * a later run is the same decision), with its latest decision; the most recent first.
 */
export async function decidedPairs(db: Db, limit: number) {
  const result = await sql<{ probability: number; status: string }>`
    select probability, status from (
      select distinct on (person_a_id, person_b_id) probability, status, decided_at
      from dedup_pair
      where status in ('same', 'different')
      order by person_a_id, person_b_id, decided_at desc, id desc
    ) latest
    order by decided_at desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** One person's fields for the side-by-side view, with documents and offices. */
export async function personForReview(db: Db, id: string) {
  const person = await db
    .selectFrom('person')
    .leftJoin('municipality', 'municipality.code', 'person.municipality_code')
    .select([
      'person.id',
      'person.given_name_1',
      'person.given_name_2',
      'person.surname_1',
      'person.surname_2',
      'person.birth_date',
      'person.sex_at_birth',
      'person.municipality_code',
      'municipality.name as municipality_name',
      'person.merged_into_id',
      'person.version',
      'person.created_at',
    ])
    .where('person.id', '=', id)
    .executeTakeFirst();
  if (!person) return null;
  const [documents, offices] = await Promise.all([
    db
      .selectFrom('identity_document')
      .select(['document_type', 'number'])
      .where('person_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('person_office')
      .innerJoin('office', 'office.id', 'person_office.office_id')
      .select(['office.id', 'office.name'])
      .where('person_office.person_id', '=', id)
      .execute(),
  ]);
  return { ...person, documents, offices };
}

/** Where a stored model came from, for the thresholds panel. */
export function findMatchModelInfo(db: Db, id: string) {
  return db
    .selectFrom('match_model')
    .select(['id', 'source', 'run_id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
