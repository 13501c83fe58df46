import { queryOptions } from '@tanstack/react-query';
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
import { ApiError, api } from './client';

// The characterization and needs API as the person page and the fill-in page use it
// (`src/modules/characterization/schemas.ts`).

export const SECTIONS = [
  'education',
  'work',
  'health',
  'migration',
  'housing',
  'children',
  'vulnerabilities',
  'lifeProject',
] as const;
export type Section = (typeof SECTIONS)[number];

export const VULNERABILITIES = ['noFamilyNetwork', 'deported'] as const;
export const SENSITIVE_VULNERABILITIES = [
  'healthConditionNeedingCare',
  'unaccompaniedOrSeparatedMinor',
  'armedConflictVictim',
  'genderBasedViolenceRisk',
] as const;

export type NeedDimension = (typeof NEED_DIMENSIONS)[number];
export type NeedSeverity = (typeof NEED_SEVERITIES)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];

export interface Answers {
  education: {
    level?: string | null;
    lastGradePassed?: number | null;
    title?: string | null;
    countryCode?: string | null;
    recognizedInColombia?: string | null;
  };
  work: {
    skills: string[];
    certifications: Array<{ type: string; name: string; issuer?: string | null; year?: number | null }>;
    languages: Array<{ language: string; level: string }>;
    interests?: string | null;
    availability?: string | null;
    incomeSituation?: string | null;
  };
  health: { regime?: string | null; eps?: string | null; sisbenGroup?: string | null };
  migration: { status?: string | null; regularization?: string | null; notes?: string | null };
  housing: { situation?: string | null; overcrowded?: boolean | null; notes?: string | null };
  children: {
    schoolAgeChildren?: number | null;
    childrenInSchool?: number | null;
    outOfSchoolReason?: string | null;
  };
  vulnerabilities: { noFamilyNetwork?: boolean | null; deported?: boolean | null };
  lifeProject?: string | null;
}

export type Sensitive = Partial<Record<(typeof SENSITIVE_VULNERABILITIES)[number], boolean | null>> & {
  notes?: string | null;
};

export interface OccupationEntry {
  ciuoCode: string;
  title: string;
  yearsExperience: number | null;
}

export interface CharacterizationVersion {
  id: string;
  personId: string;
  number: number;
  answers: Answers;
  occupations: OccupationEntry[];
  sensitive: Sensitive | null;
  completedAt: string;
  completedBy: string | null;
}

export interface CharacterizationSummary {
  current: CharacterizationVersion | null;
  versions: Array<{
    number: number;
    completedAt: string;
    completedBy: string | null;
    changedSections: Section[];
  }>;
  abilities: { update: boolean; readSensitive: boolean };
}

export interface Draft {
  id: string;
  personId: string;
  answers: Answers;
  occupations: OccupationEntry[];
  sensitive: Sensitive | null;
  basedOnNumber: number | null;
  version: number;
  updatedAt: string;
}

export interface Need {
  id: string;
  personId: string | null;
  householdId: string | null;
  officeId: string;
  dimension: NeedDimension;
  description: string;
  severity: NeedSeverity;
  status: NeedStatus;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

export interface Occupation {
  code: string;
  level: number;
  parentCode: string | null;
  title: string;
}

export function emptyAnswers(): Answers {
  return {
    education: {},
    work: { skills: [], certifications: [], languages: [] },
    health: {},
    migration: {},
    housing: {},
    children: {},
    vulnerabilities: {},
    lifeProject: null,
  };
}

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
const personPath = (id: string) => `/api/v1/persons/${encodeURIComponent(id)}`;

export const characterizationQuery = (personId: string) =>
  queryOptions({
    queryKey: ['characterization', personId],
    queryFn: ({ signal }) =>
      api.get<CharacterizationSummary>(`${personPath(personId)}/characterization`, { signal }),
    retry,
  });

export const characterizationVersionQuery = (personId: string, number: number) =>
  queryOptions({
    queryKey: ['characterization', personId, 'version', number],
    queryFn: ({ signal }) =>
      api.get<CharacterizationVersion>(`${personPath(personId)}/characterization/versions/${number}`, {
        signal,
      }),
    retry,
  });

export const draftQuery = (personId: string) =>
  queryOptions({
    queryKey: ['characterization', personId, 'draft'],
    queryFn: ({ signal }) =>
      api.get<{ draft: Draft | null; abilities: CharacterizationSummary['abilities'] }>(
        `${personPath(personId)}/characterization/draft`,
        { signal },
      ),
    retry,
    // The fill-in page owns the draft once loaded; refetching would overwrite what is being typed.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const personNeedsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['needs', 'person', personId],
    queryFn: ({ signal }) =>
      api.get<{ items: Need[]; abilities: { create: boolean } }>(`${personPath(personId)}/needs`, { signal }),
    retry,
  });

/** The needs of a household and of its current members (`GET /api/v1/households/{id}/member-needs`). */
export const householdNeedsQuery = (householdId: string) =>
  queryOptions({
    queryKey: ['needs', 'household', householdId],
    queryFn: ({ signal }) =>
      api.get<{ items: Need[]; abilities: { create: boolean } }>(
        `/api/v1/households/${encodeURIComponent(householdId)}/member-needs`,
        { signal },
      ),
    retry,
  });

export type OpenNeedStatus = 'identified' | 'in_progress';
export interface OfficeNeedFilters {
  dimension?: NeedDimension | undefined;
  severity?: NeedSeverity | undefined;
  status?: OpenNeedStatus | undefined;
}
export interface OfficeNeedPage {
  items: Array<Need & { subjectName: string }>;
  nextCursor: string | null;
}
export const OFFICE_NEEDS_PAGE_SIZE = 25;

/** One page of an office's open needs, oldest first (`GET /api/v1/offices/{id}/needs`). */
export function officeNeedsPath(
  officeId: string,
  filters: OfficeNeedFilters,
  cursor?: string | null,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(OFFICE_NEEDS_PAGE_SIZE));
  return `/api/v1/offices/${encodeURIComponent(officeId)}/needs?${params}`;
}

export interface DraftInput {
  version: number;
  answers: Answers;
  occupations: Array<{ ciuoCode: string; yearsExperience: number | null }>;
  sensitive?: Sensitive | null;
}

export const characterizationApi = {
  saveDraft: (personId: string, input: DraftInput) =>
    api.patch<Draft>(`${personPath(personId)}/characterization/draft`, input),
  complete: (personId: string, version: number) =>
    api.post<CharacterizationSummary>(`${personPath(personId)}/characterization/draft/complete`, { version }),
  searchOccupations: (q: string, signal?: AbortSignal) =>
    api.get<{ items: Occupation[] }>(
      `/api/v1/reference/occupations?${new URLSearchParams({ q, level: '4', limit: '10' })}`,
      { signal },
    ),
  createNeed: (input: {
    personId?: string;
    householdId?: string;
    dimension: NeedDimension;
    description: string;
    severity: NeedSeverity;
  }) => api.post<Need>('/api/v1/needs', input),
  updateNeed: (id: string, input: { version: number; status?: NeedStatus; severity?: NeedSeverity }) =>
    api.patch<Need>(`/api/v1/needs/${encodeURIComponent(id)}`, input),
};

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
