import { queryOptions } from '@tanstack/react-query';
import { POPULATION_GROUPS } from '../../domain/registry/vocabulary';
import { api } from './client';
import { type MaternityInput, SEXES, WG_DOMAINS } from './people';

// The registry's API as the registration form and the merge screen use it (`src/modules/registry/schemas.ts`).

export const DOCUMENT_TYPES = ['CC', 'TI', 'RC', 'CE', 'PEP', 'PPT', 'PA', 'SC2', 'FOREIGN_ID'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const GENDER_IDENTITIES = [
  'woman',
  'man',
  'trans_woman',
  'trans_man',
  'non_binary',
  'other',
  'not_stated',
] as const;
export const ETHNIC_GROUPS = [
  'none',
  'indigenous',
  'afro_colombian',
  'raizal',
  'palenquero',
  'rom',
  'other',
  'not_stated',
] as const;
export const RETURN_TYPES = ['solidario', 'humanitario', 'laboral', 'productivo', 'none'] as const;
export type WgDomain = (typeof WG_DOMAINS)[number];

export interface DocumentInput {
  type: DocumentType;
  number: string;
  issuingCountry?: string | null;
}

export interface PersonCreate {
  officeId: string;
  givenName1: string;
  givenName2?: string | null;
  surname1: string;
  surname2?: string | null;
  preferredName?: string | null;
  sexAtBirth?: (typeof SEXES)[number] | null;
  genderIdentity?: (typeof GENDER_IDENTITIES)[number] | null;
  birthDate?: string | null;
  birthDateEstimated: boolean;
  nationalities: string[];
  populationGroup: (typeof POPULATION_GROUPS)[number];
  ethnicGroup?: (typeof ETHNIC_GROUPS)[number] | null;
  disability?: Partial<Record<WgDomain, number | null>> | null;
  maternity?: MaternityInput | null;
  languages: string[];
  phone?: string | null;
  email?: string | null;
  addressLine?: string | null;
  neighbourhood?: string | null;
  municipalityCode?: string | null;
  returnData?: {
    returnType?: (typeof RETURN_TYPES)[number] | null;
    rurRegistered?: boolean | null;
    arrivalDate?: string | null;
    arrivalMode?: 'air' | 'land' | null;
    arrivalPost?: string | null;
    returnedFromCountry?: string | null;
    yearsAbroad?: number | null;
    voluntary?: boolean | null;
  } | null;
  documents: DocumentInput[];
  acknowledgeDuplicates?: boolean;
}

export interface PersonDocument {
  id: string;
  type: DocumentType;
  number: string;
  issuingCountry: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface Person {
  id: string;
  displayName: string;
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  preferredName: string | null;
  sexAtBirth: string | null;
  birthDate: string | null;
  birthDateEstimated: boolean;
  nationalities: string[];
  previousResidenceCountry: string | null;
  populationGroup: string;
  languages: string[];
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  neighbourhood: string | null;
  municipalityCode: string | null;
  returnData: {
    returnType: string | null;
    rurRegistered: boolean | null;
    arrivalDate: string | null;
    arrivalMode: string | null;
    arrivalPost: string | null;
    returnedFromCountry: string | null;
    yearsAbroad: number | null;
    voluntary: boolean | null;
  };
  sensitive: {
    genderIdentity: string | null;
    ethnicGroup: string | null;
    disability: Record<WgDomain, number | null>;
    maternity:
      | (MaternityInput & { current: boolean; recordedAt: string | null; recordedBy: string | null })
      | null;
  } | null;
  documents: PersonDocument[];
  registeredOfficeId: string;
  officeIds: string[];
  version: number;
  abilities: { update: boolean; readSensitive: boolean };
}

export const MATCH_REASONS = [
  'sameDocument',
  'sameNumberOtherDocumentType',
  'sameName',
  'similarName',
  'sameBirthDate',
  'swappedDayMonth',
  'missingSecondSurname',
  'swappedSurnames',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** The match model's reasoning: each field's agreement level and weight (log2 m/u), adding up to the total. */
export interface MatchExplanation {
  priorWeight: number;
  totalWeight: number;
  probability: number;
  veto: boolean;
  fields: Array<{ field: string; label: string; weight: number; tfAdjustment: number }>;
}

export interface DuplicateCandidate {
  /** The probability rounded to two decimals. */
  score: number;
  probability: number;
  decision: 'same' | 'review';
  explanation: MatchExplanation | null;
  reasons: MatchReason[];
  /** Null when the match is in an office the caller does not work in: only the office is named. */
  person: { id: string; displayName: string; birthDate: string | null } | null;
  officeName: string;
}

export interface DuplicateCheck {
  givenName1: string;
  givenName2?: string | null;
  surname1: string;
  surname2?: string | null;
  birthDate?: string | null;
  sexAtBirth?: string | null;
  municipalityCode?: string | null;
  documents: Array<{ type: DocumentType; number: string }>;
}

export interface Consent {
  id: string;
  purpose: 'assistance' | 'sharing_with_partners' | 'contact' | 'anonymized_statistics';
  givenBy: 'self' | 'guardian';
  guardianName: string | null;
  method: string;
  grantedAt: string;
  revokedAt: string | null;
}

export const MERGEABLE_FIELDS = [
  'givenName1',
  'givenName2',
  'surname1',
  'surname2',
  'preferredName',
  'sexAtBirth',
  'genderIdentity',
  'birthDate',
  'nationalities',
  'previousResidenceCountry',
  'populationGroup',
  'ethnicGroup',
  'disability',
  'languages',
  'phone',
  'email',
  'address',
  'returnData',
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];
export const SENSITIVE_MERGE_FIELDS: readonly MergeableField[] = [
  'genderIdentity',
  'ethnicGroup',
  'disability',
];

export interface PersonSearchItem {
  id: string;
  displayName: string;
  birthDate: string | null;
  populationGroup: string;
  documents: Array<{ type: string; number: string }>;
}

export const registrationApi = {
  register: (body: PersonCreate) => api.post<Person>('/api/v1/persons', body),
  checkDuplicates: (body: DuplicateCheck, signal?: AbortSignal) =>
    api.post<{ candidates: DuplicateCandidate[] }>('/api/v1/persons/duplicate-check', body, { signal }),
  merge: (body: {
    survivorId: string;
    mergedId: string;
    survivorVersion: number;
    mergedVersion: number;
    takeFromMerged: MergeableField[];
  }) => api.post<{ mergeId: string; survivorId: string; mergedId: string }>('/api/v1/person-merges', body),
  undoMerge: (mergeId: string) =>
    api.post<{ survivorId: string; restoredId: string }>(`/api/v1/person-merges/${mergeId}/undo`),
};

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['person', id],
    queryFn: ({ signal }) => api.get<Person>(`/api/v1/persons/${id}`, { signal }),
  });

export const consentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['person', personId, 'consents'],
    queryFn: ({ signal }) =>
      api.get<{ items: Consent[] }>(`/api/v1/persons/${personId}/consents`, { signal }),
  });

