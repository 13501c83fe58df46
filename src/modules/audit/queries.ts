import { type Insertable, type Kysely, sql } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function insertAuditEntry(db: Db, row: Insertable<AuditLogTable>) {
  await db.insertInto('audit_log').values(row).execute();
}

/** Many entries in one statement of one array per column (bulk imports), whatever their number. */
export async function insertAuditEntries(db: Db, rows: Array<Insertable<AuditLogTable>>) {
  if (rows.length === 0) return;
  const column = (key: keyof AuditLogTable) =>
    rows.map((row) => (row as Record<string, unknown>)[key] ?? null);
  await sql`insert into audit_log (id, actor_user_id, actor_role, action, record_type, record_id, office_id, ip,
      user_agent, request_id, changes)
    select * from unnest(${column('id')}::uuid[], ${column('actor_user_id')}::uuid[], ${column('actor_role')}::text[],
      ${column('action')}::text[], ${column('record_type')}::text[], ${column('record_id')}::text[],
      ${column('office_id')}::uuid[], ${column('ip')}::text[], ${column('user_agent')}::text[],
      ${column('request_id')}::text[], ${column('changes')}::jsonb[])`.execute(db);
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset cursor: entries strictly older than this (occurred_at, id). */
  before?: { occurredAt: Date; id: string } | undefined;
  limit: number;
}

/** Newest first, keyset-paginated on (occurred_at, id), which the audit_log_occurred_idx index serves. */
export function listAuditEntries(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select(['app_user.email as actor_email', 'app_user.display_name as actor_name'])
    .orderBy('audit_log.occurred_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit);
  if (filter.actorUserId) query = query.where('audit_log.actor_user_id', '=', filter.actorUserId);
  if (filter.recordType) query = query.where('audit_log.record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('audit_log.record_id', '=', filter.recordId);
  if (filter.from) query = query.where('audit_log.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.occurred_at', '<', filter.to);
  if (filter.before) {
    const { occurredAt, id } = filter.before;
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.occurred_at', '<', occurredAt),
        eb.and([eb('audit_log.occurred_at', '=', occurredAt), eb('audit_log.id', '<', id)]),
      ]),
    );
  }
  return query.execute();
}
