import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/**
 * Bulk imports are for the staff who keep an office's records: coordinators and caseworkers, into an office they
 * work in. Reception officers register people one by one at arrival points and do not load spreadsheets.
 */
const IMPORTERS: readonly Role[] = ['office_coordinator', 'caseworker'];

export const importPolicy = {
  use: (actor: Actor) => IMPORTERS.includes(actor.role),
  importInto: (actor: Actor, officeId: string) =>
    IMPORTERS.includes(actor.role) && actor.officeIds.includes(officeId),
};
