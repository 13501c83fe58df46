import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bCubedScores, blockingScores, pairwiseScores } from './evaluation';

// Bagga & Baldwin (1998): true entities {1..5}, {6,7}, {8..12}; the system merges the last two.
const bbTruth = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3];
const bbPredicted = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b'];

describe('pairwiseScores', () => {
  it('counts pairs on the merge example by hand', () => {
    // Predicted pairs: C(5,2) + C(7,2) = 10 + 21 = 31. True pairs: 10 + 1 + 10 = 21, all predicted.
    const s = pairwiseScores(bbPredicted, bbTruth);
    expect(s).toMatchObject({ truePositives: 21, predictedPairs: 31, truePairs: 21, recall: 1 });
    expect(s.precision).toBeCloseTo(21 / 31, 12);
    expect(s.f1).toBeCloseTo((2 * (21 / 31)) / (21 / 31 + 1), 12);
  });

  it('splitting a cluster costs recall, not precision', () => {
    // Truth {0,1,2,3}; predicted {0,1} {2,3}: 2 of 6 true pairs found, both right.
    const s = pairwiseScores([0, 0, 1, 1], [9, 9, 9, 9]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(2 / 6, 12);
    expect(s.f1).toBeCloseTo(0.5, 12);
  });

  it('uses 1 for empty denominators and refuses different lengths', () => {
    expect(pairwiseScores([1, 2, 3], [1, 2, 3])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(pairwiseScores([1, 1], [1, 2])).toMatchObject({ precision: 0, recall: 1, f1: 0 });
    expect(() => pairwiseScores([1], [1, 2])).toThrow(RangeError);
  });
});

describe('bCubedScores', () => {
  it('reproduces the Bagga–Baldwin merge example: precision 64/84, recall 1', () => {
    // Records 1–5: 5/5 each. Records 6–7: 2/7 each. Records 8–12: 5/7 each. (5 + 4/7 + 25/7) / 12 = 64/84.
    const s = bCubedScores(bbPredicted, bbTruth);
    expect(s.precision).toBeCloseTo(64 / 84, 12);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo((2 * (64 / 84)) / (64 / 84 + 1), 12);
  });

  it('a split example by hand', () => {
    // Truth {0,1,2}, {3}; predicted {0,1}, {2,3}.
    // Precision: 1, 1, 1/2, 1/2 → 3/4. Recall: 2/3, 2/3, 1/3, 1 → (8/3)/4 = 2/3.
    const s = bCubedScores([0, 0, 1, 1], ['x', 'x', 'x', 'y']);
    expect(s.precision).toBeCloseTo(3 / 4, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
  });

  it('all singletons against one true cluster: precision 1, recall 1/n', () => {
    const s = bCubedScores([0, 1, 2, 3], [7, 7, 7, 7]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(1 / 4, 12);
  });
});

describe('blockingScores', () => {
  it('measures the share of true pairs among candidates and the volume', () => {
    // Truth: {0,1,2}, {3,4}: 3 + 1 = 4 true pairs. Candidates: 0-1 (true), 1-2 (true), 2-3 (false).
    const s = blockingScores({ left: [0, 1, 2], right: [1, 2, 3] }, [5, 5, 5, 6, 6]);
    expect(s).toMatchObject({ truePairsFound: 2, truePairs: 4, candidates: 3, recall: 0.5 });
    expect(s.pairsPerRecord).toBeCloseTo(3 / 5, 12);
    expect(s.reductionRatio).toBeCloseTo(1 - 3 / 10, 12);
  });

  it('rejects a candidate that is not a pair of records', () => {
    expect(() => blockingScores({ left: [0], right: [0] }, [1, 1])).toThrow(RangeError);
    expect(() => blockingScores({ left: [0], right: [5] }, [1, 1])).toThrow(RangeError);
  });
});

const labelling = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    ),
  );

describe('evaluation properties', () => {
  it('perfect clustering scores 1, whatever the labels are called', () => {
    fc.assert(
      fc.property(labelling, ([truth]) => {
        const renamed = truth.map((id) => `c${id * 7 + 3}`);
        for (const s of [pairwiseScores(renamed, truth), bCubedScores(renamed, truth)]) {
          expect(s.precision).toBe(1);
          expect(s.recall).toBe(1);
          expect(s.f1).toBe(1);
        }
      }),
    );
  });

  it('all metrics lie in [0, 1] and precision and recall swap when the roles swap', () => {
    fc.assert(
      fc.property(labelling, ([predicted, truth]) => {
        const pw = pairwiseScores(predicted, truth);
        const b3 = bCubedScores(predicted, truth);
        for (const s of [pw, b3]) {
          for (const v of [s.precision, s.recall, s.f1]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        const b3Swapped = bCubedScores(truth, predicted);
        expect(b3Swapped.precision).toBeCloseTo(b3.recall, 12);
        expect(b3Swapped.recall).toBeCloseTo(b3.precision, 12);
      }),
    );
  });

  it('blocking recall of all pairs is 1 and of no pairs is 0 when there are true pairs', () => {
    fc.assert(
      fc.property(labelling, ([, truth]) => {
        const left: number[] = [];
        const right: number[] = [];
        for (let i = 0; i < truth.length; i++) {
          for (let j = i + 1; j < truth.length; j++) {
            left.push(i);
            right.push(j);
          }
        }
        const all = blockingScores({ left, right }, truth);
        expect(all.recall).toBe(1);
        expect(all.reductionRatio).toBeCloseTo(truth.length < 2 ? 1 : 0, 12);
        const none = blockingScores({ left: [], right: [] }, truth);
        expect(none.recall).toBe(none.truePairs === 0 ? 1 : 0);
      }),
    );
  });
});
