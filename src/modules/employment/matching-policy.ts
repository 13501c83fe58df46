import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

const STAFF: readonly Role[] = ['network_admin', 'office_coordinator', 'caseworker'];
const OFFICE_STAFF: readonly Role[] = ['office_coordinator', 'caseworker'];
const DEMAND_READERS: readonly Role[] = ['network_admin', 'office_coordinator', 'analyst'];

/**
 * Matching and labour demand. Staff see suggested candidates among the people their offices serve (the
 * administrator, everyone); an employer's focal point sees candidates for its own vacancies, only people who consented
 * to sharing with partners and only their minimum data. A person's suggested vacancies and job profile are for the
 * staff of an office serving the person (and the administrator). The demand view shows aggregates only, to
 * coordinators, analysts and the administrator.
 */
export const matchingPolicy = {
  /** Roles that may ask for candidates at all (others 403 before anything is loaded). */
  mayAskCandidates: (actor: Actor) => STAFF.includes(actor.role) || actor.role === 'partner_focal_point',
  isStaff: (actor: Actor) => STAFF.includes(actor.role),
  /** The people an actor's candidate lists are drawn from: every office (null) or theirs. */
  candidateOffices: (actor: Actor): string[] | null =>
    actor.role === 'network_admin' ? null : actor.officeIds,
  /** The employer's focal point, for its own vacancies. */
  employerOf: (actor: Actor, organizationId: string) =>
    actor.role === 'partner_focal_point' && actor.organizationId === organizationId,
  /** A person's job profile and suggested vacancies: staff of an office serving them, or the administrator. */
  mayWorkWithPersons: (actor: Actor) => STAFF.includes(actor.role),
  personWork: (actor: Actor, personOfficeIds: readonly string[]) =>
    actor.role === 'network_admin' ||
    (OFFICE_STAFF.includes(actor.role) && personOfficeIds.some((id) => actor.officeIds.includes(id))),
  readDemand: (actor: Actor) => DEMAND_READERS.includes(actor.role),
};
