import type { Actor } from './actor';

function sharesOffice(actor: Actor, officeIds: readonly string[]): boolean {
  return officeIds.some((id) => actor.officeIds.includes(id));
}

/** Who may do what with users and the network's structure. */
export const identityPolicy = {
  /** Create users, change their roles and offices, deactivate them, reset their passwords. */
  manageUsers: (actor: Actor) => actor.role === 'network_admin',
  /** See the list of users: administrators all of them, coordinators the people of their offices. */
  listUsers: (actor: Actor) => actor.role === 'network_admin' || actor.role === 'office_coordinator',
  readUser: (actor: Actor, user: { officeIds: readonly string[] }) =>
    actor.role === 'network_admin' ||
    (actor.role === 'office_coordinator' && sharesOffice(actor, user.officeIds)),
  /** The organizations and offices of the network are not personal data: every signed-in user sees them. */
  readNetwork: (_actor: Actor) => true,
};
