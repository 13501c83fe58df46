import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Staff who work with people's entrepreneurship: enrol them, follow their units, file their applications. */
const STAFF: readonly Role[] = ['office_coordinator', 'caseworker'];

const isAdmin = (actor: Actor) => actor.role === 'network_admin';
const isStaff = (actor: Actor) => STAFF.includes(actor.role);
const focalPointOf = (actor: Actor, organizationId: string) =>
  actor.role === 'partner_focal_point' && actor.organizationId === organizationId;
const sharesOffice = (actor: Actor, officeIds: readonly string[]) =>
  officeIds.some((id) => actor.officeIds.includes(id));

/**
 * Entrepreneurship. Courses are the network's offer, not personal data: the administrator and office staff see
 * and keep all of them, a training organization's focal point its own organization's. Everything about a person
 * (enrolments, productive units, their support, follow-ups and financing) is for the coordinators and caseworkers
 * of the offices that serve the person. A course's organization sees its enrolled people (minimum data) only with
 * their consent to share with partners, and marks their progress and completion; a financial intermediary's focal
 * point sees the applications addressed to it and records its decision. Analysts, coordinators and the
 * administrator get the aggregate summary. Reception officers do not work here.
 */
export const enterprisePolicy = {
  /** List and read courses (before loading: others 403). */
  readCourses: (actor: Actor) => isAdmin(actor) || isStaff(actor) || actor.role === 'partner_focal_point',
  readCourse: (actor: Actor, course: { organizationId: string }) =>
    isAdmin(actor) || isStaff(actor) || focalPointOf(actor, course.organizationId),
  /** Create and change a course of an organization. */
  manageCourse: (actor: Actor, course: { organizationId: string }) =>
    isAdmin(actor) || isStaff(actor) || focalPointOf(actor, course.organizationId),
  /** Roles that work with people's entrepreneurship records at all. */
  staff: (actor: Actor) => isStaff(actor),
  /** A person's records: staff of one of the offices serving the person. */
  person: (actor: Actor, person: { officeIds: readonly string[] }) =>
    isStaff(actor) && sharesOffice(actor, person.officeIds),
  /** Enrolling at an office: its staff. */
  enrolAt: (actor: Actor, officeId: string) => isStaff(actor) && actor.officeIds.includes(officeId),
  /** The course organization's side of an enrolment: its focal point (and only with consent: checked by the service). */
  courseSide: (actor: Actor, course: { organizationId: string }) =>
    focalPointOf(actor, course.organizationId),
  /** The intermediary's side of a financing application. */
  intermediarySide: (actor: Actor, application: { intermediaryOrganizationId: string }) =>
    focalPointOf(actor, application.intermediaryOrganizationId),
  /** Before loading an enrolment or application: roles that may have a side in it. */
  mayTouchPersonRecords: (actor: Actor) => isStaff(actor) || actor.role === 'partner_focal_point',
  /** The inbox of financing applications: staff (their offices') and focal points (addressed to them). */
  listFinancing: (actor: Actor) => isStaff(actor) || actor.role === 'partner_focal_point',
  summary: (actor: Actor) => ['network_admin', 'analyst', 'office_coordinator'].includes(actor.role),
};
