import type { Kysely, Selectable } from 'kysely';
import type { Database, MatchModelTable } from '../../db/schema';
import {
  defaultTrainedPersonModel,
  type TrainedPersonModel,
  trainedModelFromJson,
  trainedModelToJson,
} from '../../domain/entity-resolution/pipeline';

type Db = Kysely<Database>;

export interface ActiveMatchModel {
  /** Null when no model was stored yet and the default one scores. */
  id: string | null;
  trained: TrainedPersonModel;
}

// Rebuilding a model from JSON (term-frequency tables of thousands of names) costs more than a match: the last
// one read is kept, keyed by its id, and read again only when another model becomes active.
let cached: { id: string; trained: TrainedPersonModel } | null = null;
let fallback: TrainedPersonModel | null = null;
// Which model is active is read again at most every few seconds (a registration checks duplicates as it is
// typed); storing a model in this process takes effect at once, in another server process within that time.
const ACTIVE_TTL_MS = 5_000;
let lastRead: { at: number; db: unknown; result: ActiveMatchModel } | null = null;

/**
 * The active model (`match_model.active`), or `defaultTrainedPersonModel()` before any run trained one. A stored
 * model that no longer fits today's comparisons (fields or levels changed) is ignored the same way.
 */
export async function activeMatchModel(db: Db): Promise<ActiveMatchModel> {
  const now = Date.now();
  if (lastRead && lastRead.db === db && now - lastRead.at < ACTIVE_TTL_MS) return lastRead.result;
  const result = await readActiveMatchModel(db);
  lastRead = { at: now, db, result };
  return result;
}

/** Forgets the active model read, so the next match reads it again (after storing or deactivating one). */
export function forgetActiveMatchModel(): void {
  lastRead = null;
}

async function readActiveMatchModel(db: Db): Promise<ActiveMatchModel> {
  const row = await db
    .selectFrom('match_model')
    .select(['id', 'parameters', 'same_threshold', 'review_threshold'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (row) {
    if (cached?.id === row.id) return cached;
    try {
      const trained = trainedModelFromJson(row.parameters);
      // The thresholds columns are the ones a coordinator may have moved after the run.
      trained.sameThreshold = row.same_threshold;
      trained.reviewThreshold = row.review_threshold;
      cached = { id: row.id, trained };
      return cached;
    } catch {
      // fall through to the default model
    }
  }
  fallback ??= defaultTrainedPersonModel();
  return { id: null, trained: fallback };
}

export interface NewMatchModel {
  id: string;
  createdBy: string | null;
  source: 'run' | 'thresholds';
  runId: string | null;
  trained: TrainedPersonModel;
}

/** Stores a model as the active one, deactivating the previous; call inside the caller's transaction. */
export async function insertActiveMatchModel(
  trx: Db,
  model: NewMatchModel,
): Promise<Selectable<MatchModelTable>> {
  await trx.updateTable('match_model').set({ active: false }).where('active', '=', true).execute();
  forgetActiveMatchModel();
  return trx
    .insertInto('match_model')
    .values({
      id: model.id,
      created_by: model.createdBy,
      source: model.source,
      run_id: model.runId,
      parameters: JSON.stringify(trainedModelToJson(model.trained)),
      same_threshold: model.trained.sameThreshold,
      review_threshold: model.trained.reviewThreshold,
      active: true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
