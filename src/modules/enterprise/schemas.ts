import { z } from 'zod';
import {
  CIIU_SECTIONS,
  COURSE_KINDS,
  COURSE_MODALITIES,
  COURSE_STATUSES,
  ENROLMENT_STATUSES,
  FINANCING_LINES,
  FINANCING_STATUSES,
  SUPPORT_KINDS,
  UNIT_STAGES,
} from '../../domain/enterprise/vocabulary';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const day = z.iso.date();
const municipality = z.string().regex(/^\d{5}$/, { message: 'enterprise.validation.municipality' });
/** Pesos, whole: up to ten thousand million. */
const cop = z.number().int().min(0).max(10_000_000_000);
const version = z.number().int().min(1);

export const IdParams = z.object({ id: z.uuid() });

// Courses

const Place = z.object({ code: z.string(), name: z.string() }).nullable();

export const EnrolmentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseName: z.string(),
  organizationName: z.string(),
  personId: z.uuid(),
  /** Given names and surnames; for a course's organization only what the person agreed to share. */
  personName: z.string(),
  officeId: z.uuid().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  enrolledOn: z.string(),
  completedOn: z.string().nullable(),
  droppedOn: z.string().nullable(),
  certificateReference: z.string().nullable(),
  version: z.number().int(),
  /** The statuses the caller may move it to. */
  nextStatuses: z.array(z.enum(ENROLMENT_STATUSES)),
});

export const CourseSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  name: z.string(),
  kind: z.enum(COURSE_KINDS),
  modality: z.enum(COURSE_MODALITIES),
  hours: z.number().int(),
  municipality: Place,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  capacity: z.number().int().nullable(),
  status: z.enum(COURSE_STATUSES),
  directoryServiceId: z.uuid().nullable(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  version: z.number().int(),
  canEdit: z.boolean(),
});

export const CourseDetail = CourseSchema.extend({
  /** The enrolments the caller may see: staff their offices' people, the organization those who consented. */
  enrolments: z.array(EnrolmentSchema),
  /** Enrolled people the caller may not see (another office's, or without consent to share). */
  hiddenEnrolments: z.number().int(),
});

export const CourseList = z.object({ items: z.array(CourseSchema) });

export const CourseListQuery = z.object({
  status: z.enum(COURSE_STATUSES).optional(),
  organizationId: z.uuid().optional(),
  kind: z.enum(COURSE_KINDS).optional(),
});

export const CourseCreate = z.strictObject({
  organizationId: z.uuid(),
  name: text(200),
  kind: z.enum(COURSE_KINDS),
  modality: z.enum(COURSE_MODALITIES),
  hours: z.number().int().min(1).max(5000),
  municipalityCode: municipality.nullish(),
  startsOn: day,
  endsOn: day.nullish(),
  capacity: z.number().int().min(1).max(10_000).nullish(),
  status: z.enum(COURSE_STATUSES).default('planned'),
  directoryServiceId: z.uuid().nullish(),
});

export const CourseUpdate = z.strictObject({
  version,
  name: text(200).optional(),
  kind: z.enum(COURSE_KINDS).optional(),
  modality: z.enum(COURSE_MODALITIES).optional(),
  hours: z.number().int().min(1).max(5000).optional(),
  municipalityCode: municipality.nullable().optional(),
  startsOn: day.optional(),
  endsOn: day.nullable().optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  status: z.enum(COURSE_STATUSES).optional(),
  directoryServiceId: z.uuid().nullable().optional(),
});

export const EnrolmentCreate = z.strictObject({
  personId: z.uuid(),
  officeId: z.uuid(),
  enrolledOn: day.optional(),
});

export const EnrolmentUpdate = z.strictObject({
  version,
  status: z.enum(ENROLMENT_STATUSES).optional(),
  /** The day of the change (completion or dropping); today without it. */
  on: day.optional(),
  certificateReference: optionalText(200).optional(),
});

// Productive units

export const SupportSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SUPPORT_KINDS),
  providerOrganizationId: z.uuid().nullable(),
  providerName: z.string().nullable(),
  amount: z.number().nullable(),
  providedOn: z.string(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
});

export const FollowUpSchema = z.object({
  id: z.uuid(),
  visitedOn: z.string(),
  stageAtVisit: z.enum(UNIT_STAGES),
  monthlySales: z.number().nullable(),
  jobsCreated: z.number().int().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
});

