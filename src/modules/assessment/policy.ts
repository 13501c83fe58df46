import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Those who apply an index and read its answers: the staff who plan a household's support. */
const APPLIERS: readonly Role[] = ['office_coordinator', 'caseworker'];
/** Aggregates only: the share of households at the top level, never an application. */
const INDICATOR_READERS: readonly Role[] = ['office_coordinator', 'analyst', 'network_admin'];

/**
 * Integration indexes. An application holds a household's or a person's answers, so it follows the registry's
 * office scope, narrowed to coordinators and caseworkers (reception officers, partners, administrators and
 * analysts never read answers). Instruments are configuration: the network administrator defines them, every
 * signed-in user may read them. Coordinators see the indicator of their offices, analysts and the administrator
 * of every office.
 */
export const assessmentPolicy = {
  readInstruments: (_actor: Actor) => true,
  manageInstruments: (actor: Actor) => actor.role === 'network_admin',
  apply: (actor: Actor, subject: { officeIds: readonly string[] }) =>
    APPLIERS.includes(actor.role) && subject.officeIds.some((id) => actor.officeIds.includes(id)),
  readIndicator: (actor: Actor) => INDICATOR_READERS.includes(actor.role),
  /** Offices whose indicator the actor sees; null for every office. */
  indicatorOffices: (actor: Actor): string[] | null =>
    actor.role === 'office_coordinator' ? actor.officeIds : null,
  setTarget: (actor: Actor, officeId: string) =>
    actor.role === 'network_admin' ||
    (actor.role === 'office_coordinator' && actor.officeIds.includes(officeId)),
};
