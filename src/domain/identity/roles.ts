/** The roles of the network, as stored in `app_user.role`. */
export const ROLES = [
  'network_admin',
  'office_coordinator',
  'caseworker',
  'reception_officer',
  'partner_focal_point',
  'analyst',
] as const;

export type Role = (typeof ROLES)[number];

/** Administrators must sign in with a second factor; for everyone else it is optional. */
export function requiresSecondFactor(role: Role): boolean {
  return role === 'network_admin';
}

/** Roles whose work is tied to offices of the network (partners and analysts are scoped otherwise). */
export function worksInOffices(role: Role): boolean {
  return role === 'office_coordinator' || role === 'caseworker' || role === 'reception_officer';
}
