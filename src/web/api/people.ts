import { queryOptions } from '@tanstack/react-query';
import { CONSENT_PURPOSES, POPULATION_GROUPS, RELATIONSHIPS } from '../../domain/registry/vocabulary';
import { ApiError, api } from './client';

// The registry's API as the people list, the person page and the household page use it
// (`src/modules/registry/schemas.ts`).

export type PopulationGroup = (typeof POPULATION_GROUPS)[number];
export const SEXES = ['female', 'male', 'intersex', 'not_stated'] as const;
export type Sex = (typeof SEXES)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];
export const WG_DOMAINS = ['seeing', 'hearing', 'walking', 'cognition', 'selfCare', 'communication'] as const;

/** Pregnancy or lactation as sent (`src/domain/registry/maternity.ts`). */
export interface MaternityInput {
  status: 'pregnant' | 'lactating';
  since: string | null;
  until: string | null;
  untilEstimated: boolean;
}

export interface PersonDocument {
  id: string;
  type: string;
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
  sexAtBirth: Sex | null;
  birthDate: string | null;
  birthDateEstimated: boolean;
  nationalities: string[];
  previousResidenceCountry: string | null;
  populationGroup: PopulationGroup;
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
  /** Present only for roles that may read sensitive data. */
  sensitive: {
    genderIdentity: string | null;
    ethnicGroup: string | null;
    disability: Record<(typeof WG_DOMAINS)[number], number | null>;
    /** Health data; `current` tells whether it counts today. */
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

export interface PersonListItem {
  id: string;
  displayName: string;
  birthDate: string | null;
  sexAtBirth: Sex | null;
  populationGroup: PopulationGroup;
  phone: string | null;
  municipalityCode: string | null;
  registeredOfficeId: string;
  documents: Array<{ type: string; number: string }>;
  rank: number;
}

export interface PersonPage {
  items: PersonListItem[];
  nextCursor: number | null;
}

export interface PeopleFilters {
  q?: string | undefined;
  populationGroup?: string | undefined;
  officeId?: string | undefined;
  municipalityCode?: string | undefined;
  sexAtBirth?: string | undefined;
  ageFrom?: string | undefined;
  ageTo?: string | undefined;
}

export const PEOPLE_FILTERS = [
  'q',
  'populationGroup',
  'officeId',
  'municipalityCode',
  'sexAtBirth',
  'ageFrom',
  'ageTo',
] as const satisfies ReadonlyArray<keyof PeopleFilters>;

export const PEOPLE_PAGE_SIZE = 25;

export function peoplePath(filters: PeopleFilters, cursor?: number | null, limit = PEOPLE_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const key of PEOPLE_FILTERS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', String(cursor));
  params.set('limit', String(limit));
  return `/api/v1/persons?${params}`;
}

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'one', id],
    queryFn: ({ signal }) => api.get<Person>(`/api/v1/persons/${encodeURIComponent(id)}`, { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export interface TimelineEntry {
  id: string;
  at: string;
  kind:
    | 'registered'
    | 'updated'
    | 'sensitiveRead'
    | 'consentGiven'
    | 'consentRevoked'
    | 'merged'
    | 'mergeUndone'
    | 'joinedHousehold'
    | 'leftHousehold'
    | 'other';
  action: string;
  actor: { name: string | null; role: string | null };
  fields: Array<{ field: string; sensitive: boolean; before: unknown; after: unknown }>;
  documents: Array<{ type: string; number: string }>;
  consent: { purpose: string; givenBy: string | null; method: string | null } | null;
  household: { id: string; relationship: string | null } | null;
  merge: { mergeId: string | null; otherPersonId: string | null } | null;
}

export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}

export function timelinePath(id: string, includeReads: boolean, cursor?: string | null): string {
  const params = new URLSearchParams({ limit: '20' });
  if (includeReads) params.set('includeReads', 'true');
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/persons/${encodeURIComponent(id)}/timeline?${params}`;
}

export interface Consent {
  id: string;
  purpose: ConsentPurpose;
  givenBy: 'self' | 'guardian';
  guardianName: string | null;
  method: 'written' | 'verbal' | 'digital';
  grantedAt: string;
  revokedAt: string | null;
}

export const consentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'consents', personId],
    queryFn: ({ signal }) =>
      api.get<{ items: Consent[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/consents`, { signal }),
  });

