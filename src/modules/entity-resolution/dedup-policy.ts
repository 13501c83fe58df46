import type { Actor } from '../identity/actor';

/**
 * Deduplication runs and their review queue.
 *
 * - The network administrator runs over the whole registry and sees every run's progress and counts, but reads
 *   no person's record (as in the registry), so never the pairs themselves. Only the administrator applies new
 *   thresholds: they make the network-wide active model that every office's registration checks with (the
 *   suggestion is aggregates only, no personal data, so the administrator may read it).
 * - An office coordinator runs over the persons of their offices (or an import of one of them against the whole
 *   registry), and sees and decides only the pairs whose two persons are served by their offices. They see the
 *   whole-registry runs' progress but cancel or resume only runs confined to their own offices.
 * - Everyone else: 403.
 */
export const dedupPolicy = {
  use: (actor: Actor) => actor.role === 'network_admin' || actor.role === 'office_coordinator',
  runWholeRegistry: (actor: Actor) => actor.role === 'network_admin',
  runImport: (actor: Actor, importOfficeId: string) =>
    actor.role === 'network_admin' ||
    (actor.role === 'office_coordinator' && actor.officeIds.includes(importOfficeId)),
  /** A run's progress and counts: the administrator all; a coordinator the whole-registry runs and their offices'. */
  seeRun: (actor: Actor, run: { office_ids: string[] | null }) =>
    actor.role === 'network_admin' ||
    (actor.role === 'office_coordinator' &&
      (run.office_ids === null || run.office_ids.some((id) => actor.officeIds.includes(id)))),
  /**
   * Cancelling or resuming a run: the administrator any run; a coordinator only a run whose offices are all theirs
   * (never a whole-registry run, whose office_ids is null).
   */
  controlRun: (actor: Actor, run: { office_ids: string[] | null }) =>
    actor.role === 'network_admin' ||
    (actor.role === 'office_coordinator' &&
      run.office_ids !== null &&
      run.office_ids.every((id) => actor.officeIds.includes(id))),
  /** Reading and deciding pairs (personal data): coordinators, for pairs of persons of their offices. */
  review: (actor: Actor) => actor.role === 'office_coordinator',
  reviewPair: (actor: Actor, officesOfA: readonly string[], officesOfB: readonly string[]) =>
    actor.role === 'office_coordinator' &&
    officesOfA.some((id) => actor.officeIds.includes(id)) &&
    officesOfB.some((id) => actor.officeIds.includes(id)),
  /** The suggested thresholds (aggregates): both roles; applying them (the network's active model): the administrator. */
  seeThresholds: (actor: Actor) => actor.role === 'network_admin' || actor.role === 'office_coordinator',
  applyThresholds: (actor: Actor) => actor.role === 'network_admin',
};