export const personSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['persons', 'search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: PersonSearchItem[] }>(`/api/v1/persons?${new URLSearchParams({ q, limit: '10' })}`, {
        signal,
      }),
    enabled: q.trim().length >= 2,
  });

// Reference data (public, cached for the visit)

export interface NamedCode {
  code: string;
  name: string;
}

export interface DocumentTypeRule {
  code: DocumentType;
  charset: 'digits' | 'alphanumeric';
  minLength: number;
  maxLength: number;
  usualLengths?: number[];
}

export interface Municipality {
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
}

const REFERENCE_STALE = 60 * 60_000;

export const countriesQuery = (language: string) =>
  queryOptions({
    queryKey: ['reference', 'countries', language],
    queryFn: ({ signal }) => api.get<{ items: NamedCode[] }>('/api/v1/reference/countries', { signal }),
    staleTime: REFERENCE_STALE,
  });

export const documentTypesQuery = queryOptions({
  queryKey: ['reference', 'document-types'],
  queryFn: ({ signal }) =>
    api.get<{ items: DocumentTypeRule[] }>('/api/v1/reference/document-types', { signal }),
  staleTime: REFERENCE_STALE,
});

export const departmentsQuery = queryOptions({
  queryKey: ['reference', 'departments'],
  queryFn: ({ signal }) => api.get<{ items: NamedCode[] }>('/api/v1/reference/departments', { signal }),
  staleTime: REFERENCE_STALE,
});

export const municipalitiesQuery = (q: string) =>
  queryOptions({
    queryKey: ['reference', 'municipalities', q],
    queryFn: ({ signal }) =>
      api.get<{ items: Municipality[] }>(
        `/api/v1/reference/municipalities?${new URLSearchParams({ q, limit: '50' })}`,
        { signal },
      ),
    staleTime: REFERENCE_STALE,
    enabled: q.trim().length > 0,
  });

/** A calendar date (`YYYY-MM-DD`) spelt out, "5 de marzo de 1990", so day and month cannot be confused. */
export function formatCalendarDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
  );
}

export { POPULATION_GROUPS, SEXES, WG_DOMAINS };
