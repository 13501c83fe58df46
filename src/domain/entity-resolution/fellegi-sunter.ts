/**
 * The Fellegi–Sunter model (Fellegi and Sunter, 1969), the way Splink uses it: for each field and comparison
 * level, m = P(level | same person) and u = P(level | different persons); a pair's match weight is the sum of
 * log2(m/u) over its fields plus the prior log-odds; the posterior probability follows from the weight.
 *
 * - u is estimated from random pairs (which are almost all different persons), counting levels.
 * - m (and the prior λ) is estimated by expectation–maximisation over the TABLE of distinct comparison patterns
 *   with their counts, not over the pairs: a million candidate pairs collapse to a few thousand patterns, so
 *   each iteration costs microseconds instead of a pass over the data.
 * - An exact agreement on a name is adjusted by how common the value is (term-frequency adjustment): two
 *   "María" agreeing weigh less than two "Yoselin".
 * - `explain` returns each field's level and weight, for the review screen; the weights add up to the total.
 *
 * Level 0 of every field is "null" (value missing on a side): weight 0, ignored by estimation. Everything is
 * pure and allocation-light; vectors are Uint8Array rows of `fieldCount` levels as `comparisons.ts` writes them.
 */

export interface FieldSpec {
  name: string;
  /** Level labels, index 0 = null. */
  levels: readonly string[];
}

export interface Model {
  fields: readonly FieldSpec[];
  /** Prior probability that a candidate pair is the same person. */
  lambda: number;
  /** m[field][level]; index 0 (null) unused. Each field's m over levels ≥ 1 sums to 1. */
  m: Float64Array[];
  /** u[field][level]; as m. */
  u: Float64Array[];
}

/** The level index of the exact agreement that term frequencies adjust, per field (-1: no adjustment). */
export type TermFrequencyLevels = readonly number[];

const LOG2 = Math.log(2);

/** log2(m/u): positive when the level is more likely for the same person than for different persons. */
export function matchWeight(m: number, u: number): number {
  return Math.log(m / u) / LOG2;
}

/** Posterior probability of "same person" from a total match weight (prior included). */
export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** Prior weight: the log-odds of λ. */
export function priorWeight(lambda: number): number {
  return Math.log(lambda / (1 - lambda)) / LOG2;
}

function normalizeLevels(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let total = 0;
  for (let level = 1; level < values.length; level++) total += values[level] as number;
  for (let level = 1; level < values.length; level++) out[level] = (values[level] as number) / total;
  return out;
}

/** A model from plain numbers (m and u per level, level 0 ignored); m and u are renormalized per field. */
export function createModel(
  fields: readonly FieldSpec[],
  lambda: number,
  m: ReadonlyArray<ArrayLike<number>>,
  u: ReadonlyArray<ArrayLike<number>>,
): Model {
  if (!(lambda > 0 && lambda < 1)) throw new Error('lambda must be in (0, 1)');
  return {
    fields,
    lambda,
    m: fields.map((field, f) => {
      const values = m[f];
      if (!values || values.length !== field.levels.length)
        throw new Error(`m of ${field.name} has wrong length`);
      return normalizeLevels(values);
    }),
    u: fields.map((field, f) => {
      const values = u[f];
      if (!values || values.length !== field.levels.length)
        throw new Error(`u of ${field.name} has wrong length`);
      return normalizeLevels(values);
    }),
  };
}

