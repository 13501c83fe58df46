import { queryOptions } from '@tanstack/react-query';
import { POPULATION_GROUPS } from '../../domain/registry/vocabulary';
import { api } from './client';

// Programme administration (`src/modules/programmes/schemas.ts`: ProgrammeRecord, ProgrammeCreate, ProgrammeUpdate).

export { POPULATION_GROUPS };
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

export interface ProgrammeRecord {
  key: string;
  name: { es: string; en: string };
  description: { es: string | null; en: string | null };
  organizationId: string | null;
  requiresPlanApproval: boolean;
  requiresClosureApproval: boolean;
  instrumentKey: string | null;
  populationGroups: PopulationGroup[];
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProgrammeFields {
  name: { es: string; en: string };
  description: { es: string | null; en: string | null };
  organizationId: string | null;
  requiresPlanApproval: boolean;
  requiresClosureApproval: boolean;
  instrumentKey: string | null;
  populationGroups: PopulationGroup[];
  active: boolean;
}

export const programmeRecordsQuery = queryOptions({
  queryKey: ['programmes', 'admin'],
  queryFn: ({ signal }) => api.get<{ items: ProgrammeRecord[] }>('/api/v1/admin/programmes', { signal }),
});

export const programmesAdminApi = {
  create: (input: ProgrammeFields & { key: string }) =>
    api.post<ProgrammeRecord>('/api/v1/programmes', input),
  update: (key: string, input: ProgrammeFields & { version: number }) =>
    api.patch<ProgrammeRecord>(`/api/v1/programmes/${encodeURIComponent(key)}`, input),
};
