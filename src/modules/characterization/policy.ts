import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';
import { registryPolicy } from '../registry/policy';

const OFFICE_STAFF: readonly Role[] = ['office_coordinator', 'caseworker', 'reception_officer'];

/**
 * A characterization and the needs of a person follow the person's record: the staff of the offices serving
 * them read and change them; only the roles that may read the registry's sensitive data see the sensitive
 * vulnerabilities. Anyone else is refused before the record is looked up.
 */
export const characterizationPolicy = {
  /** Roles that work with persons at all (others get 403 without learning whether a person exists). */
  worksWithPersons: (actor: Actor) => OFFICE_STAFF.includes(actor.role),
  read: (actor: Actor, subject: { officeIds: readonly string[] }) => registryPolicy.read(actor, subject),
  write: (actor: Actor, subject: { officeIds: readonly string[] }) => registryPolicy.update(actor, subject),
  readSensitive: (actor: Actor) => registryPolicy.readSensitive(actor),
  /** The open needs of an office: its coordinators, who assign and follow them up. */
  listOfficeNeeds: (actor: Actor, officeId: string) =>
    actor.role === 'office_coordinator' && actor.officeIds.includes(officeId),
};
