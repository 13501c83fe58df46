import { z } from 'zod';
import {
  type BlockingRule,
  type BlockingRuleStats,
  candidatePairs,
  DEFAULT_BLOCK_CAP,
  DEFAULT_BLOCKING_RULES,
} from './blocking';
import {
  compareInto,
  FIELD_COUNT,
  FIELD_INDEX,
  FIELDS,
  isVeto,
  LEVEL,
  type PersonInput,
  type PreparedPerson,
  preparePerson,
  termFrequencyValue,
} from './comparisons';
import {
  createModel,
  DEFAULT_THRESHOLDS,
  type Decision,
  decide,
  type Explanation,
  estimateU,
  expectationMaximisation,
  explain,
  type Model,
  matchWeights,
  priorWeight,
  probabilityFromWeight,
  randomPairs,
  Scorer,
  TermFrequencies,
  tabulatePatterns,
} from './fellegi-sunter';
import {
  initialPersonModel,
  PERSON_TF_LEVELS,
  type PersonTermFrequencies,
  pairFrequencies,
} from './person-model';

/**
 * The entity-resolution pipeline as one set of functions over typed arrays: prepare → block → train → score
 * (→ cluster with `clustering.ts`). The batch job, the online match and the benchmark all call these, so they
 * share one model and one way of scoring.
 *
 * - Records are prepared once (`prepareRecords`); candidate pairs are two `Uint32Array`s of record positions.
 * - Training estimates u from random pairs and m (with the prior) by EM over the table of comparison patterns of
 *   the candidate pairs, and counts name frequencies for the term-frequency adjustment.
 * - `scorePairRange` scores pairs [from, to) into a `Float64Array`, so a job can score in resumable chunks and
 *   the result does not depend on how the range was cut.
 * - A trained model round-trips through plain JSON (`trainedModelToJson` / `trainedModelFromJson`) for a jsonb
 *   column; `defaultTrainedPersonModel` is what scores before any run has trained one.
 *
 * Pure: no I/O.
 */

/** What a record needs to be compared: names (fields or one full name), birth date, sex, municipality, documents. */
export type PersonRecordInput = PersonInput;

