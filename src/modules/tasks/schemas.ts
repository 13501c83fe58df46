import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid() });

const title = z.string().trim().min(1, 'tasks.titleRequired').max(200);

export const TaskCreate = z.strictObject({
  officeId: z.uuid(),
  title,
  /** A user who works in the office; without one the task is the office's. */
  assigneeId: z.uuid().nullish(),
  dueAt: z.iso.datetime({ offset: true }).nullish(),
  personId: z.uuid().nullish(),
});

export const TaskUpdate = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  assigneeId: z.uuid().nullish(),
  dueAt: z.iso.datetime({ offset: true }).nullish(),
  /** done records who completed it and when; open reopens it. */
  status: z.enum(['open', 'done', 'cancelled']).optional(),
});

export const TaskListQuery = z.object({
  officeId: z.uuid().optional().describe('One of the caller’s offices; all of them without it'),
  assigneeId: z.uuid().optional(),
  status: z.enum(['open', 'done', 'cancelled']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
});

const Bilingual = z.object({ es: z.string(), en: z.string() });

export const Task = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  title: z.string(),
  /** For a protocol step, its title in both languages (the interface shows the reader's). */
  stepTitle: Bilingual.nullable(),
  personId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  arrivalId: z.uuid().nullable(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  dueAt: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  /** The reminder flag, computed from the clock when read. */
  dueState: z.enum(['overdue', 'due_soon', 'today', 'upcoming', 'no_due', 'closed']),
  completedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  protocol: z
    .object({
      category: z.string(),
      stepId: z.string(),
      timeliness: z.enum(['on_time', 'late', 'pending', 'overdue', 'cancelled']),
    })
    .nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const TaskPage = z.object({ items: z.array(Task), nextCursor: z.string().nullable() });

export const MyWork = z.object({
  now: z.string(),
  overdue: z.array(Task),
  today: z.array(Task),
  upcoming: z.array(Task),
});

export const OfficeOverview = z.object({
  officeId: z.uuid(),
  now: z.string(),
  staff: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      openTasks: z.number().int(),
      overdueTasks: z.number().int(),
      /** Open cases the person manages; null while the office has no case management. */
      openCases: z.number().int().nullable(),
    }),
  ),
  unassigned: z.object({
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    /** Working cases waiting for assignment (opened from an arrival post, never reassigned); null without cases. */
    openCases: z.number().int().nullable(),
  }),
  overdue: z.array(Task),
  /** Open cases without activity for 30 days; null while the office has no case management. */
  inactiveCases: z
    .array(
      z.object({
        id: z.uuid(),
        subject: z.string(),
        caseworker: z.string().nullable(),
        programme: z.string().nullable(),
        lastActivityAt: z.string(),
      }),
    )
    .nullable(),
});
