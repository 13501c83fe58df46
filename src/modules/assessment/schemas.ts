import { z } from 'zod';
import { InstrumentDefinition, SUBJECT_TYPES } from '../../domain/assessment/instrument';

export { InstrumentDefinition };

export const IdParams = z.object({ id: z.uuid() });

export const InstrumentVersionSummary = z.object({
  id: z.uuid(),
  versionNumber: z.number().int(),
  status: z.enum(['draft', 'active', 'superseded']),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
  applications: z.number().int(),
  dimensions: z.number().int(),
  questions: z.number().int(),
});

export const InstrumentSummary = z.object({
  key: z.string(),
  subject: z.enum(SUBJECT_TYPES),
  name: z.object({ es: z.string(), en: z.string() }),
  versions: z.array(InstrumentVersionSummary),
});

export const InstrumentList = z.object({
  items: z.array(InstrumentSummary),
  abilities: z.object({ manage: z.boolean() }),
});

export const InstrumentVersion = z.object({
  id: z.uuid(),
  key: z.string(),
  versionNumber: z.number().int(),
  status: z.enum(['draft', 'active', 'superseded']),
  definition: z.any(),
});

export const ApplicationStart = z.strictObject({
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: z.uuid(),
  /** Defaults to the shipped instrument for the subject. */
  instrumentKey: z.string().min(1).max(60).optional(),
  respondent: z.enum(['caseworker', 'with_household']).default('caseworker'),
  programme: z.string().trim().min(1).max(60).optional(),
});

const AnswerMap = z.record(z.string().min(1).max(60), z.string().min(1).max(40).nullable());

export const ApplicationDraftSave = z.strictObject({
  version: z.number().int().min(1),
  /** Answers to set (null clears one); answers not named are kept. */
  answers: AnswerMap.default({}),
  currentDimension: z.number().int().min(0).max(100).optional(),
});

export const ApplicationComplete = z.strictObject({
  version: z.number().int().min(1),
  answers: AnswerMap.optional(),
});

const DimensionResult = z.object({
  dimensionId: z.string(),
  score: z.number().nullable(),
  answered: z.number().int(),
  missing: z.number().int(),
});

export const Application = z.object({
  id: z.uuid(),
  instrumentKey: z.string(),
  instrumentVersionId: z.uuid(),
  versionNumber: z.number().int(),
  subjectType: z.enum(SUBJECT_TYPES),
  householdId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  officeId: z.uuid(),
  programme: z.string().nullable(),
  kind: z.enum(['baseline', 'follow_up']),
  respondent: z.enum(['caseworker', 'with_household']),
  status: z.enum(['draft', 'completed']),
  answers: z.record(z.string(), z.string().nullable()),
  currentDimension: z.number().int(),
  result: z
    .object({
      overall: z.number().nullable(),
      levelId: z.string().nullable(),
      topLevel: z.boolean(),
      dimensions: z.array(DimensionResult),
    })
    .nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
});

export const ApplicationWithInstrument = Application.extend({ definition: z.any() });

export const SubjectApplications = z.object({
  items: z.array(
    Application.extend({
      instrumentName: z.object({ es: z.string(), en: z.string() }),
      levels: z.array(
        z.object({ id: z.string(), label: z.object({ es: z.string(), en: z.string() }), min: z.number() }),
      ),
      dimensionNames: z.array(
        z.object({ id: z.string(), name: z.object({ es: z.string(), en: z.string() }) }),
      ),
    }),
  ),
  /** Instruments that apply to this subject and can be started now. */
  instruments: z.array(z.object({ key: z.string(), name: z.object({ es: z.string(), en: z.string() }) })),
  abilities: z.object({ apply: z.boolean() }),
});

export const IndicatorQuery = z.object({
  instrumentKey: z.string().min(1).max(60).default('hogar_integracion'),
});

export const Indicator = z.object({
  instrumentKey: z.string(),
  topLevel: z.object({ id: z.string(), label: z.object({ es: z.string(), en: z.string() }) }).nullable(),
  rows: z.array(
    z.object({
      officeId: z.uuid(),
      officeName: z.string(),
      programme: z.string(),
      /** The programme's name in the caller's language; null for applications without a programme. */
      programmeName: z.string().nullable(),
      households: z.number().int(),
      atTopLevel: z.number().int(),
      share: z.number().nullable(),
      target: z.number().nullable(),
    }),
  ),
});

export const TargetSet = z.strictObject({
  officeId: z.uuid(),
  programme: z.string().trim().max(60).default(''),
  instrumentKey: z.string().min(1).max(60).default('hogar_integracion'),
  targetShare: z.number().min(0).max(1),
});
