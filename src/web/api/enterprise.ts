import { queryOptions } from '@tanstack/react-query';
import type {
  CiiuSection,
  CourseKind,
  CourseModality,
  CourseStatus,
  EnrolmentStatus,
  FinancingLine,
  FinancingStatus,
  SupportKind,
  UnitStage,
} from '../../domain/enterprise/vocabulary';
import { api } from './client';

// Entrepreneurship (`src/modules/enterprise/schemas.ts`).

export {
  CIIU_SECTIONS,
  COURSE_KINDS,
  COURSE_MODALITIES,
  COURSE_STATUSES,
  FINANCING_LINES,
  SUPPORT_KINDS,
  UNIT_STAGES,
} from '../../domain/enterprise/vocabulary';
export type {
  CiiuSection,
  CourseKind,
  CourseModality,
  CourseStatus,
  EnrolmentStatus,
  FinancingLine,
  FinancingStatus,
  SupportKind,
  UnitStage,
};

export interface Place {
  code: string;
  name: string;
}

export interface Enrolment {
  id: string;
  courseId: string;
  courseName: string;
  organizationName: string;
  personId: string;
  personName: string;
  officeId: string | null;
  status: EnrolmentStatus;
  enrolledOn: string;
  completedOn: string | null;
  droppedOn: string | null;
  certificateReference: string | null;
  version: number;
  nextStatuses: EnrolmentStatus[];
}

export interface Course {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  kind: CourseKind;
  modality: CourseModality;
  hours: number;
  municipality: Place | null;
  startsOn: string;
  endsOn: string | null;
  capacity: number | null;
  status: CourseStatus;
  directoryServiceId: string | null;
  enrolled: number;
  completed: number;
  version: number;
  canEdit: boolean;
}

export interface CourseDetail extends Course {
  enrolments: Enrolment[];
  hiddenEnrolments: number;
}

export interface UnitSummary {
  id: string;
  personId: string;
  ownerName: string;
  officeId: string;
  name: string;
  sector: CiiuSection;
  stage: UnitStage;
  operating: boolean;
  municipality: Place | null;
  startedOn: string | null;
  updatedAt: string;
}

export interface Support {
  id: string;
  kind: SupportKind;
  providerOrganizationId: string | null;
  providerName: string | null;
  amount: number | null;
  providedOn: string;
  notes: string | null;
  recordedBy: string;
}

export interface FollowUp {
  id: string;
  visitedOn: string;
  stageAtVisit: UnitStage;
  monthlySales: number | null;
  jobsCreated: number | null;
  notes: string | null;
  recordedBy: string;
}

export interface Financing {
  id: string;
  unitId: string;
  unitName: string;
  ownerName: string | null;
  line: FinancingLine;
  intermediaryOrganizationId: string;
  intermediaryName: string;
  amountRequested: number;
  amountApproved: number | null;
  approvalNote: string | null;
  status: FinancingStatus;
  submittedOn: string | null;
  decidedOn: string | null;
  disbursedOn: string | null;
  notes: string | null;
  version: number;
  nextStatuses: FinancingStatus[];
}

export interface UnitDetail extends UnitSummary {
  description: string | null;
  closedOn: string | null;
  version: number;
  nextStages: UnitStage[];
  supports: Support[];
  followUps: FollowUp[];
  financing: Financing[];
}

export interface UnitFilters {
  stage?: string;
  sector?: string;
  municipality?: string;
}