export const FinancingSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** The unit owner's name; for an intermediary only with the person's consent to share. */
  ownerName: z.string().nullable(),
  line: z.enum(FINANCING_LINES),
  intermediaryOrganizationId: z.uuid(),
  intermediaryName: z.string(),
  amountRequested: z.number(),
  amountApproved: z.number().nullable(),
  approvalNote: z.string().nullable(),
  status: z.enum(FINANCING_STATUSES),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  disbursedOn: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  nextStatuses: z.array(z.enum(FINANCING_STATUSES)),
});

export const UnitSummarySchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  ownerName: z.string(),
  officeId: z.uuid(),
  name: z.string(),
  sector: z.enum(CIIU_SECTIONS),
  stage: z.enum(UNIT_STAGES),
  operating: z.boolean(),
  municipality: Place,
  startedOn: z.string().nullable(),
  updatedAt: z.string(),
});

export const UnitDetail = UnitSummarySchema.extend({
  description: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
  nextStages: z.array(z.enum(UNIT_STAGES)),
  supports: z.array(SupportSchema),
  followUps: z.array(FollowUpSchema),
  financing: z.array(FinancingSchema),
});

export const UnitList = z.object({ items: z.array(UnitSummarySchema), nextCursor: z.string().nullable() });

export const UnitListQuery = z.object({
  stage: z.enum(UNIT_STAGES).optional(),
  sector: z.enum(CIIU_SECTIONS).optional(),
  municipality: municipality.optional(),
  personId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const UnitCreate = z.strictObject({
  personId: z.uuid(),
  officeId: z.uuid(),
  name: text(200),
  sector: z.enum(CIIU_SECTIONS),
  description: optionalText(2000),
  municipalityCode: municipality.nullish(),
  stage: z.enum(UNIT_STAGES).exclude(['closed']).default('idea'),
  startedOn: day.nullish(),
});

export const UnitUpdate = z.strictObject({
  version,
  name: text(200).optional(),
  sector: z.enum(CIIU_SECTIONS).optional(),
  description: optionalText(2000).optional(),
  municipalityCode: municipality.nullable().optional(),
  stage: z.enum(UNIT_STAGES).optional(),
  startedOn: day.nullable().optional(),
  /** The day a unit closed (with stage `closed`); today without it. */
  closedOn: day.optional(),
});

export const SupportCreate = z.strictObject({
  kind: z.enum(SUPPORT_KINDS),
  providerOrganizationId: z.uuid().nullish(),
  amount: cop.nullish(),
  providedOn: day,
  notes: optionalText(2000),
});

export const FollowUpCreate = z.strictObject({
  visitedOn: day,
  monthlySales: cop.nullish(),
  jobsCreated: z.number().int().min(0).max(10_000).nullish(),
  notes: optionalText(2000),
});

export const FinancingCreate = z.strictObject({
  line: z.enum(FINANCING_LINES),
  intermediaryOrganizationId: z.uuid(),
  amountRequested: cop.min(1),
  status: z.enum(['draft', 'submitted']).default('draft'),
  submittedOn: day.nullish(),
  notes: optionalText(2000),
});

export const FinancingUpdate = z.strictObject({
  version,
  status: z.enum(FINANCING_STATUSES).optional(),
  /** The day of the step (submitted, decided or disbursed); today without it. */
  on: day.optional(),
  amountRequested: cop.min(1).optional(),
  amountApproved: cop.nullable().optional(),
  approvalNote: optionalText(500).optional(),
  notes: optionalText(2000).optional(),
});

export const FinancingList = z.object({ items: z.array(FinancingSchema) });

export const FinancingListQuery = z.object({ status: z.enum(FINANCING_STATUSES).optional() });

export const PersonEnterprise = z.object({
  enrolments: z.array(EnrolmentSchema),
  units: z.array(UnitSummarySchema),
});

// Summary (aggregates only)

export const SummarySchema = z.object({
  unitsByStage: z.array(z.object({ stage: z.enum(UNIT_STAGES), units: z.number().int() })),
  unitsBySector: z.array(z.object({ sector: z.enum(CIIU_SECTIONS), units: z.number().int() })),
  operatingUnits: z.number().int(),
  financingByLine: z.array(
    z.object({
      line: z.enum(FINANCING_LINES),
      applications: z.number().int(),
      requested: z.number(),
      approved: z.number(),
      disbursed: z.number(),
    }),
  ),
});