/** Match weights per field and level (level 0 = 0). */
export function matchWeights(model: Model): Float64Array[] {
  return model.fields.map((field, f) => {
    const weights = new Float64Array(field.levels.length);
    for (let level = 1; level < field.levels.length; level++) {
      weights[level] = matchWeight(model.m[f]?.[level] as number, model.u[f]?.[level] as number);
    }
    return weights;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Estimation

/**
 * u from the comparison vectors of random pairs: the share of each level among non-null comparisons, with a
 * pseudo-count so a level never seen at random (an exact document, say) gets a tiny u instead of zero (an
 * infinite weight).
 */
export function estimateU(
  fields: readonly FieldSpec[],
  vectors: Uint8Array,
  pairCount: number,
  pseudoCount = 1,
): Float64Array[] {
  const fieldCount = fields.length;
  const counts = fields.map((field) => new Float64Array(field.levels.length).fill(pseudoCount));
  for (let pair = 0; pair < pairCount; pair++) {
    for (let f = 0; f < fieldCount; f++) {
      const level = vectors[pair * fieldCount + f] as number;
      if (level === 0) continue;
      const row = counts[f] as Float64Array;
      row[level] = (row[level] as number) + 1;
    }
  }
  return counts.map(normalizeLevels);
}

/** Distinct comparison patterns with how many pairs have each. */
export interface PatternTable {
  fieldCount: number;
  /** size × fieldCount levels. */
  patterns: Uint8Array;
  counts: Float64Array;
  size: number;
}

/**
 * Collapses pair vectors into the table of distinct patterns. A pattern's key is its levels read as a
 * mixed-radix number (the product of level counts stays far below 2^53 for our fields), so no string is built
 * per pair.
 */
export function tabulatePatterns(
  fields: readonly FieldSpec[],
  vectors: Uint8Array,
  pairCount: number,
): PatternTable {
  const fieldCount = fields.length;
  const index = new Map<number, number>();
  const keys: number[] = [];
  const counts: number[] = [];
  for (let pair = 0; pair < pairCount; pair++) {
    let key = 0;
    const base = pair * fieldCount;
    for (let f = 0; f < fieldCount; f++)
      key = key * (fields[f] as FieldSpec).levels.length + (vectors[base + f] as number);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, keys.length);
      keys.push(key);
      counts.push(1);
    } else counts[at] = (counts[at] as number) + 1;
  }
  const patterns = new Uint8Array(keys.length * fieldCount);
  for (let p = 0; p < keys.length; p++) {
    let key = keys[p] as number;
    for (let f = fieldCount - 1; f >= 0; f--) {
      const radix = (fields[f] as FieldSpec).levels.length;
      patterns[p * fieldCount + f] = key % radix;
      key = Math.floor(key / radix);
    }
  }
  return { fieldCount, patterns, counts: Float64Array.from(counts), size: keys.length };
}

export interface EmOptions {
  maxIterations?: number;
  /** Stop when no parameter moves more than this between iterations. */
  tolerance?: number;
  /** Also re-estimate u (by default u stays as estimated from random pairs, as Splink does). */
  updateU?: boolean;
  /**
   * Fields left out of this round: the ones a blocking rule made agree on every candidate pair, which says
   * nothing about m. Their m and u are kept.
   */
  ignoreFields?: readonly number[];
  /** Pseudo-count added to every level's expected count, so no m becomes exactly 0. */
  pseudoCount?: number;
}

export interface EmResult {
  model: Model;
  iterations: number;
  converged: boolean;
}

/**
 * Expectation–maximisation over the pattern table. E-step: for each pattern, the posterior probability that
 * its pairs are the same person under the current parameters (computed with log-likelihoods, so many fields
 * cannot underflow). M-step: λ is the expected share of matches; m (and u when asked) is each level's share of
 * the expected matches (non-matches) among non-null comparisons.
 */
export function expectationMaximisation(
  table: PatternTable,
  start: Model,
  options: EmOptions = {},
): EmResult {
  const {
    maxIterations = 200,
    tolerance = 1e-7,
    updateU = false,
    ignoreFields = [],
    pseudoCount = 1e-3,
  } = options;
  const fields = start.fields;
  const fieldCount = fields.length;
  if (table.fieldCount !== fieldCount) throw new Error('table and model have different fields');
  const ignored = new Uint8Array(fieldCount);
  for (const f of ignoreFields) ignored[f] = 1;
  let lambda = start.lambda;
  let m: Float64Array[] = start.m.map((values) => Float64Array.from(values));
  let u: Float64Array[] = start.u.map((values) => Float64Array.from(values));
  const mAcc = fields.map((field) => new Float64Array(field.levels.length));
  const uAcc = fields.map((field) => new Float64Array(field.levels.length));
  const logM = fields.map((field) => new Float64Array(field.levels.length));
  const logU = fields.map((field) => new Float64Array(field.levels.length));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let f = 0; f < fieldCount; f++) {
      const lm = logM[f] as Float64Array;
      const lu = logU[f] as Float64Array;
      for (let level = 1; level < lm.length; level++) {
        lm[level] = Math.log((m[f] as Float64Array)[level] as number);
        lu[level] = Math.log((u[f] as Float64Array)[level] as number);
      }
      (mAcc[f] as Float64Array).fill(0);
      (uAcc[f] as Float64Array).fill(0);
    }
    const logPrior = Math.log(lambda / (1 - lambda));
    let expectedMatches = 0;
    let total = 0;
    for (let p = 0; p < table.size; p++) {
      let logRatio = logPrior;
      const base = p * fieldCount;
      for (let f = 0; f < fieldCount; f++) {
        const level = table.patterns[base + f] as number;
        if (level === 0 || ignored[f]) continue;
        logRatio +=
          ((logM[f] as Float64Array)[level] as number) - ((logU[f] as Float64Array)[level] as number);
      }
      const posterior = 1 / (1 + Math.exp(-logRatio));
      const count = table.counts[p] as number;
      const asMatch = count * posterior;
      const asNonMatch = count - asMatch;
      expectedMatches += asMatch;
      total += count;
      for (let f = 0; f < fieldCount; f++) {
        const level = table.patterns[base + f] as number;
        if (level === 0) continue;
        const mRow = mAcc[f] as Float64Array;
        const uRow = uAcc[f] as Float64Array;
        mRow[level] = (mRow[level] as number) + asMatch;
        uRow[level] = (uRow[level] as number) + asNonMatch;
      }
    }
    const nextLambda = Math.min(1 - 1e-12, Math.max(1e-12, expectedMatches / total));
    const nextM = m.map((values, f) => {
      if (ignored[f]) return values;
      const acc = mAcc[f] as Float64Array;
      for (let level = 1; level < acc.length; level++) acc[level] = (acc[level] as number) + pseudoCount;
      return normalizeLevels(acc);
    });
    const nextU = updateU
      ? u.map((values, f) => {
          if (ignored[f]) return values;
          const acc = uAcc[f] as Float64Array;
          for (let level = 1; level < acc.length; level++) acc[level] = (acc[level] as number) + pseudoCount;
          return normalizeLevels(acc);
        })
      : u;
    let change = Math.abs(nextLambda - lambda);
    for (let f = 0; f < fieldCount; f++) {
      const before = m[f] as Float64Array;
      const after = nextM[f] as Float64Array;
      for (let level = 1; level < before.length; level++) {
        change = Math.max(change, Math.abs((after[level] as number) - (before[level] as number)));
      }
      if (updateU) {
        const ub = u[f] as Float64Array;
        const ua = nextU[f] as Float64Array;
        for (let level = 1; level < ub.length; level++) {
          change = Math.max(change, Math.abs((ua[level] as number) - (ub[level] as number)));
        }
      }
    }
    lambda = nextLambda;
    m = nextM;
    u = nextU;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { model: { fields, lambda, m, u }, iterations, converged };
}

