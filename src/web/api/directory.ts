import { queryOptions } from '@tanstack/react-query';
import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_CODES,
  SERVICE_SEXES,
  SERVICE_STATUSES,
} from '../../domain/directory/taxonomy';
import { DOCUMENT_TYPES } from '../../domain/registry/document-types';
import { POPULATION_GROUPS } from '../../domain/registry/vocabulary';
import { api } from './client';

// The service directory (`src/modules/directory/schemas.ts`).

export {
  DOCUMENT_TYPES,
  POPULATION_GROUPS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_CODES,
  SERVICE_SEXES,
  SERVICE_STATUSES,
};
export type ServiceCategory = (typeof SERVICE_CATEGORY_CODES)[number];
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export interface OrganizationRef {
  id: string;
  name: string;
  shortName: string;
}

export interface NamedMunicipality {
  code: string;
  name: string;
}

export interface Schedule {
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
}

export interface Contact {
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
}

export interface ServiceSummary {
  id: string;
  name: string;
  category: ServiceCategory;
  dimension: string;
  status: ServiceStatus;
  organization: OrganizationRef;
  municipalityCodes: string[];
  locationMunicipalities: NamedMunicipality[];
  acceptanceDays: number;
  completionDays: number | null;
  capacityPerMonth: number | null;
  updatedAt: string;
}

export interface ServiceLocation {
  id: string;
  locationId: string;
  name: string;
  description: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  latitude: number | null;
  longitude: number | null;
  schedules: Schedule[];
  locationSchedules: Schedule[];
}

export interface ServiceDetail {
  id: string;
  organization: OrganizationRef;
  name: string;
  alternateName: string | null;
  description: string | null;
  category: ServiceCategory;
  dimension: string;
  status: ServiceStatus;
  url: string | null;
  email: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  populationGroups: string[];
  sexes: string[];
  requiredDocuments: string[];
  municipalityCodes: string[];
  municipalities: NamedMunicipality[];
  languages: string[];
  capacityPerMonth: number | null;
  acceptanceDays: number;
  completionDays: number | null;
  locations: ServiceLocation[];
  schedules: Schedule[];
  contacts: Contact[];
  version: number;
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
}

export interface ScheduleInput {
  byday: string;
  opensAt: string;
  closesAt: string;
  description?: string | null;
}

export interface ServiceInput {
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  category: string;
  status: ServiceStatus;
  url: string | null;
  email: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  populationGroups: string[];
  sexes: string[];
  requiredDocuments: string[];
  municipalityCodes: string[];
  languages: string[];
  capacityPerMonth: number | null;
  acceptanceDays: number;
  completionDays: number | null;
  locations: Array<{ locationId: string; description: string | null; schedules: ScheduleInput[] }>;
  schedules: ScheduleInput[];
  contacts: Contact[];
}

export interface LocationSummary {
  id: string;
  organization: OrganizationRef;
  name: string;
  address1: string | null;
  city: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  serviceCount: number;
  version: number;
}

export interface LocationDetail {
  id: string;
  organization: OrganizationRef;
  name: string;
  alternateName: string | null;
  description: string | null;
  transportation: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  stateProvince: string | null;
  postalCode: string | null;
  country: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  latitude: number | null;
  longitude: number | null;
  schedules: Schedule[];
  services: Array<{ id: string; name: string; category: ServiceCategory; status: ServiceStatus }>;
  version: number;
  updatedAt: string;
  canEdit: boolean;
}

export interface LocationInput {
  organizationId: string;
  name: string;
  description: string | null;
  transportation: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
  schedules: ScheduleInput[];
}

export interface OrganizationProfile {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  description: string | null;
  email: string | null;
  website: string | null;
  contacts: Contact[];
  serviceCount: number;
  activeServiceCount: number;
  locationCount: number;
  version: number;
  canEdit: boolean;
}

export interface ServiceSearch {
  q?: string;
  category?: string;
  municipality?: string;
  organizationId?: string;
  status?: string;
  page?: number;
}

export const DIRECTORY_PAGE_SIZE = 20;

export const directoryServicesQuery = (search: ServiceSearch) =>
  queryOptions({
    queryKey: ['directory', 'services', search],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ pageSize: String(DIRECTORY_PAGE_SIZE) });
      for (const [key, value] of Object.entries(search)) if (value) params.set(key, String(value));
      return api.get<{ items: ServiceSummary[]; total: number }>(`/api/v1/directory/services?${params}`, {
        signal,
      });
    },
  });

export const directoryServiceQuery = (id: string) =>
  queryOptions({
    queryKey: ['directory', 'service', id],
    queryFn: ({ signal }) => api.get<ServiceDetail>(`/api/v1/directory/services/${id}`, { signal }),
  });

export const directoryLocationsQuery = (organizationId?: string) =>
  queryOptions({
    queryKey: ['directory', 'locations', organizationId ?? ''],
    queryFn: ({ signal }) =>
      api.get<{ items: LocationSummary[] }>(
        `/api/v1/directory/locations${organizationId ? `?organizationId=${organizationId}` : ''}`,
        { signal },
      ),
  });

export const directoryLocationQuery = (id: string) =>
  queryOptions({
    queryKey: ['directory', 'location', id],
    queryFn: ({ signal }) => api.get<LocationDetail>(`/api/v1/directory/locations/${id}`, { signal }),
  });

export const directoryOrganizationsQuery = queryOptions({
  queryKey: ['directory', 'organizations'],
  queryFn: ({ signal }) =>
    api.get<{ items: OrganizationProfile[] }>('/api/v1/directory/organizations', { signal }),
});

export const directoryApi = {
  createService: (input: ServiceInput) => api.post<ServiceDetail>('/api/v1/directory/services', input),
  updateService: (id: string, input: ServiceInput & { version: number }) =>
    api.put<ServiceDetail>(`/api/v1/directory/services/${id}`, input),
  createLocation: (input: LocationInput) => api.post<LocationDetail>('/api/v1/directory/locations', input),
  updateLocation: (id: string, input: LocationInput & { version: number }) =>
    api.put<LocationDetail>(`/api/v1/directory/locations/${id}`, input),
  updateProfile: (
    id: string,
    input: {
      description: string | null;
      email: string | null;
      website: string | null;
      contacts: Contact[];
      version: number;
    },
  ) => api.put<OrganizationProfile>(`/api/v1/directory/organizations/${id}/profile`, input),
};

/** Roles that may edit some directory entries (a focal point only its own organization's). */
export const canEditDirectory = (role: string) =>
  role === 'network_admin' || role === 'office_coordinator' || role === 'partner_focal_point';
