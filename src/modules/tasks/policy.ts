import type { Role } from '../../domain/identity/roles';
import type { Actor } from '../identity/actor';

/** Staff who work tasks: the office's coordinators, caseworkers and (at arrival points) reception officers. */
const TASK_STAFF: readonly Role[] = ['office_coordinator', 'caseworker', 'reception_officer'];

/**
 * Tasks belong to an office. Its staff see, create, reassign and close them; a task of another office is not
 * found (404). Partners, analysts and the network administrator have no tasks here (403). Coordinators see how
 * the work of their offices stands.
 */
export const tasksPolicy = {
  work: (actor: Actor) => TASK_STAFF.includes(actor.role),
  read: (actor: Actor, task: { officeId: string }) =>
    TASK_STAFF.includes(actor.role) && actor.officeIds.includes(task.officeId),
  create: (actor: Actor, officeId: string) =>
    TASK_STAFF.includes(actor.role) && actor.officeIds.includes(officeId),
  update: (actor: Actor, task: { officeId: string }) =>
    TASK_STAFF.includes(actor.role) && actor.officeIds.includes(task.officeId),
  overview: (actor: Actor, officeId: string) =>
    actor.role === 'office_coordinator' && actor.officeIds.includes(officeId),
};
