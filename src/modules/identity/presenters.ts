import type { Role } from '../../domain/identity/roles';

/** The columns a user's public shape is built from (a user row joined with its offices and organization). */
export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  organization_id: string;
  organization_name: string;
  organization_kind: string;
  office_ids: string[];
  totp_enabled_at: Date | null;
  last_sign_in_at: Date | null;
  version: number;
}

/** A user as the API shows it: never the password hash, the TOTP secret or other credentials. */
export function presentUserRow(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    status: row.status as 'active' | 'deactivated',
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationKind: row.organization_kind,
    officeIds: row.office_ids,
    secondFactorEnabled: row.totp_enabled_at !== null,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    version: row.version,
  };
}
