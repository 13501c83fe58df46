import { queryOptions } from '@tanstack/react-query';
import { ApiError, api } from './client';

// Matching (suggested candidates and vacancies, each with its explanation), job profiles and the labour demand view.

export type MatchComponentName =
  | 'occupation'
  | 'skills'
  | 'education'
  | 'experience'
  | 'municipality'
  | 'availability';

export interface MatchComponent {
  component: MatchComponentName;
  points: number;
  maxPoints: number;
  reason: string;
  params: Record<string, unknown>;
}

export interface Candidate {
  personId: string;
  name: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  score: number;
  components: MatchComponent[];
  applicationStatus: string | null;
}

export interface CandidateList {
  vacancy: {
    id: string;
    title: string;
    ciuoCode: string;
    ciuoTitle: string;
    organizationName: string;
    employerVerified: boolean;
  };
  candidates: Candidate[];
  widened: boolean;
  consentFiltered: boolean;
}

export interface JobProfile {
  personId: string;
  ciuoCodes: Array<{ code: string; title: string }>;
  skills: string[];
  educationLevel: string | null;
  experienceMonths: number;
  municipalityCode: string | null;
  municipalityName: string | null;
  availability: string | null;
  seeking: boolean;
  version: number;
  updatedAt: string;
}

export interface SuggestedVacancy {
  vacancyId: string;
  title: string;
  organizationName: string;
  ciuoCode: string;
  ciuoTitle: string;
  municipalityCode: string;
  municipalityName: string | null;
  monthlyWage: number;
  contractType: string;
  positions: number;
  closesOn: string | null;
  score: number;
  components: MatchComponent[];
  applicationStatus: string | null;
}

export interface VacancySuggestions {
  profile: JobProfile;
  vacancies: SuggestedVacancy[];
  widened: boolean;
}

export interface MatchFilters {
  minScore?: number | undefined;
  sameDepartment?: boolean | undefined;
  educationMeets?: boolean | undefined;
  excludeNotAvailable?: boolean | undefined;
}

export const DEMAND_GROUPS = ['occupation', 'municipality'] as const;
export type DemandGroup = (typeof DEMAND_GROUPS)[number];

export interface DemandFigures {
  openVacancies: number;
  positions: number;
  applications: number;
  hires: number;
  seekers: number;
}

export interface DemandReport {
  groupBy: DemandGroup;
  from: string | null;
  to: string | null;
  rows: Array<DemandFigures & { code: string; name: string }>;
  totals: DemandFigures;
}

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

function withParams(
  path: string,
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false)
      search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

const BASE = '/api/v1/employment';

export const vacancyCandidatesQuery = (vacancyId: string, filters: MatchFilters & { limit?: number }) =>
  queryOptions({
    queryKey: ['matching', 'candidates', vacancyId, filters],
    queryFn: ({ signal }) =>
      api.get<CandidateList>(
        withParams(`${BASE}/vacancies/${encodeURIComponent(vacancyId)}/candidates`, { ...filters }),
        { signal },
      ),
    retry,
  });

export const personVacanciesQuery = (personId: string, filters: MatchFilters & { limit?: number }) =>
  queryOptions({
    queryKey: ['matching', 'vacancies', personId, filters],
    queryFn: ({ signal }) =>
      api.get<VacancySuggestions>(
        withParams(`${BASE}/people/${encodeURIComponent(personId)}/vacancies`, { ...filters }),
        { signal },
      ),
    retry,
  });

export const refreshJobProfile = (personId: string) =>
  api.post<JobProfile>(`${BASE}/people/${encodeURIComponent(personId)}/job-profile/refresh`);

export const labourDemandQuery = (filters: { groupBy: DemandGroup; from?: string; to?: string }) =>
  queryOptions({
    queryKey: ['matching', 'demand', filters],
    queryFn: ({ signal }) => api.get<DemandReport>(withParams(`${BASE}/demand`, { ...filters }), { signal }),
    retry,
  });
