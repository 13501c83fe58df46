import type { Actor } from './actor';

function sharesTerritory(actor: Actor, territoryCodes: readonly string[]): boolean {
  return territoryCodes.some((code) => actor.territoryCodes.includes(code));
}

/** Who may do what with users and the network's structure. */
export const identityPolicy = {
  /** Create users, change their roles and offices, deactivate them, reset their passwords. */
  manageUsers: (actor: Actor) => actor.role === 'network_admin',
  /**
   * See users: administrators all of them; coordinators, read-only, the staff of every office in their territory
   * (department), so that e.g. Bogotá's Migrant Assistance Office knows who receives arrivals at El Dorado.
   */
  listUsers: (actor: Actor) => actor.role === 'network_admin' || actor.role === 'office_coordinator',
  readUser: (actor: Actor, user: { territoryCodes: readonly string[] }) =>
    actor.role === 'network_admin' ||
    (actor.role === 'office_coordinator' && sharesTerritory(actor, user.territoryCodes)),
  /** The organizations and offices of the network are not personal data: every signed-in user sees them. */
  readNetwork: (_actor: Actor) => true,
};
