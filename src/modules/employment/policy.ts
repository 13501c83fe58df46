import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Staff who work the network's job insertion: they see every employer and vacancy. */
const EMPLOYMENT_STAFF: readonly Role[] = ['network_admin', 'office_coordinator', 'caseworker'];
/** Staff who propose people and follow placements: at the offices that serve the person. */
const PROPOSERS: readonly Role[] = ['office_coordinator', 'caseworker'];

const isAdmin = (actor: Actor) => actor.role === 'network_admin';
const focalPointOf = (actor: Actor, organizationId: string) =>
  actor.role === 'partner_focal_point' && actor.organizationId === organizationId;
const servesAt = (actor: Actor, officeId: string) =>
  PROPOSERS.includes(actor.role) && actor.officeIds.includes(officeId);

/**
 * Job insertion. Staff (administrator, coordinators, caseworkers) see employers and vacancies; an employer's focal
 * point sees its own organization only. Verifying an employer's work conditions is for administrators and
 * coordinators. Vacancies are posted by staff or by the employer's own focal point. Coordinators and caseworkers
 * propose people their offices serve; the employer sees those candidates with the person's sharing consent and
 * only the minimum data. Reception officers and analysts have no access (analysts get the demand view).
 */
export const employmentPolicy = {
  /** Roles that may open the employment pages at all (before loading anything: others get 403). */
  enter: (actor: Actor) => EMPLOYMENT_STAFF.includes(actor.role) || actor.role === 'partner_focal_point',
  isStaff: (actor: Actor) => EMPLOYMENT_STAFF.includes(actor.role),
  /** One employer: staff, or its own focal point. */
  readEmployer: (actor: Actor, organizationId: string) =>
    EMPLOYMENT_STAFF.includes(actor.role) || focalPointOf(actor, organizationId),
  /** Its profile (tax id, activity, address): administrators, coordinators and its own focal point. */
  editProfile: (actor: Actor, organizationId: string) =>
    isAdmin(actor) || actor.role === 'office_coordinator' || focalPointOf(actor, organizationId),
  /** Recording a verification of the six conditions: administrators and coordinators. */
  verify: (actor: Actor) => isAdmin(actor) || actor.role === 'office_coordinator',
  /** Posting or changing a vacancy of an employer: staff, or that employer's focal point. */
  postVacancy: (actor: Actor, organizationId: string) =>
    EMPLOYMENT_STAFF.includes(actor.role) || focalPointOf(actor, organizationId),
  /** Roles that may ever propose a person (others 403 before anything is loaded). */
  mayPropose: (actor: Actor) => PROPOSERS.includes(actor.role),
  /** Proposing one person: staff of an office that serves them. */
  propose: (actor: Actor, personOfficeIds: readonly string[]) =>
    personOfficeIds.some((officeId) => servesAt(actor, officeId)),
  /** Reading an application with the person's identity: the proposing office's staff, or the administrator. */
  readAsStaff: (actor: Actor, application: { officeId: string }) =>
    isAdmin(actor) || servesAt(actor, application.officeId),
  /** The employer's side of an application: its focal point. */
  readAsEmployer: (actor: Actor, vacancy: { organizationId: string }) =>
    focalPointOf(actor, vacancy.organizationId),
  /** Moving an application along: the employer's focal point, the proposing office's staff, the administrator. */
  work: (actor: Actor, application: { officeId: string; organizationId: string }) =>
    isAdmin(actor) ||
    servesAt(actor, application.officeId) ||
    focalPointOf(actor, application.organizationId),
  /** Placement follow-ups: the staff of the office that proposed the person (the administrator reads them). */
  followUps: (actor: Actor) => EMPLOYMENT_STAFF.includes(actor.role),
  recordFollowUp: (actor: Actor, application: { officeId: string }) =>
    isAdmin(actor) || servesAt(actor, application.officeId),
};
