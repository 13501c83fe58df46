import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createModel,
  DEFAULT_THRESHOLDS,
  decide,
  estimateU,
  expectationMaximisation,
  explain,
  type FieldSpec,
  matchWeight,
  matchWeights,
  probabilityFromWeight,
  randomPairs,
  Scorer,
  seededRandom,
  TermFrequencies,
  tabulatePatterns,
  termFrequencyAdjustment,
} from './fellegi-sunter';

/** Draws a level from a distribution over levels 1..n-1 (index 0 ignored). */
function draw(distribution: ArrayLike<number>, random: () => number): number {
  let x = random();
  for (let level = 1; level < distribution.length; level++) {
    x -= distribution[level] as number;
    if (x <= 0) return level;
  }
  return distribution.length - 1;
}

function normalize(values: number[]): number[] {
  const total = values.slice(1).reduce((a, b) => a + b, 0);
  return values.map((v, i) => (i === 0 ? 0 : v / total));
}

interface Truth {
  fields: FieldSpec[];
  lambda: number;
  m: number[][];
  u: number[][];
}

/**
 * Synthetic truth with monotone likelihood ratios: m grows with the level, u shrinks, each step by a clear
 * margin, which is what real comparison levels look like and what makes the parameters identifiable.
 */
const truthArbitrary: fc.Arbitrary<Truth> = fc
  .record({
    lambda: fc.double({ min: 0.1, max: 0.5, noNaN: true }),
    fields: fc.array(
      fc.integer({ min: 2, max: 4 }).chain((agreeLevels) =>
        fc.record({
          mSteps: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), {
            minLength: agreeLevels,
            maxLength: agreeLevels,
          }),
          uSteps: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), {
            minLength: agreeLevels,
            maxLength: agreeLevels,
          }),
        }),
      ),
      { minLength: 3, maxLength: 5 },
    ),
  })
  .map(({ lambda, fields }) => {
    const specs: FieldSpec[] = [];
    const m: number[][] = [];
    const u: number[][] = [];
    fields.forEach((field, f) => {
      const n = field.mSteps.length;
      specs.push({ name: `f${f}`, levels: ['null', ...Array.from({ length: n }, (_, l) => `l${l + 1}`)] });
      // m: increasing (cumulative steps, squared to spread); u: decreasing.
      const cumulativeSquares = (steps: number[]) => {
        let total = 0;
        return steps.map((step) => {
          total += step;
          return total ** 2;
        });
      };
      const mRaw = [0, ...cumulativeSquares(field.mSteps)];
      const uRaw = [0, ...cumulativeSquares(field.uSteps).reverse()];
      m.push(normalize(mRaw));
      u.push(normalize(uRaw));
    });
    return { fields: specs, lambda, m, u };
  });

/** Pairs drawn from the truth; a share of comparisons are null (missing values). */
function simulate(truth: Truth, pairs: number, seed: number, matchShare = truth.lambda) {
  const random = seededRandom(seed);
  const fieldCount = truth.fields.length;
  const vectors = new Uint8Array(pairs * fieldCount);
  const isMatch = new Uint8Array(pairs);
  for (let p = 0; p < pairs; p++) {
    const match = random() < matchShare;
    isMatch[p] = match ? 1 : 0;
    for (let f = 0; f < fieldCount; f++) {
      vectors[p * fieldCount + f] =
        random() < 0.1 ? 0 : draw((match ? truth.m[f] : truth.u[f]) as number[], random);
    }
  }
  return { vectors, isMatch };
}

/** A start that knows nothing specific: m leaning to the top level, u to the bottom. */
function neutralStart(truth: Truth, u: Float64Array[]) {
  return createModel(
    truth.fields,
    0.3,
    truth.fields.map((field) => field.levels.map((_, level) => (level === 0 ? 0 : level))),
    u,
  );
}

describe('weights and probabilities', () => {
  it('computes log2(m/u) and the posterior', () => {
    expect(matchWeight(0.9, 0.1)).toBeCloseTo(Math.log2(9), 12);
    expect(matchWeight(0.1, 0.1)).toBe(0);
    expect(probabilityFromWeight(0)).toBe(0.5);
    expect(probabilityFromWeight(Math.log2(99))).toBeCloseTo(0.99, 12);
  });

  it('is increasing in m and decreasing in u', () => {
    const p = fc.double({ min: 1e-6, max: 1, noNaN: true });
    fc.assert(
      fc.property(p, p, p, (m, u, other) => {
        if (other > m * (1 + 1e-9)) expect(matchWeight(other, u)).toBeGreaterThan(matchWeight(m, u));
        if (other > u * (1 + 1e-9)) expect(matchWeight(m, other)).toBeLessThan(matchWeight(m, u));
      }),
    );
  });

  it('refuses a model with the wrong number of levels or an impossible prior', () => {
    const fields = [{ name: 'a', levels: ['null', 'no', 'yes'] }];
    expect(() => createModel(fields, 0.1, [[0, 1]], [[0, 1, 1]])).toThrow();
    expect(() => createModel(fields, 1, [[0, 1, 1]], [[0, 1, 1]])).toThrow();
  });
});

