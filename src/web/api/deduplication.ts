import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export type DedupStatus = 'queued' | 'running' | 'cancelling' | 'cancelled' | 'failed' | 'completed';
export type DedupStage = 'queued' | 'loading' | 'blocking' | 'training' | 'scoring' | 'writing' | 'done';
export type PairStatus = 'pending' | 'same' | 'different' | 'unsure';

/** The stages a run goes through, in order: the progress bar counts them. */
export const DEDUP_STAGES: readonly DedupStage[] = [
  'queued',
  'loading',
  'blocking',
  'training',
  'scoring',
  'writing',
  'done',
];

export interface DedupRun {
  id: string;
  scope: 'registry' | 'import';
  wholeRegistry: boolean;
  importJob: { id: string; fileName: string } | null;
  status: DedupStatus;
  stage: DedupStage;
  progress: { done: number; total: number };
  counts: { persons: number; candidates: number; same: number; review: number; refused: number };
  errorCode: string | null;
  startedBy: { id: string; displayName: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  abilities: { cancel: boolean; resume: boolean; review: boolean };
}

export interface DedupRunList {
  items: DedupRun[];
  imports: Array<{ id: string; fileName: string; finishedAt: string | null; createdRows: number }>;
  abilities: { start: boolean; wholeRegistry: boolean };
}

export interface DedupPairSummary {
  id: string;
  probability: number;
  weight: number;
  decisionClass: 'same' | 'review';
  veto: boolean;
  status: PairStatus;
  persons: Array<{ id: string; displayName: string; birthDate: string | null }>;
}

export interface DedupPairList {
  run: DedupRun;
  counts: {
    pending: number;
    same: number;
    different: number;
    unsure: number;
    probablySame: number;
    toReview: number;
  };
  items: DedupPairSummary[];
  nextCursor: string | null;
}

export interface DedupPairPerson {
  id: string;
  displayName: string;
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  birthDate: string | null;
  sexAtBirth: string | null;
  municipality: { code: string; name: string } | null;
  documents: Array<{ type: string; number: string }>;
  offices: Array<{ id: string; name: string }>;
  merged: boolean;
  version: number;
}

export interface DedupPair {
  id: string;
  runId: string;
  status: PairStatus;
  version: number;
  decisionClass: 'same' | 'review';
  probability: number;
  weight: number;
  veto: boolean;
  note: string | null;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  persons: [DedupPairPerson, DedupPairPerson];
  explanation: {
    priorWeight: number;
    totalWeight: number;
    probability: number;
    veto: boolean;
    fields: Array<{ field: string; level: number; label: string; weight: number; tfAdjustment: number }>;
  };
  thresholds: { same: number; review: number };
  abilities: { decide: boolean; merge: boolean };
}

export interface DedupThresholds {
  active: {
    same: number;
    review: number;
    source: 'run' | 'thresholds' | 'default';
    createdAt: string | null;
  };
  suggestion: {
    same: number | null;
    review: number | null;
    decided: number;
    decidedSame: number;
    decidedDifferent: number;
    atOrAboveSame: { total: number; same: number };
    belowReview: number;
  };
  abilities: { apply: boolean };
}

export const isActive = (run: DedupRun) =>
  run.status === 'queued' || run.status === 'running' || run.status === 'cancelling';

export const dedupRunsQuery = queryOptions({
  queryKey: ['deduplication', 'runs'],
  queryFn: ({ signal }) => api.get<DedupRunList>('/api/v1/deduplication/runs', { signal }),
});

export const dedupRunQuery = (id: string) =>
  queryOptions({
    queryKey: ['deduplication', 'runs', id],
    queryFn: ({ signal }) => api.get<DedupRun>(`/api/v1/deduplication/runs/${id}`, { signal }),
    // Poll while the run works: the progress bar follows its stage and the pairs written.
    refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? 700 : false),
  });

export const dedupPairsQuery = (runId: string, status: PairStatus | 'all', cursor: string | null) =>
  queryOptions({
    queryKey: ['deduplication', 'runs', runId, 'pairs', status, cursor],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (status !== 'all') params.set('status', status);
      if (cursor) params.set('cursor', cursor);
      return api.get<DedupPairList>(`/api/v1/deduplication/runs/${runId}/pairs?${params}`, { signal });
    },
  });

export const dedupPairQuery = (id: string) =>
  queryOptions({
    queryKey: ['deduplication', 'pairs', id],
    queryFn: ({ signal }) => api.get<DedupPair>(`/api/v1/deduplication/pairs/${id}`, { signal }),
  });

export const dedupThresholdsQuery = queryOptions({
  queryKey: ['deduplication', 'thresholds'],
  queryFn: ({ signal }) => api.get<DedupThresholds>('/api/v1/deduplication/thresholds', { signal }),
});

export const startDedupRun = (input: { scope: 'registry' | 'import'; importJobId?: string | null }) =>
  api.post<DedupRun>('/api/v1/deduplication/runs', input);

export const cancelDedupRun = (id: string) => api.post<DedupRun>(`/api/v1/deduplication/runs/${id}/cancel`);

export const resumeDedupRun = (id: string) => api.post<DedupRun>(`/api/v1/deduplication/runs/${id}/resume`);

export const decideDedupPair = (
  id: string,
  input: { decision: 'same' | 'different' | 'unsure'; note?: string | null; version: number },
) => api.post<DedupPair>(`/api/v1/deduplication/pairs/${id}/decision`, input);

export const applyDedupThresholds = (input: { same: number; review: number }) =>
  api.put<DedupThresholds>('/api/v1/deduplication/thresholds', input);
