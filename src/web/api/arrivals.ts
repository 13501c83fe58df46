import { queryOptions } from '@tanstack/react-query';
import { ANNOUNCERS, ARRIVAL_CATEGORIES, PROVISIONS } from '../../domain/assistance/vocabulary';
import { api } from './client';
import type { PopulationGroup } from './people';
import type { DocumentType } from './registration';

// Tasks, arrivals and protocols (`src/modules/tasks/schemas.ts`, `src/modules/assistance/schemas.ts`).

export { ANNOUNCERS, ARRIVAL_CATEGORIES, PROVISIONS };
export type ArrivalCategory = (typeof ARRIVAL_CATEGORIES)[number];
export type Provision = (typeof PROVISIONS)[number];
export type Announcer = (typeof ANNOUNCERS)[number];
export type ArrivalStatus = 'announced' | 'received' | 'no_show';
export type DueState = 'overdue' | 'due_soon' | 'today' | 'upcoming' | 'no_due' | 'closed';
export type TaskStatus = 'open' | 'done' | 'cancelled';
export type Timeliness = 'on_time' | 'late' | 'pending' | 'overdue' | 'cancelled';

export interface Bilingual {
  es: string;
  en: string;
}

export interface Task {
  id: string;
  officeId: string;
  title: string;
  stepTitle: Bilingual | null;
  personId: string | null;
  caseId: string | null;
  arrivalId: string | null;
  assignee: { id: string; displayName: string } | null;
  dueAt: string | null;
  status: TaskStatus;
  dueState: DueState;
  completedBy: { id: string; displayName: string } | null;
  completedAt: string | null;
  protocol: { category: ArrivalCategory; stepId: string; timeliness: Timeliness } | null;
  createdAt: string;
  version: number;
}

export interface MyWork {
  now: string;
  overdue: Task[];
  today: Task[];
  upcoming: Task[];
}

export interface OfficeOverview {
  officeId: string;
  now: string;
  staff: Array<{
    id: string;
    displayName: string;
    role: string;
    openTasks: number;
    overdueTasks: number;
    openCases: number | null;
  }>;
  unassigned: { openTasks: number; overdueTasks: number; openCases: number | null };
  overdue: Task[];
  inactiveCases: Array<{
    id: string;
    subject: string;
    caseworker: string | null;
    programme: string | null;
    lastActivityAt: string;
  }> | null;
}

export interface Arrival {
  id: string;
  officeId: string;
  officeName: string;
  kind: 'announced' | 'found';
  announcedBy: Announcer | null;
  expectedAt: string | null;
  transport: 'air' | 'land';
  flightOrCrossing: string | null;
  originCountry: string | null;
  travellerName: string | null;
  travellerDocument: string | null;
  personId: string | null;
  categories: ArrivalCategory[];
  provided: Provision[];
  shelterPlace: string | null;
  notes: string | null;
  status: ArrivalStatus;
  receivedAt: string | null;
  receivedBy: { id: string; displayName: string } | null;
  createdAt: string;
  version: number;
  openTasks: number;
}

export interface ArrivalDetail extends Arrival {
  tasks: Task[];
  plannedSteps: Array<{
    category: ArrivalCategory;
    stepId: string;
    title: Bilingual;
    dueOffsetMinutes: number;
  }>;
  abilities: { update: boolean; receive: boolean };
}

export interface ArrivalBoard {
  officeId: string;
  date: string;
  items: Arrival[];
  counts: { announced: number; received: number; noShow: number };
}

/** A traveller registered with the arrival: the registry's fields (its duplicate check applies). */
export interface NewTraveller {
  givenName1: string;
  givenName2?: string | null;
  surname1: string;
  surname2?: string | null;
  birthDate?: string | null;
  populationGroup: PopulationGroup;
  documents: Array<{ type: DocumentType; number: string }>;
  acknowledgeDuplicates?: boolean;
}

export interface ArrivalCreate {
  officeId: string;
  kind: 'announced' | 'found';
  announcedBy?: Announcer | null;
  expectedAt?: string | null;
  transport: 'air' | 'land';
  flightOrCrossing?: string | null;
  travellerName?: string | null;
  travellerDocument?: string | null;
  personId?: string | null;
  newPerson?: NewTraveller | null;
  categories: ArrivalCategory[];
  provided: Provision[];
  shelterPlace?: string | null;
}

