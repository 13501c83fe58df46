/**
 * Thresholds suggested from the review queue's decisions: the model's probabilities meet what coordinators
 * decided, and the cut-offs move to where the decisions say they belong.
 *
 * - **same** ("probably the same person"): the lowest probability p, among the decided pairs, such that of the
 *   decided pairs scoring p or more at least `precision` (99 % by default) were decided "same".
 * - **review**: the lowest probability of a pair decided "same": below it no decided pair was the same person,
 *   so pairs there need no review. Never above `same`.
 *
 * Pairs reach the queue only at or above the run's review threshold, so decisions say nothing below it: the
 * review suggestion can only stay or move up. "Unsure" decisions do not count. Pure: no I/O.
 */

export interface DecidedPair {
  probability: number;
  /** true: decided "same person"; false: decided "different persons". */
  same: boolean;
}

export interface ThresholdSuggestion {
  /** null when there are fewer decisions than `minimumDecisions` or no pair was decided "same". */
  same: number | null;
  review: number | null;
  /** Decided pairs counted (same + different). */
  decided: number;
  decidedSame: number;
  decidedDifferent: number;
  /** Of the decided pairs at or above the suggested `same`: how many, and how many were "same". */
  atOrAboveSame: { total: number; same: number };
  /** Decided "different" pairs below the suggested review threshold (none "same" are, by construction). */
  belowReview: number;
}

export interface SuggestOptions {
  /** Share of "same" wanted among decided pairs at or above the same threshold (default 0.99). */
  precision?: number;
  /** Fewer decided pairs than this give no suggestion (default 10). */
  minimumDecisions?: number;
}

export function suggestThresholds(
  pairs: readonly DecidedPair[],
  options: SuggestOptions = {},
): ThresholdSuggestion {
  const precision = options.precision ?? 0.99;
  const minimumDecisions = options.minimumDecisions ?? 10;
  const valid = pairs.filter((pair) => Number.isFinite(pair.probability));
  const decidedSame = valid.filter((pair) => pair.same).length;
  const base = {
    decided: valid.length,
    decidedSame,
    decidedDifferent: valid.length - decidedSame,
  };
  if (valid.length < minimumDecisions || decidedSame === 0) {
    return { ...base, same: null, review: null, atOrAboveSame: { total: 0, same: 0 }, belowReview: 0 };
  }
  // Highest first; at equal probability "different" first, so a tie never hides a "different" pair.
  const sorted = [...valid].sort((a, b) => b.probability - a.probability || Number(a.same) - Number(b.same));
  let total = 0;
  let same = 0;
  let best: { probability: number; total: number; same: number } | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const pair = sorted[i] as DecidedPair;
    total++;
    if (pair.same) same++;
    // A cut-off sits between distinct probabilities: only count it once every pair at this value is in.
    const next = sorted[i + 1];
    if (next && next.probability === pair.probability) continue;
    if (same / total >= precision) best = { probability: pair.probability, total, same };
  }
  // A loop, not Math.min(...values): spreading 100,000 decisions as arguments overflows the stack.
  let lowestSame = Number.POSITIVE_INFINITY;
  for (const pair of valid) if (pair.same && pair.probability < lowestSame) lowestSame = pair.probability;
  if (!best) {
    // No cut-off reaches the precision: keep "same" at the top, where nothing is decided automatically.
    return {
      ...base,
      same: null,
      review: lowestSame,
      atOrAboveSame: { total: 0, same: 0 },
      belowReview: valid.filter((pair) => !pair.same && pair.probability < lowestSame).length,
    };
  }
  const review = Math.min(lowestSame, best.probability);
  return {
    ...base,
    same: best.probability,
    review,
    atOrAboveSame: { total: best.total, same: best.same },
    belowReview: valid.filter((pair) => !pair.same && pair.probability < review).length,
  };
}
