import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';

// The public service finder (`src/modules/finder/schemas.ts`: PublicService, PublicServicePage). No session.

export interface FinderMunicipality {
  code: string;
  name: string;
  departmentName: string;
}

export interface FinderSchedule {
  days: string[];
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
}

export interface FinderContact {
  department: string | null;
  phone: string | null;
  email: string | null;
}

export interface FinderLocation {
  name: string;
  address: string | null;
  transportation: string | null;
  municipality: FinderMunicipality | null;
  schedules: FinderSchedule[];
  contacts: FinderContact[];
}

export interface FinderService {
  id: string;
  name: string;
  description: string | null;
  category: { code: string; name: string };
  need: { code: string; name: string };
  reach: 'local' | 'national' | 'area';
  organization: { name: string; website: string | null; email: string | null };
  url: string | null;
  email: string | null;
  applicationProcess: string | null;
  fees: string | null;
  eligibility: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  requiredDocuments: string[];
  languages: string[];
  areaServed: FinderMunicipality[];
  locations: FinderLocation[];
  schedules: FinderSchedule[];
  contacts: FinderContact[];
}

export interface FinderPage {
  items: FinderService[];
  page: number;
  pageSize: number;
  total: number;
}

export interface FinderSearch {
  need?: string[];
  category?: string;
  municipality?: string;
  q?: string;
  page?: number;
}

function searchParams(search: FinderSearch): string {
  const params = new URLSearchParams();
  if (search.need?.length) params.set('need', search.need.join(','));
  if (search.category) params.set('category', search.category);
  if (search.municipality) params.set('municipality', search.municipality);
  if (search.q) params.set('q', search.q);
  if (search.page && search.page > 1) params.set('page', String(search.page));
  return params.toString();
}

export const finderSearchQuery = (search: FinderSearch, language: string) =>
  queryOptions({
    queryKey: ['finder', 'services', language, searchParams(search)],
    queryFn: ({ signal }) =>
      api.get<FinderPage>(`/api/v1/public/services?${searchParams(search)}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const finderServiceQuery = (id: string, municipality: string | undefined, language: string) =>
  queryOptions({
    queryKey: ['finder', 'service', language, id, municipality ?? ''],
    queryFn: ({ signal }) =>
      api.get<FinderService>(
        `/api/v1/public/services/${encodeURIComponent(id)}${municipality ? `?municipality=${municipality}` : ''}`,
        { signal },
      ),
    staleTime: 60_000,
  });

export const finderMunicipalitiesQuery = (q: string) =>
  queryOptions({
    queryKey: ['finder', 'municipalities', q],
    queryFn: ({ signal }) =>
      api.get<{ items: FinderMunicipality[] }>(`/api/v1/public/municipalities?q=${encodeURIComponent(q)}`, {
        signal,
      }),
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
