import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { PreparedPerson } from '../../domain/entity-resolution/comparisons';
import type { Decision } from '../../domain/entity-resolution/fellegi-sunter';
import {
  explainPair,
  type PairExplanation,
  type TrainedPersonModel,
} from '../../domain/entity-resolution/pipeline';
import { computeMatchKeys, DOCUMENT_KEY_PREFIX, keyHash, type MatchKeySource } from './keys-compute';
import { activeMatchModel } from './model-queries';

type Db = Kysely<Database>;

/**
 * The online match: the persons already registered who are likely the one being registered, found by the keys
 * they share with the draft (the batch's blocking rules, stored as hashes in `person_match_keys.key_hashes`) and
 * scored with the active model, each with its explanation. Used by the registry's duplicate check (intake,
 * arrivals, import previews).
 *
 * Lookup: one GIN index scan per key of the draft, each stopped after `blockCap + 1` persons. Candidates are ranked by how many keys they share (a document counts ten), and a key more than `blockCap`
 * persons share ("a birthday of María García" at national scale) is not counted, as blocking skips such blocks;
 * documents always count. The best `maxCandidates` are scored.
 */

export interface OnlineMatchOptions {
  /** Persons sharing one key beyond which that key does not count (default 300). */
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

interface CandidateRow {
  person_id: string;
  key_hashes: number[];
  prepared: unknown;
  given_name_1: string;
  given_name_2: string | null;
  surname_1: string;
  surname_2: string | null;
  birth_date: string | null;
  registered_office_id: string;
}

function candidateColumns(db: Db) {
  return db
    .selectFrom('person_match_keys as k')
    .innerJoin('person as p', 'p.id', 'k.person_id')
    .select([
      'k.person_id',
      'k.key_hashes',
      'k.prepared',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      sql<string | null>`p.birth_date::text`.as('birth_date'),
      'p.registered_office_id',
    ])
    .where('p.merged_into_id', 'is', null);
}

/**
 * The persons sharing a key with the draft, those sharing the most first, at most `maxCandidates`. One GIN scan
 * per key, each stopped after `blockCap + 1` persons (a scan per key rather than one `&&` over all keys: the
 * planner's estimate for an overlap with dozens of elements is so high that it prefers a sequential scan).
 */
export async function lookupCandidates(
  db: Db,
  keys: { keyHashes: readonly number[]; documentHashes: ReadonlySet<number> },
  options: { blockCap?: number; maxCandidates?: number } = {},
): Promise<CandidateRow[]> {
  if (keys.keyHashes.length === 0) return [];
  const blockCap = options.blockCap ?? ONLINE_BLOCK_CAP;
  const { rows: hits } = await sql<{ hash: number; person_id: string }>`
    select h.hash, c.person_id
    from unnest(${[...keys.keyHashes]}::integer[]) as h(hash)
    cross join lateral (
      select person_id from person_match_keys where key_hashes @> array[h.hash] limit ${blockCap + 1}
    ) as c`.execute(db);
  const holders = new Map<number, number>();
  for (const hit of hits) holders.set(hit.hash, (holders.get(hit.hash) ?? 0) + 1);
  const shared = new Map<string, number>();
  for (const hit of hits) {
    const weight = keys.documentHashes.has(hit.hash)
      ? 10
      : (holders.get(hit.hash) as number) <= blockCap
        ? 1
        : 0;
    if (weight) shared.set(hit.person_id, (shared.get(hit.person_id) ?? 0) + weight);
  }
  const ids = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxCandidates ?? ONLINE_MAX_CANDIDATES)
    .map(([id]) => id);
  if (ids.length === 0) return [];
  return (await candidateColumns(db).where('k.person_id', 'in', ids).execute()) as CandidateRow[];
}

function scoreRows(draft: PreparedPerson, rows: readonly CandidateRow[], trained: TrainedPersonModel) {
  const scored: OnlineCandidate[] = rows.map((row) => {
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
  const documentHashes = new Set(
    keys.blockingKeys.filter((key) => key.startsWith(DOCUMENT_KEY_PREFIX)).map(keyHash),
  );
  const rows = await lookupCandidates(db, { keyHashes: keys.keyHashes, documentHashes }, options);
  const found = new Set(rows.map((row) => row.person_id));
  const extra = (options.alsoScore ?? []).filter((id) => !found.has(id));
  if (extra.length) {
    rows.push(
      ...((await candidateColumns(db).where('k.person_id', 'in', extra).execute()) as CandidateRow[]),
    );
  }
  return scoreRows(keys.prepared, rows, trained);
}
