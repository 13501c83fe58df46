import type { Actor } from '../identity/actor';

/** Only network administrators read the audit log; nobody changes it. */
export const auditPolicy = {
  read: (actor: Actor) => actor.role === 'network_admin',
};