export interface ArrivalReceive {
  version: number;
  personId?: string | null;
  newPerson?: NewTraveller | null;
  categories?: ArrivalCategory[];
  provided?: Provision[];
  shelterPlace?: string | null;
}

export interface ProtocolStep {
  id: string;
  title: Bilingual;
  dueOffsetMinutes: number;
}

export interface Protocol {
  id: string;
  category: ArrivalCategory;
  version: number;
  name: Bilingual;
  steps: ProtocolStep[];
  updatedAt: string;
  updatedBy: string | null;
}

interface Counts {
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  cancelled: number;
}

export interface ProtocolReport {
  from: string;
  to: string;
  items: Array<
    Counts & {
      category: ArrivalCategory;
      name: Bilingual;
      steps: Array<Counts & { stepId: string; title: Bilingual | null }>;
    }
  >;
}

export const myWorkQuery = queryOptions({
  queryKey: ['tasks', 'my-work'],
  queryFn: ({ signal }) => api.get<MyWork>('/api/v1/my-work', { signal }),
  refetchInterval: 60_000,
});

export const officeOverviewQuery = (officeId: string) =>
  queryOptions({
    queryKey: ['tasks', 'office', officeId],
    queryFn: ({ signal }) => api.get<OfficeOverview>(`/api/v1/offices/${officeId}/work-overview`, { signal }),
  });

export const arrivalBoardQuery = (officeId: string | undefined, date?: string) =>
  queryOptions({
    queryKey: ['arrivals', 'board', officeId, date ?? 'today'],
    queryFn: ({ signal }) =>
      api.get<ArrivalBoard>(
        `/api/v1/arrivals?${new URLSearchParams({
          ...(officeId ? { officeId } : {}),
          ...(date ? { date } : {}),
        })}`,
        { signal },
      ),
    refetchInterval: 60_000,
  });

export const arrivalQuery = (id: string) =>
  queryOptions({
    queryKey: ['arrivals', id],
    queryFn: ({ signal }) => api.get<ArrivalDetail>(`/api/v1/arrivals/${id}`, { signal }),
  });

export const protocolsQuery = queryOptions({
  queryKey: ['protocols'],
  queryFn: ({ signal }) =>
    api.get<{ items: Protocol[]; abilities: { manage: boolean } }>('/api/v1/protocols', { signal }),
});

export const protocolReportQuery = (from?: string, to?: string) =>
  queryOptions({
    queryKey: ['protocols', 'report', from, to],
    queryFn: ({ signal }) =>
      api.get<ProtocolReport>(
        `/api/v1/protocol-report?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}`,
        { signal },
      ),
  });

export const arrivalsApi = {
  create: (body: ArrivalCreate) => api.post<ArrivalDetail>('/api/v1/arrivals', body),
  receive: (id: string, body: ArrivalReceive) =>
    api.post<ArrivalDetail>(`/api/v1/arrivals/${id}/receive`, body),
  noShow: (id: string, version: number) =>
    api.post<ArrivalDetail>(`/api/v1/arrivals/${id}/no-show`, { version }),
  update: (id: string, body: Record<string, unknown> & { version: number }) =>
    api.patch<ArrivalDetail>(`/api/v1/arrivals/${id}`, body),
  updateProtocol: (id: string, body: { version: number; name: Bilingual; steps: ProtocolStep[] }) =>
    api.put<Protocol>(`/api/v1/protocols/${id}`, body),
};

export const tasksApi = {
  create: (body: {
    officeId: string;
    title: string;
    assigneeId?: string | null;
    dueAt?: string | null;
    personId?: string | null;
  }) => api.post<Task>('/api/v1/tasks', body),
  update: (
    id: string,
    body: {
      version: number;
      status?: TaskStatus;
      title?: string;
      dueAt?: string | null;
      assigneeId?: string | null;
    },
  ) => api.patch<Task>(`/api/v1/tasks/${id}`, body),
};

/** A task's title in the reader's language: a protocol step's own, else the title as written. */
export function taskTitle(task: Task, language: 'es' | 'en'): string {
  return task.stepTitle ? task.stepTitle[language] : task.title;
}
