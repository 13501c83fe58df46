/**
 * Evaluation of entity resolution against a known truth (the synthetic registry's planted clusters, or a
 * sample a coordinator has reviewed). Each record carries a predicted cluster id and a true one; ids are
 * labels only (any numbers or strings), compared for equality.
 *
 * - Pairwise precision / recall / F1: over the pairs of records put in one cluster.
 * - B-cubed (Bagga & Baldwin 1998): per record, the share of its predicted cluster that truly belongs with it
 *   (precision) and the share of its true cluster that was put with it (recall), averaged over records. Unlike
 *   pairwise scores, a big wrong merge does not dominate through the square of its size.
 * - Blocking recall: the share of true pairs among the candidate pairs, the ceiling of any later recall.
 *
 * Conventions for empty denominators: with no predicted pair, pairwise precision is 1 (nothing claimed, nothing
 * wrong); with no true pair, pairwise and blocking recall are 1 (nothing to find). No records gives 1 for all.
 */

export type ClusterIds = ArrayLike<number | string>;

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface PairwiseScores extends Scores {
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
}

export interface BlockingScores {
  /** Share of true pairs present among the candidates. */
  recall: number;
  truePairsFound: number;
  truePairs: number;
  candidates: number;
  /** Candidates divided by records. */
  pairsPerRecord: number;
  /** 1 − candidates / all possible pairs: how much comparing blocking saved. */
  reductionRatio: number;
}

const choose2 = (n: number) => (n * (n - 1)) / 2;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function checkLengths(predicted: ClusterIds, truth: ClusterIds) {
  if (predicted.length !== truth.length) {
    throw new RangeError(`predicted has ${predicted.length} records, truth ${truth.length}`);
  }
}

function countBy(ids: ClusterIds): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number | string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Sizes of the intersections of predicted and true clusters, keyed by both ids. */
function contingency(predicted: ClusterIds, truth: ClusterIds): Map<string, number> {
  const joint = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    const key = JSON.stringify([predicted[i], truth[i]]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  return joint;
}

export function pairwiseScores(predicted: ClusterIds, truth: ClusterIds): PairwiseScores {
  checkLengths(predicted, truth);
  let predictedPairs = 0;
  for (const n of countBy(predicted).values()) predictedPairs += choose2(n);
  let truePairs = 0;
  for (const n of countBy(truth).values()) truePairs += choose2(n);
  let truePositives = 0;
  for (const n of contingency(predicted, truth).values()) truePositives += choose2(n);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  return { precision, recall, f1: f1(precision, recall), truePositives, predictedPairs, truePairs };
}

export function bCubedScores(predicted: ClusterIds, truth: ClusterIds): Scores {
  checkLengths(predicted, truth);
  const n = predicted.length;
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  const predictedSize = countBy(predicted);
  const trueSize = countBy(truth);
  let precisionSum = 0;
  let recallSum = 0;
  // Every record of one (predicted, true) cell has the same per-record scores: add them cell by cell.
  const cells = new Map<string, { p: number | string; t: number | string; n: number }>();
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as number | string;
    const t = truth[i] as number | string;
    const key = JSON.stringify([p, t]);
    const cell = cells.get(key);
    if (cell) cell.n++;
    else cells.set(key, { p, t, n: 1 });
  }
  for (const cell of cells.values()) {
    precisionSum += (cell.n * cell.n) / (predictedSize.get(cell.p) as number);
    recallSum += (cell.n * cell.n) / (trueSize.get(cell.t) as number);
  }
  const precision = precisionSum / n;
  const recall = recallSum / n;
  return { precision, recall, f1: f1(precision, recall) };
}

/** Blocking recall and volume. Candidate pairs are assumed unique (as `candidatePairs` returns them). */
export function blockingScores(
  candidates: { left: ArrayLike<number>; right: ArrayLike<number>; count?: number },
  truth: ClusterIds,
): BlockingScores {
  const n = truth.length;
  const count = candidates.count ?? candidates.left.length;
  let truePairs = 0;
  for (const size of countBy(truth).values()) truePairs += choose2(size);
  let truePairsFound = 0;
  for (let k = 0; k < count; k++) {
    const i = candidates.left[k] as number;
    const j = candidates.right[k] as number;
    if (i === j || i < 0 || j < 0 || i >= n || j >= n)
      throw new RangeError(`candidate ${k} is not a pair of records`);
    if (truth[i] === truth[j]) truePairsFound++;
  }
  const allPairs = choose2(n);
  return {
    recall: truePairs === 0 ? 1 : truePairsFound / truePairs,
    truePairsFound,
    truePairs,
    candidates: count,
    pairsPerRecord: n === 0 ? 0 : count / n,
    reductionRatio: allPairs === 0 ? 1 : 1 - count / allPairs,
  };
}
