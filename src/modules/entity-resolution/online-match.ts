import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { compareInto, FIELD_COUNT, type PreparedPerson } from '../../domain/entity-resolution/comparisons';
import type { Decision } from '../../domain/entity-resolution/fellegi-sunter';
import { pairFrequencies } from '../../domain/entity-resolution/person-model';
import {
  explainPair,
  type PairExplanation,
  scorerOf,
  type TrainedPersonModel,
} from '../../domain/entity-resolution/pipeline';
import { computeMatchKeys, DOCUMENT_KEY_PREFIX, keyHash, type MatchKeySource } from './keys-compute';
import { activeMatchModel } from './model-queries';

type Db = Kysely<Database>;

/**
 * The online match: the persons already registered who are likely the one being registered, found by the keys
 * they share with the draft (the batch's blocking rules, stored as hashes in `person_match_blocking.key_hashes`) and
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
  /** How many of the best candidates are returned, with their names (default 10; `alsoScore` persons always). */
  limit?: number;
  /** Filled with where the time went (the benchmark reads it). */
  timings?: { keysMs: number; lookupMs: number; fetchMs: number; scoreMs: number; scored: number };
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
export const ONLINE_LIMIT = 10;

interface PreparedRow {
  person_id: string;
  prepared: unknown;
}

/**
 * The persons sharing a key with the draft, those sharing the most first, at most `maxCandidates`. One GIN scan
 * per key, each stopped after `blockCap + 1` persons (a scan per key rather than one `&&` over all keys: the
 * planner's estimate for an overlap with dozens of elements is so high that it prefers a sequential scan).
 */
export async function lookupCandidateIds(
  db: Db,
  keys: { keyHashes: readonly number[]; documentHashes: ReadonlySet<number> },
  options: { blockCap?: number; maxCandidates?: number } = {},
): Promise<string[]> {
  if (keys.keyHashes.length === 0) return [];
  const blockCap = options.blockCap ?? ONLINE_BLOCK_CAP;
  const { rows: hits } = await sql<{ hash: number; person_id: string }>`
    select h.hash, c.person_id
    from unnest(${[...keys.keyHashes]}::integer[]) as h(hash)
    cross join lateral (
      select person_id from person_match_blocking where key_hashes @> array[h.hash] limit ${blockCap + 1}
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
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxCandidates ?? ONLINE_MAX_CANDIDATES)
    .map(([id]) => id);
}

/** What the comparisons read of these persons (merged-away persons have no keys, so they are not read). */
function preparedOf(db: Db, ids: readonly string[]): Promise<PreparedRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  // One array parameter rather than a list of them: the statement is the same whatever the count, so it plans alike.
  return db
    .selectFrom('person_match_keys')
    .select(['person_id', 'prepared'])
    .where(sql<boolean>`person_id = any(${[...ids]}::uuid[])`)
    .execute();
}

/** The likely existing records of a draft, best first, each with its probability, decision and explanation. */
export async function onlineMatch(
  db: Db,
  draft: MatchKeySource,
  options: OnlineMatchOptions = {},
): Promise<OnlineCandidate[]> {
  const timings = options.timings;
  let mark = performance.now();
  const lap = (part: 'keysMs' | 'lookupMs' | 'fetchMs' | 'scoreMs') => {
    const now = performance.now();
    if (timings) timings[part] += now - mark;
    mark = now;
  };
  const keys = computeMatchKeys(draft);
  const trained = options.model ?? (await activeMatchModel(db)).trained;
  const documentHashes = new Set(
    keys.queryKeys.filter((key) => key.startsWith(DOCUMENT_KEY_PREFIX)).map(keyHash),
  );
  const queryHashes = [...new Set(keys.queryKeys.map(keyHash))];
  lap('keysMs');
  const ids = await lookupCandidateIds(db, { keyHashes: queryHashes, documentHashes }, options);
  const always = new Set(options.alsoScore ?? []);
  for (const id of ids) always.delete(id);
  lap('lookupMs');
  const rows = await preparedOf(db, [...ids, ...always]);
  lap('fetchMs');
  if (timings) timings.scored += rows.length;
  // Scored cheaply first (levels and weight); only the best are explained and shown.
  const scored = rows.map((row) => {
    const prepared = (
      typeof row.prepared === 'string' ? JSON.parse(row.prepared) : row.prepared
    ) as PreparedPerson;
    return { personId: row.person_id, prepared, weight: pairWeight(keys.prepared, prepared, trained) };
  });
  scored.sort((a, b) => b.weight - a.weight || (a.personId < b.personId ? -1 : 1));
  const limit = options.limit ?? ONLINE_LIMIT;
  const kept = scored.filter((s, rank) => rank < limit || (options.alsoScore ?? []).includes(s.personId));
  const explained = kept.map((s) => ({
    personId: s.personId,
    explanation: explainPair(keys.prepared, s.prepared, trained),
  }));
  lap('scoreMs');
  const persons = kept.length
    ? await db
        .selectFrom('person')
        .select([
          'id',
          'given_name_1',
          'given_name_2',
          'surname_1',
          'surname_2',
          sql<string | null>`birth_date::text`.as('birth_date'),
          'registered_office_id',
        ])
        .where(sql<boolean>`id = any(${kept.map((s) => s.personId)}::uuid[])`)
        .where('merged_into_id', 'is', null)
        .execute()
    : [];
  lap('fetchMs');
  const byId = new Map(persons.map((p) => [p.id, p]));
  return explained.flatMap(({ personId, explanation }) => {
    const person = byId.get(personId);
    if (!person) return [];
    return [
      {
        personId,
        givenName1: person.given_name_1,
        givenName2: person.given_name_2,
        surname1: person.surname_1,
        surname2: person.surname_2,
        birthDate: person.birth_date,
        registeredOfficeId: person.registered_office_id,
        probability: explanation.probability,
        decision: explanation.decision,
        explanation,
      },
    ];
  });
}

const vector = new Uint8Array(FIELD_COUNT);
const frequencies = new Float64Array(FIELD_COUNT);

/** The match weight of a pair, without building its explanation. */
function pairWeight(a: PreparedPerson, b: PreparedPerson, trained: TrainedPersonModel): number {
  compareInto(a, b, vector, 0);
  pairFrequencies(a, vector, 0, trained.termFrequencies, frequencies);
  return scorerOf(trained).score(vector, 0, frequencies);
}
