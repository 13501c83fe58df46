import { Worker } from 'node:worker_threads';
import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Database, DedupPairTable } from '../../db/schema';
import { FIELD_COUNT, type PreparedPerson } from '../../domain/entity-resolution/comparisons';
import { isDocumentType } from '../../domain/entity-resolution/normalize';
import {
  defaultTrainedPersonModel,
  explainPair,
  type PersonRecordInput,
  prepareRecords,
  type TrainedPersonModel,
  trainedModelFromJson,
} from '../../domain/entity-resolution/pipeline';
import { suggestThresholds } from '../../domain/entity-resolution/thresholds';
import { displayName } from '../../domain/registry/names';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditService, AuditSubject } from '../audit/service';
import type { Actor } from '../identity/actor';
import {
  appendRecord,
  type ComputeInput,
  type ComputeResult,
  type ComputeStage,
  emptyColumns,
  type RecordColumns,
} from './dedup-compute';
import { dedupPolicy } from './dedup-policy';
import * as q from './dedup-queries';
import { activeMatchModel, insertActiveMatchModel } from './model-queries';

/** A stop that leaves the run as it is, to resume at the next start (the server is closing, or it crashed). */
export class DedupInterrupted extends Error {}
/** Someone asked the run to stop. */
class Cancelled extends Error {}

export const DEDUP_STAGES = [
  'queued',
  'loading',
  'blocking',
  'training',
  'scoring',
  'writing',
  'done',
] as const;
export type DedupStage = (typeof DEDUP_STAGES)[number];
export type DedupStatus = 'queued' | 'running' | 'cancelling' | 'cancelled' | 'failed' | 'completed';
export type PairStatus = 'pending' | 'same' | 'different' | 'unsure';

/** Starts after which a run the server keeps dying in is marked failed instead of resumed at the next boot. */
export const MAX_RUN_ATTEMPTS = 3;

/** The queue's keyset cursor: class, probability and id of the last pair of the page. */
const PairCursor = z.tuple([z.enum(['same', 'review']), z.number().finite(), z.string().uuid()]);

function decodeCursor(cursor: string) {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = null;
  }
  const parsed = PairCursor.safeParse(decoded);
  if (!parsed.success) {
    throw new InvalidFieldsError([{ path: 'cursor', messageKey: 'validation.invalid' }]);
  }
  const [decisionClass, probability, id] = parsed.data;
  return { decisionClass, probability, id };
}

/** The index that keeps one run active at a time refused a second (two starts raced past the check). */
function isSecondActiveRun(error: unknown) {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  return (
    e?.code === '23505' &&
    (e.constraint === 'dedup_run_one_active_idx' || (e.message ?? '').includes('dedup_run_one_active_idx'))
  );
}

/** Runs `write`, answering 409 when another run became active meanwhile. */
async function oneActiveRun<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isSecondActiveRun(error)) throw new AppError('dedupState');
    throw error;
  }
}

export interface DedupServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  /** Pairs written per transaction (with the run's progress). */
  chunkSize?: number;
  /** Persons read per statement while loading. */
  pageSize?: number;
  /** Called after each chunk is committed; tests throw `DedupInterrupted` here to simulate a crash. */
  afterChunk?: (runId: string, done: number) => void | Promise<void>;
  log?: (message: string, error?: unknown) => void;
}

type WorkerMessage =
  | { type: 'stage'; stage: ComputeStage; detail: { candidateCount?: number; blockingStats?: unknown } }
  | { type: 'result'; result: ComputeResult };

const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

function sexOf(value: string | null): string | null {
  if (value === 'female') return 'F';
  if (value === 'male') return 'M';
  return value ? 'X' : null;
}

/**
 * Batch deduplication: a run loads the persons of its scope, prepares and blocks them, trains the model (u from
 * random pairs, m by EM), scores every candidate pair, clusters with the document veto, and writes the pairs at or
 * above the review threshold to the queue in chunks — each chunk in one transaction with the run's progress, so a
 * crash loses at most the chunk being written and the run resumes after the last one. Nothing is merged: pairs at
 * or above the "same" threshold (and not vetoed, and kept in one cluster) are queued as "probably the same person",
 * the rest as "to review"; a coordinator decides each, and the existing merge screen does the merging.
 *
 * One run at a time (PGlite has one connection; the work is CPU-bound between short statements).
 */
