import { describe, expect, it } from 'vitest';
import { runEntityResolution } from './entity-resolution';

/**
 * The benchmark's core at a tiny size, so the scenario cannot rot unnoticed: the figures it must print are there,
 * quality is above a sane floor, and the DuckDB SQL anchor finds and scores the same pairs as the TypeScript
 * pipeline. No timing is asserted.
 */
describe('entity-resolution benchmark', () => {
  it('runs end to end on 1,500 records with the oracle and the SQL anchor agreeing on the pairs', async () => {
    const figures = await runEntityResolution({ size: 1_500, print: false });
    for (const key of [
      'f1',
      'bcubed_f1',
      'oracle_f1',
      'blocking_recall',
      'pairs_per_record',
      'seconds',
      'anchor_seconds',
      'peak_rss_mb',
      'precision',
      'recall',
      'size',
      'block_seconds',
      'train_seconds',
      'score_seconds',
      'cluster_seconds',
    ]) {
      expect(figures, key).toHaveProperty(key);
    }
    expect(figures.size).toBe(1_500);
    expect(figures.f1).toBeGreaterThan(0.9);
    expect(figures.bcubed_f1).toBeGreaterThan(0.95);
    expect(figures.oracle_f1).toBeGreaterThan(0.9);
    expect(figures.blocking_recall).toBeGreaterThan(0.98);
    expect(figures.pairs_per_record).toBeLessThan(5);
    expect(figures.anchor_pairs).toBe(figures.candidate_pairs);
    expect(figures.anchor_pairs_above_threshold).toBe(figures.pairs_above_threshold);
    // The SQL CASE expressions give every field the same level as compareInto, pair by pair summed.
    expect(figures.anchor_level_sums).toBe(figures.level_sums);
  });
});
