import { z } from 'zod';
import {
  AVAILABILITY,
  CERTIFICATION_TYPES,
  EDUCATION_LEVELS,
  HEALTH_REGIMES,
  HOUSING_SITUATIONS,
  INCOME_SITUATIONS,
  LANGUAGE_LEVELS,
  MIGRATORY_STATUSES,
  NEED_DIMENSIONS,
  NEED_SEVERITIES,
  NEED_STATUSES,
  RECOGNITION,
  REGULARIZATION_STEPS,
  SISBEN_GROUPS,
} from '../../domain/characterization/vocabulary';

// Zod schemas of the characterization and needs API. Every answer is optional: a characterization records what
// the person chose to tell, and answering sensitive questions is never a condition for a service (Ley 1581).

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const country = z.string().regex(/^[A-Z]{2}$/, 'characterization.countryCode');

/** The non-sensitive answers, section by section (sections in src/domain/characterization/sections.ts). */
export const CharacterizationAnswers = z.object({
  education: z
    .object({
      level: z.enum(EDUCATION_LEVELS).nullish(),
      lastGradePassed: z.number().int().min(0).max(13).nullish(),
      title: text(200),
      countryCode: country.nullish(),
      recognizedInColombia: z.enum(RECOGNITION).nullish(),
    })
    .prefault({}),
  work: z
    .object({
      skills: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
      certifications: z
        .array(
          z.object({
            type: z.enum(CERTIFICATION_TYPES),
            name: z.string().trim().min(1).max(200),
            issuer: text(120),
            year: z.number().int().min(1950).max(2100).nullish(),
          }),
        )
        .max(20)
        .default([]),
      languages: z
        .array(z.object({ language: z.string().trim().min(2).max(40), level: z.enum(LANGUAGE_LEVELS) }))
        .max(10)
        .default([]),
      interests: text(1000),
      availability: z.enum(AVAILABILITY).nullish(),
      incomeSituation: z.enum(INCOME_SITUATIONS).nullish(),
    })
    .prefault({}),
  health: z
    .object({
      regime: z.enum(HEALTH_REGIMES).nullish(),
      eps: text(120),
      sisbenGroup: z.enum(SISBEN_GROUPS).nullish(),
    })
    .prefault({}),
  migration: z
    .object({
      status: z.enum(MIGRATORY_STATUSES).nullish(),
      regularization: z.enum(REGULARIZATION_STEPS).nullish(),
      notes: text(1000),
    })
    .prefault({}),
  housing: z
    .object({
      situation: z.enum(HOUSING_SITUATIONS).nullish(),
      overcrowded: z.boolean().nullish(),
      notes: text(1000),
    })
    .prefault({}),
  children: z
    .object({
      schoolAgeChildren: z.number().int().min(0).max(30).nullish(),
      childrenInSchool: z.number().int().min(0).max(30).nullish(),
      outOfSchoolReason: text(1000),
    })
    .prefault({}),
  vulnerabilities: z
    .object({
      noFamilyNetwork: z.boolean().nullish(),
      deported: z.boolean().nullish(),
    })
    .prefault({}),
  lifeProject: text(4000),
});

/** The sensitive vulnerabilities (Ley 1581 art. 5: health, victimization, protection risks). */
export const SensitiveVulnerabilities = z.object({
  healthConditionNeedingCare: z.boolean().nullish(),
  unaccompaniedOrSeparatedMinor: z.boolean().nullish(),
  armedConflictVictim: z.boolean().nullish(),
  genderBasedViolenceRisk: z.boolean().nullish(),
  notes: text(2000),
});

export const OccupationEntry = z.object({
  ciuoCode: z.string().regex(/^\d{4}$/, 'characterization.ciuoCode'),
  yearsExperience: z.number().min(0).max(70).nullish(),
});

