import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

/** `GET /api/health`: answered with 200 when the database is reachable and 503 when it is not. */
export interface Health {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; engine: 'pglite' | 'postgres' };
  schemaVersion: string | null;
  version: string;
}

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) => api.get<Health>('/api/health', { signal, acceptStatuses: [503] }),
  staleTime: 30_000,
});
