import { z } from 'zod';
import { CHECK_OUTCOMES, ELIGIBILITY_RULES } from '../../domain/referrals/eligibility';
import {
  REFERRAL_COMMANDS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
} from '../../domain/referrals/state-machine';

export const CaseIdParams = z.object({ caseId: z.uuid() });
export const ReferralIdParams = z.object({ id: z.uuid() });

export const ReferralCheckQuery = z.object({ serviceId: z.uuid() });

const Check = z.object({
  rule: z.enum(ELIGIBILITY_RULES),
  outcome: z.enum(CHECK_OUTCOMES),
  /** Why, in the request's language. */
  message: z.string(),
});

export const ReferralCheck = z.object({
  eligible: z.boolean(),
  checks: z.array(Check),
  /** What the partner will receive about the person (see docs/referrals.md). */
  sharedFields: z.array(z.string()),
  service: z.object({
    id: z.uuid(),
    name: z.string(),
    organizationName: z.string(),
    acceptanceDays: z.number().int(),
    completionDays: z.number().int().nullable(),
  }),
});

const reason = z.string().trim().min(1).max(2000);

export const ReferralCreate = z.strictObject({
  serviceId: z.uuid(),
  /** The plan action the referral carries out; without it, `goalId` names the goal a new action goes under. */
  actionId: z.uuid().optional(),
  goalId: z.uuid().optional(),
  reason,
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(1).max(200).optional(),
});

const SharedData = z.object({
  name: z.string(),
  documentType: z.string().nullable(),
  documentNumber: z.string().nullable(),
  phone: z.string().nullable(),
  age: z.number().int().nullable(),
  sex: z.string().nullable(),
  populationGroup: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  reason: z.string(),
});

export const ReferralSummary = z.object({
  id: z.uuid(),
  status: z.enum(REFERRAL_STATUSES),
  serviceId: z.uuid(),
  serviceName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  officeName: z.string(),
  /** Null for the partner: it sees only `sharedData`. */
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  caseId: z.uuid().nullable(),
  actionId: z.uuid().nullable(),
  reason: z.string().nullable(),
  /** Null for the partner once the person revoked the consent the referral was sent under. */
  sharedData: SharedData.nullable(),
  /** The eligibility checks as they were when it was sent, explained in the request's language. */
  eligibility: z.array(Check),
  declineReason: z.string().nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeNotes: z.string().nullable(),
  sentAt: z.string(),
  sentByName: z.string(),
  acceptDueAt: z.string(),
  completeDueAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  /** The steps the caller may take now. */
  abilities: z.array(z.enum(REFERRAL_COMMANDS)),
});

export const ReferralDetail = ReferralSummary.extend({
  events: z.array(
    z.object({
      kind: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

export const ReferralList = z.object({ items: z.array(ReferralSummary) });
export const ReferralPage = z.object({ items: z.array(ReferralSummary), total: z.number().int() });

export const InboxQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const version = z.number().int().min(1);
export const VersionBody = z.strictObject({ version });
export const ReasonBody = z.strictObject({ version, reason });
export const CompleteBody = z.strictObject({
  version,
  outcome: z.enum(REFERRAL_OUTCOMES),
  notes: z.string().trim().max(2000).optional(),
});
export const NotesBody = z.strictObject({ version, notes: z.string().trim().max(2000).optional() });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'referrals.report.day' });

export const ReportQuery = z.object({
  /** First day included (Colombian calendar day of sending). */
  from: day.optional(),
  /** Last day included. */
  to: day.optional(),
  groupBy: z.enum(['service', 'partner', 'office']).default('service'),
});

const Figures = z.object({
  sent: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  notAttended: z.number().int(),
  withdrawn: z.number().int(),
  overdue: z.number().int(),
  medianHoursToAcceptance: z.number().nullable(),
  p90HoursToAcceptance: z.number().nullable(),
  medianDaysToCompletion: z.number().nullable(),
  p90DaysToCompletion: z.number().nullable(),
});

export const ReferralReport = z.object({
  rows: z.array(Figures.extend({ key: z.string(), label: z.string() })),
  totals: Figures,
});
