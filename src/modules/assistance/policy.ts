import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Who records and receives arrivals: reception officers at their post, and coordinators of that post. */
const ARRIVAL_STAFF: readonly Role[] = ['reception_officer', 'office_coordinator'];
/** Protocols are configuration: everyone who works with people or aggregates may read them, never partners. */
const PROTOCOL_READERS: readonly Role[] = [
  'network_admin',
  'office_coordinator',
  'caseworker',
  'reception_officer',
  'analyst',
];

/**
 * Arrivals belong to the post (office) where the traveller arrives. Reception officers see and record the
 * arrivals of their posts only; an arrival of another post is not found (404). Other roles get 403 on the lists
 * and 404 on a record. Administrators and coordinators maintain the protocols; the protocol report is an
 * aggregate for coordinators (their offices), administrators and analysts.
 */
export const assistancePolicy = {
  listArrivals: (actor: Actor) => ARRIVAL_STAFF.includes(actor.role),
  readArrival: (actor: Actor, arrival: { officeId: string }) =>
    ARRIVAL_STAFF.includes(actor.role) && actor.officeIds.includes(arrival.officeId),
  recordArrival: (actor: Actor, officeId: string) =>
    ARRIVAL_STAFF.includes(actor.role) && actor.officeIds.includes(officeId),
  readProtocols: (actor: Actor) => PROTOCOL_READERS.includes(actor.role),
  manageProtocols: (actor: Actor) => actor.role === 'network_admin' || actor.role === 'office_coordinator',
  readReport: (actor: Actor) =>
    actor.role === 'network_admin' || actor.role === 'office_coordinator' || actor.role === 'analyst',
  /** Offices whose protocol figures the actor sees; null for every office. */
  reportOffices: (actor: Actor): string[] | null =>
    actor.role === 'office_coordinator' ? actor.officeIds : null,
  /**
   * How a person arrived, for the team of the case an arrival was handed off to: the case office's caseworkers
   * and coordinators read the arrival's summary (post, date, categories, what was provided), not its checklist.
   */
  readArrivalOfCase: (actor: Actor, caseOfficeId: string) =>
    (actor.role === 'caseworker' || actor.role === 'office_coordinator') &&
    actor.officeIds.includes(caseOfficeId),
};
