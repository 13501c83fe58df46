import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Staff who keep case files and refer from them. */
const REFERRING_ROLES: readonly Role[] = ['office_coordinator', 'caseworker'];

const isAdmin = (actor: Actor) => actor.role === 'network_admin';
const officeStaff = (actor: Actor, officeId: string) =>
  REFERRING_ROLES.includes(actor.role) && actor.officeIds.includes(officeId);
const coordinates = (actor: Actor, officeId: string) =>
  actor.role === 'office_coordinator' && actor.officeIds.includes(officeId);

interface CaseRecord {
  officeId: string;
  caseworkerId: string;
}

/**
 * Referrals carry personal data from a case to a partner. The referring office's staff check, list and read the
 * referrals of their office's cases; the case team (its caseworker and the office's coordinators) sends and
 * withdraws them. A partner's focal points see only their organization's referrals, and of the person only what
 * was shared; they accept, decline, start, complete or record a no-show. Reception officers and analysts never see
 * referrals (analysts get the aggregate report). The network administrator may do everything.
 */
export const referralPolicy = {
  /** Roles that may ever refer (before loading anything: others get 403). */
  mayRefer: (actor: Actor) => isAdmin(actor) || REFERRING_ROLES.includes(actor.role),
  /** Check eligibility and list a case's referrals: the staff of the case's office. */
  readCase: (actor: Actor, c: CaseRecord) => isAdmin(actor) || officeStaff(actor, c.officeId),
  /** Send or withdraw: the case team. */
  workCase: (actor: Actor, c: CaseRecord) =>
    isAdmin(actor) ||
    (officeStaff(actor, c.officeId) && (actor.userId === c.caseworkerId || coordinates(actor, c.officeId))),
  /** Roles that may act for a partner (before loading anything). */
  mayAnswer: (actor: Actor) => isAdmin(actor) || actor.role === 'partner_focal_point',
  /** The partner's side of one referral. */
  answer: (actor: Actor, referral: { organizationId: string }) =>
    isAdmin(actor) ||
    (actor.role === 'partner_focal_point' && actor.organizationId === referral.organizationId),
  /** Reading one referral: the referring office's staff (with the person's identity) or the partner (shared data). */
  readAsReferrer: (actor: Actor, referral: { officeId: string }) =>
    isAdmin(actor) || officeStaff(actor, referral.officeId),
  /** The inbox: partners' focal points (their organization's) and the administrator (all). */
  inbox: (actor: Actor) => isAdmin(actor) || actor.role === 'partner_focal_point',
  /**
   * The aggregate report: analysts and the administrator (all), coordinators (their offices' referrals), partners'
   * focal points (their organization's). Caseworkers and reception officers do not get it.
   */
  report: (actor: Actor) =>
    ['network_admin', 'analyst', 'office_coordinator', 'partner_focal_point'].includes(actor.role),
};
