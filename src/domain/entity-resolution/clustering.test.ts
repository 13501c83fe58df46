import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterPairs, clusterPersons } from './clustering';
import { preparePerson } from './comparisons';

const scored = (list: Array<[number, number, number]>) => ({
  left: list.map((p) => p[0]),
  right: list.map((p) => p[1]),
  score: list.map((p) => p[2]),
});

describe('clusterPairs', () => {
  it('joins pairs above the threshold transitively and leaves the rest apart', () => {
    const result = clusterPairs(
      6,
      scored([
        [0, 1, 0.99],
        [1, 2, 0.95],
        [3, 4, 0.4],
        [4, 5, 0.97],
      ]),
      0.5,
    );
    expect(result.clusters).toEqual([
      [0, 1, 2],
      [4, 5],
    ]);
    expect(Array.from(result.clusterOf)).toEqual([0, 0, 0, 3, 4, 4]);
    expect(result.unions).toBe(3);
    expect(result.refused).toBe(0);
  });

  it('refuses the weaker link that would chain two conflicting records', () => {
    // 0 and 2 conflict; 0–1 is stronger than 1–2, so 1 stays with 0 and 2 stays alone.
    const conflicts = (i: number, j: number) => (i === 0 && j === 2) || (i === 2 && j === 0);
    const result = clusterPairs(
      3,
      scored([
        [1, 2, 0.9],
        [0, 1, 0.99],
      ]),
      0.5,
      conflicts,
    );
    expect(result.clusters).toEqual([[0, 1]]);
    expect(result.refused).toBe(1);
  });

  it('rejects pairs out of range', () => {
    expect(() => clusterPairs(2, scored([[0, 2, 1]]), 0.5)).toThrow(RangeError);
  });

  it('property: clusters partition the records and contain no conflicting pair', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            pairs: fc.array(
              fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0, max: 1, noNaN: true })),
              { maxLength: 60 },
            ),
            // A document "value" per record (0 = none); records with different values conflict.
            docs: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
            threshold: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
        ),
        ({ n, pairs, docs, threshold }) => {
          const conflicts = (i: number, j: number) => docs[i] !== 0 && docs[j] !== 0 && docs[i] !== docs[j];
          const result = clusterPairs(n, scored(pairs), threshold, conflicts, (i) => docs[i] !== 0);
          const seen = new Set<number>();
          for (const cluster of result.clusters) {
            for (const x of cluster) {
              expect(seen.has(x)).toBe(false);
              seen.add(x);
              expect(result.clusterOf[x]).toBe(cluster[0]);
              for (const y of cluster) expect(conflicts(x, y)).toBe(false);
            }
          }
          for (let i = 0; i < n; i++) {
            if (!seen.has(i)) expect(result.clusterOf[i]).toBe(i);
          }
          // Every accepted pair above the threshold ends up together unless a union was refused.
          if (result.refused === 0) {
            for (const [i, j, s] of pairs)
              if (s >= threshold) expect(result.clusterOf[i]).toBe(result.clusterOf[j]);
          }
        },
      ),
    );
  });

  it('property: the result does not depend on the order of the pairs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.integer({ min: 0, max: 10 })), { maxLength: 30 }),
        (pairs) => {
          const conflicts = (i: number, j: number) => i % 3 === 0 && j % 3 === 0 && i !== j;
          const a = clusterPairs(10, scored(pairs), 5, conflicts);
          const b = clusterPairs(10, scored([...pairs].reverse()), 5, conflicts);
          expect(Array.from(a.clusterOf)).toEqual(Array.from(b.clusterOf));
        },
      ),
    );
  });
});

describe('clusterPersons', () => {
  it('never joins two cédulas with different numbers, even through a record without documents', () => {
    const persons = [
      preparePerson({
        givenName1: 'Ana',
        surname1: 'Pérez',
        documents: [{ type: 'CC', number: '1023456789' }],
      }),
      preparePerson({ givenName1: 'Ana', surname1: 'Pérez' }),
      preparePerson({
        givenName1: 'Ana',
        surname1: 'Pérez',
        documents: [{ type: 'CC', number: '52111222' }],
      }),
      preparePerson({
        givenName1: 'Ana',
        surname1: 'Pérez',
        documents: [{ type: 'TI', number: '52111222' }],
      }),
    ];
    const result = clusterPersons(
      persons,
      scored([
        [0, 1, 0.999],
        [1, 2, 0.998],
        [2, 3, 0.997],
      ]),
      0.99,
    );
    expect(result.clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(result.refused).toBe(1);
  });
});