describe('pattern table', () => {
  it('keeps every pair: counts add up and each pattern appears as often as in the data', () => {
    const fields: FieldSpec[] = [
      { name: 'a', levels: ['null', 'x', 'y'] },
      { name: 'b', levels: ['null', 'x', 'y', 'z', 'w'] },
      { name: 'c', levels: ['null', 'x'] },
    ];
    const vector = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 1 }),
    );
    fc.assert(
      fc.property(fc.array(vector, { maxLength: 300 }), (rows) => {
        const vectors = Uint8Array.from(rows.flat());
        const table = tabulatePatterns(fields, vectors, rows.length);
        expect(table.counts.reduce((a, b) => a + b, 0)).toBe(rows.length);
        const expected = new Map<string, number>();
        for (const row of rows) expected.set(row.join(','), (expected.get(row.join(',')) ?? 0) + 1);
        expect(table.size).toBe(expected.size);
        for (let p = 0; p < table.size; p++) {
          const key = [...table.patterns.subarray(p * 3, p * 3 + 3)].join(',');
          expect(table.counts[p]).toBe(expected.get(key));
        }
      }),
    );
  });
});

describe('estimation', () => {
  it('estimates u as the share of each level among random pairs', () => {
    const fields: FieldSpec[] = [{ name: 'a', levels: ['null', 'no', 'yes'] }];
    const vectors = Uint8Array.from([1, 1, 1, 2, 0, 0]);
    const [u] = estimateU(fields, vectors, vectors.length, 0);
    expect([...(u as Float64Array)]).toEqual([0, 0.75, 0.25]);
    const [smoothed] = estimateU(fields, Uint8Array.from([1, 1]), 2, 1);
    expect(smoothed?.[2]).toBeCloseTo(1 / 4, 12);
  });

  it('recovers the m, u and λ that generated the data (EM over the pattern table, u from random pairs)', () => {
    fc.assert(
      fc.property(truthArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (truth, seed) => {
        // u from "random pairs": pairs that are almost never the same person.
        const random = simulate(truth, 40_000, seed + 1, 0);
        const u = estimateU(truth.fields, random.vectors, 40_000);
        const candidates = simulate(truth, 40_000, seed);
        const table = tabulatePatterns(truth.fields, candidates.vectors, 40_000);
        const { model, converged } = expectationMaximisation(table, neutralStart(truth, u), {
          maxIterations: 2000,
          tolerance: 1e-6,
        });
        expect(converged).toBe(true);
        expect(model.lambda).toBeCloseTo(truth.lambda, 1);
        expect(Math.abs(model.lambda - truth.lambda)).toBeLessThan(0.03);
        truth.fields.forEach((field, f) => {
          for (let level = 1; level < field.levels.length; level++) {
            expect(Math.abs((model.m[f]?.[level] as number) - (truth.m[f]?.[level] as number))).toBeLessThan(
              0.04,
            );
            expect(Math.abs((model.u[f]?.[level] as number) - (truth.u[f]?.[level] as number))).toBeLessThan(
              0.02,
            );
          }
        });
        // Monotone truth gives monotone estimated weights.
        for (const weights of matchWeights(model)) {
          for (let level = 2; level < weights.length; level++) {
            expect(weights[level]).toBeGreaterThan(weights[level - 1] as number);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('recovers u too when asked to re-estimate it (four fields or more, so the mixture is identifiable)', () => {
    fc.assert(
      fc.property(
        truthArbitrary.filter((truth) => truth.fields.length >= 4),
        fc.integer({ min: 1, max: 1_000_000 }),
        (truth, seed) => {
          const candidates = simulate(truth, 40_000, seed);
          const table = tabulatePatterns(truth.fields, candidates.vectors, 40_000);
          // Start u near uniform-leaning-low; EM must find both.
          const startU = truth.fields.map((field) =>
            Float64Array.from(
              field.levels.map((_, level) => (level === 0 ? 0 : field.levels.length - level)),
            ),
          );
          const { model } = expectationMaximisation(table, neutralStart(truth, startU), {
            updateU: true,
            maxIterations: 5000,
            tolerance: 1e-7,
          });
          expect(Math.abs(model.lambda - truth.lambda)).toBeLessThan(0.04);
          truth.fields.forEach((field, f) => {
            for (let level = 1; level < field.levels.length; level++) {
              expect(
                Math.abs((model.m[f]?.[level] as number) - (truth.m[f]?.[level] as number)),
              ).toBeLessThan(0.05);
              expect(
                Math.abs((model.u[f]?.[level] as number) - (truth.u[f]?.[level] as number)),
              ).toBeLessThan(0.05);
            }
          });
        },
      ),
      { numRuns: 8 },
    );
  });

  it('leaves an ignored field (a blocking field) as it was', () => {
    const fields: FieldSpec[] = [
      { name: 'a', levels: ['null', 'no', 'yes'] },
      { name: 'b', levels: ['null', 'no', 'yes'] },
    ];
    const start = createModel(
      fields,
      0.2,
      [
        [0, 0.5, 0.5],
        [0, 0.2, 0.8],
      ],
      [
        [0, 0.9, 0.1],
        [0, 0.9, 0.1],
      ],
    );
    const vectors = Uint8Array.from([2, 2, 2, 1, 2, 2, 2, 1, 2, 2]);
    const table = tabulatePatterns(fields, vectors, 5);
    const { model } = expectationMaximisation(table, start, { ignoreFields: [0] });
    expect([...(model.m[0] as Float64Array)]).toEqual([...(start.m[0] as Float64Array)]);
    expect(model.m[1]?.[2]).not.toBeCloseTo(0.8, 3);
  });
});

describe('term frequencies', () => {
  it('lowers the weight of a common value and raises that of a rare one', () => {
    const names = new TermFrequencies([
      'maria',
      'maria',
      'maria',
      'maria',
      'maria',
      'maria',
      'yoselin',
      'ana',
      'ana',
      'luz',
    ]);
    expect(names.frequency('maria')).toBeCloseTo(0.6, 12);
    expect(names.frequency('nadie')).toBeCloseTo(0.1, 12);
    expect(Number.isNaN(names.frequency(null))).toBe(true);
    const uExact = 0.2;
    expect(termFrequencyAdjustment(uExact, names.frequency('maria'))).toBeLessThan(0);
    expect(termFrequencyAdjustment(uExact, names.frequency('yoselin'))).toBeGreaterThan(0);
    expect(termFrequencyAdjustment(uExact, Number.NaN)).toBe(0);
    expect(termFrequencyAdjustment(uExact, 0.05, 0.5)).toBeCloseTo(0.5 * Math.log2(4), 12);
  });
});

describe('scoring and explanation', () => {
  const fields: FieldSpec[] = [
    { name: 'name', levels: ['null', 'different', 'similar', 'exact'] },
    { name: 'date', levels: ['null', 'different', 'exact'] },
    { name: 'document', levels: ['null', 'conflict', 'unrelated', 'exact'] },
  ];
  const model = createModel(
    fields,
    0.01,
    [
      [0, 0.05, 0.15, 0.8],
      [0, 0.1, 0.9],
      [0, 0.001, 0.3, 0.699],
    ],
    [
      [0, 0.9, 0.08, 0.02],
      [0, 0.99, 0.01],
      [0, 0.3, 0.6999, 0.0001],
    ],
  );
  const scorer = new Scorer(model, [3, -1, -1]);

  it('adds up: prior + field weights + term-frequency adjustments = total, and the probability follows', () => {
    const vector = fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 3 }),
    );
    const frequency = fc.oneof(fc.constant(Number.NaN), fc.double({ min: 1e-6, max: 1, noNaN: true }));
    fc.assert(
      fc.property(vector, fc.tuple(frequency, frequency, frequency), (levels, frequencies) => {
        const explanation = explain(scorer, levels, 0, frequencies);
        const sum =
          explanation.priorWeight +
          explanation.fields.reduce((total, f) => total + f.weight + f.tfAdjustment, 0);
        expect(explanation.totalWeight).toBeCloseTo(sum, 9);
        expect(explanation.totalWeight).toBeCloseTo(scorer.score(levels, 0, frequencies), 9);
        expect(explanation.probability).toBeCloseTo(probabilityFromWeight(explanation.totalWeight), 12);
        explanation.fields.forEach((field, f) => {
          expect(field.label).toBe(fields[f]?.levels[levels[f] as number]);
          if (field.level === 0) expect(field.weight).toBe(0);
          // Only the exact name level is adjusted, and only with a known frequency.
          if (f !== 0 || levels[0] !== 3 || Number.isNaN(frequencies[0])) expect(field.tfAdjustment).toBe(0);
        });
      }),
    );
  });

  it('scores at an offset of a flat buffer', () => {
    const buffer = Uint8Array.from([1, 1, 1, 3, 2, 3]);
    expect(scorer.score(buffer, 3)).toBeCloseTo(explain(scorer, [3, 2, 3]).totalWeight, 12);
  });

  it('decides with thresholds and never says "same" over a veto', () => {
    expect(decide(0.999, false)).toBe('same');
    expect(decide(0.999, true)).toBe('review');
    expect(decide(0.7, false)).toBe('review');
    expect(decide(0.2, false)).toBe('different');
    expect(decide(DEFAULT_THRESHOLDS.same, false)).toBe('same');
    expect(decide(0.95, false, { same: 0.9, review: 0.5 })).toBe('same');
  });
});

describe('random pairs', () => {
  it('draws pairs of two different records in range, the same for the same seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.nat(),
        (n, count, seed) => {
          const pairs = randomPairs(n, count, seed);
          expect(pairs.length).toBe(count * 2);
          for (let p = 0; p < count; p++) {
            expect(pairs[p * 2]).not.toBe(pairs[p * 2 + 1]);
            expect(pairs[p * 2]).toBeLessThan(n);
            expect(pairs[p * 2 + 1]).toBeLessThan(n);
          }
          expect([...randomPairs(n, count, seed)]).toEqual([...pairs]);
        },
      ),
    );
    expect(() => randomPairs(1, 1)).toThrow();
  });
});
