import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, TaskTable } from '../../db/schema';

type Db = Kysely<Database>;

/** A task with, for protocol steps, its category and the step's title as the version applied wrote it. */
function selectTasks(db: Db) {
  return db
    .selectFrom('task as t')
    .leftJoin('protocol as p', 'p.id', 't.protocol_id')
    .leftJoin('protocol_version as pv', 'pv.id', 't.protocol_version_id')
    .selectAll('t')
    .select(['p.category as protocol_category', 'pv.steps as protocol_steps']);
}

export type TaskRow = Awaited<ReturnType<typeof findTask>> & object;

export function findTask(db: Db, id: string) {
  return selectTasks(db).where('t.id', '=', id).executeTakeFirst();
}

export function insertTask(db: Db, row: Insertable<TaskTable>) {
  return db.insertInto('task').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Inserts protocol steps as tasks; a step already planned for the subject is skipped (unique index). */
export async function insertProtocolTasks(db: Db, rows: Insertable<TaskTable>[]) {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('task')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export function updateTaskAtVersion(db: Db, id: string, version: number, changes: Updateable<TaskTable>) {
  return db
    .updateTable('task')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Open tasks of the user, and open tasks left to their offices without an assignee, by due time. */
export function listMyOpenTasks(db: Db, userId: string, officeIds: string[], limit: number) {
  return selectTasks(db)
    .where('t.status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('t.assignee_id', '=', userId),
        ...(officeIds.length
          ? [eb.and([eb('t.assignee_id', 'is', null), eb('t.office_id', 'in', officeIds)])]
          : []),
      ]),
    )
    .orderBy(sql`t.due_at asc nulls last`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

export interface TaskListFilter {
  officeIds: string[];
  assigneeId?: string | undefined;
  status: string;
  after?: { dueAt: Date | null; id: string } | undefined;
}

/** Tasks of some offices by due time (those without one last), keyset-paginated. */
export function listTasks(db: Db, filter: TaskListFilter, limit: number) {
  const due = sql<Date>`coalesce(t.due_at, 'infinity'::timestamptz)`;
  let query = selectTasks(db)
    .where('t.office_id', 'in', filter.officeIds)
    .where('t.status', '=', filter.status);
  if (filter.assigneeId) query = query.where('t.assignee_id', '=', filter.assigneeId);
  if (filter.after) {
    const afterDue = filter.after.dueAt ?? 'infinity';
    const afterId = filter.after.id;
    query = query.where(sql<boolean>`(${due}, t.id) > (${afterDue}::timestamptz, ${afterId}::uuid)`);
  }
  return query.orderBy(due).orderBy('t.id').limit(limit).execute();
}

export function listTasksOfSubject(db: Db, subject: { arrivalId?: string; caseId?: string }) {
  let query = selectTasks(db);
  if (subject.arrivalId) query = query.where('t.arrival_id', '=', subject.arrivalId);
  if (subject.caseId) query = query.where('t.case_id', '=', subject.caseId);
  return query.orderBy(sql`t.position asc nulls last`).orderBy('t.due_at').orderBy('t.id').execute();
}

/** Open and overdue tasks per assignee (null: the office's own) in one office. */
export function countOpenByAssignee(db: Db, officeId: string, now: Date) {
  return db
    .selectFrom('task')
    .select((eb) => [
      'assignee_id',
      eb.fn.countAll<number>().as('open'),
      sql<number>`count(*) filter (where due_at < ${now})`.as('overdue'),
    ])
    .where('office_id', '=', officeId)
    .where('status', '=', 'open')
    .groupBy('assignee_id')
    .execute();
}

export function listOverdue(db: Db, officeId: string, now: Date, limit: number) {
  return selectTasks(db)
    .where('t.office_id', '=', officeId)
    .where('t.status', '=', 'open')
    .where('t.due_at', '<', now)
    .orderBy('t.due_at')
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

export interface ProtocolReportFilter {
  officeIds: string[] | null;
  from: Date;
  to: Date;
}

/**
 * Protocol steps created in a period, per category and step: done on time, done late, cancelled, still open
 * before their due time and open past it.
 */
export function protocolStepCounts(db: Db, filter: ProtocolReportFilter, now: Date) {
  let query = db
    .selectFrom('task as t')
    .innerJoin('protocol as p', 'p.id', 't.protocol_id')
    .select([
      'p.category',
      't.protocol_step_id as step_id',
      sql<number>`min(t.position)`.as('position'),
      sql<number>`count(*) filter (where t.status = 'done' and (t.due_at is null or t.completed_at <= t.due_at))`.as(
        'on_time',
      ),
      sql<number>`count(*) filter (where t.status = 'done' and t.completed_at > t.due_at)`.as('late'),
      sql<number>`count(*) filter (where t.status = 'open' and (t.due_at is null or t.due_at >= ${now}))`.as(
        'pending',
      ),
      sql<number>`count(*) filter (where t.status = 'open' and t.due_at < ${now})`.as('overdue'),
      sql<number>`count(*) filter (where t.status = 'cancelled')`.as('cancelled'),
    ])
    .where('t.created_at', '>=', filter.from)
    .where('t.created_at', '<', filter.to);
  if (filter.officeIds) query = query.where('t.office_id', 'in', filter.officeIds);
  return query
    .groupBy(['p.category', 't.protocol_step_id'])
    .orderBy('p.category')
    .orderBy('position')
    .execute();
}

/** Marks the open tasks of one protocol step of an arrival done (the step happened elsewhere, e.g. a hand-off). */
export function completeArrivalStep(db: Db, arrivalId: string, stepId: string, by: string, at: Date) {
  return db
    .updateTable('task')
    .set({
      status: 'done',
      completed_by: by,
      completed_at: at,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('arrival_id', '=', arrivalId)
    .where('protocol_step_id', '=', stepId)
    .where('status', '=', 'open')
    .returning(['id', 'office_id'])
    .execute();
}
