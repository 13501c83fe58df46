import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

// Job insertion (`src/modules/employment/schemas.ts`): employers and their verifications, vacancies, the pipeline of
// applications with placement follow-ups, and the public employment service registration.

export const EMPLOYER_CHECKS = [
  'legalRegistration',
  'formalContracts',
  'socialSecurity',
  'minimumWageOrMore',
  'safeConditions',
  'nonDiscrimination',
] as const;
export type EmployerCheck = (typeof EMPLOYER_CHECKS)[number];
export type EmployerStanding = 'verified' | 'expired' | 'failed_checks' | 'never_verified';
export const EDUCATION_LEVELS = [
  'none',
  'preschool',
  'primary',
  'secondary',
  'media',
  'technical',
  'technological',
  'university',
  'specialization',
  'masters',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const CONTRACT_TYPES = [
  'indefinite',
  'fixed_term',
  'work_or_labour',
  'apprenticeship',
  'temporary',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const VACANCY_STATUSES = ['draft', 'open', 'closed', 'filled', 'cancelled'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export const APPLICATION_STATUSES = ['applied', 'interview', 'hired', 'not_hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type ApplicationCommand = 'interview' | 'hire' | 'notHired' | 'withdraw';
export const REGISTRATION_STATUSES = [
  'registered',
  'profile_updated',
  'referred_to_vacancies',
  'inactive',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Roles that see the employment pages (focal points see their own organization's). */
export const EMPLOYMENT_ROLES = ['network_admin', 'office_coordinator', 'caseworker', 'partner_focal_point'];

export interface Employer {
  id: string;
  name: string;
  shortName: string;
  standing: EmployerStanding;
  validUntil: string | null;
  verifiedAt: string | null;
  failedChecks: EmployerCheck[];
  openVacancies: number;
  profile: {
    taxId: string | null;
    economicActivity: string | null;
    municipalityCode: string | null;
    municipalityName: string | null;
    address: string | null;
    version: number;
  };
  abilities: Array<'verify' | 'editProfile' | 'postVacancy'>;
}

export interface EmployerDetail extends Employer {
  verifications: Array<{
    id: string;
    checks: Record<EmployerCheck, boolean>;
    failedChecks: EmployerCheck[];
    verifiedAt: string;
    verifiedByName: string;
    validUntil: string;
    notes: string | null;
  }>;
}

export interface VacancyFields {
  title: string;
  ciuoCode: string;
  description: string | null;
  requiredSkills: string[];
  educationLevel: EducationLevel | null;
  experienceMonths: number;
  municipalityCode: string;
  contractType: ContractType;
  monthlyWage: number;
  positions: number;
  opensOn: string;
  closesOn: string | null;
}

export interface Vacancy extends VacancyFields {
  id: string;
  organizationId: string;
  organizationName: string;
  employerStanding: EmployerStanding;
  occupationTitle: string;
  municipalityName: string;
  status: VacancyStatus;
  postedByName: string;
  applications: Record<ApplicationStatus, number>;
  version: number;
  abilities: Array<'edit' | 'propose' | 'seeApplications'>;
}

export interface FollowUp {
  id: string;
  milestone: '3_months' | '6_months';
  dueOn: string;
  doneAt: string | null;
  stillEmployed: boolean | null;
  notes: string | null;
  overdue: boolean;
}

export interface Application {
  id: string;
  vacancyId: string;
  vacancyTitle: string;
  organizationId: string;
  organizationName: string;
  status: ApplicationStatus;
  personId: string | null;
  officeName: string | null;
  appliedByName: string | null;
  matchScore: number | null;
  candidate: {
    name: string;
    phone: string | null;
    email: string | null;
    age: number | null;
    educationLevel: EducationLevel | null;
    experienceMonths: number | null;
    occupations: string[];
  };
  appliedAt: string;
  interviewAt: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  hiredOn: string | null;
  followUps: FollowUp[];
  version: number;
  abilities: ApplicationCommand[];
}

export interface FollowUpItem extends FollowUp {
  applicationId: string;
  personId: string;
  personName: string;
  vacancyTitle: string;
  organizationName: string;
  hiredOn: string;
}

export interface Registration {
  registeredOn: string;
  status: RegistrationStatus;
  registrationNumber: string | null;
  provider: string | null;
  recordedByName: string;
  recordedAt: string;
  version: number;
}

const BASE = '/api/v1/employment';

export const employersQuery = queryOptions({
  queryKey: ['employment', 'employers'],
  queryFn: ({ signal }) => api.get<{ items: Employer[] }>(`${BASE}/employers`, { signal }),
});
export const employerQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'employers', id],
    queryFn: ({ signal }) => api.get<EmployerDetail>(`${BASE}/employers/${id}`, { signal }),
  });
export const vacanciesQuery = (filter: { status?: string; organizationId?: string; q?: string } = {}) =>
  queryOptions({
    queryKey: ['employment', 'vacancies', filter],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams(
        Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>,
      );
      return api.get<{ items: Vacancy[] }>(`${BASE}/vacancies?${params}`, { signal });
    },
  });
export const vacancyQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'vacancy', id],
    queryFn: ({ signal }) => api.get<Vacancy>(`${BASE}/vacancies/${id}`, { signal }),
  });
