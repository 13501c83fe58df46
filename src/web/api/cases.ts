import { queryOptions } from '@tanstack/react-query';
import {
  ACTION_STATUSES,
  CASE_STATUSES,
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  NOTE_CONFIDENTIALITY,
  RESPONSIBLE_KINDS,
} from '../../domain/cases/vocabulary';
import type { ArrivalCategory, Task } from './arrivals';
import type { NeedDimension } from './characterization';
import { ApiError, api } from './client';

// The programmes and cases API (`src/modules/programmes/schemas.ts`, `src/modules/cases/schemas.ts`).

export {
  ACTION_STATUSES,
  CASE_STATUSES,
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  NOTE_CONFIDENTIALITY,
  RESPONSIBLE_KINDS,
};
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type NoteConfidentiality = (typeof NOTE_CONFIDENTIALITY)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];
export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

export interface Programme {
  key: string;
  name: string;
  description: string | null;
  requiresPlanApproval: boolean;
  requiresClosureApproval: boolean;
  active: boolean;
}

export interface Progress {
  done: number;
  total: number;
  percent: number;
}

export interface CaseSummary {
  id: string;
  subject: { type: 'person' | 'household'; id: string; name: string };
  programme: { key: string; name: string; requiresPlanApproval: boolean; requiresClosureApproval: boolean };
  office: { id: string; name: string };
  caseworker: { id: string; name: string };
  status: CaseStatus;
  planStatus: PlanStatus;
  progress: Progress;
  openedAt: string;
  lastActivityAt: string;
  closedAt: string | null;
  categories: ArrivalCategory[];
  version: number;
}

export interface NeedRef {
  id: string;
  dimension: NeedDimension;
  description: string;
  severity: string;
  status: string;
}

export interface CaseAction {
  id: string;
  goalId: string;
  description: string;
  responsible: {
    kind: ResponsibleKind;
    userId: string | null;
    organizationId: string | null;
    name: string | null;
  };
  dueOn: string | null;
  status: ActionStatus;
  overdue: boolean;
  completedAt: string | null;
}

export interface Goal {
  id: string;
  dimension: NeedDimension;
  description: string;
  status: 'open' | 'achieved' | 'not_achieved' | 'cancelled';
  needs: NeedRef[];
  actions: CaseAction[];
  progress: Progress;
}

export interface PendingApproval {
  id: string;
  subject: 'plan' | 'closure';
  requestedBy: string | null;
  requestedAt: string;
  closureReason: ClosureReason | null;
  closureOutcome: ClosureOutcome | null;
  note: string | null;
}

export interface PendingTransfer {
  id: string;
  toOffice: { id: string; name: string };
  reason: string;
  requestedBy: string | null;
  requestedAt: string;
}

export interface CaseDetail extends CaseSummary {
  holdReason: string | null;
  closure: { reason: ClosureReason | null; outcome: ClosureOutcome | null; note: string | null } | null;
  plan: { goals: Goal[] };
  needs: NeedRef[];
  pendingApprovals: PendingApproval[];
  pendingTransfer: PendingTransfer | null;
  assignableStaff: Array<{ id: string; name: string }>;
  abilities: {
    work: boolean;
    changePlan: boolean;
    submitPlan: boolean;
    decidePlan: boolean;
    decideClosure: boolean;
    hold: boolean;
    resume: boolean;
    requestClosure: boolean;
    reopen: boolean;
    reassign: boolean;
    transfer: boolean;
    writeNotes: boolean;
    setCategories: boolean;
  };
  /** Tasks the case's protocols created ("hoja de ruta"). */
  protocolTasks: Task[];
}