export const DraftSave = z.object({
  /** The draft's version as last read; 0 when starting one. */
  version: z.number().int().min(0),
  answers: CharacterizationAnswers,
  occupations: z.array(OccupationEntry).max(10).default([]),
  /** Only roles that may read sensitive data may send it. */
  sensitive: SensitiveVulnerabilities.nullish(),
});

export const DraftComplete = z.object({ version: z.number().int().min(1) });

export const PersonIdParams = z.object({ id: z.uuid() });
export const VersionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) });

const Occupation = z.object({
  ciuoCode: z.string(),
  title: z.string(),
  yearsExperience: z.number().nullable(),
});

const Abilities = z.object({ update: z.boolean(), readSensitive: z.boolean() });

export const CharacterizationVersion = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  number: z.number(),
  answers: CharacterizationAnswers,
  occupations: z.array(Occupation),
  /** Null for roles that may not see it, and when nothing was recorded. */
  sensitive: SensitiveVulnerabilities.nullable(),
  completedAt: z.string(),
  completedBy: z.string().nullable(),
});

export const CharacterizationSummary = z.object({
  current: CharacterizationVersion.nullable(),
  versions: z.array(
    z.object({
      number: z.number(),
      completedAt: z.string(),
      completedBy: z.string().nullable(),
      changedSections: z.array(z.string()),
    }),
  ),
  abilities: Abilities,
});

export const Draft = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  answers: CharacterizationAnswers,
  occupations: z.array(Occupation),
  sensitive: SensitiveVulnerabilities.nullable(),
  basedOnNumber: z.number().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

export const DraftResult = z.object({ draft: Draft.nullable(), abilities: Abilities });

export const OPEN_NEED_STATUSES = ['identified', 'in_progress'] as const;

export const NeedCreate = z
  .object({
    personId: z.uuid().nullish(),
    householdId: z.uuid().nullish(),
    dimension: z.enum(NEED_DIMENSIONS),
    description: z.string().trim().min(1).max(2000),
    severity: z.enum(NEED_SEVERITIES),
    status: z.enum(NEED_STATUSES).default('identified'),
  })
  .refine((need) => Boolean(need.personId) !== Boolean(need.householdId), {
    path: ['personId'],
    message: 'needs.oneSubject',
  });

export const NeedUpdate = z.object({
  version: z.number().int().min(1),
  description: z.string().trim().min(1).max(2000).optional(),
  severity: z.enum(NEED_SEVERITIES).optional(),
  status: z.enum(NEED_STATUSES).optional(),
});

export const NeedIdParams = z.object({ id: z.uuid() });
export const OfficeIdParams = z.object({ id: z.uuid() });
export const OfficeNeedsQuery = z.object({
  dimension: z.enum(NEED_DIMENSIONS).optional(),
  severity: z.enum(NEED_SEVERITIES).optional(),
  /** One of the open statuses; both when absent. */
  status: z.enum(OPEN_NEED_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const NeedSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  officeId: z.uuid(),
  dimension: z.enum(NEED_DIMENSIONS),
  description: z.string(),
  severity: z.enum(NEED_SEVERITIES),
  status: z.enum(NEED_STATUSES),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});

export const NeedList = z.object({
  items: z.array(NeedSchema),
  abilities: z.object({ create: z.boolean() }),
});

export const HouseholdMemberNeedList = z.object({
  items: z.array(NeedSchema),
  abilities: z.object({ create: z.boolean() }),
});

export const OfficeNeedList = z.object({
  items: z.array(NeedSchema.extend({ subjectName: z.string() })),
  nextCursor: z.string().nullable(),
});

export {
  AVAILABILITY,
  CERTIFICATION_TYPES,
  EDUCATION_LEVELS,
  HEALTH_REGIMES,
  HOUSING_SITUATIONS,
  INCOME_SITUATIONS,
  LANGUAGE_LEVELS,
  MIGRATORY_STATUSES,
  NEED_DIMENSIONS,
  NEED_SEVERITIES,
  NEED_STATUSES,
  RECOGNITION,
  REGULARIZATION_STEPS,
  SISBEN_GROUPS,
};