// ---------------------------------------------------------------------------------------------------------
// Term frequencies

/**
 * How often each value occurs among the records (e.g. each given name): the u of an exact agreement on that
 * value is its frequency, not the field's average u.
 */
export class TermFrequencies {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(values: Iterable<string | null | undefined> = []) {
    for (const value of values) this.add(value);
  }

  add(value: string | null | undefined): void {
    if (!value) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.total++;
  }

  /** Number of values counted (with repetitions). */
  get size(): number {
    return this.total;
  }

  /** Each distinct value with its count, most common first (ties by value), at most `limit` of them. */
  entries(limit = Number.POSITIVE_INFINITY): Array<[string, number]> {
    const all = [...this.counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    return Number.isFinite(limit) ? all.slice(0, limit) : all;
  }

  /**
   * A table rebuilt from stored counts and the total they were taken from (the total can exceed the sum of the
   * counts when only the common values were kept: the rest then count as seen once).
   */
  static fromCounts(entries: Iterable<readonly [string, number]>, total: number): TermFrequencies {
    const table = new TermFrequencies();
    let sum = 0;
    for (const [value, count] of entries) {
      if (!value || !(count > 0)) continue;
      table.counts.set(value, count);
      sum += count;
    }
    table.total = Math.max(total, sum);
    return table;
  }

  /** The value's share of all values; a value never seen counts as seen once (it is in the pair at least). */
  frequency(value: string | null | undefined): number {
    if (!value || this.total === 0) return Number.NaN;
    return Math.max(1, this.counts.get(value) ?? 0) / this.total;
  }
}

/**
 * The term-frequency adjustment of an exact agreement, Splink's way: log2(u_exact / u_tf), where u_tf is the
 * value's frequency. Negative for values more common than the average agreement, positive for rare ones.
 * `strength` (0–1) scales it, as Splink's `tf_adjustment_weight`.
 */
export function termFrequencyAdjustment(uExact: number, frequency: number, strength = 1): number {
  if (!(frequency > 0)) return 0;
  return (strength * Math.log(uExact / frequency)) / LOG2;
}

// ---------------------------------------------------------------------------------------------------------
// Scoring, thresholds, explanations

export interface Thresholds {
  /** At or above this probability: the same person (merge allowed when there is no veto). */
  same: number;
  /** At or above this and below `same`: a coordinator reviews the pair. Below: different persons. */
  review: number;
}

/** Conservative defaults: nothing is merged unless the model is almost sure. Tuned later from decisions. */
export const DEFAULT_THRESHOLDS: Thresholds = { same: 0.99, review: 0.5 };

export type Decision = 'same' | 'review' | 'different';

/**
 * A model compiled for scoring: weights in one flat array (field offset + level), so scoring a vector is a
 * handful of array reads and additions, with no allocation.
 */
export class Scorer {
  readonly prior: number;
  readonly fieldCount: number;
  private readonly weights: Float64Array;
  private readonly offsets: Int32Array;
  private readonly uExact: Float64Array;

