import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Roles that work with people's records at the offices they belong to. */
const OFFICE_STAFF: readonly Role[] = ['office_coordinator', 'caseworker', 'reception_officer'];
/** Roles that see sensitive data (ethnicity, disability, gender identity): those who plan the support. */
const SENSITIVE_READERS: readonly Role[] = ['office_coordinator', 'caseworker'];

function sharesOffice(actor: Actor, officeIds: readonly string[]): boolean {
  return officeIds.some((id) => actor.officeIds.includes(id));
}

/**
 * Persons belong to the offices that serve them. Office staff see and change the persons of their offices; the
 * network administrator and analysts never read a person's record (analysts see aggregates only).
 */
export const registryPolicy = {
  register: (actor: Actor, officeId: string) =>
    OFFICE_STAFF.includes(actor.role) && actor.officeIds.includes(officeId),
  search: (actor: Actor) => OFFICE_STAFF.includes(actor.role),
  /** Listing the persons of one office: only an office the caller works in. */
  listOffice: (actor: Actor, officeId: string) =>
    OFFICE_STAFF.includes(actor.role) && actor.officeIds.includes(officeId),
  read: (actor: Actor, person: { officeIds: readonly string[] }) =>
    OFFICE_STAFF.includes(actor.role) && sharesOffice(actor, person.officeIds),
  update: (actor: Actor, person: { officeIds: readonly string[] }) =>
    OFFICE_STAFF.includes(actor.role) && sharesOffice(actor, person.officeIds),
  readSensitive: (actor: Actor) => SENSITIVE_READERS.includes(actor.role),
};
