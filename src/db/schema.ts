import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Each migration that adds or changes a table updates this file in the same commit.
 */
export interface Database {
  organization: OrganizationTable;
  office: OfficeTable;
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