  constructor(
    readonly model: Model,
    /** Per field, the level an exact value agreement has (-1 for fields without term frequencies). */
    readonly tfLevels: TermFrequencyLevels = model.fields.map(() => -1),
    readonly tfStrength = 1,
  ) {
    this.prior = priorWeight(model.lambda);
    this.fieldCount = model.fields.length;
    this.offsets = new Int32Array(this.fieldCount + 1);
    for (let f = 0; f < this.fieldCount; f++) {
      this.offsets[f + 1] = (this.offsets[f] as number) + (model.fields[f] as FieldSpec).levels.length;
    }
    this.weights = new Float64Array(this.offsets[this.fieldCount] as number);
    const perField = matchWeights(model);
    for (let f = 0; f < this.fieldCount; f++) this.weights.set(perField[f] as Float64Array, this.offsets[f]);
    this.uExact = new Float64Array(this.fieldCount);
    for (let f = 0; f < this.fieldCount; f++) {
      const level = tfLevels[f] ?? -1;
      this.uExact[f] = level > 0 ? ((model.u[f] as Float64Array)[level] as number) : Number.NaN;
    }
  }

  /** The weight of one field at one level (0 for null). */
  weight(field: number, level: number): number {
    return this.weights[(this.offsets[field] as number) + level] as number;
  }

