import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { PreparedPerson } from '../../domain/entity-resolution/comparisons';
import type { Decision } from '../../domain/entity-resolution/fellegi-sunter';
import {
  explainPair,
  type PairExplanation,
  type TrainedPersonModel,
} from '../../domain/entity-resolution/pipeline';
import { computeMatchKeys, DOCUMENT_KEY_PREFIX, type MatchKeySource } from './keys-compute';
import { activeMatchModel } from './model-queries';

type Db = Kysely<Database>;

/**
 * The online match: the persons already registered who are likely the one being registered, found by the keys
 * they share with the draft (`person_match_keys.blocking_keys`, the batch's blocking rules) and scored with the active model,
 * each with its explanation. Used by the registry's duplicate check (intake, arrivals, import previews).
 *
 * Lookup: one GIN index scan per key of the draft, each stopped after `blockCap + 1` persons; a key shared
 * by more persons than the cap ("garsia|1990" at national scale) says nothing and is dropped, as blocking does.
 * Document keys are never dropped. Candidates sharing the most keys are scored first, at most `maxCandidates`.
 */

export interface OnlineMatchOptions {
  /** Persons sharing one key beyond which that key is dropped (default 300). */
  blockCap?: number;
  /** Most candidates scored (default 100). */
  maxCandidates?: number;
  /** Persons always scored, whatever their keys (e.g. holders of the same document number). */
  alsoScore?: readonly string[];
  /** The model to score with (default: the active one). */
  model?: TrainedPersonModel;
}

export interface OnlineCandidate {
  personId: string;
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  birthDate: string | null;
  registeredOfficeId: string;
  probability: number;
  decision: Decision;
  explanation: PairExplanation;
}

export const ONLINE_BLOCK_CAP = 300;
export const ONLINE_MAX_CANDIDATES = 100;

/** Ids of the persons sharing a key with the draft, those sharing the most keys first. */
export async function lookupCandidateIds(
  db: Db,
  blockingKeys: readonly string[],
  blockCap = ONLINE_BLOCK_CAP,
  maxCandidates = ONLINE_MAX_CANDIDATES,
): Promise<string[]> {
  if (blockingKeys.length === 0) return [];
  const { rows } = await sql<{ key: string; person_id: string }>`
    select k.key, c.person_id
    from unnest(${blockingKeys}::text[]) as k(key)
    cross join lateral (
      select person_id from person_match_keys where blocking_keys @> array[k.key] limit ${blockCap + 1}
    ) as c`.execute(db);
  const perKey = new Map<string, number>();
  for (const row of rows) perKey.set(row.key, (perKey.get(row.key) ?? 0) + 1);
  const shared = new Map<string, number>();
  for (const row of rows) {
    const isDocument = row.key.startsWith(DOCUMENT_KEY_PREFIX);
    if (!isDocument && (perKey.get(row.key) as number) > blockCap) continue;
    // A shared document counts as much as every other rule together.
    shared.set(row.person_id, (shared.get(row.person_id) ?? 0) + (isDocument ? 10 : 1));
  }
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxCandidates)
    .map(([id]) => id);
}

/** Scores a prepared draft against stored persons, best first. */
export async function scoreAgainst(
  db: Db,
  draft: PreparedPerson,
  personIds: readonly string[],
  trained: TrainedPersonModel,
): Promise<OnlineCandidate[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('person_match_keys as k')
    .innerJoin('person as p', 'p.id', 'k.person_id')
    .select([
      'k.person_id',
      'k.prepared',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      sql<string | null>`p.birth_date::text`.as('birth_date'),
      'p.registered_office_id',
    ])
    .where('k.person_id', 'in', [...personIds])
    .where('p.merged_into_id', 'is', null)
    .execute();
  const scored = rows.map((row) => {
    const prepared = (
      typeof row.prepared === 'string' ? JSON.parse(row.prepared) : row.prepared
    ) as PreparedPerson;
    const explanation = explainPair(draft, prepared, trained);
    return {
      personId: row.person_id,
      givenName1: row.given_name_1,
      givenName2: row.given_name_2,
      surname1: row.surname_1,
      surname2: row.surname_2,
      birthDate: row.birth_date,
      registeredOfficeId: row.registered_office_id,
      probability: explanation.probability,
      decision: explanation.decision,
      explanation,
    };
  });
  return scored.sort(
    (a, b) => b.explanation.totalWeight - a.explanation.totalWeight || (a.personId < b.personId ? -1 : 1),
  );
}

/** The likely existing records of a draft, best first, each with its probability, decision and explanation. */
export async function onlineMatch(
  db: Db,
  draft: MatchKeySource,
  options: OnlineMatchOptions = {},
): Promise<OnlineCandidate[]> {
  const keys = computeMatchKeys(draft);
  const trained = options.model ?? (await activeMatchModel(db)).trained;
  const ids = await lookupCandidateIds(
    db,
    keys.blockingKeys,
    options.blockCap ?? ONLINE_BLOCK_CAP,
    options.maxCandidates ?? ONLINE_MAX_CANDIDATES,
  );
  const all = [...new Set([...(options.alsoScore ?? []), ...ids])];
  return scoreAgainst(db, keys.prepared, all, trained);
}
