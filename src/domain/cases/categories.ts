import { ARRIVAL_CATEGORIES, type ArrivalCategory } from '../assistance/vocabulary';

export interface CategoryChange {
  /** The case's categories after the change: the list asked for, without repeats, in vocabulary order. */
  next: ArrivalCategory[];
  /** Categories the case did not have: each starts its protocol. */
  added: ArrivalCategory[];
  /** Categories the case loses: their tasks stay as they are. */
  removed: ArrivalCategory[];
}

/** What setting a case's categories to `wanted` changes, given the ones it has. */
export function changeCategories(
  current: readonly ArrivalCategory[],
  wanted: readonly ArrivalCategory[],
): CategoryChange {
  const next = ARRIVAL_CATEGORIES.filter((c) => wanted.includes(c));
  return {
    next,
    added: next.filter((c) => !current.includes(c)),
    removed: ARRIVAL_CATEGORIES.filter((c) => current.includes(c) && !next.includes(c)),
  };
}
