import type { Role } from './identity';

export interface AuditChanges {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  recordType: string;
  recordId: string | null;
  officeId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  changes: AuditChanges | null;
}

export interface AuditEntryPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** The filters of the audit log, as they appear in the page's address and in the API's query. */
export interface AuditFilters {
  actorUserId: string;
  recordType: string;
  recordId: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES = ['actorUserId', 'recordType', 'recordId', 'from', 'to'] as const;

export const AUDIT_PAGE_SIZE = 50;

export function auditQueryString(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

/** The record types the server writes today; others are shown by their code. */
export const AUDIT_RECORD_TYPES = ['user', 'api_token'] as const;
