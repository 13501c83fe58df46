/**
 * The HSDS 3.0 tables Ruta writes and reads, with each field's tabular (CSV) rules as the standard's schemas state
 * them (`../shared/standards/hsds-3.0/<table>.json`): type, format, whether the field is required in a CSV
 * (`required` or `tabular_required` there), and enums. Array fields (the nested one-to-many lists of the JSON API)
 * are no CSV columns and are left out. `hsds-tables.test.ts` checks this against the official schemas.
 */

export interface HsdsField {
  name: string;
  type: 'string' | 'number';
  format?: 'uuid' | 'email' | 'uri' | 'date-time';
  required?: true;
  unique?: true;
  enum?: readonly string[];
}

export interface HsdsTable {
  /** The table's name in HSDS (and the resource name in datapackage.json). */
  name: string;
  /** The CSV file's name in a data package. */
  path: string;
  fields: readonly HsdsField[];
}

export const HSDS_TABLES = [
  {
    name: 'organization',
    path: 'organizations.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string', required: true },
      { name: 'email', type: 'string', format: 'email' },
      { name: 'website', type: 'string', format: 'uri' },
      { name: 'tax_status', type: 'string' },
      { name: 'tax_id', type: 'string' },
      { name: 'year_incorporated', type: 'number' },
      { name: 'legal_status', type: 'string' },
      { name: 'logo', type: 'string' },
      { name: 'uri', type: 'string', format: 'uri' },
      { name: 'parent_organization_id', type: 'string', format: 'uuid' },
    ],
  },
  {
    name: 'service',
    path: 'services.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid', required: true },
      { name: 'program_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string', required: true },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'url', type: 'string', format: 'uri' },
      { name: 'email', type: 'string', format: 'email' },
      {
        name: 'status',
        type: 'string',
        required: true,
        enum: ['active', 'inactive', 'defunct', 'temporarily closed'],
      },
      { name: 'interpretation_services', type: 'string' },
      { name: 'application_process', type: 'string' },
      { name: 'fees_description', type: 'string' },
      { name: 'wait_time', type: 'string' },
      { name: 'fees', type: 'string' },
      { name: 'accreditations', type: 'string' },
      { name: 'eligibility_description', type: 'string' },
      { name: 'minimum_age', type: 'number' },
      { name: 'maximum_age', type: 'number' },
      { name: 'assured_date', type: 'string' },
      { name: 'assurer_email', type: 'string', format: 'email' },
      { name: 'licenses', type: 'string' },
      { name: 'alert', type: 'string' },
      { name: 'last_modified', type: 'string', format: 'date-time' },
    ],
  },
  {
    name: 'location',
    path: 'locations.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_type', type: 'string', required: true, enum: ['physical', 'postal', 'virtual'] },
      { name: 'url', type: 'string', format: 'uri' },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'alternate_name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'transportation', type: 'string' },
      { name: 'latitude', type: 'number' },
      { name: 'longitude', type: 'number' },
      { name: 'external_identifier', type: 'string' },
      { name: 'external_identifier_type', type: 'string' },
    ],
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid', required: true },
      { name: 'location_id', type: 'string', format: 'uuid', required: true },
      { name: 'description', type: 'string' },
    ],
  },
  {
    name: 'address',
    path: 'addresses.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'attention', type: 'string' },
      { name: 'address_1', type: 'string', required: true },
      { name: 'address_2', type: 'string' },
      { name: 'city', type: 'string', required: true },
      { name: 'region', type: 'string' },
      { name: 'state_province', type: 'string', required: true },
      { name: 'postal_code', type: 'string', required: true },
      { name: 'country', type: 'string', required: true },
      { name: 'address_type', type: 'string', required: true, enum: ['physical', 'postal', 'virtual'] },
    ],
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'service_at_location_id', type: 'string', format: 'uuid' },
      { name: 'valid_from', type: 'string' },
      { name: 'valid_to', type: 'string' },
      { name: 'dtstart', type: 'string' },
      { name: 'timezone', type: 'number' },
      { name: 'until', type: 'string' },
      { name: 'count', type: 'number' },
      { name: 'wkst', type: 'string', enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
      { name: 'freq', type: 'string', enum: ['WEEKLY', 'MONTHLY'] },
      { name: 'interval', type: 'number' },
      { name: 'byday', type: 'string' },
      { name: 'byweekno', type: 'string' },
      { name: 'bymonthday', type: 'string' },
      { name: 'byyearday', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'opens_at', type: 'string' },
      { name: 'closes_at', type: 'string' },
      { name: 'schedule_link', type: 'string', format: 'uri' },
      { name: 'attending_type', type: 'string' },
      { name: 'notes', type: 'string' },
    ],
  },
  {
    name: 'contact',
    path: 'contacts.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'service_at_location_id', type: 'string', format: 'uuid' },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'title', type: 'string' },
      { name: 'department', type: 'string' },
      { name: 'email', type: 'string', format: 'email' },
    ],
  },
  {
    name: 'phone',
    path: 'phones.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'organization_id', type: 'string', format: 'uuid' },
      { name: 'contact_id', type: 'string', format: 'uuid' },
      { name: 'service_at_location_id', type: 'string', format: 'uuid' },
      { name: 'number', type: 'string', required: true },
      { name: 'extension', type: 'number' },
      { name: 'type', type: 'string' },
      { name: 'description', type: 'string' },
    ],
  },
  {
    name: 'required_document',
    path: 'required_documents.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'document', type: 'string' },
      { name: 'uri', type: 'string', format: 'uri' },
    ],
  },
  {
    name: 'language',
    path: 'languages.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'location_id', type: 'string', format: 'uuid' },
      { name: 'phone_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'code', type: 'string' },
      { name: 'note', type: 'string' },
    ],
  },
  {
    name: 'service_area',
    path: 'service_areas.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'service_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'extent', type: 'string' },
      { name: 'extent_type', type: 'string' },
      { name: 'uri', type: 'string' },
    ],
  },
  {
    name: 'taxonomy',
    path: 'taxonomies.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'description', type: 'string', required: true },
      { name: 'uri', type: 'string', format: 'uri' },
      { name: 'version', type: 'string' },
    ],
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'code', type: 'string', unique: true },
      { name: 'name', type: 'string', required: true },
      { name: 'description', type: 'string', required: true },
      { name: 'parent_id', type: 'string', format: 'uuid' },
      { name: 'taxonomy', type: 'string' },
      { name: 'language', type: 'string' },
      { name: 'taxonomy_id', type: 'string', format: 'uuid' },
      { name: 'term_uri', type: 'string', format: 'uri' },
    ],
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    fields: [
      { name: 'id', type: 'string', format: 'uuid', required: true, unique: true },
      { name: 'link_id', type: 'string', format: 'uuid', required: true },
      { name: 'taxonomy_term_id', type: 'string', format: 'uuid', required: true },
      { name: 'link_type', type: 'string' },
      { name: 'link_entity', type: 'string', required: true },
      { name: 'value', type: 'string' },
    ],
  },
] as const satisfies readonly HsdsTable[];

export type HsdsTableName = (typeof HSDS_TABLES)[number]['name'];

export function hsdsTable(name: HsdsTableName): HsdsTable {
  return HSDS_TABLES.find((table) => table.name === name) as HsdsTable;
}
