import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';

const AuditQuery = z.object({
  actorUserId: z.uuid().optional(),
  recordType: z.string().max(64).optional(),
  recordId: z.string().max(128).optional(),
  from: z.iso.date().optional().describe('First day included (YYYY-MM-DD)'),
  to: z.iso.date().optional().describe('Last day included (YYYY-MM-DD)'),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string().nullable(),
    officeId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    changes: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const EXPORT_LIMIT = 50_000;

function dayAfter(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

function toFilter(query: z.infer<typeof AuditQuery>, limit: number) {
  let before: { occurredAt: Date; id: string } | undefined;
  if (query.cursor) {
    const [occurredAt, id] = query.cursor.split('|');
    if (occurredAt && id) before = { occurredAt: new Date(occurredAt), id };
  }
  return {
    actorUserId: query.actorUserId,
    recordType: query.recordType,
    recordId: query.recordId,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? dayAfter(query.to) : undefined,
    before,
    limit,
  };
}

function present(row: Awaited<ReturnType<Services['audit']['list']>>[number]) {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    officeId: row.office_id,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    changes: row.changes,
  };
}

export const auditRoutes =
  ({ audit }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/audit',
      {
        schema: {
          operationId: 'listAuditEntries',
          tags: ['audit'],
          summary: 'The audit log, newest first, filtered by user, record and period',
          querystring: AuditQuery,
          response: {
            200: z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        const rows = await audit.list(actorOf(request), toFilter(request.query, request.query.limit));
        const items = rows.map(present);
        const last = items.at(-1);
        return {
          items,
          nextCursor: items.length === request.query.limit && last ? `${last.occurredAt}|${last.id}` : null,
        };
      },
    );

    app.get(
      '/api/v1/audit/export',
      {
        schema: {
          operationId: 'exportAuditEntries',
          tags: ['audit'],
          summary: 'The filtered audit log as CSV (at most 50,000 entries)',
          querystring: AuditQuery.omit({ cursor: true, limit: true }),
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const rows = await audit.list(
          actorOf(request),
          toFilter({ ...request.query, limit: EXPORT_LIMIT }, EXPORT_LIMIT),
        );
        const csv = stringify(
          rows
            .map(present)
            .map((entry) => ({ ...entry, changes: entry.changes ? JSON.stringify(entry.changes) : '' })),
          {
            header: true,
            columns: [
              'occurredAt',
              'actorEmail',
              'actorRole',
              'action',
              'recordType',
              'recordId',
              'officeId',
              'ip',
              'userAgent',
              'requestId',
              'changes',
            ],
          },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="ruta-audit.csv"')
          .send(csv);
      },
    );
  };