export const vacancyApplicationsQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'vacancy', id, 'applications'],
    queryFn: ({ signal }) =>
      api.get<{ items: Application[] }>(`${BASE}/vacancies/${id}/applications`, { signal }),
  });
export const followUpsQuery = (due: 'overdue' | 'upcoming' | '') =>
  queryOptions({
    queryKey: ['employment', 'follow-ups', due],
    queryFn: ({ signal }) =>
      api.get<{ items: FollowUpItem[] }>(`${BASE}/placements/follow-ups${due ? `?due=${due}` : ''}`, {
        signal,
      }),
  });
export const personApplicationsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['employment', 'person', personId, 'applications'],
    queryFn: ({ signal }) =>
      api.get<{ items: Application[] }>(`/api/v1/persons/${personId}/job-applications`, { signal }),
  });
export const registrationQuery = (personId: string) =>
  queryOptions({
    queryKey: ['employment', 'person', personId, 'registration'],
    queryFn: ({ signal }) =>
      api.get<{ registration: Registration | null }>(
        `/api/v1/persons/${personId}/employment-service-registration`,
        { signal },
      ),
  });

export const employmentApi = {
  verify: (
    id: string,
    input: Record<EmployerCheck, boolean> & { validUntil: string; notes: string | null },
  ) => api.post<EmployerDetail>(`${BASE}/employers/${id}/verifications`, input),
  saveProfile: (
    id: string,
    input: {
      version: number;
      taxId: string | null;
      economicActivity: string | null;
      municipalityCode: string | null;
      address: string | null;
    },
  ) => api.put<EmployerDetail>(`${BASE}/employers/${id}/profile`, input),
  createVacancy: (input: VacancyFields & { organizationId: string; status: 'draft' | 'open' }) =>
    api.post<Vacancy>(`${BASE}/vacancies`, input),
  updateVacancy: (id: string, input: VacancyFields & { version: number; status: VacancyStatus }) =>
    api.put<Vacancy>(`${BASE}/vacancies/${id}`, input),
  propose: (vacancyId: string, personId: string) =>
    api.post<Application>(`${BASE}/vacancies/${vacancyId}/applications`, { personId }),
  step: (id: string, command: ApplicationCommand, input: Record<string, unknown>) =>
    api.post<Application>(
      `${BASE}/applications/${id}/${command === 'notHired' ? 'not-hired' : command}`,
      input,
    ),
  recordFollowUp: (id: string, input: { stillEmployed: boolean; notes: string | null }) =>
    api.post<FollowUpItem>(`${BASE}/placement-follow-ups/${id}`, input),
  saveRegistration: (
    personId: string,
    input: {
      version: number;
      registeredOn: string;
      status: RegistrationStatus;
      registrationNumber: string | null;
      provider: string | null;
    },
  ) =>
    api.put<{ registration: Registration | null }>(
      `/api/v1/persons/${personId}/employment-service-registration`,
      input,
    ),
};
