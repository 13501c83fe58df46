import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../domain/entity-resolution/blocking';
import { clusterPersons } from '../domain/entity-resolution/clustering';
import {
  compareDocuments,
  LEVEL,
  type PreparedPerson,
  preparePerson,
} from '../domain/entity-resolution/comparisons';
import { bCubedScores, blockingScores, pairwiseScores } from '../domain/entity-resolution/evaluation';
import { DUPLICATE_MUTATIONS, generateDuplicates, type SyntheticPerson } from './duplicates';

const isDuplicate = (records: SyntheticPerson[]) => {
  const seen = new Set<number>();
  let duplicates = 0;
  for (const r of [...records].sort((a, b) => a.mutations.length - b.mutations.length)) {
    if (seen.has(r.clusterId)) duplicates++;
    seen.add(r.clusterId);
  }
  return duplicates;
};

describe('generateDuplicates', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDuplicates({ count: 300, duplicateRate: 0.25, seed: 'ruta' });
    const b = generateDuplicates({ count: 300, duplicateRate: 0.25, seed: 'ruta' });
    const c = generateDuplicates({ count: 300, duplicateRate: 0.25, seed: 'otra' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('plants duplicates near the requested rate, each one mutated, with every mutation in use', () => {
    const records = generateDuplicates({ count: 4000, duplicateRate: 0.3, seed: 7 });
    expect(records).toHaveLength(4000);
    const duplicates = records.filter((r) => r.mutations.length > 0);
    expect(duplicates.length / records.length).toBeGreaterThan(0.27);
    expect(duplicates.length / records.length).toBeLessThan(0.33);
    expect(isDuplicate(records)).toBe(duplicates.length);
    for (const r of duplicates) {
      expect(r.mutations.length).toBeGreaterThanOrEqual(1);
      expect(r.mutations.length).toBeLessThanOrEqual(3);
    }
    const used = new Set(duplicates.flatMap((r) => r.mutations));
    expect([...used].sort()).toEqual([...DUPLICATE_MUTATIONS].sort());
    expect(records.map((r) => r.recordId)).toEqual(records.map((_, i) => i));
  });

  it('a duplicate differs from its original in what its mutations say', () => {
    const records = generateDuplicates({ count: 2000, duplicateRate: 0.3, seed: 11 });
    const original = new Map(records.filter((r) => r.mutations.length === 0).map((r) => [r.clusterId, r]));
    for (const dup of records.filter((r) => r.mutations.length > 0)) {
      const o = original.get(dup.clusterId) as SyntheticPerson;
      expect(o).toBeDefined();
      expect(dup.sex).toBe(o.sex);
      if (dup.mutations.includes('documentMissing')) expect(dup.documents).toEqual([]);
      if (dup.mutations.includes('documentOtherType')) {
        expect(dup.documents[0]?.number).toBe(o.documents[0]?.number);
        expect(dup.documents[0]?.type).not.toBe(o.documents[0]?.type);
      }
      if (dup.mutations.includes('dayMonthSwapped')) expect(dup.birthDate).not.toBe(o.birthDate);
      if (dup.mutations.includes('secondSurnameMissing')) expect(dup.surname2).toBeNull();
      if (!dup.mutations.some((m) => m.startsWith('document'))) expect(dup.documents).toEqual(o.documents);
      if (!dup.mutations.some((m) => m === 'dayMonthSwapped')) expect(dup.birthDate).toBe(o.birthDate);
    }
  });

  it('refuses bad options and handles tiny populations', () => {
    expect(() => generateDuplicates({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDuplicates({ count: 10, duplicateRate: 0.95, seed: 1 })).toThrow(RangeError);
    expect(generateDuplicates({ count: 0, seed: 1 })).toEqual([]);
    expect(generateDuplicates({ count: 1, duplicateRate: 0.9, seed: 1 })[0]?.mutations).toEqual([]);
  });

  it('property: a true cluster never holds a document veto, and rates hold for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 0.6, noNaN: true }), (seed, rate) => {
        const records = generateDuplicates({ count: 200, duplicateRate: rate, seed });
        expect(records.filter((r) => r.mutations.length > 0).length).toBe(Math.round(200 * rate));
        const prepared = records.map((r) => preparePerson(r));
        const byCluster = new Map<number, number[]>();
        records.forEach((r, i) => {
          byCluster.set(r.clusterId, [...(byCluster.get(r.clusterId) ?? []), i]);
        });
        for (const members of byCluster.values()) {
          for (const i of members) {
            for (const j of members) {
              if (i < j) {
                expect(
                  compareDocuments(prepared[i] as PreparedPerson, prepared[j] as PreparedPerson),
                ).not.toBe(LEVEL.document.conflict);
              }
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('the pieces together on a synthetic population', () => {
  it('default blocking finds most planted pairs at a few pairs per record; clustering the true pairs scores 1', () => {
    const records = generateDuplicates({ count: 3000, duplicateRate: 0.2, seed: 'bloques' });
    const persons = records.map((r) =>
      preparePerson({ ...r, municipality: r.municipality, documents: r.documents }),
    );
    const truth = records.map((r) => r.clusterId);
    const candidates = candidatePairs(persons);
    const blocking = blockingScores(candidates, truth);
    // Measured for this seed with the default rules: every planted pair, at well under one pair per record.
    expect(blocking.recall).toBeGreaterThan(0.99);
    expect(blocking.pairsPerRecord).toBeLessThan(2);
    // Score candidates with the truth itself: clustering them must rebuild the truth wherever blocking found it.
    const score = Array.from({ length: candidates.count }, (_, k) =>
      truth[candidates.left[k] as number] === truth[candidates.right[k] as number] ? 1 : 0,
    );
    const clustering = clusterPersons(persons, { ...candidates, score }, 0.5);
    expect(clustering.refused).toBe(0);
    const pairwise = pairwiseScores(clustering.clusterOf, truth);
    expect(pairwise.precision).toBe(1);
    expect(pairwise.recall).toBeGreaterThan(0.9);
    expect(bCubedScores(clustering.clusterOf, truth).precision).toBe(1);
  });
});
