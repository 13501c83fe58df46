import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecidedPair, suggestThresholds } from './thresholds';

const pairs = (list: Array<[number, boolean]>): DecidedPair[] =>
  list.map(([probability, same]) => ({ probability, same }));

describe('suggestThresholds', () => {
  it('puts "same" at the lowest probability above which decisions are all "same", and review at the lowest "same"', () => {
    const suggestion = suggestThresholds(
      pairs([
        [0.999, true],
        [0.99, true],
        [0.97, true],
        [0.95, false],
        [0.93, true],
        [0.9, true],
        [0.8, false],
        [0.7, false],
        [0.6, false],
        [0.55, false],
      ]),
    );
    expect(suggestion).toMatchObject({
      same: 0.97,
      review: 0.9,
      decided: 10,
      decidedSame: 5,
      decidedDifferent: 5,
      atOrAboveSame: { total: 3, same: 3 },
      belowReview: 4,
    });
  });

  it('gives no suggestion with too few decisions or none "same"', () => {
    expect(suggestThresholds(pairs([[0.99, true]])).same).toBeNull();
    const allDifferent = suggestThresholds(
      pairs(Array.from({ length: 12 }, (_, i): [number, boolean] => [0.5 + i / 30, false])),
    );
    expect(allDifferent).toMatchObject({ same: null, review: null, decidedDifferent: 12 });
  });

  it('does not place a cut-off between pairs of equal probability', () => {
    const suggestion = suggestThresholds(
      pairs([
        [0.98, true],
        [0.98, false],
        [0.99, true],
        ...Array.from({ length: 8 }, (): [number, boolean] => [0.6, false]),
      ]),
      { minimumDecisions: 1 },
    );
    expect(suggestion.same).toBe(0.99);
    expect(suggestion.review).toBe(0.98);
  });

  it('ignores pairs whose probability is not a number', () => {
    const suggestion = suggestThresholds(
      pairs([
        [Number.NaN, false],
        [0.99, true],
      ]),
      { minimumDecisions: 1 },
    );
    expect(suggestion).toMatchObject({ decided: 1, same: 0.99, review: 0.99 });
  });
});

describe('suggestThresholds properties', () => {
  const decided = fc.array(
    fc.record({
      probability: fc.double({ min: 0.5, max: 1, noNaN: true }),
      same: fc.boolean(),
    }),
    { minLength: 1, maxLength: 80 },
  );

  it('at or above "same", the share of "same" decisions reaches the precision; no "same" lies below review', () => {
    fc.assert(
      fc.property(decided, fc.constantFrom(0.9, 0.95, 0.99, 1), (list, precision) => {
        const s = suggestThresholds(list, { precision, minimumDecisions: 1 });
        if (s.review === null) {
          expect(list.some((pair) => pair.same)).toBe(false);
          return;
        }
        const review = s.review;
        expect(list.filter((pair) => pair.same && pair.probability < review).length).toBe(0);
        const same = s.same;
        if (same === null) return;
        expect(review).toBeLessThanOrEqual(same);
        const above = list.filter((pair) => pair.probability >= same);
        const sameAbove = above.filter((pair) => pair.same).length;
        expect(above.length).toBe(s.atOrAboveSame.total);
        expect(sameAbove).toBe(s.atOrAboveSame.same);
        expect(sameAbove / above.length).toBeGreaterThanOrEqual(precision);
      }),
    );
  });

  it('the "same" cut-off is the lowest decided probability that reaches the precision', () => {
    fc.assert(
      fc.property(decided, (list) => {
        const s = suggestThresholds(list, { minimumDecisions: 1 });
        if (s.same === null) return;
        for (const candidate of new Set(list.map((pair) => pair.probability))) {
          if (candidate >= s.same) continue;
          const above = list.filter((pair) => pair.probability >= candidate);
          expect(above.filter((pair) => pair.same).length / above.length).toBeLessThan(0.99);
        }
      }),
    );
  });

  it('does not depend on the order of the decisions', () => {
    fc.assert(
      fc.property(decided, (list) => {
        expect(suggestThresholds([...list].reverse(), { minimumDecisions: 1 })).toEqual(
          suggestThresholds(list, { minimumDecisions: 1 }),
        );
      }),
    );
  });
});

describe('many decisions', () => {
  it('suggests from half a million decided pairs (no argument spread of them)', () => {
    const list: DecidedPair[] = [];
    for (let i = 0; i < 500_000; i++) list.push({ probability: 0.5 + (i % 1000) / 2000, same: i % 3 !== 0 });
    expect(suggestThresholds(list).review).toBe(0.5);
  });
});
