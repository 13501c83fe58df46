import { z } from 'zod';
import { AVAILABILITY, COMPONENTS } from '../../domain/employment/matching';
import { EDUCATION_LEVELS } from '../../domain/employment/vocabulary';

// Zod schemas of the matching and labour-demand API.

export const VacancyIdParams = z.object({ id: z.uuid() });
export const PersonIdParams = z.object({ personId: z.uuid() });

const flag = z.enum(['true', 'false']).optional();
const filters = {
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  sameMunicipality: flag,
  sameDepartment: flag,
  educationMeets: flag,
  excludeNotAvailable: flag,
};

export const CandidatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ...filters,
});
export const PersonVacanciesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  ...filters,
});

export const MatchComponent = z.object({
  component: z.enum(COMPONENTS),
  points: z.number(),
  maxPoints: z.number(),
  reason: z.string(),
  /** What the reason is about: codes with their titles, names of municipalities, skills, levels, months. */
  params: z.record(z.string(), z.unknown()),
});

export const Candidate = z.object({
  personId: z.uuid(),
  /** Staff: the full name; an employer: the given name and the first surname's initial only. */
  name: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  score: z.number(),
  components: z.array(MatchComponent),
  /** Where the person already is in this vacancy's pipeline, if proposed. */
  applicationStatus: z.string().nullable(),
});

export const CandidateList = z.object({
  vacancy: z.object({
    id: z.uuid(),
    title: z.string(),
    ciuoCode: z.string(),
    ciuoTitle: z.string(),
    organizationName: z.string(),
    /** Whether the employer's latest verification passed and is in date (only then can it receive candidates). */
    employerVerified: z.boolean(),
  }),
  candidates: z.array(Candidate),
  /** Whether the list was widened from the sub-major group (2 digits) to the major group (1 digit). */
  widened: z.boolean(),
  /** An employer sees only people who consented to sharing their data with partners. */
  consentFiltered: z.boolean(),
});

export const SuggestedVacancy = z.object({
  vacancyId: z.uuid(),
  title: z.string(),
  organizationName: z.string(),
  ciuoCode: z.string(),
  ciuoTitle: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string().nullable(),
  monthlyWage: z.number(),
  contractType: z.string(),
  positions: z.number(),
  closesOn: z.string().nullable(),
  score: z.number(),
  components: z.array(MatchComponent),
  applicationStatus: z.string().nullable(),
});

export const JobProfile = z.object({
  personId: z.uuid(),
  ciuoCodes: z.array(z.object({ code: z.string(), title: z.string() })),
  skills: z.array(z.string()),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  experienceMonths: z.number(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  availability: z.enum(AVAILABILITY).nullable(),
  seeking: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});

export const JobProfileView = z.object({
  profile: JobProfile.nullable(),
  abilities: z.object({ edit: z.boolean() }),
});

export const VacancySuggestions = z.object({
  /** The profile the suggestions were scored from (built from the latest characterization the first time). */
  profile: JobProfile,
  vacancies: z.array(SuggestedVacancy),
  widened: z.boolean(),
});

export const JobProfileUpdate = z.object({
  /** The version read; 0 when the person has no profile yet. */
  version: z.number().int().min(0),
  ciuoCodes: z.array(z.string().regex(/^\d{4}$/, 'matching.ciuoCode')).max(10),
  skills: z.array(z.string().trim().min(1).max(80)).max(30),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  experienceMonths: z.number().int().min(0).max(840),
  municipalityCode: z
    .string()
    .regex(/^\d{5}$/, 'matching.municipalityCode')
    .nullable(),
  availability: z.enum(AVAILABILITY).nullable(),
  seeking: z.boolean(),
});

export const DemandQuery = z.object({
  groupBy: z.enum(['occupation', 'municipality']).default('occupation'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const DemandRow = z.object({
  /** The CIUO-08 sub-major group (2 digits) or the DIVIPOLA municipality. */
  code: z.string(),
  name: z.string(),
  openVacancies: z.number(),
  positions: z.number(),
  applications: z.number(),
  hires: z.number(),
  /** Job seekers in the network seeking work in that occupation family or living in that municipality. */
  seekers: z.number(),
});

export const DemandReport = z.object({
  groupBy: z.enum(['occupation', 'municipality']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(DemandRow),
  totals: DemandRow.omit({ code: true, name: true }),
});
