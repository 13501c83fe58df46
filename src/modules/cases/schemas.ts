import { z } from 'zod';
import { ARRIVAL_CATEGORIES } from '../../domain/assistance/vocabulary';
import {
  ACTION_STATUSES,
  CASE_STATUSES,
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  GOAL_STATUSES,
  NOTE_CONFIDENTIALITY,
  PLAN_STATUSES,
  RESPONSIBLE_KINDS,
} from '../../domain/cases/vocabulary';
import { NEED_DIMENSIONS } from '../../domain/characterization/vocabulary';
import { Task } from '../tasks/schemas';

const version = z.number().int().min(1);
const reason = z.string().trim().min(1).max(2000);
const optionalReason = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((value) => value || null);
const isoDate = z.iso.date();

export const CaseIdParams = z.object({ id: z.uuid() });
export const GoalParams = z.object({ id: z.uuid(), goalId: z.uuid() });
export const ActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
export const SubjectParams = z.object({ id: z.uuid() });

export const CaseListQuery = z.object({
  /** `mine`: the caller's cases; `office`: every case of the caller's offices (or of `officeId`). */
  scope: z.enum(['mine', 'office']).default('mine'),
  officeId: z.uuid().optional(),
  status: z.enum([...CASE_STATUSES, 'working']).optional(),
  programme: z.string().max(64).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseOpen = z
  .object({
    personId: z.uuid().nullish(),
    householdId: z.uuid().nullish(),
    programmeKey: z.string().min(1).max(64),
    /** One of the caller's offices that serves the subject; by default the first of them. */
    officeId: z.uuid().nullish(),
    /** A caseworker or coordinator of that office; by default the caller. */
    caseworkerId: z.uuid().nullish(),
    /** Vulnerability categories (the arrivals' vocabulary); each starts its protocol as tasks of the case. */
    categories: z.array(z.enum(ARRIVAL_CATEGORIES)).max(ARRIVAL_CATEGORIES.length).optional(),
  })
  .refine((c) => Boolean(c.personId) !== Boolean(c.householdId), {
    path: ['personId'],
    message: 'cases.oneSubject',
  });

/** The case's categories as a whole (send the version read); categories added start their protocols. */
export const CaseCategoriesUpdate = z.strictObject({
  version,
  categories: z.array(z.enum(ARRIVAL_CATEGORIES)).max(ARRIVAL_CATEGORIES.length),
});

export const CaseTransition = z
  .object({
    version,
    action: z.enum(['hold', 'resume', 'requestClosure', 'reopen']),
    reason: optionalReason,
    closureReason: z.enum(CLOSURE_REASONS).nullish(),
    closureOutcome: z.enum(CLOSURE_OUTCOMES).nullish(),
  })
  .superRefine((t, ctx) => {
    if ((t.action === 'hold' || t.action === 'reopen') && !t.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'cases.reasonRequired' });
    if (t.action === 'requestClosure') {
      if (!t.closureReason)
        ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'cases.closureReasonRequired' });
      if (!t.closureOutcome)
        ctx.addIssue({ code: 'custom', path: ['closureOutcome'], message: 'cases.closureOutcomeRequired' });
    }
  });

export const PlanSubmit = z.object({ version });

export const CaseDecision = z
  .object({
    version,
    subject: z.enum(['plan', 'closure']),
    decision: z.enum(['approve', 'reject']),
    reason: optionalReason,
  })
  .refine((d) => d.decision === 'approve' || Boolean(d.reason), {
    path: ['reason'],
    message: 'cases.reasonRequired',
  });

export const CaseReassign = z.object({ version, caseworkerId: z.uuid(), reason: optionalReason });

export const TransferRequest = z.object({ version, toOfficeId: z.uuid(), reason });

export const TransferDecision = z
  .object({
    version,
    decision: z.enum(['accept', 'refuse']),
    reason: optionalReason,
    /** On acceptance: the receiving office's caseworker; by default the coordinator who accepts. */
    caseworkerId: z.uuid().nullish(),
  })
  .refine((d) => d.decision === 'accept' || Boolean(d.reason), {
    path: ['reason'],
    message: 'cases.reasonRequired',
  });

export const GoalCreate = z.object({
  version,
  dimension: z.enum(NEED_DIMENSIONS),
  description: z.string().trim().min(1).max(1000),
  needIds: z.array(z.uuid()).max(20).default([]),
});

export const GoalUpdate = z.object({
  version,
  description: z.string().trim().min(1).max(1000).optional(),
  status: z.enum(GOAL_STATUSES).optional(),
  needIds: z.array(z.uuid()).max(20).optional(),
});

const Responsible = z
  .object({
    kind: z.enum(RESPONSIBLE_KINDS),
    /** For `caseworker`: a staff member of the case's office; by default the case's caseworker. */
    userId: z.uuid().nullish(),
    /** For `partner`: an organization of the network. */
    organizationId: z.uuid().nullish(),
  })
  .refine((r) => r.kind !== 'partner' || Boolean(r.organizationId), {
    path: ['organizationId'],
    message: 'cases.partnerRequired',
  });