export interface CaseEvent {
  id: string;
  kind: string;
  actor: string | null;
  at: string;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface CaseNote {
  id: string;
  confidentiality: NoteConfidentiality;
  body: string;
  author: string;
  authorId: string;
  createdAt: string;
}

export interface CaseFilters {
  scope: 'mine' | 'office';
  status?: CaseStatus | 'working' | undefined;
  programme?: string | undefined;
}

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

export const programmesQuery = queryOptions({
  queryKey: ['programmes'],
  queryFn: ({ signal }) => api.get<{ items: Programme[] }>('/api/v1/programmes', { signal }),
  staleTime: 10 * 60_000,
});

export function casesPath(filters: CaseFilters, cursor?: string | null): string {
  const params = new URLSearchParams({ scope: filters.scope });
  if (filters.status) params.set('status', filters.status);
  if (filters.programme) params.set('programme', filters.programme);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/cases?${params}`;
}

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => api.get<CaseDetail>(casePath(id), { signal }),
    retry,
  });

export const caseHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'history', id],
    queryFn: ({ signal }) => api.get<{ items: CaseEvent[] }>(`${casePath(id)}/history`, { signal }),
    retry,
  });

export const caseNotesQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'notes', id],
    queryFn: ({ signal }) =>
      api.get<{ items: CaseNote[]; visibleLevels: NoteConfidentiality[] }>(`${casePath(id)}/notes`, {
        signal,
      }),
    retry,
  });

export const subjectCasesQuery = (type: 'person' | 'household', id: string) =>
  queryOptions({
    queryKey: ['cases', type, id],
    queryFn: ({ signal }) =>
      api.get<{ items: CaseSummary[]; abilities: { open: boolean } }>(
        `/api/v1/${type === 'person' ? 'persons' : 'households'}/${encodeURIComponent(id)}/cases`,
        { signal },
      ),
    retry,
  });

export const pendingApprovalsQuery = queryOptions({
  queryKey: ['cases', 'pending-approvals'],
  queryFn: ({ signal }) =>
    api.get<{
      approvals: Array<CaseSummary & { approval: PendingApproval }>;
      transfers: Array<CaseSummary & { transfer: PendingTransfer }>;
    }>('/api/v1/cases/pending-approvals', { signal }),
  retry,
});

export const casesApi = {
  open: (body: {
    personId?: string;
    householdId?: string;
    programmeKey: string;
    categories?: ArrivalCategory[];
  }) => api.post<CaseDetail>('/api/v1/cases', body),
  transition: (
    id: string,
    body: {
      version: number;
      action: 'hold' | 'resume' | 'requestClosure' | 'reopen';
      reason?: string | null;
      closureReason?: ClosureReason | null;
      closureOutcome?: ClosureOutcome | null;
    },
  ) => api.post<CaseDetail>(`${casePath(id)}/transitions`, body),
  submitPlan: (id: string, version: number) =>
    api.post<CaseDetail>(`${casePath(id)}/plan/submit`, { version }),
  decide: (
    id: string,
    body: {
      version: number;
      subject: 'plan' | 'closure';
      decision: 'approve' | 'reject';
      reason?: string | null;
    },
  ) => api.post<CaseDetail>(`${casePath(id)}/decisions`, body),
  setCategories: (id: string, body: { version: number; categories: ArrivalCategory[] }) =>
    api.put<CaseDetail>(`${casePath(id)}/categories`, body),
  reassign: (id: string, body: { version: number; caseworkerId: string; reason?: string | null }) =>
    api.post<CaseDetail>(`${casePath(id)}/reassign`, body),
  requestTransfer: (id: string, body: { version: number; toOfficeId: string; reason: string }) =>
    api.post<CaseDetail>(`${casePath(id)}/transfer`, body),
  decideTransfer: (
    id: string,
    body: { version: number; decision: 'accept' | 'refuse'; reason?: string | null },
  ) =>
    api.post<{ decision: string; caseId: string; officeId: string }>(
      `${casePath(id)}/transfer/decision`,
      body,
    ),
  addGoal: (
    id: string,
    body: { version: number; dimension: NeedDimension; description: string; needIds: string[] },
  ) => api.post<CaseDetail>(`${casePath(id)}/goals`, body),
  addAction: (
    id: string,
    body: {
      version: number;
      goalId: string;
      description: string;
      responsible: { kind: ResponsibleKind; organizationId?: string | null };
      dueOn?: string | null;
    },
  ) => api.post<CaseDetail>(`${casePath(id)}/actions`, body),
  updateGoal: (id: string, goalId: string, body: { version: number; status: Goal['status'] }) =>
    api.patch<CaseDetail>(`${casePath(id)}/goals/${encodeURIComponent(goalId)}`, body),
  updateAction: (id: string, actionId: string, body: { version: number; status: ActionStatus }) =>
    api.patch<CaseDetail>(`${casePath(id)}/actions/${encodeURIComponent(actionId)}`, body),
  addNote: (id: string, body: { confidentiality: NoteConfidentiality; body: string }) =>
    api.post<CaseNote>(`${casePath(id)}/notes`, body),
};
