import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import { AppError } from '../../server/http/problem';
import type { Actor, RequestContext } from '../identity/actor';
import { auditPolicy } from './policy';
import { type AuditFilter, insertAuditEntries, insertAuditEntry, listAuditEntries } from './queries';

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string | null;
  officeId?: string | null;
  /** For personal data: the fields changed, before and after. */
  changes?: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
}

/** Who the entry is about when there is no signed-in actor yet (a failed sign-in, say). */
export interface AuditSubject {
  userId: string | null;
  role: string | null;
  context: RequestContext;
}

export function createAuditService({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * Appends one entry. Call it with the transaction of the change it records, so both commit or neither does.
     */
    async record(trx: Kysely<Database>, who: Actor | AuditSubject, entry: AuditEntry): Promise<void> {
      await insertAuditEntry(trx, {
        id: uuidv7(),
        actor_user_id: who.userId,
        actor_role: who.role,
        action: entry.action,
        record_type: entry.recordType,
        record_id: entry.recordId ?? null,
        office_id: entry.officeId ?? null,
        ip: who.context.ip,
        user_agent: who.context.userAgent,
        request_id: who.context.requestId,
        changes: entry.changes ? JSON.stringify(entry.changes) : null,
      });
    },

    /** Appends many entries by one subject in one statement (bulk imports), in the transaction of the change. */
    async recordMany(trx: Kysely<Database>, who: Actor | AuditSubject, entries: AuditEntry[]): Promise<void> {
      await insertAuditEntries(
        trx,
        entries.map((entry) => ({
          id: uuidv7(),
          actor_user_id: who.userId,
          actor_role: who.role,
          action: entry.action,
          record_type: entry.recordType,
          record_id: entry.recordId ?? null,
          office_id: entry.officeId ?? null,
          ip: who.context.ip,
          user_agent: who.context.userAgent,
          request_id: who.context.requestId,
          changes: entry.changes ? JSON.stringify(entry.changes) : null,
        })),
      );
    },

    async list(actor: Actor, filter: AuditFilter) {
      if (!auditPolicy.read(actor)) throw new AppError('forbidden');
      return listAuditEntries(db, filter);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
