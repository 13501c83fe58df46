import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Each migration that adds or changes a table updates this file in the same commit.
 */
export interface Database {
  organization: OrganizationTable;
  office: OfficeTable;
  app_user: AppUserTable;
  user_office: UserOfficeTable;
  user_session: UserSessionTable;
  recovery_code: RecoveryCodeTable;
  api_token: ApiTokenTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  department: DepartmentTable;
  municipality: MunicipalityTable;
}

export interface DepartmentTable {
  code: string;
  name: string;
}

export interface MunicipalityTable {
  code: string;
  name: string;
  department_code: string;
}

export interface OrganizationTable {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OfficeTable {
  id: string;
  organization_id: string;
  name: string;
  kind: string;
  municipality_code: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppUserTable {
  id: string;
  organization_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  status: Generated<string>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  must_change_password: Generated<boolean>;
  last_sign_in_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserOfficeTable {
  user_id: string;
  office_id: string;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  second_factor_pending: Generated<boolean>;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface SignInThrottleTable {
  email: string;
  failures: Generated<number>;
  locked_until: Date | null;
  last_failure_at: Generated<Date>;
}

export interface AuditLogTable {
  id: string;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  office_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  changes: unknown | null;
}
