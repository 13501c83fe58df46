import { compareDocuments, LEVEL, type PreparedPerson } from './comparisons';

/**
 * Clustering: from pairs scored by the model, the groups of records that stand for one person.
 *
 * Pairs at or above the threshold are joined with union–find, strongest first. Transitivity is where pairwise
 * decisions go wrong (A≈B and B≈C chain A to C even when A and C carry different cédulas), so a union is
 * refused when it would put two records with conflicting documents in one cluster: the same guard as `isVeto`
 * for a single pair, applied to every pair the union would create. Processing by descending score means the
 * strongest evidence wins the conflict and the weaker link is the one refused.
 *
 * Pure: no I/O; ties in score are broken by record positions, so the result does not depend on input order.
 */

export interface ScoredPairs {
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  /** Match probability or weight; only its order and the threshold matter. */
  score: ArrayLike<number>;
  /** Number of pairs to read (defaults to left.length). */
  count?: number;
}

export interface Clustering {
  /** Cluster id of each record: the smallest record index in its cluster. */
  clusterOf: Uint32Array;
  /** Clusters of two or more records, each sorted, ordered by their first record. */
  clusters: number[][];
  /** Pairs above the threshold that joined two clusters. */
  unions: number;
  /** Pairs above the threshold refused because they would join conflicting documents. */
  refused: number;
}

/** Whether records i and j must never share a cluster. */
export type ConflictTest = (i: number, j: number) => boolean;

/** The document veto of `comparisons.ts`: same type, different numbers, and no document agreeing. */
export function documentConflicts(persons: readonly PreparedPerson[]): ConflictTest {
  return (i, j) => {
    const a = persons[i];
    const b = persons[j];
    if (!a || !b) return false;
    return compareDocuments(a, b) === LEVEL.document.conflict;
  };
}

/**
 * Clusters records 0..recordCount-1 from the pairs scoring at least `threshold`. `conflicts` is only asked about
 * records flagged in `canConflict` (default: all), so a caller can skip records without documents.
 */
export function clusterPairs(
  recordCount: number,
  pairs: ScoredPairs,
  threshold: number,
  conflicts: ConflictTest = () => false,
  canConflict?: (i: number) => boolean,
): Clustering {
  const count = pairs.count ?? pairs.left.length;
  const order: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = pairs.left[k] as number;
    const j = pairs.right[k] as number;
    if (!(i >= 0 && j >= 0 && i < recordCount && j < recordCount))
      throw new RangeError(`pair ${k} is out of range`);
    if ((pairs.score[k] as number) >= threshold && i !== j) order.push(k);
  }
  order.sort((x, y) => {
    const ds = (pairs.score[y] as number) - (pairs.score[x] as number);
    if (ds !== 0) return ds;
    const lx = Math.min(pairs.left[x] as number, pairs.right[x] as number);
    const ly = Math.min(pairs.left[y] as number, pairs.right[y] as number);
    if (lx !== ly) return lx - ly;
    return (
      Math.max(pairs.left[x] as number, pairs.right[x] as number) -
      Math.max(pairs.left[y] as number, pairs.right[y] as number)
    );
  });

  const parent = new Uint32Array(recordCount);
  for (let i = 0; i < recordCount; i++) parent[i] = i;
  // Members of each root that may conflict (records with documents); only roots' lists are kept.
  const guarded = new Map<number, number[]>();
  for (let i = 0; i < recordCount; i++) if (canConflict ? canConflict(i) : true) guarded.set(i, [i]);

  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  };

  let unions = 0;
  let refused = 0;
  for (const k of order) {
    const ra = find(pairs.left[k] as number);
    const rb = find(pairs.right[k] as number);
    if (ra === rb) continue;
    const ga = guarded.get(ra);
    const gb = guarded.get(rb);
    let clash = false;
    if (ga && gb) {
      outer: for (const x of ga) {
        for (const y of gb) {
          if (conflicts(x, y)) {
            clash = true;
            break outer;
          }
        }
      }
    }
    if (clash) {
      refused++;
      continue;
    }
    // The smaller index becomes the root, so the cluster id is its smallest record.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    const gChild = guarded.get(child);
    if (gChild) {
      const gRoot = guarded.get(root);
      if (gRoot) for (const x of gChild) gRoot.push(x);
      else guarded.set(root, gChild);
      guarded.delete(child);
    }
    unions++;
  }

  const clusterOf = new Uint32Array(recordCount);
  const members = new Map<number, number[]>();
  for (let i = 0; i < recordCount; i++) {
    const root = find(i);
    clusterOf[i] = root;
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  const clusters = [...members.values()]
    .filter((list) => list.length > 1)
    .sort((a, b) => (a[0] as number) - (b[0] as number));
  return { clusterOf, clusters, unions, refused };
}

/** Clusters prepared persons with the document veto; only persons with documents are checked. */
export function clusterPersons(
  persons: readonly PreparedPerson[],
  pairs: ScoredPairs,
  threshold: number,
): Clustering {
  return clusterPairs(
    persons.length,
    pairs,
    threshold,
    documentConflicts(persons),
    (i) => (persons[i]?.documents.length ?? 0) > 0,
  );
}
