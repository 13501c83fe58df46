import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database, TaskTable } from '../../db/schema';
import { timeliness } from '../../domain/assistance/protocol';
import { dueState, orderWork, type TaskStatus } from '../../domain/tasks/due';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { Language } from '../../server/i18n/translator';
import type { AuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import type { IdentityService } from '../identity/service';
import type { RegistryService } from '../registry/service';
import { tasksPolicy } from './policy';
import * as q from './queries';
import type { TaskCreate, TaskListQuery, TaskUpdate } from './schemas';

type TaskRow = NonNullable<Awaited<ReturnType<typeof q.findTask>>>;
type Staff = Awaited<ReturnType<IdentityService['officeStaff']>>;

const INACTIVE_DAYS = 30;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * What the office view asks of case management (the cases service's `officeWorkload`, which checks its own
 * policy): working cases per holder, how many wait for assignment, and working cases without activity since a
 * moment. Passed in by services.ts; absent, the view leaves cases out (null).
 */
export interface CaseWorkload {
  officeWorkload(
    actor: Actor,
    officeId: string,
    since: Date,
    language: Language,
  ): Promise<{
    openCases: Array<{ caseworkerId: string; openCases: number }>;
    waitingForAssignment: number;
    inactiveCases: Array<{
      id: string;
      subject: string;
      caseworkerId: string | null;
      programme: string | null;
      lastActivityAt: Date;
    }>;
  }>;
}

/** Fields of a task that another module (arrivals, cases) creates after checking access to its subject. */
export interface LinkedTaskInput {
  officeId: string;
  title: string;
  dueAt?: Date | null;
  assigneeId?: string | null;
  personId?: string | null;
  caseId?: string | null;
  arrivalId?: string | null;
}

export function createTasksService({
  db,
  audit,
  identity,
  registry,
  clock = () => new Date(),
  cases,
}: {
  db: Kysely<Database>;
  audit: AuditService;
  identity: IdentityService;
  registry: RegistryService;
  clock?: () => Date;
  cases?: CaseWorkload;
}) {
  function present(row: TaskRow, staff: Map<string, string>, now: Date) {
    const status = row.status as TaskStatus;
    const dueAt = asDate(row.due_at);
    const completedAt = asDate(row.completed_at);
    const step = row.protocol_step_id
      ? (row.protocol_steps ?? []).find((s) => s.id === row.protocol_step_id)
      : undefined;
    const person = (id: string | null) => (id === null ? null : { id, displayName: staff.get(id) ?? '—' });
    return {
      id: row.id,
      officeId: row.office_id,
      title: row.title,
      stepTitle: step ? step.title : null,
      personId: row.person_id,
      caseId: row.case_id,
      arrivalId: row.arrival_id,
      assignee: person(row.assignee_id),
      dueAt: iso(row.due_at),
      status,
      dueState: dueState({ status, dueAt }, now),
      completedBy: person(row.completed_by),
      completedAt: iso(row.completed_at),
      protocol:
        row.protocol_category && row.protocol_step_id
          ? {
              category: row.protocol_category,
              stepId: row.protocol_step_id,
              timeliness: timeliness({ status, dueAt, completedAt }, now),
            }
          : null,
      createdAt: iso(row.created_at) as string,
      version: row.version,
    };
  }

  async function staffNames(officeIds: string[]) {
    const staff = await identity.officeStaff([...new Set(officeIds)]);
    return { staff, names: new Map(staff.map((s) => [s.id, s.displayName])) };
  }

  async function presentMany(rows: TaskRow[], now: Date) {
    const { names } = await staffNames(rows.map((r) => r.office_id));
    return rows.map((row) => present(row, names, now));
  }

  async function loadTask(actor: Actor, id: string) {
    if (!tasksPolicy.work(actor)) throw new AppError('forbidden');
    const row = await q.findTask(db, id);
    if (!row || !tasksPolicy.read(actor, { officeId: row.office_id })) throw new AppError('notFound');
    return row;
  }

  function checkAssignee(staff: Staff, officeId: string, assigneeId: string | null | undefined) {
    if (!assigneeId) return;
    const member = staff.find((s) => s.id === assigneeId);
    if (!member?.officeIds.includes(officeId)) {
      throw new InvalidFieldsError([{ path: 'assigneeId', messageKey: 'tasks.assigneeNotInOffice' }]);
    }
  }

  async function presentOne(id: string) {
    const row = await q.findTask(db, id);
    if (!row) throw new AppError('notFound');
    return (await presentMany([row], clock()))[0] as ReturnType<typeof present>;
  }

  /**
   * For other modules (arrivals, cases), once they have checked the caller may work on the subject: a task in one
   * of the caller's offices, linked to that subject. Audited.
   */
  async function createLinked(actor: Actor, input: LinkedTaskInput) {
    if (!tasksPolicy.create(actor, input.officeId)) throw new AppError('forbidden');
    const { staff } = await staffNames([input.officeId]);
    checkAssignee(staff, input.officeId, input.assigneeId);
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      await q.insertTask(trx, {
        id,
        office_id: input.officeId,
        title: input.title,
        assignee_id: input.assigneeId ?? null,
        due_at: input.dueAt ?? null,
        person_id: input.personId ?? null,
        case_id: input.caseId ?? null,
        arrival_id: input.arrivalId ?? null,
        created_by: actor.userId,
        created_at: clock(),
      });
      await audit.record(trx, actor, {
        action: 'task.created',
        recordType: 'task',
        recordId: id,
        officeId: input.officeId,
        changes: { after: { title: input.title, assigneeId: input.assigneeId ?? null } },
      });
    });
    return presentOne(id);
  }

  return {
    /** Open tasks of the signed-in user and of their offices' queue: overdue first, then today, then upcoming. */
    async myWork(actor: Actor) {
      if (!tasksPolicy.work(actor)) throw new AppError('forbidden');
      const now = clock();
      const rows = await q.listMyOpenTasks(db, actor.userId, actor.officeIds, 200);
      const { names } = await staffNames(rows.map((r) => r.office_id));
      const ordered = orderWork(
        rows.map((row) => ({ row, status: row.status as TaskStatus, dueAt: asDate(row.due_at) })),
        now,
      );
      const section = (bucket: string) =>
        ordered.filter((e) => e.bucket === bucket).map((e) => present(e.task.row, names, now));
      return {
        now: now.toISOString(),
        overdue: section('overdue'),
        today: section('today'),
        upcoming: section('upcoming'),
      };
    },

    async listTasks(actor: Actor, query: z.infer<typeof TaskListQuery>) {
      if (!tasksPolicy.work(actor)) throw new AppError('forbidden');
      if (query.officeId && !actor.officeIds.includes(query.officeId)) throw new AppError('forbidden');
      let after: q.TaskListFilter['after'];
      if (query.cursor) {
        const [due, id] = query.cursor.split('|');
        if (!id || !/^[0-9a-f-]{36}$/.test(id) || (due && Number.isNaN(Date.parse(due)))) {
          throw new InvalidFieldsError([{ path: 'cursor', messageKey: 'tasks.cursor' }]);
        }
        after = { dueAt: due ? new Date(due) : null, id };
      }
      const rows = await q.listTasks(
        db,
        {
          officeIds: query.officeId ? [query.officeId] : actor.officeIds,
          assigneeId: query.assigneeId,
          status: query.status,
          after,
        },
        query.limit,
      );
      const last = rows.at(-1);
      return {
        items: await presentMany(rows, clock()),
        nextCursor: rows.length === query.limit && last ? `${iso(last.due_at) ?? ''}|${last.id}` : null,
      };
    },

    async getTask(actor: Actor, id: string) {
      const row = await loadTask(actor, id);
      return (await presentMany([row], clock()))[0];
    },

    /** A task by hand, for the caller's office, optionally about a person the caller may read. */
    async createTask(actor: Actor, input: z.infer<typeof TaskCreate>) {
      if (!tasksPolicy.create(actor, input.officeId)) throw new AppError('forbidden');
      if (input.personId) await registry.personAccess(actor, input.personId);
      return createLinked(actor, {
        officeId: input.officeId,
        title: input.title,
        assigneeId: input.assigneeId ?? null,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        personId: input.personId ?? null,
      });
    },

    createLinkedTask: createLinked,

    /**
     * Changes a task: title, assignee, due time, or its status (done records who and when; open reopens). A stale
     * version gets 409 with the current task.
     */
    async updateTask(actor: Actor, id: string, input: z.infer<typeof TaskUpdate>) {
      const row = await loadTask(actor, id);
      if (!tasksPolicy.update(actor, { officeId: row.office_id })) throw new AppError('forbidden');
      const { staff } = await staffNames([row.office_id]);
      checkAssignee(staff, row.office_id, input.assigneeId);
      const changes: Partial<Insertable<TaskTable>> = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.assigneeId !== undefined) changes.assignee_id = input.assigneeId;
      if (input.dueAt !== undefined) changes.due_at = input.dueAt ? new Date(input.dueAt) : null;
      if (input.status !== undefined && input.status !== row.status) {
        changes.status = input.status;
        if (input.status === 'open') {
          changes.completed_at = null;
          changes.completed_by = null;
        } else {
          changes.completed_at = clock();
          changes.completed_by = actor.userId;
        }
      }
      const saved = await db.transaction().execute(async (trx) => {
        // The versioned update is the first write: a stale version leaves nothing to roll back.
        if (!(await q.updateTaskAtVersion(trx, id, input.version, changes))) return false;
        await audit.record(trx, actor, {
          action: changes.status === 'done' ? 'task.completed' : 'task.updated',
          recordType: 'task',
          recordId: id,
          officeId: row.office_id,
          changes: {
            before: Object.fromEntries(
              Object.keys(changes).map((key) => [key, (row as Record<string, unknown>)[key] ?? null]),
            ),
            after: changes,
          },
        });
        return true;
      });
      if (!saved) throw new AppError('conflict', {}, { current: await presentOne(id) });
      return presentOne(id);
    },

    /**
     * A coordinator's view of an office: open and overdue tasks per person, the overdue tasks, and, where case
     * management exists, open cases per caseworker and cases without activity for 30 days.
     */
    async officeOverview(actor: Actor, officeId: string, language: Language = 'es') {
      if (!tasksPolicy.work(actor) && actor.role !== 'office_coordinator') throw new AppError('forbidden');
      if (!tasksPolicy.overview(actor, officeId)) {
        throw new AppError(actor.officeIds.includes(officeId) ? 'forbidden' : 'notFound');
      }
      const now = clock();
      const [{ staff, names }, counts, overdue, workload] = await Promise.all([
        staffNames([officeId]),
        q.countOpenByAssignee(db, officeId, now),
        q.listOverdue(db, officeId, now, 100),
        cases?.officeWorkload(
          actor,
          officeId,
          new Date(now.getTime() - INACTIVE_DAYS * 86_400_000),
          language,
        ),
      ]);
      const caseCounts = workload?.openCases;
      const inactive = workload?.inactiveCases;
      const countOf = (id: string | null) => counts.find((c) => c.assignee_id === id);
      return {
        officeId,
        now: now.toISOString(),
        staff: staff
          .filter((s) => s.role !== 'partner_focal_point')
          .map((s) => ({
            id: s.id,
            displayName: s.displayName,
            role: s.role,
            openTasks: Number(countOf(s.id)?.open ?? 0),
            overdueTasks: Number(countOf(s.id)?.overdue ?? 0),
            openCases: caseCounts ? (caseCounts.find((c) => c.caseworkerId === s.id)?.openCases ?? 0) : null,
          })),
        unassigned: {
          openTasks: Number(countOf(null)?.open ?? 0),
          overdueTasks: Number(countOf(null)?.overdue ?? 0),
          openCases: workload ? workload.waitingForAssignment : null,
        },
        overdue: overdue.map((row) => present(row, names, now)),
        inactiveCases: inactive
          ? inactive.map((c) => ({
              id: c.id,
              subject: c.subject,
              caseworker: c.caseworkerId ? (names.get(c.caseworkerId) ?? null) : null,
              programme: c.programme,
              lastActivityAt: c.lastActivityAt.toISOString(),
            }))
          : null,
      };
    },

    // For the arrivals and cases modules, which check access to the subject first.

    /** The tasks of an arrival or a case, in protocol order. */
    async tasksOfSubject(subject: { arrivalId?: string; caseId?: string }) {
      const rows = await q.listTasksOfSubject(db, subject);
      return presentMany(rows, clock());
    },

    /** Protocol steps as tasks, inside the caller's transaction; steps already planned are skipped. */
    insertProtocolTasks(trx: Kysely<Database>, rows: Insertable<TaskTable>[]) {
      return q.insertProtocolTasks(trx, rows);
    },

    protocolStepCounts(filter: q.ProtocolReportFilter) {
      return q.protocolStepCounts(db, filter, clock());
    },

    /**
     * Inside the caller's transaction (the caller checked the actor works on the arrival): the open tasks of one
     * protocol step of an arrival are done now, by the actor, each audited. Returns how many.
     */
    async completeArrivalStep(trx: Kysely<Database>, actor: Actor, arrivalId: string, stepId: string) {
      const done = await q.completeArrivalStep(trx, arrivalId, stepId, actor.userId, clock());
      for (const task of done)
        await audit.record(trx, actor, {
          action: 'task.completed',
          recordType: 'task',
          recordId: task.id,
          officeId: task.office_id,
          changes: { after: { status: 'done', protocolStepId: stepId } },
        });
      return done.length;
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