export interface PersonHousehold {
  householdId: string;
  relationship: Relationship;
  joinedOn: string;
  leftOn: string | null;
}

export const personHouseholdsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['people', 'households', personId],
    queryFn: ({ signal }) =>
      api.get<{ items: PersonHousehold[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/households`, {
        signal,
      }),
  });

export interface HouseholdMember {
  personId: string;
  displayName: string;
  relationship: Relationship;
  joinedOn: string;
}

export interface Household {
  id: string;
  addressLine: string | null;
  neighbourhood: string | null;
  municipalityCode: string | null;
  registeredOfficeId: string;
  version: number;
  members: HouseholdMember[];
  formerMembers: Array<HouseholdMember & { leftOn: string }>;
  composition: {
    members: number;
    childrenUnder5: number;
    schoolAge: number;
    olderAdults: number;
    withDisability: number;
    unknownAge: number;
    /** Null for roles that may not read health data. */
    pregnantOrLactating: number | null;
  };
}

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: ['households', id],
    queryFn: ({ signal }) => api.get<Household>(`/api/v1/households/${encodeURIComponent(id)}`, { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export interface Municipality {
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
}

/** DIVIPOLA names change almost never: one look-up per code and visit. */
export const municipalityQuery = (code: string) =>
  queryOptions({
    queryKey: ['reference', 'municipality', code],
    queryFn: async ({ signal }) => {
      const { items } = await api.get<{ items: Municipality[] }>(
        `/api/v1/reference/municipalities?${new URLSearchParams({ q: code, limit: '1' })}`,
        { signal },
      );
      return items.find((item) => item.code === code) ?? null;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });

export function searchMunicipalities(q: string, signal?: AbortSignal) {
  return api.get<{ items: Municipality[] }>(
    `/api/v1/reference/municipalities?${new URLSearchParams({ q, limit: '10' })}`,
    { signal },
  );
}

export type PersonUpdateInput = Partial<
  Pick<
    Person,
    | 'givenName1'
    | 'givenName2'
    | 'surname1'
    | 'surname2'
    | 'preferredName'
    | 'sexAtBirth'
    | 'birthDate'
    | 'populationGroup'
    | 'phone'
    | 'email'
    | 'addressLine'
    | 'neighbourhood'
  >
> & { version: number; maternity?: MaternityInput | null };

export const peopleApi = {
  update: (id: string, input: PersonUpdateInput) => api.patch<Person>(`/api/v1/persons/${id}`, input),
  recordConsent: (
    personId: string,
    input: {
      purpose: ConsentPurpose;
      givenBy: 'self' | 'guardian';
      guardianName?: string | null;
      method: Consent['method'];
    },
  ) => api.post<Consent>(`/api/v1/persons/${personId}/consents`, input),
  revokeConsent: (personId: string, consentId: string) =>
    api.post<Consent>(`/api/v1/persons/${personId}/consents/${consentId}/revoke`),
  addMember: (householdId: string, input: { personId: string; relationship: Relationship }) =>
    api.post<Household>(`/api/v1/households/${householdId}/members`, input),
  removeMember: (householdId: string, personId: string) =>
    api.delete<Household>(`/api/v1/households/${householdId}/members/${personId}`),
};

/** The problem a merged-away record answers (410): where the person's record is now. */
export function mergedInto(error: unknown): string | null {
  if (error instanceof ApiError && error.type === 'urn:ruta:problem:merged-person') {
    return typeof error.problem.mergedInto === 'string' ? error.problem.mergedInto : null;
  }
  return null;
}

/** Whole years between a birth date (YYYY-MM-DD) and today. */
export function ageOf(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const ty = today.getFullYear();
  const tm = today.getMonth() + 1;
  const td = today.getDate();
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export { CONSENT_PURPOSES, POPULATION_GROUPS, RELATIONSHIPS };