  /**
   * The term-frequency adjustment for a field at a level, given the agreeing value's frequency (NaN: none).
   * Only the exact level is adjusted.
   */
  tfAdjustment(field: number, level: number, frequency: number): number {
    if (level !== this.tfLevels[field] || !(frequency > 0)) return 0;
    return termFrequencyAdjustment(this.uExact[field] as number, frequency, this.tfStrength);
  }

  /**
   * Total match weight of the vector at `offset` (prior included). `frequencies[f]`, when given, is the
   * frequency of the value the pair agrees on in field f (NaN or 0 when none).
   */
  score(vector: ArrayLike<number>, offset = 0, frequencies?: ArrayLike<number>): number {
    let total = this.prior;
    for (let f = 0; f < this.fieldCount; f++) {
      const level = vector[offset + f] as number;
      total += this.weights[(this.offsets[f] as number) + level] as number;
      if (frequencies) total += this.tfAdjustment(f, level, frequencies[f] as number);
    }
    return total;
  }

  probability(vector: ArrayLike<number>, offset = 0, frequencies?: ArrayLike<number>): number {
    return probabilityFromWeight(this.score(vector, offset, frequencies));
  }
}

/**
 * Same person, review or different. A veto (two different documents of the same type) never yields "same": at
 * most the pair goes to review, where a person decides.
 */
export function decide(
  probability: number,
  veto: boolean,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Decision {
  if (probability >= thresholds.same) return veto ? 'review' : 'same';
  if (probability >= thresholds.review) return 'review';
  return 'different';
}

export interface FieldExplanation {
  field: string;
  level: number;
  label: string;
  /** log2(m/u) of the level (0 for null). */
  weight: number;
  /** Term-frequency adjustment (0 unless an exact agreement on a value with a known frequency). */
  tfAdjustment: number;
}

export interface Explanation {
  priorWeight: number;
  fields: FieldExplanation[];
  /** priorWeight + Σ (weight + tfAdjustment). */
  totalWeight: number;
  probability: number;
}

/** Each field's level label and weight, for the review screen: which fields agreed and how much each weighed. */
export function explain(
  scorer: Scorer,
  vector: ArrayLike<number>,
  offset = 0,
  frequencies?: ArrayLike<number>,
): Explanation {
  const fields: FieldExplanation[] = [];
  let total = scorer.prior;
  for (let f = 0; f < scorer.fieldCount; f++) {
    const level = vector[offset + f] as number;
    const spec = scorer.model.fields[f] as FieldSpec;
    const weight = scorer.weight(f, level);
    const tfAdjustment = frequencies ? scorer.tfAdjustment(f, level, frequencies[f] as number) : 0;
    total += weight + tfAdjustment;
    fields.push({ field: spec.name, level, label: spec.levels[level] ?? '?', weight, tfAdjustment });
  }
  return { priorWeight: scorer.prior, fields, totalWeight: total, probability: probabilityFromWeight(total) };
}

// ---------------------------------------------------------------------------------------------------------
// Random pairs

/** A small, fast, seeded generator (mulberry32), so sampling is reproducible across runs and engines. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `pairCount` random pairs of distinct records among `recordCount`, as [left, right] indices in one array: the
 * sample u is estimated from. Among n records only about n out of n²/2 pairs are the same person, so random
 * pairs are a sample of non-matches to a very good approximation.
 */
export function randomPairs(recordCount: number, pairCount: number, seed = 1): Uint32Array {
  if (recordCount < 2) throw new Error('need at least two records');
  const random = seededRandom(seed);
  const out = new Uint32Array(pairCount * 2);
  for (let p = 0; p < pairCount; p++) {
    const left = Math.floor(random() * recordCount);
    let right = Math.floor(random() * (recordCount - 1));
    if (right >= left) right++;
    out[p * 2] = left;
    out[p * 2 + 1] = right;
  }
  return out;
}