export const ActionCreate = z.object({
  version,
  goalId: z.uuid(),
  description: z.string().trim().min(1).max(1000),
  responsible: Responsible,
  dueOn: isoDate.nullish(),
});

export const ActionUpdate = z.object({
  version,
  description: z.string().trim().min(1).max(1000).optional(),
  responsible: Responsible.optional(),
  dueOn: isoDate.nullish(),
  status: z.enum(ACTION_STATUSES).optional(),
});

export const NoteCreate = z.object({
  confidentiality: z.enum(NOTE_CONFIDENTIALITY).default('normal'),
  body: z.string().trim().min(1).max(8000),
});

// Responses

const Named = z.object({ id: z.uuid(), name: z.string() });
const Progress = z.object({ done: z.number(), total: z.number(), percent: z.number() });

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  subject: z.object({ type: z.enum(['person', 'household']), id: z.uuid(), name: z.string() }),
  programme: z.object({
    key: z.string(),
    name: z.string(),
    requiresPlanApproval: z.boolean(),
    requiresClosureApproval: z.boolean(),
  }),
  office: Named,
  caseworker: Named,
  status: z.enum(CASE_STATUSES),
  planStatus: z.enum(PLAN_STATUSES),
  progress: Progress,
  openedAt: z.string(),
  lastActivityAt: z.string(),
  closedAt: z.string().nullable(),
  categories: z.array(z.enum(ARRIVAL_CATEGORIES)),
  version: z.number(),
});

const NeedRef = z.object({
  id: z.uuid(),
  dimension: z.string(),
  description: z.string(),
  severity: z.string(),
  status: z.string(),
});

const ActionSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  description: z.string(),
  responsible: z.object({
    kind: z.enum(RESPONSIBLE_KINDS),
    userId: z.uuid().nullable(),
    organizationId: z.uuid().nullable(),
    name: z.string().nullable(),
  }),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
});

const GoalSchema = z.object({
  id: z.uuid(),
  dimension: z.enum(NEED_DIMENSIONS),
  description: z.string(),
  status: z.enum(GOAL_STATUSES),
  needs: z.array(NeedRef),
  actions: z.array(ActionSchema),
  progress: Progress,
});

const PendingApproval = z.object({
  id: z.uuid(),
  subject: z.enum(['plan', 'closure']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closureOutcome: z.enum(CLOSURE_OUTCOMES).nullable(),
  note: z.string().nullable(),
});

const PendingTransfer = z.object({
  id: z.uuid(),
  toOffice: Named,
  reason: z.string(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
});

export const CaseDetailSchema = CaseSummarySchema.extend({
  holdReason: z.string().nullable(),
  closure: z
    .object({
      reason: z.enum(CLOSURE_REASONS).nullable(),
      outcome: z.enum(CLOSURE_OUTCOMES).nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  plan: z.object({ goals: z.array(GoalSchema) }),
  /** The subject's needs, to tie goals to (through the characterization module). */
  needs: z.array(NeedRef),
  pendingApprovals: z.array(PendingApproval),
  pendingTransfer: PendingTransfer.nullable(),
  /** Staff of the office the case may be given to (only for those who may reassign it). */
  assignableStaff: z.array(Named),
  abilities: z.object({
    work: z.boolean(),
    changePlan: z.boolean(),
    submitPlan: z.boolean(),
    decidePlan: z.boolean(),
    decideClosure: z.boolean(),
    hold: z.boolean(),
    resume: z.boolean(),
    requestClosure: z.boolean(),
    reopen: z.boolean(),
    reassign: z.boolean(),
    transfer: z.boolean(),
    writeNotes: z.boolean(),
    setCategories: z.boolean(),
  }),
  /** The tasks the case's protocols ("hoja de ruta") created, by category and step order. */
  protocolTasks: z.array(Task),
});

export const CaseList = z.object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() });

export const SubjectCaseList = z.object({
  items: z.array(CaseSummarySchema),
  abilities: z.object({ open: z.boolean() }),
});

export const CaseEventSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const CaseHistory = z.object({ items: z.array(CaseEventSchema) });

export const NoteSchema = z.object({
  id: z.uuid(),
  confidentiality: z.enum(NOTE_CONFIDENTIALITY),
  body: z.string(),
  author: z.string(),
  authorId: z.uuid(),
  createdAt: z.string(),
});

export const NoteList = z.object({
  items: z.array(NoteSchema),
  /** The levels the caller may write and read beyond their own notes. */
  visibleLevels: z.array(z.enum(NOTE_CONFIDENTIALITY)),
});

export const PendingApprovalsSchema = z.object({
  approvals: z.array(CaseSummarySchema.extend({ approval: PendingApproval })),
  transfers: z.array(CaseSummarySchema.extend({ transfer: PendingTransfer })),
});
