import type { Actor } from '../identity/actor';

/** Programmes are the network's reference data, not personal data: every signed-in user may list them. */
export const programmePolicy = {
  list: (_actor: Actor) => true,
  /**
   * Create programmes and change their configuration (approval rules, instrument, groups, active): the network's
   * administrators only, since a change applies to every office's cases in the programme.
   */
  manage: (actor: Actor) => actor.role === 'network_admin',
};
