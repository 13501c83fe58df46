import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

// The integration index API (`src/modules/assessment/schemas.ts`).

export type SubjectType = 'household' | 'person';
export interface Localized {
  es: string;
  en: string;
}

export interface ScaleOption {
  value: string;
  label: Localized;
  score?: number;
}
export interface InstrumentDefinition {
  key: string;
  name: Localized;
  description?: Localized;
  subject: SubjectType;
  source?: string;
  scales: Array<{ id: string; options: ScaleOption[] }>;
  dimensions: Array<{
    id: string;
    name: Localized;
    weight: number;
    questions: Array<{ id: string; text: Localized; help?: Localized; scale: string; weight: number }>;
  }>;
  missing: { rule: 'skip' | 'worst'; maxMissing?: number };
  levels: Array<{ id: string; label: Localized; min: number }>;
}

export interface ApplicationResult {
  overall: number | null;
  levelId: string | null;
  topLevel: boolean;
  dimensions: Array<{ dimensionId: string; score: number | null; answered: number; missing: number }>;
}

export interface Application {
  id: string;
  instrumentKey: string;
  instrumentVersionId: string;
  versionNumber: number;
  subjectType: SubjectType;
  householdId: string | null;
  personId: string | null;
  officeId: string;
  programme: string | null;
  kind: 'baseline' | 'follow_up';
  respondent: 'caseworker' | 'with_household';
  status: 'draft' | 'completed';
  answers: Record<string, string | null>;
  currentDimension: number;
  result: ApplicationResult | null;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  version: number;
}

export type ApplicationWithInstrument = Application & { definition: InstrumentDefinition };

export interface SubjectApplications {
  items: Array<
    Application & {
      instrumentName: Localized;
      levels: Array<{ id: string; label: Localized; min: number }>;
      dimensionNames: Array<{ id: string; name: Localized }>;
    }
  >;
  instruments: Array<{ key: string; name: Localized }>;
  abilities: { apply: boolean };
}

export interface InstrumentList {
  items: Array<{
    key: string;
    subject: SubjectType;
    name: Localized;
    versions: Array<{
      id: string;
      versionNumber: number;
      status: 'draft' | 'active' | 'superseded';
      createdAt: string;
      supersededAt: string | null;
      applications: number;
      dimensions: number;
      questions: number;
    }>;
  }>;
  abilities: { manage: boolean };
}

export interface Indicator {
  instrumentKey: string;
  topLevel: { id: string; label: Localized } | null;
  rows: Array<{
    officeId: string;
    officeName: string;
    programme: string;
    programmeName: string | null;
    households: number;
    atTopLevel: number;
    share: number | null;
    target: number | null;
  }>;
}

const subjectPath = (type: SubjectType, id: string) =>
  `/api/v1/${type === 'household' ? 'households' : 'persons'}/${id}/assessments`;

export const subjectApplicationsQuery = (type: SubjectType, id: string) =>
  queryOptions({
    queryKey: ['assessment', 'subject', type, id],
    queryFn: ({ signal }) => api.get<SubjectApplications>(subjectPath(type, id), { signal }),
  });

export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['assessment', 'application', id],
    queryFn: ({ signal }) => api.get<ApplicationWithInstrument>(`/api/v1/assessments/${id}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const instrumentsQuery = queryOptions({
  queryKey: ['assessment', 'instruments'],
  queryFn: ({ signal }) => api.get<InstrumentList>('/api/v1/assessment-instruments', { signal }),
});

export const indicatorQuery = (instrumentKey: string, language = 'es') =>
  queryOptions({
    queryKey: ['assessment', 'indicator', instrumentKey, language],
    queryFn: ({ signal }) =>
      api.get<Indicator>(`/api/v1/assessment-indicator?instrumentKey=${encodeURIComponent(instrumentKey)}`, {
        signal,
      }),
  });

/** A programme of the network's catalogue (`GET /api/v1/programmes`, the programmes module). */
export interface Programme {
  key: string;
  name: string;
  description: string | null;
  instrumentKey: string | null;
  active: boolean;
}

/** Active programmes, in the interface's language (names differ by language, hence the key). */
export const programmesQuery = (language: string) =>
  queryOptions({
    queryKey: ['programmes', language],
    queryFn: ({ signal }) => api.get<{ items: Programme[] }>('/api/v1/programmes', { signal }),
    staleTime: 30 * 60_000,
  });

/** Programmes that measure with this instrument (or with none named): those a target or application may name. */
export function programmesFor(programmes: Programme[] | undefined, instrumentKeys: string[]): Programme[] {
  return (programmes ?? []).filter(
    (programme) =>
      programme.active &&
      (programme.instrumentKey === null || instrumentKeys.includes(programme.instrumentKey)),
  );
}

export const assessmentApi = {
  start: (body: {
    subjectType: SubjectType;
    subjectId: string;
    instrumentKey?: string;
    respondent: 'caseworker' | 'with_household';
    programme?: string;
  }) => api.post<ApplicationWithInstrument>('/api/v1/assessments', body),
  save: (
    id: string,
    body: { version: number; answers: Record<string, string | null>; currentDimension?: number },
  ) => api.patch<Application>(`/api/v1/assessments/${id}`, body),
  complete: (id: string, body: { version: number; answers?: Record<string, string | null> }) =>
    api.post<Application>(`/api/v1/assessments/${id}/complete`, body),
  importInstrument: (definition: unknown) =>
    api.post<{ id: string }>('/api/v1/assessment-instruments', definition),
  supersede: (versionId: string) =>
    api.post<{ id: string }>(`/api/v1/assessment-instrument-versions/${versionId}/supersede`),
  setTarget: (body: { officeId: string; programme?: string; instrumentKey: string; targetShare: number }) =>
    api.put<null>('/api/v1/assessment-indicator/targets', body),
};

/** The label in the interface's language. */
export function localized(text: Localized | undefined, language: string): string {
  if (!text) return '';
  return language.startsWith('en') ? text.en : text.es;
}

/** Background of a filled level badge: the colour of `levelColor`, dark enough for white text (WCAG AA 4.5:1). */
export function levelFill(definitionLevels: Array<{ id: string }>, levelId: string | null): string {
  const dark: Record<string, string> = {
    red: 'red.9',
    orange: '#8a3a00',
    yellow: '#6b4800',
    teal: 'teal.9',
    green: '#1e6b2e',
    gray: 'gray.8',
  };
  return dark[levelColor(definitionLevels, levelId)] ?? 'gray.8';
}

/** Badge colour of a level by its rank: the lowest red, the top green. */
export function levelColor(definitionLevels: Array<{ id: string }>, levelId: string | null): string {
  const index = definitionLevels.findIndex((level) => level.id === levelId);
  const colours = ['red', 'orange', 'yellow', 'teal', 'green'];
  if (index < 0) return 'gray';
  if (index === definitionLevels.length - 1) return 'green';
  return colours[Math.min(index, colours.length - 2)] as string;
}