function query(params: Record<string, string | undefined>) {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

export const unitsQuery = (filters: UnitFilters) =>
  queryOptions({
    queryKey: ['enterprise', 'units', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: UnitSummary[]; nextCursor: string | null }>(
        `/api/v1/enterprise/units${query({ ...filters, limit: '200' })}`,
        { signal },
      ),
  });

export const unitQuery = (id: string) =>
  queryOptions({
    queryKey: ['enterprise', 'unit', id],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/v1/enterprise/units/${id}`, { signal }),
  });

export const coursesQuery = queryOptions({
  queryKey: ['enterprise', 'courses'],
  queryFn: ({ signal }) => api.get<{ items: Course[] }>('/api/v1/enterprise/courses', { signal }),
});

export const courseQuery = (id: string) =>
  queryOptions({
    queryKey: ['enterprise', 'course', id],
    queryFn: ({ signal }) => api.get<CourseDetail>(`/api/v1/enterprise/courses/${id}`, { signal }),
  });

export const personEnterpriseQuery = (personId: string) =>
  queryOptions({
    queryKey: ['enterprise', 'person', personId],
    queryFn: ({ signal }) =>
      api.get<{ enrolments: Enrolment[]; units: UnitSummary[] }>(`/api/v1/persons/${personId}/enterprise`, {
        signal,
      }),
  });

export interface EnterpriseSummary {
  unitsByStage: { stage: UnitStage; units: number }[];
  unitsBySector: { sector: CiiuSection; units: number }[];
  operatingUnits: number;
  financingByLine: {
    line: FinancingLine;
    applications: number;
    requested: number;
    approved: number;
    disbursed: number;
  }[];
  generatedAt: string;
}

/** Financing applications: staff their offices', an intermediary's focal point those addressed to it. */
export const financingQuery = queryOptions({
  queryKey: ['enterprise', 'financing'],
  queryFn: ({ signal }) => api.get<{ items: Financing[] }>('/api/v1/enterprise/financing', { signal }),
});

export const enterpriseSummaryQuery = queryOptions({
  queryKey: ['enterprise', 'summary'],
  queryFn: ({ signal }) => api.get<EnterpriseSummary>('/api/v1/enterprise/summary', { signal }),
});

export interface CourseInput {
  name: string;
  kind: CourseKind;
  modality: CourseModality;
  hours: number;
  municipalityCode: string | null;
  startsOn: string;
  endsOn: string | null;
  capacity: number | null;
  status: CourseStatus;
  directoryServiceId: string | null;
}

export const enterpriseApi = {
  createCourse: (input: CourseInput & { organizationId: string }) =>
    api.post<Course>('/api/v1/enterprise/courses', input),
  updateCourse: (id: string, input: CourseInput & { version: number }) =>
    api.patch<Course>(`/api/v1/enterprise/courses/${id}`, input),
  createUnit: (input: {
    personId: string;
    officeId: string;
    name: string;
    sector: string;
    description?: string | null;
    municipalityCode?: string | null;
    stage: string;
  }) => api.post<UnitDetail>('/api/v1/enterprise/units', input),
  updateUnit: (id: string, input: { version: number; stage?: string }) =>
    api.patch<UnitDetail>(`/api/v1/enterprise/units/${id}`, input),
  addSupport: (
    id: string,
    input: {
      kind: string;
      providerOrganizationId?: string | null;
      amount?: number | null;
      providedOn: string;
      notes?: string;
    },
  ) => api.post<UnitDetail>(`/api/v1/enterprise/units/${id}/supports`, input),
  addFollowUp: (
    id: string,
    input: { visitedOn: string; monthlySales?: number | null; jobsCreated?: number | null; notes?: string },
  ) => api.post<UnitDetail>(`/api/v1/enterprise/units/${id}/follow-ups`, input),
  createFinancing: (
    id: string,
    input: {
      line: string;
      intermediaryOrganizationId: string;
      amountRequested: number;
      status: string;
      notes?: string;
    },
  ) => api.post<Financing>(`/api/v1/enterprise/units/${id}/financing`, input),
  updateFinancing: (
    id: string,
    input: { version: number; status?: string; amountApproved?: number | null; approvalNote?: string | null },
  ) => api.patch<Financing>(`/api/v1/enterprise/financing/${id}`, input),
  enrol: (courseId: string, input: { personId: string; officeId: string }) =>
    api.post<Enrolment>(`/api/v1/enterprise/courses/${courseId}/enrolments`, input),
  updateEnrolment: (
    id: string,
    input: { version: number; status?: string; certificateReference?: string | null },
  ) => api.patch<Enrolment>(`/api/v1/enterprise/enrolments/${id}`, input),
};
