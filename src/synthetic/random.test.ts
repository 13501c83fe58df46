import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasTable, hashSeed, IndexPermutation, Random, WeightedChoice, ZipfSampler } from './random';

describe('Random', () => {
  it('repeats its sequence for the same seed and path, and differs for another', () => {
    const draw = (random: Random) => Array.from({ length: 8 }, () => random.nextUint32());
    expect(draw(Random.derive(42, 1, 2))).toEqual(draw(Random.derive(42, 1, 2)));
    expect(draw(Random.derive(42, 1, 2))).not.toEqual(draw(Random.derive(42, 1, 3)));
    expect(draw(Random.derive('ruta'))).not.toEqual(draw(Random.derive('rutb')));
    expect(hashSeed(1)).not.toBe(hashSeed(1 + 2 ** 32));
  });

  it('keeps int within its bounds and reaches both ends', () => {
    const random = Random.derive(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const value = random.int(3, 9);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(9);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('draws floats in [0, 1) with a mean near one half', () => {
    const random = Random.derive(9);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = random.float();
      if (!(value >= 0 && value < 1)) outside++;
      sum += value;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('AliasTable', () => {
  it('samples each outcome in proportion to its weight', () => {
    const weights = [1, 0, 3, 6];
    const table = new AliasTable(weights);
    const random = Random.derive(3);
    const counts = [0, 0, 0, 0];
    const draws = 200_000;
    for (let i = 0; i < draws; i++) {
      const index = table.sample(random);
      counts[index] = (counts[index] as number) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[0] as number) / draws).toBeCloseTo(0.1, 2);
    expect((counts[2] as number) / draws).toBeCloseTo(0.3, 2);
    expect((counts[3] as number) / draws).toBeCloseTo(0.6, 2);
  });

  it('refuses empty, negative and all-zero weights', () => {
    expect(() => new AliasTable([])).toThrow();
    expect(() => new AliasTable([1, -1])).toThrow();
    expect(() => new AliasTable([0, 0])).toThrow();
    expect(() => new WeightedChoice(['a'], [1, 2])).toThrow();
  });
});

describe('ZipfSampler', () => {
  it('gives rank 1 the largest share and follows the 1/k^s law', () => {
    const sampler = new ZipfSampler(1000, 1, 0);
    const random = Random.derive(5);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 300_000; i++) {
      const rank = sampler.sample(random);
      counts[rank] = (counts[rank] as number) + 1;
    }
    // P(1)/P(2) = 2 and P(1)/P(10) = 10 under s = 1.
    expect((counts[0] as number) / (counts[1] as number)).toBeGreaterThan(1.85);
    expect((counts[0] as number) / (counts[1] as number)).toBeLessThan(2.15);
    expect((counts[0] as number) / (counts[9] as number)).toBeGreaterThan(8.5);
    expect((counts[0] as number) / (counts[9] as number)).toBeLessThan(11.5);
  });
});

describe('IndexPermutation', () => {
  it('is a bijection of its domain, whatever the size and key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (size, key) => {
          const permutation = new IndexPermutation(size, key);
          const seen = new Uint8Array(size);
          let problems = 0;
          for (let i = 0; i < size; i++) {
            const value = permutation.map(i);
            if (!(value >= 0 && value < size) || seen[value] === 1) problems++;
            else seen[value] = 1;
          }
          expect(problems).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('scatters consecutive indices (no arithmetic progression)', () => {
    const permutation = new IndexPermutation(200_000_000, 12345);
    const gaps = new Set<number>();
    for (let i = 0; i < 50; i++) gaps.add(permutation.map(i + 1) - permutation.map(i));
    expect(gaps.size).toBeGreaterThan(45);
  });
});
