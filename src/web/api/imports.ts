import { queryOptions } from '@tanstack/react-query';
import { IMPORT_FIELDS } from '../../domain/registry/import/mapping';
import { POPULATION_GROUPS } from '../../domain/registry/vocabulary';
import { api } from './client';
import type { DuplicateCandidate } from './registration';

export type ImportField = (typeof IMPORT_FIELDS)[number];

export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

export type ImportStatus = 'draft' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ImportMode = 'allOrNothing' | 'skipInvalid';

export interface ImportJob {
  id: string;
  officeId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: ImportStatus;
  mode: ImportMode | null;
  columns: string[];
  mapping: Array<ImportField | null>;
  defaultPopulationGroup: PopulationGroup | null;
  totalRows: number;
  processedRows: number;
  createdRows: number;
  matchedRows: number;
  skippedRows: number;
  rejectedRows: number;
  flaggedRows: number;
  errorCode: string | null;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportUpload {
  job: ImportJob;
  mappingSource: 'saved' | 'suggested';
  samples: string[][];
}

export interface ImportPreview {
  job: ImportJob;
  totalRows: number;
  invalidRows: number;
  rows: Array<{
    rowNumber: number;
    cells: string[];
    person: {
      displayName: string;
      birthDate: string | null;
      documents: string[];
      populationGroup: string;
    } | null;
    errors: Array<{ field: string; message: string }>;
    candidates: DuplicateCandidate[];
  }>;
}

export const isRunning = (job: ImportJob) => job.status === 'queued' || job.status === 'running';

export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<ImportJob>(`/api/v1/imports/${id}`, { signal }),
    // Poll while the job runs: the progress bar follows the rows processed.
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data) ? 500 : false),
  });

export const recentImportsQuery = queryOptions({
  queryKey: ['imports', 'recent'],
  queryFn: ({ signal }) => api.get<{ items: ImportJob[] }>('/api/v1/imports?limit=20', { signal }),
});

export function uploadImport(officeId: string, file: File) {
  const params = new URLSearchParams({ officeId, fileName: file.name });
  const xlsx = /\.xlsx$/i.test(file.name);
  return api.post<ImportUpload>(`/api/v1/imports?${params}`, undefined, {
    file: {
      data: file,
      contentType: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    },
  });
}

export const errorFileUrl = (id: string) => `/api/v1/imports/${id}/errors`;

export { IMPORT_FIELDS, POPULATION_GROUPS };
