import { z } from 'zod';
import { APPLICATION_COMMANDS, APPLICATION_STATUSES } from '../../domain/employment/application-pipeline';
import { EMPLOYER_CHECKS, EMPLOYER_STANDINGS } from '../../domain/employment/employer-standing';
import {
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  FOLLOW_UP_MILESTONES,
  REGISTRATION_STATUSES,
  VACANCY_STATUSES,
} from '../../domain/employment/vocabulary';

export const IdParams = z.object({ id: z.uuid() });
export const PersonIdParams = z.object({ personId: z.uuid() });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'employment.validation.day' });
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const municipalityCode = z.string().regex(/^\d{5}$/, { message: 'employment.validation.municipality' });

// Employers.

const Verification = z.object({
  id: z.uuid(),
  checks: z.object(
    Object.fromEntries(EMPLOYER_CHECKS.map((c) => [c, z.boolean()])) as Record<
      (typeof EMPLOYER_CHECKS)[number],
      z.ZodBoolean
    >,
  ),
  failedChecks: z.array(z.enum(EMPLOYER_CHECKS)),
  verifiedAt: z.string(),
  verifiedByName: z.string(),
  validUntil: z.string(),
  notes: z.string().nullable(),
});

const EmployerProfile = z.object({
  taxId: z.string().nullable(),
  economicActivity: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  address: z.string().nullable(),
  /** 0 while no profile was ever saved: send 0 to create it. */
  version: z.number().int(),
});

export const EmployerSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  standing: z.enum(EMPLOYER_STANDINGS),
  /** Of the latest verification. */
  validUntil: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  failedChecks: z.array(z.enum(EMPLOYER_CHECKS)),
  openVacancies: z.number().int(),
  profile: EmployerProfile,
  /** What the caller may do: `verify`, `editProfile`, `postVacancy`. */
  abilities: z.array(z.enum(['verify', 'editProfile', 'postVacancy'])),
});
export const EmployerList = z.object({ items: z.array(EmployerSummary) });
export const EmployerDetail = EmployerSummary.extend({ verifications: z.array(Verification) });

export const EmployerProfileUpdate = z.strictObject({
  version: z.number().int().min(0),
  taxId: optionalText(40),
  economicActivity: optionalText(200),
  municipalityCode: municipalityCode.nullish(),
  address: optionalText(300),
});

export const VerificationCreate = z.strictObject({
  ...(Object.fromEntries(EMPLOYER_CHECKS.map((c) => [c, z.boolean()])) as Record<
    (typeof EMPLOYER_CHECKS)[number],
    z.ZodBoolean
  >),
  /** Last day the verification holds: from today to one year ahead. */
  validUntil: day,
  notes: optionalText(2000),
});

// Vacancies.

const VacancyFields = {
  title: text(200),
  ciuoCode: z.string().regex(/^\d{4}$/, { message: 'employment.validation.ciuo' }),
  description: optionalText(4000),
  requiredSkills: z.array(text(100)).max(30).default([]),
  educationLevel: z.enum(EDUCATION_LEVELS).nullish(),
  experienceMonths: z.number().int().min(0).max(600).default(0),
  municipalityCode,
  contractType: z.enum(CONTRACT_TYPES),
  /** Pesos a month: at least the legal minimum wage in force on the opening day. */
  monthlyWage: z.number().int().min(1),
  positions: z.number().int().min(1).max(1000).default(1),
  opensOn: day,
  closesOn: day.nullish(),
};

export const VacancyCreate = z.strictObject({
  organizationId: z.uuid(),
  ...VacancyFields,
  status: z.enum(['draft', 'open']).default('open'),
});
export const VacancyUpdate = z.strictObject({ version, ...VacancyFields, status: z.enum(VACANCY_STATUSES) });

export const VacancyListQuery = z.object({
  organizationId: z.uuid().optional(),
  status: z.enum(VACANCY_STATUSES).optional(),
  municipalityCode: z.string().optional(),
  q: z.string().trim().max(100).optional(),
});

export const Vacancy = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  employerStanding: z.enum(EMPLOYER_STANDINGS),
  title: z.string(),
  ciuoCode: z.string(),
  occupationTitle: z.string(),
  description: z.string().nullable(),
  requiredSkills: z.array(z.string()),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  experienceMonths: z.number().int(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  monthlyWage: z.number().int(),
  positions: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  status: z.enum(VACANCY_STATUSES),
  postedByName: z.string(),
  applications: z.record(z.enum(APPLICATION_STATUSES), z.number().int()),
  version: z.number().int(),
  abilities: z.array(z.enum(['edit', 'propose', 'seeApplications'])),
});
export const VacancyList = z.object({ items: z.array(Vacancy) });

// Applications.

export const ApplicationCreate = z.strictObject({
  personId: z.uuid(),
  matchScore: z.number().min(0).max(1).optional(),
  matchExplanation: z.record(z.string(), z.unknown()).optional(),
});

const FollowUp = z.object({
  id: z.uuid(),
  milestone: z.enum(FOLLOW_UP_MILESTONES),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  stillEmployed: z.boolean().nullable(),
  notes: z.string().nullable(),
  overdue: z.boolean(),
});

/** What an employer sees of a candidate, and all staff need to present one. */
const Candidate = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  age: z.number().int().nullable(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
  experienceMonths: z.number().int().nullable(),
  /** The occupations the person has worked in, in the request's language. */
  occupations: z.array(z.string()),
});

export const Application = z.object({
  id: z.uuid(),
  vacancyId: z.uuid(),
  vacancyTitle: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** Null for the employer: it sees only `candidate`. */
  personId: z.uuid().nullable(),
  officeName: z.string().nullable(),
  appliedByName: z.string().nullable(),
  matchScore: z.number().nullable(),
  matchExplanation: z.record(z.string(), z.unknown()).nullable(),
  candidate: Candidate,
  appliedAt: z.string(),
  interviewAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  hiredOn: z.string().nullable(),
  followUps: z.array(FollowUp),
  version: z.number().int(),
  abilities: z.array(z.enum(APPLICATION_COMMANDS)),
});
export const ApplicationList = z.object({ items: z.array(Application) });

export const InterviewBody = z.strictObject({ version, interviewAt: z.iso.datetime({ offset: true }) });
export const HireBody = z.strictObject({ version, hiredOn: day });
export const ReasonBody = z.strictObject({ version, reason: text(2000) });

export const FollowUpQuery = z.object({ due: z.enum(['overdue', 'upcoming']).optional() });
export const FollowUpItem = FollowUp.extend({
  applicationId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  vacancyTitle: z.string(),
  organizationName: z.string(),
  hiredOn: z.string(),
});
export const FollowUpList = z.object({ items: z.array(FollowUpItem) });
export const FollowUpRecord = z.strictObject({ stillEmployed: z.boolean(), notes: optionalText(2000) });

// Public employment service registration.

export const Registration = z.object({
  registeredOn: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  registrationNumber: z.string().nullable(),
  provider: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  version: z.number().int(),
});
export const RegistrationResponse = z.object({ registration: Registration.nullable() });
export const RegistrationUpdate = z.strictObject({
  /** 0 when the person has no registration yet. */
  version: z.number().int().min(0),
  registeredOn: day,
  status: z.enum(REGISTRATION_STATUSES),
  registrationNumber: optionalText(60),
  provider: optionalText(200),
});