export function prepareRecords(records: readonly PersonRecordInput[]): PreparedPerson[] {
  const out = new Array<PreparedPerson>(records.length);
  for (let i = 0; i < records.length; i++) out[i] = preparePerson(records[i] as PersonRecordInput);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Blocking

export interface PairArrays {
  left: Uint32Array;
  right: Uint32Array;
}

export interface BlockOptions {
  /** Largest block that still gives pairs (default `DEFAULT_BLOCK_CAP`). */
  cap?: number;
  /** 1 = the record is in the import being checked: only pairs touching such a record are returned. */
  onlyPairsTouching?: Uint8Array;
  rules?: readonly BlockingRule[];
}

export function blockRecords(
  prepared: readonly PreparedPerson[],
  options: BlockOptions = {},
): PairArrays & { stats: BlockingRuleStats[] } {
  const { cap = DEFAULT_BLOCK_CAP, onlyPairsTouching, rules = DEFAULT_BLOCKING_RULES } = options;
  if (onlyPairsTouching && onlyPairsTouching.length !== prepared.length) {
    throw new RangeError('onlyPairsTouching must have one flag per record');
  }
  const result = candidatePairs(prepared, rules, cap, onlyPairsTouching);
  return { left: result.left, right: result.right, stats: result.stats };
}

// ---------------------------------------------------------------------------------------------------------
// Training

export interface TrainedPersonModel {
  model: Model;
  termFrequencies: PersonTermFrequencies;
  sameThreshold: number;
  reviewThreshold: number;
}

export interface TrainOptions {
  seed?: number;
  /** The comparison vectors of all the pairs (FIELD_COUNT levels each), when the caller computed them already. */
  vectors?: Uint8Array;
  /** Random pairs u is estimated from (default: 300,000, fewer for small populations). */
  randomPairs?: number;
  /** EM iterations at most (default 100). */
  maxIterations?: number;
  sameThreshold?: number;
  reviewThreshold?: number;
}

/** Comparison vectors of pairs [from, to) into `out` (FIELD_COUNT levels per pair). */
export function compareRange(
  prepared: readonly PreparedPerson[],
  pairs: PairArrays,
  from: number,
  to: number,
  out: Uint8Array,
): void {
  for (let k = from; k < to; k++) {
    compareInto(
      prepared[pairs.left[k] as number] as PreparedPerson,
      prepared[pairs.right[k] as number] as PreparedPerson,
      out,
      (k - from) * FIELD_COUNT,
    );
  }
}

/** Frequency tables of the given names and surnames of the records, for the term-frequency adjustment. */
export function personTermFrequencies(prepared: readonly PreparedPerson[]): PersonTermFrequencies {
  const givenNames = new TermFrequencies();
  const surnames = new TermFrequencies();
  for (const person of prepared) {
    givenNames.add(termFrequencyValue(FIELD_INDEX.givenNames, person));
    surnames.add(termFrequencyValue(FIELD_INDEX.surnames, person));
  }
  return { givenNames, surnames };
}

/** u from the comparison vectors of random pairs of the records. */
export function estimatePersonU(
  prepared: readonly PreparedPerson[],
  pairCount: number,
  seed = 1,
): Float64Array[] {
  const sample = randomPairs(prepared.length, pairCount, seed);
  const vectors = new Uint8Array(pairCount * FIELD_COUNT);
  for (let p = 0; p < pairCount; p++) {
    compareInto(
      prepared[sample[p * 2] as number] as PreparedPerson,
      prepared[sample[p * 2 + 1] as number] as PreparedPerson,
      vectors,
      p * FIELD_COUNT,
    );
  }
  return estimateU(FIELDS, vectors, pairCount);
}

/** The candidate pairs whose vector passes `keep`, as a pattern table (only their vectors are kept). */
function patternsWhere(vectors: Uint8Array, count: number, keep: (offset: number) => boolean) {
  const kept = new Uint8Array(count * FIELD_COUNT);
  let size = 0;
  for (let k = 0; k < count; k++) {
    const offset = k * FIELD_COUNT;
    if (!keep(offset)) continue;
    kept.set(vectors.subarray(offset, offset + FIELD_COUNT), size * FIELD_COUNT);
    size++;
  }
  return { table: tabulatePatterns(FIELDS, kept, size), size };
}

/**
 * m by EM over the table of comparison patterns, Splink's way: u stays at its random-pair values, and each round
 * of EM looks at the candidate pairs of one training rule, leaving out the fields that rule made agree (they say
 * nothing about m there, and with u from random pairs they would make every candidate look like a match).
 *
 * - Round 1, pairs sharing a document number: m of the names, the date, the transposition, sex and municipality.
 * - Round 2, pairs sharing the phonetic first surname and the birth year: m of the document, given names, sex and
 *   municipality.
 * Given names, sex and municipality take the mean of the two rounds. The prior is then the fixed point of
 * λ = (expected matches among the candidates) / (all n(n − 1)/2 pairs), Splink's "probability that two random
 * records match", so a weight means the same whichever rule found the pair.
 */
export function estimatePersonM(
  prepared: readonly PreparedPerson[],
  pairs: PairArrays,
  u: readonly Float64Array[],
  maxIterations = 100,
  precomputed?: Uint8Array,
): Model {
  const count = pairs.left.length;
  const vectors = precomputed ?? new Uint8Array(count * FIELD_COUNT);
  if (!precomputed) compareRange(prepared, pairs, 0, count, vectors);
  const initial = initialPersonModel();
  const start = createModel(FIELDS, 0.5, initial.m, u);
  const F = FIELD_INDEX;
  const m = initial.m.map((values) => Float64Array.from(values));

  const byDocument = patternsWhere(vectors, count, (o) => {
    const level = vectors[o + F.document] as number;
    return level === LEVEL.document.exact || level === LEVEL.document.sameDigitsOtherType;
  });
  const bySurnameYear = patternsWhere(vectors, count, (o) => {
    const left = prepared[pairs.left[o / FIELD_COUNT] as number] as PreparedPerson;
    const right = prepared[pairs.right[o / FIELD_COUNT] as number] as PreparedPerson;
    return (
      left.surname1Phonetic !== '' &&
      left.surname1Phonetic === right.surname1Phonetic &&
      left.birthYear !== 0 &&
      left.birthYear === right.birthYear
    );
  });
  const rounds: Array<{ table: ReturnType<typeof tabulatePatterns>; ignore: number[] }> = [];
  if (byDocument.size > 0) rounds.push({ table: byDocument.table, ignore: [F.document] });
  if (bySurnameYear.size > 0) {
    rounds.push({ table: bySurnameYear.table, ignore: [F.surnames, F.birthDate, F.transposed] });
  }
  const learned = FIELDS.map(() => [] as Float64Array[]);
  for (const round of rounds) {
    const fitted = expectationMaximisation(round.table, start, {
      maxIterations,
      ignoreFields: round.ignore,
    }).model;
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (!round.ignore.includes(f)) (learned[f] as Float64Array[]).push(fitted.m[f] as Float64Array);
    }
  }
  for (let f = 0; f < FIELD_COUNT; f++) {
    const estimates = learned[f] as Float64Array[];
    if (estimates.length === 0) continue;
    const row = m[f] as Float64Array;
    for (let level = 1; level < row.length; level++) {
      let sum = 0;
      for (const estimate of estimates) sum += estimate[level] as number;
      row[level] = sum / estimates.length;
    }
  }
  const allPairs = (prepared.length * (prepared.length - 1)) / 2;
  const lambda = estimatePrior(
    tabulatePatterns(FIELDS, vectors, count),
    createModel(FIELDS, 0.5, m, u),
    allPairs,
  );
  return createModel(FIELDS, lambda, m, u);
}

