import type { Actor } from '../identity/actor';

/** Programmes are the network's reference data, not personal data: every signed-in user may list them. */
export const programmePolicy = {
  list: (_actor: Actor) => true,
};
