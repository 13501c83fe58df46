import { queryOptions } from '@tanstack/react-query';
import type { ServiceCategory } from '../../domain/directory/taxonomy';
import type { NeedDimension } from './characterization';
import { ApiError, api } from './client';

// Referrals to the network's services (`src/modules/referrals/routes.ts`) and the directory search the referral
// dialog uses (`GET /api/v1/directory/services`).

export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'not_attended',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_OUTCOMES = ['achieved', 'partially_achieved', 'not_achieved'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** A referral still waiting on the partner or being attended. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress'];

export const ELIGIBILITY_RULES = [
  'service_status',
  'population_group',
  'age',
  'sex',
  'territory',
  'documents',
  'capacity',
  'consent',
] as const;

export type CheckOutcome = 'pass' | 'fail' | 'unknown' | 'warning';

export interface EligibilityCheck {
  rule: string;
  outcome: CheckOutcome;
  /** Already in the request's language. */
  message: string;
}

export interface ReferralCheck {
  eligible: boolean;
  checks: EligibilityCheck[];
  /** The fields of the person the partner will receive (e.g. `name`, `document`, `phone`). */
  sharedFields: string[];
  service: {
    id: string;
    name: string;
    organizationName: string;
    acceptanceDays: number;
    completionDays: number | null;
  };
}

/** The steps a referral may take (`src/domain/referrals/state-machine.ts`); each belongs to one side. */
export type ReferralCommand = 'accept' | 'decline' | 'start' | 'complete' | 'notAttended' | 'withdraw';

/** What the partner received about the person: only the fields the referral shares, as sent. */
export interface SharedData {
  name: string;
  documentType: string | null;
  documentNumber: string | null;
  phone: string | null;
  age: number | null;
  sex: string | null;
  populationGroup: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  reason: string;
  [field: string]: unknown;
}

export interface Referral {
  id: string;
  status: ReferralStatus;
  serviceId: string;
  serviceName: string;
  organizationId: string;
  organizationName: string;
  officeName: string;
  /** Null for the partner, who sees only `sharedData`. */
  personId: string | null;
  personName: string | null;
  caseId: string | null;
  actionId: string | null;
  reason: string | null;
  /** Null for the partner once the person revoked the consent the referral was sent under. */
  sharedData: SharedData | null;
  /** The eligibility checks as they were when it was sent. */
  eligibility: EligibilityCheck[];
  declineReason: string | null;
  outcome: ReferralOutcome | null;
  outcomeNotes: string | null;
  sentAt: string;
  sentByName: string | null;
  acceptDueAt: string | null;
  completeDueAt: string | null;
  acceptedAt: string | null;
  startedAt: string | null;
  closedAt: string | null;
  overdue: boolean;
  version: number;
  /** The steps the caller may take now. */
  abilities: ReferralCommand[];
}

export interface ReferralEvent {
  kind: string;
  at: string;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

export interface ReferralDetail extends Referral {
  events: ReferralEvent[];
}

export interface DirectoryService {
  id: string;
  name: string;
  category: ServiceCategory;
  dimension: NeedDimension;
  status: string;
  organization: { id: string; name: string; shortName: string | null };
  municipalityCodes: string[];
  acceptanceDays: number;
  completionDays: number | null;
  capacityPerMonth: number | null;
}

export interface ServiceSearch {
  q?: string;
  category?: string;
  dimension?: string;
  organizationId?: string;
}

/** The inbox's tabs. `overdue` lists the open ones past their due date, whatever their status. */
export const INBOX_TABS = ['new', 'active', 'closed', 'overdue'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** One list of the inbox: referrals in one status, or the overdue ones. */
export type InboxList = { status: ReferralStatus } | { overdue: true };

/** The lists each tab shows, one under the other (the inbox filters by one status at a time). */
export const INBOX_TAB_LISTS: Record<InboxTab, InboxList[]> = {
  new: [{ status: 'sent' }],
  active: [{ status: 'accepted' }, { status: 'in_progress' }],
  closed: [
    { status: 'completed' },
    { status: 'not_attended' },
    { status: 'declined' },
    { status: 'withdrawn' },
  ],
  overdue: [{ overdue: true }],
};

export const INBOX_PAGE_SIZE = 20;

export const REPORT_GROUPS = ['service', 'partner', 'office'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportFigures {
  sent: number;
  accepted: number;
  declined: number;
  inProgress: number;
  completed: number;
  notAttended: number;
  withdrawn: number;
  overdue: number;
  medianHoursToAcceptance: number | null;
  p90HoursToAcceptance: number | null;
  medianDaysToCompletion: number | null;
  p90DaysToCompletion: number | null;
}

export interface ReportRow extends ReportFigures {
  key: string;
  label: string;
}

export interface ReferralReport {
  rows: ReportRow[];
  totals: ReportFigures;
}

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;
const referralPath = (id: string) => `/api/v1/referrals/${encodeURIComponent(id)}`;

function withParams(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The dialog lists this many services at most; a longer list asks for a narrower search. */
export const SERVICES_PAGE_SIZE = 50;

export const directoryServicesQuery = (search: ServiceSearch) =>
  queryOptions({
    queryKey: ['referrals', 'directory', search],
    queryFn: ({ signal }) =>
      api.get<{ items: DirectoryService[]; total: number }>(
        withParams('/api/v1/directory/services', {
          ...search,
          status: 'active',
          pageSize: SERVICES_PAGE_SIZE,
        }),
        { signal },
      ),
    retry,
    staleTime: 60_000,
  });

export const referralCheckQuery = (caseId: string, serviceId: string) =>
  queryOptions({
    queryKey: ['referrals', 'check', caseId, serviceId],
    queryFn: ({ signal }) =>
      api.get<ReferralCheck>(withParams(`${casePath(caseId)}/referral-check`, { serviceId }), { signal }),
    retry,
  });

export const caseReferralsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['referrals', 'case', caseId],
    queryFn: ({ signal }) => api.get<{ items: Referral[] }>(`${casePath(caseId)}/referrals`, { signal }),
    retry,
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', 'detail', id],
    queryFn: ({ signal }) => api.get<ReferralDetail>(referralPath(id), { signal }),
    retry,
  });

export function inboxPath(list: InboxList, page: number): string {
  return withParams('/api/v1/referrals/inbox', {
    status: 'status' in list ? list.status : undefined,
    overdue: 'overdue' in list ? 'true' : undefined,
    page,
    pageSize: INBOX_PAGE_SIZE,
  });
}

export const inboxQuery = (list: InboxList, page: number) =>
  queryOptions({
    queryKey: ['referrals', 'inbox', list, page],
    queryFn: ({ signal }) => api.get<{ items: Referral[]; total: number }>(inboxPath(list, page), { signal }),
    retry,
  });

export interface ReportFilters {
  from: string;
  to: string;
  groupBy: ReportGroup;
}

export const referralReportQuery = (filters: ReportFilters) =>
  queryOptions({
    queryKey: ['referrals', 'report', filters],
    queryFn: ({ signal }) =>
      api.get<ReferralReport>(withParams('/api/v1/reports/referrals', { ...filters }), { signal }),
    retry,
  });

/** A random UUID, also where `crypto.randomUUID` is missing (pages served over plain HTTP on an office network). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ReferralCreate {
  serviceId: string;
  actionId?: string;
  goalId?: string;
  reason: string;
}

export const referralsApi = {
  create: (caseId: string, body: ReferralCreate, idempotencyKey: string) =>
    api.post<ReferralDetail>(`${casePath(caseId)}/referrals`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  accept: (id: string, version: number) =>
    api.post<ReferralDetail>(`${referralPath(id)}/accept`, { version }),
  start: (id: string, version: number) => api.post<ReferralDetail>(`${referralPath(id)}/start`, { version }),
  decline: (id: string, body: { version: number; reason: string }) =>
    api.post<ReferralDetail>(`${referralPath(id)}/decline`, body),
  complete: (id: string, body: { version: number; outcome: ReferralOutcome; notes?: string }) =>
    api.post<ReferralDetail>(`${referralPath(id)}/complete`, body),
  notAttended: (id: string, body: { version: number; notes?: string }) =>
    api.post<ReferralDetail>(`${referralPath(id)}/not-attended`, body),
  withdraw: (id: string, body: { version: number; reason: string }) =>
    api.post<ReferralDetail>(`${referralPath(id)}/withdraw`, body),
};