/**
 * The prior λ (probability that two random records match) as the fixed point of λ = Σ posterior(λ) / allPairs
 * over the candidate pairs, m and u held.
 */
export function estimatePrior(
  table: ReturnType<typeof tabulatePatterns>,
  model: Model,
  allPairs: number,
  iterations = 60,
): number {
  const weights = matchWeights(model);
  const patternWeight = new Float64Array(table.size);
  for (let p = 0; p < table.size; p++) {
    let total = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      total += (weights[f] as Float64Array)[table.patterns[p * FIELD_COUNT + f] as number] as number;
    }
    patternWeight[p] = total;
  }
  let lambda = Math.min(0.5, Math.max(1e-12, table.size > 0 ? 1 / allPairs : 0.5));
  for (let i = 0; i < iterations; i++) {
    const prior = priorWeight(lambda);
    let expected = 0;
    for (let p = 0; p < table.size; p++) {
      expected += (table.counts[p] as number) * probabilityFromWeight(prior + (patternWeight[p] as number));
    }
    const next = Math.min(0.5, Math.max(1e-12, expected / allPairs));
    if (Math.abs(next - lambda) <= lambda * 1e-6) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return lambda;
}

export function trainPersonModel(
  prepared: readonly PreparedPerson[],
  pairs: PairArrays,
  options: TrainOptions = {},
): TrainedPersonModel {
  const n = prepared.length;
  const seed = options.seed ?? 1;
  const sampleSize = options.randomPairs ?? Math.min(300_000, Math.max(1_000, n * 10));
  if (n < 2 || pairs.left.length === 0) {
    const fallback = defaultTrainedPersonModel();
    return { ...fallback, termFrequencies: personTermFrequencies(prepared) };
  }
  const u = estimatePersonU(prepared, sampleSize, seed);
  const model = estimatePersonM(prepared, pairs, u, options.maxIterations, options.vectors);
  return {
    model,
    termFrequencies: personTermFrequencies(prepared),
    sameThreshold: options.sameThreshold ?? DEFAULT_THRESHOLDS.same,
    reviewThreshold: options.reviewThreshold ?? DEFAULT_THRESHOLDS.review,
  };
}