export function createDedupService({
  db,
  audit,
  chunkSize = 500,
  pageSize = 5000,
  afterChunk,
  log,
}: DedupServiceDeps) {
  const queue: string[] = [];
  let draining: Promise<void> | null = null;
  let stopping = false;
  const cancelRequested = new Set<string>();
  /** Runs whose worker is computing, with what stops it. */
  const working = new Map<string, () => void>();

  function checkpoint(id: string) {
    if (cancelRequested.has(id)) throw new Cancelled();
    if (stopping) throw new DedupInterrupted();
  }

  async function setStage(id: string, values: Parameters<typeof q.updateRunIn>[3]) {
    if (!(await q.updateRunIn(db, id, ['running'], values))) throw new Cancelled();
  }

  async function loadPersons(run: q.RunRow) {
    const ids: string[] = [];
    const records = emptyColumns();
    let after: string | null = null;
    // An import is checked against the whole registry; a registry run against its offices (all when null).
    const officeIds = run.scope === 'import' ? null : run.office_ids;
    for (;;) {
      const page = await q.pagePersons(db, {
        snapshotAt: run.snapshot_at,
        officeIds,
        after,
        limit: pageSize,
      });
      if (page.length === 0) break;
      const documents = await q.documentsOf(
        db,
        page.map((p) => p.id),
      );
      const byPerson = new Map<string, Array<{ type: string; number: string }>>();
      for (const d of documents) {
        const list = byPerson.get(d.person_id) ?? [];
        list.push({ type: d.document_type, number: d.number });
        byPerson.set(d.person_id, list);
      }
      for (const p of page) {
        ids.push(p.id);
        appendRecord(records, {
          givenName1: p.given_name_1,
          givenName2: p.given_name_2,
          surname1: p.surname_1,
          surname2: p.surname_2,
          birthDate: p.birth_date,
          sex: sexOf(p.sex_at_birth),
          municipality: p.municipality_code,
          documents: (byPerson.get(p.id) ?? []).map((d) => ({
            type: isDocumentType(d.type) ? d.type : null,
            number: d.number,
          })),
        });
      }
      after = page[page.length - 1]?.id ?? null;
      checkpoint(run.id);
      await yieldToOthers();
      if (page.length < pageSize) break;
    }
    return { ids, records };
  }

  /**
   * Runs the CPU part in a worker thread, updating the run's stage as the worker reports it. Cancelling or stopping
   * terminates the worker; a stage update refused (the run was cancelled elsewhere) does too.
   */
  function compute(id: string, input: ComputeInput): Promise<ComputeResult> {
    return new Promise<ComputeResult>((resolve, reject) => {
      const thread = new Worker(new URL('./dedup-worker-entry.mjs', import.meta.url), { workerData: input });
      // The records were cloned into the worker as it started: let the main thread's copy go.
      input.records = emptyColumns();
      input.touching = null;
      let settled = false;
      let stageUpdates = Promise.resolve();
      let failure: unknown = null;
      const stopWorker = (error: unknown) => {
        failure ??= error;
        void thread.terminate();
      };
      working.set(id, () => stopWorker(cancelRequested.has(id) ? new Cancelled() : new DedupInterrupted()));
      thread.on('message', (message: WorkerMessage) => {
        if (message.type === 'stage') {
          const { stage, detail } = message;
          stageUpdates = stageUpdates
            .then(() =>
              setStage(id, {
                stage,
                ...(detail.candidateCount !== undefined ? { candidate_count: detail.candidateCount } : {}),
                ...(detail.blockingStats ? { blocking_stats: JSON.stringify(detail.blockingStats) } : {}),
              }),
            )
            .catch(stopWorker);
        } else {
          settled = true;
          stageUpdates.then(() => (failure ? reject(failure) : resolve(message.result)), reject);
        }
      });
      thread.on('error', (error) => stopWorker(error));
      thread.on('exit', () => {
        working.delete(id);
        if (!settled)
          stageUpdates.then(() => reject(failure ?? new Error('deduplication worker exited')), reject);
      });
    });
  }

  async function execute(run: q.RunRow) {
    const id = run.id;
    await setStage(id, { stage: 'loading' });
    const loaded: { ids: string[]; records: RecordColumns | null } = await loadPersons(run);
    const { ids } = loaded;
    await setStage(id, { person_count: ids.length });
    let touching: Uint8Array | null = null;
    if (run.scope === 'import' && run.import_job_id) {
      const inImport = new Set(await q.personIdsOfImport(db, run.import_job_id));
      touching = new Uint8Array(ids.length);
      for (let i = 0; i < ids.length; i++) if (inImport.has(ids[i] as string)) touching[i] = 1;
    }
    // The model is trained once per run and kept with it, so a resumed run scores exactly as before.
    const stored = await q.findRunModel(db, id);
    // Thresholds carry over from the active model (a coordinator may have moved them after the decisions).
    const active = await activeMatchModel(db);
    checkpoint(id);
    const input: ComputeInput = {
      records: loaded.records ?? emptyColumns(),
      touching,
      model: stored?.model ?? null,
      thresholds: { same: active.trained.sameThreshold, review: active.trained.reviewThreshold },
    };
    // The worker gets its own copy (workerData is cloned when it starts): the main thread keeps only the ids.
    loaded.records = null;
    const result = await compute(id, input);
    checkpoint(id);
    const total = result.left.length;
    // A resumed run writes again from the first pair: the registry may have changed since the interruption (a
    // merge removes a person, and every pair after theirs moves), so positions written before mean nothing now.
    // Pairs already written are left as they were (insertPairs skips them) and the counts are recounted at the end.
    let done = 0;
    await setStage(id, {
      stage: 'writing',
      candidate_count: result.candidateCount,
      progress_total: total,
      progress_done: done,
      refused_count: result.refused,
      ...(stored?.model ? {} : { model: JSON.stringify(result.model) }),
    });

    while (done < total) {
      const to = Math.min(total, done + chunkSize);
      const rows: Insertable<DedupPairTable>[] = [];
      for (let s = done; s < to; s++) {
        const idLeft = ids[result.left[s] as number] as string;
        const idRight = ids[result.right[s] as number] as string;
        const [first, second] = idLeft < idRight ? [idLeft, idRight] : [idRight, idLeft];
        rows.push({
          id: uuidv7(),
          run_id: id,
          person_a_id: first,
          person_b_id: second,
          probability: result.probability[s] as number,
          weight: result.weight[s] as number,
          decision_class: result.same[s] ? 'same' : 'review',
          levels: Array.from(result.levels.subarray(s * FIELD_COUNT, (s + 1) * FIELD_COUNT)),
          veto: result.veto[s] === 1,
        });
      }
      await db.transaction().execute(async (trx) => {
        const inserted = await q.insertPairs(trx, rows);
        const same = inserted.filter((row) => row.decision_class === 'same').length;
        if (!(await q.addChunkProgress(trx, id, to, { same, review: inserted.length - same }))) {
          throw new Cancelled();
        }
      });
      done = to;
      await afterChunk?.(id, done);
      checkpoint(id);
      await yieldToOthers();
    }

    const counts = await q.recountRun(db, id);
    await setStage(id, { same_count: counts.same, review_count: counts.review });
    const trained = trainedModelFromJson(result.model);
    // Read before the transaction: on PGlite's one connection a read through `db` inside it would wait forever.
    const subject = await subjectOf(run);
    // Only a run over the whole registry sets the network's active model (the online match's): a model trained on
    // one office's persons or on an import's pairs has the term frequencies and u of a part, not of the registry.
    const wholeRegistry = run.scope === 'registry' && run.office_ids === null;
    await db.transaction().execute(async (trx) => {
      const modelId = wholeRegistry ? uuidv7() : null;
      if (modelId) {
        await insertActiveMatchModel(trx, {
          id: modelId,
          createdBy: run.started_by,
          source: 'run',
          runId: id,
          trained,
        });
      }
      if (
        !(await q.updateRunIn(trx, id, ['running'], {
          status: 'completed',
          stage: 'done',
          finished_at: new Date(),
          model_id: modelId,
        }))
      ) {
        throw new Cancelled();
      }
      await audit.record(trx, subject, {
        action: 'deduplication.run.complete',
        recordType: 'dedup_run',
        recordId: id,
      });
    });
  }

  async function subjectOf(run: q.RunRow): Promise<AuditSubject> {
    const stored = await q.findRunModel(db, run.id);
    const context = (stored?.started_context ?? {}) as Partial<AuditSubject['context']>;
    return {
      userId: run.started_by,
      role: run.started_by_role,
      context: {
        ip: context.ip ?? null,
        userAgent: context.userAgent ?? null,
        requestId: context.requestId ?? null,
      },
    };
  }

  async function runOne(id: string) {
    await q.startQueuedRun(db, id);
    const run = await q.findRun(db, id);
    if (run?.status !== 'running') return;
    try {
      await execute(run);
    } catch (error) {
      if (error instanceof DedupInterrupted) return;
      if (error instanceof Cancelled) {
        await q.updateRunIn(db, id, ['running', 'cancelling'], {
          status: 'cancelled',
          finished_at: new Date(),
        });
        return;
      }
      log?.(`deduplication run ${id} failed`, error);
      await q.updateRunIn(db, id, ['running', 'cancelling'], {
        status: 'failed',
        error_code: 'internal',
        finished_at: new Date(),
      });
    } finally {
      cancelRequested.delete(id);
    }
  }

  function schedule(id: string) {
    if (stopping || queue.includes(id)) return;
    queue.push(id);
    if (!draining) {
      draining = (async () => {
        // After the response that queued the run has gone out.
        await yieldToOthers();
        while (queue.length && !stopping) {
          const next = queue.shift() as string;
          try {
            await runOne(next);
          } catch (error) {
            log?.(`deduplication run ${next} could not be recorded`, error);
          }
        }
        draining = null;
      })();
    }
  }

  async function loadRun(actor: Actor, id: string) {
    if (!dedupPolicy.use(actor)) throw new AppError('forbidden');
    const run = await q.findRun(db, id);
    if (!run || !dedupPolicy.seeRun(actor, run)) throw new AppError('notFound');
    return run;
  }

  function presentRun(actor: Actor, run: q.RunRow) {
    const active = (q.ACTIVE_STATUSES as readonly string[]).includes(run.status);
    return {
      id: run.id,
      scope: run.scope as 'registry' | 'import',
      wholeRegistry: run.scope === 'registry' && run.office_ids === null,
      importJob: run.import_job_id ? { id: run.import_job_id, fileName: run.import_file_name ?? '' } : null,
      status: run.status as DedupStatus,
      stage: run.stage as DedupStage,
      progress: { done: run.progress_done, total: run.progress_total },
      counts: {
        persons: run.person_count,
        candidates: run.candidate_count,
        same: run.same_count,
        review: run.review_count,
        refused: run.refused_count,
      },
      errorCode: run.error_code,
      startedBy: { id: run.started_by, displayName: run.started_by_name },
      createdAt: run.created_at.toISOString(),
      startedAt: run.started_at?.toISOString() ?? null,
      finishedAt: run.finished_at?.toISOString() ?? null,
      abilities: {
        cancel: active && run.status !== 'cancelling' && dedupPolicy.controlRun(actor, run),
        resume: (run.status === 'cancelled' || run.status === 'failed') && dedupPolicy.controlRun(actor, run),
        review: dedupPolicy.review(actor),
      },
    };
  }

  async function officesOf(personId: string) {
    const person = await q.personForReview(db, personId);
    return person;
  }

  /** A pair the caller may review (both persons in their offices); anyone else gets 404, other roles 403. */
  async function loadPair(actor: Actor, id: string) {
    if (!dedupPolicy.use(actor)) throw new AppError('forbidden');
    if (!dedupPolicy.review(actor)) throw new AppError('forbidden');
    const pair = await q.findPair(db, id);
    if (!pair) throw new AppError('notFound');
    const [a, b] = await Promise.all([officesOf(pair.person_a_id), officesOf(pair.person_b_id)]);
    if (
      !a ||
      !b ||
      !dedupPolicy.reviewPair(
        actor,
        a.offices.map((o) => o.id),
        b.offices.map((o) => o.id),
      )
    ) {
      throw new AppError('notFound');
    }
    return { pair, a, b };
  }

  type Loaded = Awaited<ReturnType<typeof loadPair>>;

  function presentPerson(person: NonNullable<Awaited<ReturnType<typeof q.personForReview>>>) {
    return {
      id: person.id,
      displayName: displayName({
        givenName1: person.given_name_1,
        givenName2: person.given_name_2,
        surname1: person.surname_1,
        surname2: person.surname_2,
      }),
      givenName1: person.given_name_1,
      givenName2: person.given_name_2,
      surname1: person.surname_1,
      surname2: person.surname_2,
      birthDate: person.birth_date,
      sexAtBirth: person.sex_at_birth,
      municipality: person.municipality_code
        ? { code: person.municipality_code, name: person.municipality_name ?? person.municipality_code }
        : null,
      documents: person.documents.map((d) => ({ type: d.document_type, number: d.number })),
      offices: person.offices,
      merged: person.merged_into_id !== null,
      version: person.version,
    };
  }

  async function presentPair(actor: Actor, { pair, a, b }: Loaded) {
    const stored = await q.findRunModel(db, pair.run_id);
    let trained: TrainedPersonModel;
    try {
      trained = stored?.model ? trainedModelFromJson(stored.model) : defaultTrainedPersonModel();
    } catch {
      trained = defaultTrainedPersonModel();
    }
    const [prepA, prepB] = prepareRecords([recordOf(a), recordOf(b)]) as [PreparedPerson, PreparedPerson];
    const explanation = explainPair(prepA, prepB, trained);
    const eitherMerged = a.merged_into_id !== null || b.merged_into_id !== null;
    return {
      id: pair.id,
      runId: pair.run_id,
      status: pair.status as PairStatus,
      version: pair.version,
      decisionClass: pair.decision_class as 'same' | 'review',
      probability: pair.probability,
      weight: pair.weight,
      veto: pair.veto,
      note: pair.note,
      decidedBy: pair.decided_by ? { id: pair.decided_by, displayName: pair.decided_by_name ?? '' } : null,
      decidedAt: pair.decided_at?.toISOString() ?? null,
      persons: [presentPerson(a), presentPerson(b)],
      explanation: {
        priorWeight: explanation.priorWeight,
        totalWeight: explanation.totalWeight,
        probability: explanation.probability,
        veto: explanation.veto,
        fields: explanation.fields.map((field) => ({
          field: field.field,
          level: field.level,
          label: field.label,
          weight: field.weight,
          tfAdjustment: field.tfAdjustment,
        })),
      },
      thresholds: { same: trained.sameThreshold, review: trained.reviewThreshold },
      abilities: {
        decide: dedupPolicy.review(actor) && !eitherMerged,
        merge: pair.status === 'same' && !eitherMerged,
      },
    };
  }

  function recordOf(person: NonNullable<Awaited<ReturnType<typeof q.personForReview>>>): PersonRecordInput {
    return {
      givenName1: person.given_name_1,
      givenName2: person.given_name_2,
      surname1: person.surname_1,
      surname2: person.surname_2,
      birthDate: person.birth_date,
      sex: sexOf(person.sex_at_birth),
      municipality: person.municipality_code,
      documents: person.documents.map((d) => ({
        type: isDocumentType(d.document_type) ? d.document_type : null,
        number: d.number,
      })),
    };
  }

  /** The active model (or the default one) with where it came from. */
  async function currentModel() {
    const active = await activeMatchModel(db);
    const row = active.id ? await q.findMatchModelInfo(db, active.id) : null;
    return { trained: active.trained, row: row ?? null };
  }

  return {
    async start(
      actor: Actor,
      input: { scope: 'registry' | 'import'; importJobId?: string | null | undefined },
    ) {
      if (!dedupPolicy.use(actor)) throw new AppError('forbidden');
      let officeIds: string[] | null;
      let importJobId: string | null = null;
      if (input.scope === 'import') {
        if (!input.importJobId) {
          throw new InvalidFieldsError([{ path: 'importJobId', messageKey: 'validation.required' }]);
        }
        const job = await q.findImportJob(db, input.importJobId);
        if (!job || !dedupPolicy.runImport(actor, job.office_id)) throw new AppError('notFound');
        if (job.status !== 'succeeded') throw new AppError('dedupState');
        officeIds = [job.office_id];
        importJobId = job.id;
      } else {
        officeIds = dedupPolicy.runWholeRegistry(actor) ? null : [...actor.officeIds];
      }
      const id = uuidv7();
      await oneActiveRun(() =>
        db.transaction().execute(async (trx) => {
          if (await q.findActiveRun(trx)) throw new AppError('dedupState');
          await q.insertRun(trx, {
            id,
            scope: input.scope,
            office_ids: officeIds,
            import_job_id: importJobId,
            started_by: actor.userId,
            started_by_role: actor.role,
            started_context: JSON.stringify(actor.context),
          });
          await audit.record(trx, actor, {
            action: 'deduplication.run.start',
            recordType: 'dedup_run',
            recordId: id,
            officeId: officeIds?.length === 1 ? officeIds[0] : null,
          });
        }),
      );
      schedule(id);
      return presentRun(actor, (await q.findRun(db, id)) as q.RunRow);
    },

    async list(actor: Actor, limit = 20) {
      if (!dedupPolicy.use(actor)) throw new AppError('forbidden');
      const rows = await q.listRuns(db, actor.role === 'network_admin' ? null : actor.officeIds, limit);
      const imports = await q.listRecentImports(
        db,
        actor.role === 'network_admin' ? null : actor.officeIds,
        10,
      );
      return {
        items: rows.map((run) => presentRun(actor, run)),
        imports: imports.map((job) => ({
          id: job.id,
          fileName: job.file_name,
          finishedAt: job.finished_at?.toISOString() ?? null,
          createdRows: job.created_rows,
        })),
        abilities: { start: true, wholeRegistry: dedupPolicy.runWholeRegistry(actor) },
      };
    },

    async get(actor: Actor, id: string) {
      return presentRun(actor, await loadRun(actor, id));
    },

    async cancel(actor: Actor, id: string) {
      const run = await loadRun(actor, id);
      if (!dedupPolicy.controlRun(actor, run)) throw new AppError('forbidden');
      if (run.status !== 'queued' && run.status !== 'running') throw new AppError('dedupState');
      // The status moves only from the one read, with its audit entry: a run that completed (or was cancelled)
      // between the read and this update is a 409, not a cancel recorded for nothing.
      await db.transaction().execute(async (trx) => {
        const values =
          run.status === 'queued'
            ? { status: 'cancelled', finished_at: new Date() }
            : { status: 'cancelling' };
        if (!(await q.updateRunIn(trx, id, [run.status], values))) throw new AppError('dedupState');
        await audit.record(trx, actor, {
          action: 'deduplication.run.cancel',
          recordType: 'dedup_run',
          recordId: id,
        });
      });
      if (run.status === 'running') {
        cancelRequested.add(id);
        working.get(id)?.();
      }
      return presentRun(actor, (await q.findRun(db, id)) as q.RunRow);
    },

    /** A cancelled or failed run continues after its last written chunk, with the model it trained. */
    async resume(actor: Actor, id: string) {
      const run = await loadRun(actor, id);
      if (!dedupPolicy.controlRun(actor, run)) throw new AppError('forbidden');
      if (run.status !== 'cancelled' && run.status !== 'failed') throw new AppError('dedupState');
      await oneActiveRun(() =>
        db.transaction().execute(async (trx) => {
          if (await q.findActiveRun(trx)) throw new AppError('dedupState');
          if (
            !(await q.updateRunIn(trx, id, ['cancelled', 'failed'], {
              status: 'queued',
              error_code: null,
              finished_at: null,
              attempts: 0,
            }))
          ) {
            throw new AppError('dedupState');
          }
          await audit.record(trx, actor, {
            action: 'deduplication.run.resume',
            recordType: 'dedup_run',
            recordId: id,
          });
        }),
      );
      schedule(id);
      return presentRun(actor, (await q.findRun(db, id)) as q.RunRow);
    },

    /** The review queue of a run: pairs whose two persons the coordinator may read. The read is audited. */
    async pairs(
      actor: Actor,
      runId: string,
      filter: { status?: PairStatus | undefined; cursor?: string | undefined; limit: number },
    ) {
      const run = await loadRun(actor, runId);
      if (!dedupPolicy.review(actor)) throw new AppError('forbidden');
      const after = filter.cursor ? decodeCursor(filter.cursor) : null;
      const rows = await q.listPairs(db, {
        runId,
        status: filter.status ?? null,
        officeIds: actor.officeIds,
        limit: filter.limit + 1,
        after,
      });
      const page = rows.slice(0, filter.limit);
      const last = page[page.length - 1];
      const counts = await q.countPairs(db, runId, actor.officeIds);
      const sum = (predicate: (row: (typeof counts)[number]) => boolean) =>
        counts.filter(predicate).reduce((total, row) => total + Number(row.count), 0);
      await audit.record(db, actor, {
        action: 'deduplication.queue.read',
        recordType: 'dedup_run',
        recordId: runId,
        changes: { after: { pairIds: page.map((row) => row.id) } },
      });
      const name = (row: (typeof page)[number], side: 'a' | 'b') =>
        displayName({
          givenName1: row[`${side}_given_name_1`],
          givenName2: row[`${side}_given_name_2`],
          surname1: row[`${side}_surname_1`],
          surname2: row[`${side}_surname_2`],
        });
      return {
        run: presentRun(actor, run),
        counts: {
          pending: sum((row) => row.status === 'pending'),
          same: sum((row) => row.status === 'same'),
          different: sum((row) => row.status === 'different'),
          unsure: sum((row) => row.status === 'unsure'),
          probablySame: sum((row) => row.decision_class === 'same'),
          toReview: sum((row) => row.decision_class === 'review'),
        },
        items: page.map((row) => ({
          id: row.id,
          probability: row.probability,
          weight: row.weight,
          decisionClass: row.decision_class as 'same' | 'review',
          veto: row.veto,
          status: row.status as PairStatus,
          persons: [
            { id: row.person_a_id, displayName: name(row, 'a'), birthDate: row.a_birth_date },
            { id: row.person_b_id, displayName: name(row, 'b'), birthDate: row.b_birth_date },
          ],
        })),
        nextCursor:
          rows.length > filter.limit && last
            ? Buffer.from(JSON.stringify([last.decision_class, last.probability, last.id])).toString(
                'base64url',
              )
            : null,
      };
    },

    /** One pair side by side with the weight of each field. The read is audited. */
    async pair(actor: Actor, id: string) {
      const loaded = await loadPair(actor, id);
      await audit.record(db, actor, {
        action: 'deduplication.pair.read',
        recordType: 'dedup_pair',
        recordId: id,
        changes: { after: { personIds: [loaded.pair.person_a_id, loaded.pair.person_b_id] } },
      });
      return presentPair(actor, loaded);
    },

    async decide(
      actor: Actor,
      id: string,
      input: { decision: 'same' | 'different' | 'unsure'; note?: string | null | undefined; version: number },
    ) {
      const loaded = await loadPair(actor, id);
      if (loaded.a.merged_into_id || loaded.b.merged_into_id) throw new AppError('mergedPerson');
      const note = input.note?.trim() ? input.note.trim() : null;
      const decided = await db.transaction().execute(async (trx) => {
        const updated = await q.decidePair(trx, id, input.version, {
          status: input.decision,
          decided_by: actor.userId,
          note,
        });
        if (!updated) return false;
        await audit.record(trx, actor, {
          action: 'deduplication.pair.decide',
          recordType: 'dedup_pair',
          recordId: id,
          changes: {
            before: { status: loaded.pair.status, note: loaded.pair.note },
            after: { status: input.decision, note },
          },
        });
        return true;
      });
      const current = await presentPair(actor, await loadPair(actor, id));
      if (!decided) throw new AppError('conflict', {}, { current });
      return current;
    },

    /** The active thresholds and what the decisions suggest, with the counts behind it. */
    async thresholds(actor: Actor) {
      if (!dedupPolicy.seeThresholds(actor)) throw new AppError('forbidden');
      const { trained, row } = await currentModel();
      const decided = await q.decidedPairs(db, 100_000);
      const suggestion = suggestThresholds(
        decided.map((pair) => ({ probability: pair.probability, same: pair.status === 'same' })),
      );
      return {
        active: {
          same: trained.sameThreshold,
          review: trained.reviewThreshold,
          source: (row?.source ?? 'default') as 'run' | 'thresholds' | 'default',
          createdAt: row?.created_at.toISOString() ?? null,
        },
        suggestion,
        abilities: { apply: dedupPolicy.applyThresholds(actor) },
      };
    },

    /** A new active model: the same parameters with new thresholds. Audited. */
    async applyThresholds(actor: Actor, input: { same: number; review: number }) {
      if (!dedupPolicy.applyThresholds(actor)) throw new AppError('forbidden');
      if (input.review > input.same) {
        throw new InvalidFieldsError([{ path: 'review', messageKey: 'deduplication.thresholdOrder' }]);
      }
      const { trained, row } = await currentModel();
      const next = { ...trained, sameThreshold: input.same, reviewThreshold: input.review };
      const modelId = uuidv7();
      await db.transaction().execute(async (trx) => {
        await insertActiveMatchModel(trx, {
          id: modelId,
          createdBy: actor.userId,
          source: 'thresholds',
          runId: row?.run_id ?? null,
          trained: next,
        });
        await audit.record(trx, actor, {
          action: 'deduplication.thresholds.apply',
          recordType: 'match_model',
          recordId: modelId,
          changes: {
            before: { same: trained.sameThreshold, review: trained.reviewThreshold },
            after: { same: input.same, review: input.review },
          },
        });
      });
      return this.thresholds(actor);
    },

    /** At start: runs a restart interrupted resume after their last written chunk. */
    async resumeInterrupted() {
      stopping = false;
      for (const { id, status } of await q.findUnfinishedRunIds(db)) {
        if (status === 'cancelling') {
          await q.updateRunIn(db, id, ['cancelling'], { status: 'cancelled', finished_at: new Date() });
          continue;
        }
        const run = await q.findRun(db, id);
        if (status === 'running' && (run?.attempts ?? 0) >= MAX_RUN_ATTEMPTS) {
          // Interrupted at every start so far: most likely it is what brings the server down (memory).
          log?.(`deduplication run ${id} interrupted ${run?.attempts} times; marked failed`);
          await q.updateRunIn(db, id, ['running'], {
            status: 'failed',
            error_code: 'interrupted',
            finished_at: new Date(),
          });
          continue;
        }
        await q.updateRunIn(db, id, ['running'], { status: 'queued' });
        schedule(id);
      }
    },

    /** Resolves when no run is queued or running in this process. */
    async idle() {
      while (draining) await draining;
    },

    /** Stops after the current chunk, leaving the run to resume at the next start. */
    async stop() {
      stopping = true;
      for (const stopWorker of working.values()) stopWorker();
      while (draining) await draining;
    },
  };
}

export type DedupService = ReturnType<typeof createDedupService>;
