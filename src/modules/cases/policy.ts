import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Roles that keep case files: coordinators and caseworkers. Reception, partners and analysts never read them. */
const CASE_ROLES: readonly Role[] = ['office_coordinator', 'caseworker'];

/** Staff of an arrival post who hand a received traveller to a case office. */
const POST_STAFF: readonly Role[] = ['reception_officer', 'office_coordinator'];

interface CaseRecord {
  officeId: string;
  caseworkerId: string;
}

const worksWithCases = (actor: Actor) => CASE_ROLES.includes(actor.role);
const inOffice = (actor: Actor, officeId: string) =>
  worksWithCases(actor) && actor.officeIds.includes(officeId);
const coordinates = (actor: Actor, officeId: string) =>
  actor.role === 'office_coordinator' && actor.officeIds.includes(officeId);

/**
 * A case belongs to one office. Its staff (caseworkers and coordinators) read it; its team — the assigned
 * caseworker and the office's coordinators — works on it; coordinators approve plans and closures, reassign it,
 * and decide on cases transferred to their office. A case of another office is not found (404).
 */
export const casePolicy = {
  worksWithCases,
  /** Opening a case at an office: its staff. */
  open: (actor: Actor, officeId: string) => inOffice(actor, officeId),
  read: (actor: Actor, c: CaseRecord) => inOffice(actor, c.officeId),
  /** The case team: the assigned caseworker and the office's coordinators. */
  work: (actor: Actor, c: CaseRecord) =>
    inOffice(actor, c.officeId) && (actor.userId === c.caseworkerId || coordinates(actor, c.officeId)),
  isCoordinator: (actor: Actor, c: CaseRecord) => coordinates(actor, c.officeId),
  decide: (actor: Actor, c: CaseRecord) => coordinates(actor, c.officeId),
  reassign: (actor: Actor, c: CaseRecord) => coordinates(actor, c.officeId),
  /** Accepting or refusing a transfer: the receiving office's coordinators. */
  decideTransfer: (actor: Actor, toOfficeId: string) => coordinates(actor, toOfficeId),
  listApprovals: (actor: Actor) => actor.role === 'office_coordinator',
  /** An office's case workload (open cases per holder, cases without activity): its coordinators, the admin. */
  workload: (actor: Actor, officeId: string) =>
    coordinates(actor, officeId) || actor.role === 'network_admin',
  /**
   * Handing a traveller received at a post to a Migrant Assistance Office: the post's reception officers and
   * coordinators open the case there. They never read it afterwards (`read` stays with the receiving office).
   */
  openFromArrival: (actor: Actor, postOfficeId: string) =>
    POST_STAFF.includes(actor.role) && actor.officeIds.includes(postOfficeId),
};

/** Offices a traveller may be handed off to: the ones whose work is case management, not arrival posts. */
export const CASE_OFFICE_KINDS = ['migrant_assistance_office', 'one_stop_centre'] as const;