/** The starting model with the default thresholds and no term frequencies: what scores before any training. */
export function defaultTrainedPersonModel(): TrainedPersonModel {
  return {
    model: initialPersonModel(),
    termFrequencies: {},
    sameThreshold: DEFAULT_THRESHOLDS.same,
    reviewThreshold: DEFAULT_THRESHOLDS.review,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scoring and explanations

const scorers = new WeakMap<TrainedPersonModel, Scorer>();

/** The compiled scorer of a trained model (built once per model object). */
export function scorerOf(trained: TrainedPersonModel): Scorer {
  let scorer = scorers.get(trained);
  if (!scorer) {
    scorer = new Scorer(trained.model, PERSON_TF_LEVELS);
    scorers.set(trained, scorer);
  }
  return scorer;
}

const scratchVector = new Uint8Array(FIELD_COUNT);
const scratchFrequencies = new Float64Array(FIELD_COUNT);

/**
 * Match probability of pairs [from, to) written at out[from .. to): a job can score in resumable chunks, and the
 * values are the same however the range is cut.
 */
export function scorePairRange(
  prepared: readonly PreparedPerson[],
  pairs: PairArrays,
  trained: TrainedPersonModel,
  from: number,
  to: number,
  out: Float64Array,
): void {
  if (from < 0 || to > pairs.left.length || from > to) throw new RangeError('pair range out of bounds');
  if (out.length < to) throw new RangeError('output too short for the pair range');
  const scorer = scorerOf(trained);
  const tables = trained.termFrequencies;
  for (let k = from; k < to; k++) {
    const a = prepared[pairs.left[k] as number] as PreparedPerson;
    const b = prepared[pairs.right[k] as number] as PreparedPerson;
    compareInto(a, b, scratchVector, 0);
    pairFrequencies(a, scratchVector, 0, tables, scratchFrequencies);
    out[k] = scorer.probability(scratchVector, 0, scratchFrequencies);
  }
}

/**
 * As `scorePairRange`, from comparison vectors already computed for all the pairs (`vectors[k * FIELD_COUNT ..]`
 * for pair k): a batch that compared the pairs to train scores them without comparing again.
 */
export function scoreVectorRange(
  prepared: readonly PreparedPerson[],
  pairs: PairArrays,
  vectors: Uint8Array,
  trained: TrainedPersonModel,
  from: number,
  to: number,
  out: Float64Array,
): void {
  if (from < 0 || to > pairs.left.length || from > to) throw new RangeError('pair range out of bounds');
  if (out.length < to || vectors.length < to * FIELD_COUNT)
    throw new RangeError('arrays too short for the range');
  const scorer = scorerOf(trained);
  const tables = trained.termFrequencies;
  for (let k = from; k < to; k++) {
    const offset = k * FIELD_COUNT;
    const a = prepared[pairs.left[k] as number] as PreparedPerson;
    pairFrequencies(a, vectors, offset, tables, scratchFrequencies);
    out[k] = scorer.probability(vectors, offset, scratchFrequencies);
  }
}

export interface PairExplanation extends Explanation {
  /** Levels of the pair, one per field (FIELDS order). */
  levels: number[];
  /** Two different documents of the same type: never "same" automatically. */
  veto: boolean;
  decision: Decision;
}

/** Each field's level label, weight and term-frequency adjustment; total weight, probability, veto, decision. */
export function explainPair(
  a: PreparedPerson,
  b: PreparedPerson,
  trained: TrainedPersonModel,
): PairExplanation {
  const vector = new Uint8Array(FIELD_COUNT);
  compareInto(a, b, vector, 0);
  const frequencies = pairFrequencies(a, vector, 0, trained.termFrequencies, new Float64Array(FIELD_COUNT));
  const explanation = explain(scorerOf(trained), vector, 0, frequencies);
  const veto = isVeto(vector);
  return {
    ...explanation,
    levels: Array.from(vector),
    veto,
    decision: decide(explanation.probability, veto, {
      same: trained.sameThreshold,
      review: trained.reviewThreshold,
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// JSON

/** At most this many values per term-frequency table are stored; the rest count as seen once. */
export const STORED_TERM_FREQUENCIES = 20_000;

const termTableSchema = z.object({
  total: z.number().int().nonnegative(),
  counts: z.array(z.tuple([z.string().min(1), z.number().int().positive()])),
});

const probabilities = z.array(z.number().min(0).max(1));

export const trainedModelJsonSchema = z.object({
  version: z.literal(1),
  fields: z.array(z.object({ name: z.string(), levels: z.array(z.string()) })),
  lambda: z.number().gt(0).lt(1),
  m: z.array(probabilities),
  u: z.array(probabilities),
  termFrequencies: z.object({ givenNames: termTableSchema.optional(), surnames: termTableSchema.optional() }),
  sameThreshold: z.number().gt(0).max(1),
  reviewThreshold: z.number().gt(0).max(1),
});

export type TrainedModelJson = z.infer<typeof trainedModelJsonSchema>;

function tableToJson(table: TermFrequencies | undefined) {
  if (!table) return undefined;
  return { total: table.size, counts: table.entries(STORED_TERM_FREQUENCIES) };
}

export function trainedModelToJson(trained: TrainedPersonModel): TrainedModelJson {
  const { model } = trained;
  const givenNames = tableToJson(trained.termFrequencies.givenNames);
  const surnames = tableToJson(trained.termFrequencies.surnames);
  return {
    version: 1,
    fields: model.fields.map((field) => ({ name: field.name, levels: [...field.levels] })),
    lambda: model.lambda,
    m: model.m.map((values) => Array.from(values)),
    u: model.u.map((values) => Array.from(values)),
    termFrequencies: { ...(givenNames ? { givenNames } : {}), ...(surnames ? { surnames } : {}) },
    sameThreshold: trained.sameThreshold,
    reviewThreshold: trained.reviewThreshold,
  };
}

/**
 * Validates stored JSON and rebuilds the model. The fields and levels must be today's (`FIELDS`): a model
 * trained on other comparisons cannot score these vectors, so it is refused rather than misread.
 */
export function trainedModelFromJson(json: unknown): TrainedPersonModel {
  const parsed = trainedModelJsonSchema.parse(json);
  const sameFields =
    parsed.fields.length === FIELDS.length &&
    parsed.fields.every((field, f) => {
      const spec = FIELDS[f] as { name: string; levels: readonly string[] };
      return (
        field.name === spec.name &&
        field.levels.length === spec.levels.length &&
        field.levels.every((label, l) => label === spec.levels[l])
      );
    });
  if (!sameFields) throw new Error('stored model was trained on other comparison fields or levels');
  if (parsed.reviewThreshold > parsed.sameThreshold) {
    throw new Error('review threshold above the same-person threshold');
  }
  for (let f = 0; f < FIELDS.length; f++) {
    const levels = (FIELDS[f] as { levels: readonly string[] }).levels.length;
    if (parsed.m[f]?.length !== levels || parsed.u[f]?.length !== levels) {
      throw new Error(`m or u of ${FIELDS[f]?.name} has the wrong number of levels`);
    }
    for (let level = 1; level < levels; level++) {
      if (!((parsed.u[f]?.[level] as number) > 0) || !((parsed.m[f]?.[level] as number) > 0)) {
        throw new Error(`m and u of ${FIELDS[f]?.name} must be positive`);
      }
    }
  }
  const { givenNames, surnames } = parsed.termFrequencies;
  return {
    model: createModel(FIELDS, parsed.lambda, parsed.m, parsed.u),
    termFrequencies: {
      ...(givenNames ? { givenNames: TermFrequencies.fromCounts(givenNames.counts, givenNames.total) } : {}),
      ...(surnames ? { surnames: TermFrequencies.fromCounts(surnames.counts, surnames.total) } : {}),
    },
    sameThreshold: parsed.sameThreshold,
    reviewThreshold: parsed.reviewThreshold,
  };
}
