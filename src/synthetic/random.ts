/**
 * Seeded randomness for the synthetic registry: a small fast PRNG (sfc32), weighted sampling in O(1) (Vose's
 * alias method), a Zipf–Mandelbrot sampler, and a keyed permutation of an integer range (a Feistel network with
 * cycle walking) that turns a counter into a unique, random-looking document number without remembering which
 * numbers were already handed out.
 *
 * Nothing here reads the clock or Math.random: the same seed gives the same numbers on every machine.
 */

/** A 32-bit integer finalizer (xorshift-multiply): spreads every input bit over the output. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Folds a string or number seed into one 32-bit word, so `--seed ruta` and `--seed 42` both work. */
export function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') {
    // Mixes the high part too, so seeds above 2^32 are not folded onto small ones.
    return mix32((seed >>> 0) ^ mix32(Math.floor(seed / 4294967296)));
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  }
  return mix32(hash ^ seed.length);
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand, and costs a
 * handful of integer operations per draw, which matters at millions of persons.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed words.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * An independent stream for (seed, ...path): e.g. `Random.derive(seed, HOUSEHOLD_STREAM, 1234)` is household
   * 1234's own generator, so any household can be rebuilt later without replaying the ones before it.
   */
  static derive(seed: number | string, ...path: number[]): Random {
    let word = hashSeed(seed);
    for (const part of path) word = mix32(word ^ mix32(part + 0x9e3779b9));
    return new Random(word, mix32(word ^ 0x243f6a88), mix32(word ^ 0x85a308d3), mix32(word ^ 0x13198a2e));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Standard normal (Box–Muller); used for the few continuous quantities, such as a spouse's age gap. */
  normal(mean = 0, deviation = 1): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  }
}

/** A uniform [0, 1) draw function on its own seeded stream, for callers that need only that. */
export function seededRandom(seed: number | string): () => number {
  const random = Random.derive(seed);
  return () => random.float();
}

/**
 * Vose's alias method: after O(n) set-up, each weighted draw costs one index and one comparison, whatever n is.
 * The registry draws several names, an age and a municipality per person, from tables of up to 50,000 entries.
 */
export class AliasTable {
  readonly size: number;
  private readonly threshold: Float64Array;
  private readonly alias: Uint32Array;
  /** The normalized weights, kept for tests and reports. */
  readonly probabilities: Float64Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error('an alias table needs at least one weight');
    let total = 0;
    for (let i = 0; i < n; i++) {
      const weight = weights[i] as number;
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`invalid weight at ${i}: ${weight}`);
      total += weight;
    }
    if (total <= 0) throw new Error('the weights add up to zero');
    this.size = n;
    this.threshold = new Float64Array(n);
    this.alias = new Uint32Array(n);
    this.probabilities = new Float64Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      this.probabilities[i] = (weights[i] as number) / total;
      scaled[i] = (this.probabilities[i] as number) * n;
      ((scaled[i] as number) < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const less = small.pop() as number;
      const more = large.pop() as number;
      this.threshold[less] = scaled[less] as number;
      this.alias[less] = more;
      scaled[more] = (scaled[more] as number) + (scaled[less] as number) - 1;
      ((scaled[more] as number) < 1 ? small : large).push(more);
    }
    // What is left is 1 up to rounding error.
    for (const i of large) this.threshold[i] = 1;
    for (const i of small) this.threshold[i] = 1;
  }

  /**
   * One 32-bit draw serves both steps: its integer part picks the column, its fractional part is compared with the
   * column's threshold. That leaves 32 − log2(n) bits (16 at n = 50,000) for the comparison, a relative error below
   * 0.1% even for the rarest names, whose thresholds stay above 0.05.
   */
  sample(random: Random): number {
    const scaled = random.float() * this.size;
    const column = Math.floor(scaled);
    return scaled - column < (this.threshold[column] as number) ? column : (this.alias[column] as number);
  }
}

/** A weighted choice among values (municipalities, household sizes, nationalities). */
export class WeightedChoice<T> {
  private readonly table: AliasTable;

  constructor(
    readonly values: readonly T[],
    weights: readonly number[],
  ) {
    if (values.length !== weights.length) throw new Error('values and weights differ in length');
    this.table = new AliasTable(weights);
  }

  static fromEntries<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedChoice<T> {
    return new WeightedChoice(
      entries.map(([value]) => value),
      entries.map(([, weight]) => weight),
    );
  }

  sample(random: Random): T {
    return this.values[this.table.sample(random)] as T;
  }

  probabilityOf(index: number): number {
    return this.table.probabilities[index] as number;
  }
}

/**
 * Zipf–Mandelbrot weights: rank k (1-based) weighs 1 / (k + offset)^exponent. The offset flattens the head (the
 * commonest surname in Colombia is a few percent of people, not the 10% pure Zipf would give) while the tail keeps
 * the log-log slope of −exponent.
 */
export function zipfWeights(count: number, exponent: number, offset = 0): Float64Array {
  const weights = new Float64Array(count);
  for (let k = 1; k <= count; k++) weights[k - 1] = (k + offset) ** -exponent;
  return weights;
}

/** Draws 0-based ranks from a Zipf–Mandelbrot law over `count` items. */
export class ZipfSampler {
  private readonly table: AliasTable;

  constructor(
    readonly count: number,
    readonly exponent: number,
    readonly offset = 0,
  ) {
    this.table = new AliasTable(zipfWeights(count, exponent, offset));
  }

  sample(random: Random): number {
    return this.table.sample(random);
  }

  probabilityOfRank(rank: number): number {
    return this.table.probabilities[rank] as number;
  }
}

/**
 * A keyed bijection of [0, domainSize): a balanced Feistel network over the smallest even power of two that holds
 * the domain, with cycle walking to stay inside it. Document numbers are `start + permutation(counter)`: unique
 * because the map is a bijection, scattered because the network mixes, and computable for any counter alone, so a
 * household regenerated later gets the very same numbers.
 */
export class IndexPermutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly halfSize: number;
  private readonly roundKeys: Uint32Array;

  constructor(
    readonly domainSize: number,
    key: number,
  ) {
    if (!Number.isSafeInteger(domainSize) || domainSize < 1) throw new Error(`invalid domain ${domainSize}`);
    if (domainSize > 2 ** 32) throw new Error('the permutation domain is limited to 2^32');
    const bits = Math.max(2, Math.ceil(Math.log2(domainSize)));
    this.halfBits = Math.ceil(bits / 2);
    this.halfSize = 2 ** this.halfBits;
    this.halfMask = this.halfSize - 1;
    this.roundKeys = new Uint32Array(4);
    for (let round = 0; round < 4; round++) this.roundKeys[round] = mix32(key ^ mix32(round + 0x51ed270b));
  }

  map(index: number): number {
    if (!(index >= 0 && index < this.domainSize))
      throw new Error(`index ${index} outside [0, ${this.domainSize})`);
    let value = index;
    // Cycle walking: a permutation of the larger power-of-two domain, restricted to [0, domainSize), is still a
    // permutation; at most 4 walks on average because the larger domain is less than 4 times the smaller.
    do {
      value = this.encrypt(value);
    } while (value >= this.domainSize);
    return value;
  }

  private encrypt(value: number): number {
    let left = Math.floor(value / this.halfSize);
    let right = value & this.halfMask;
    for (let round = 0; round < 4; round++) {
      const next = (left ^ mix32(right ^ (this.roundKeys[round] as number))) & this.halfMask;
      left = right;
      right = next;
    }
    return left * this.halfSize + right;
  }
}
