import type { Actor } from '../identity/actor';

/**
 * The directory holds the network's offer, no personal data: every signed-in user may read it. The network's
 * administrators and office coordinators keep any organization's entries; a partner's focal point keeps only its
 * own organization's services, places and profile.
 */
export const directoryPolicy = {
  read: (_actor: Actor) => true,
  edit: (actor: Actor, organizationId: string) =>
    actor.role === 'network_admin' ||
    actor.role === 'office_coordinator' ||
    (actor.role === 'partner_focal_point' && actor.organizationId === organizationId),
  /** Whether the caller may add entries at all (for some organization). */
  editSome: (actor: Actor) =>
    actor.role === 'network_admin' ||
    actor.role === 'office_coordinator' ||
    actor.role === 'partner_focal_point',
};
