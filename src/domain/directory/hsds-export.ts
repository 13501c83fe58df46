import { HSDS_TABLES, type HsdsTableName } from './hsds-tables';
import {
  CATEGORY_NAMES,
  LANGUAGE_NAMES,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  RUTA_TAXONOMIES,
  type RutaTaxonomy,
  rutaTerms,
  SERVICE_LEVELS,
  type ServiceLevel,
  stableId,
  taxonomyId,
  termId,
} from './hsds-vocabulary';
import type { ServiceCategory } from './taxonomy';

/** The directory as Ruta holds it (the columns of its tables that an HSDS package carries). */
export interface DirectoryOrganization {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  description: string | null;
  email: string | null;
  website: string | null;
}

export interface DirectoryService {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  category: string;
  status: string;
  url: string | null;
  email: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  population_groups: string[];
  sexes: string[];
  required_documents: string[];
  municipality_codes: string[];
  languages: string[];
  capacity_per_month: number | null;
  acceptance_days: number;
  completion_days: number | null;
  updated_at?: Date | null;
}

export interface DirectoryLocation {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state_province: string | null;
  postal_code: string | null;
  country: string;
  municipality_code: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface DirectoryServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface DirectorySchedule {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
}

export interface DirectoryContact {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
}

export interface DirectorySnapshot {
  organizations: DirectoryOrganization[];
  services: DirectoryService[];
  locations: DirectoryLocation[];
  servicesAtLocations: DirectoryServiceAtLocation[];
  schedules: DirectorySchedule[];
  contacts: DirectoryContact[];
  /** Names of the municipalities the snapshot names (service areas, locations), by DIVIPOLA code. */
  municipalities: Record<string, { name: string; departmentName: string }>;
}

/** One CSV row: every cell a string, empty for no value. */
export type HsdsRow = Record<string, string>;
export type HsdsTables = Record<HsdsTableName, HsdsRow[]>;

/** Ruta keeps opening hours in Colombia's time (UTC−5 all year); HSDS wants the offset written. */
export const COLOMBIA_OFFSET = '-05:00';

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** A `time` column (HH:MM:SS) as HSDS writes it: HH:MM (with seconds only when not zero) and the offset. */
export function hsdsTime(value: string | null): string {
  if (!value) return '';
  const [hours, minutes, seconds = '00'] = value.split(':');
  return `${hours}:${minutes}${seconds.startsWith('00') ? '' : `:${seconds.slice(0, 2)}`}${COLOMBIA_OFFSET}`;
}

export const serviceAreaUri = (code: string) => `urn:divipola:${code}`;

/** Ids of the rows Ruta keeps as columns or lists (an address, a phone, a document...): stable across exports. */
export const derivedId = {
  address: (locationId: string) => stableId('address', locationId),
  phone: (contactId: string) => stableId('phone', contactId),
  requiredDocument: (serviceId: string, document: string) =>
    stableId('required_document', serviceId, document),
  language: (serviceId: string, code: string) => stableId('language', serviceId, code),
  serviceArea: (serviceId: string, code: string) => stableId('service_area', serviceId, code),
  attribute: (linkId: string, termId: string) => stableId('attribute', linkId, termId),
};

function emptyTables(): HsdsTables {
  return Object.fromEntries(HSDS_TABLES.map((table) => [table.name, []])) as unknown as HsdsTables;
}

/**
 * The directory as the rows of an HSDS 3.0 tabular package. What HSDS has a field for goes there; the category,
 * eligibility restrictions, service levels, organization kind and a location's municipality go in attributes
 * linking to terms of Ruta's taxonomies (see docs/hsds.md for the whole mapping).
 */
export function toHsdsTables(snapshot: DirectorySnapshot): HsdsTables {
  const tables = emptyTables();
  const usedMunicipalities = new Set<string>();

  const attribute = (
    linkId: string,
    linkEntity: 'organization' | 'service' | 'location',
    taxonomy: RutaTaxonomy,
    code: string,
    linkType: string,
    value: string | number | null = null,
  ) => {
    const term = termId(taxonomy, code);
    tables.attribute.push({
      id: derivedId.attribute(linkId, term),
      link_id: linkId,
      taxonomy_term_id: term,
      link_type: linkType,
      link_entity: linkEntity,
      value: text(value),
    });
  };

  for (const organization of snapshot.organizations) {
    tables.organization.push({
      id: organization.id,
      name: organization.name,
      alternate_name: organization.short_name,
      description: text(organization.description),
      email: text(organization.email),
      website: text(organization.website),
    });
    if (organization.kind in ORGANIZATION_KINDS) {
      attribute(
        organization.id,
        'organization',
        'organizationKind',
        organization.kind as OrganizationKind,
        'kind',
      );
    }
  }

  for (const service of snapshot.services) {
    tables.service.push({
      id: service.id,
      organization_id: service.organization_id,
      name: service.name,
      alternate_name: text(service.alternate_name),
      description: text(service.description),
      url: text(service.url),
      email: text(service.email),
      status: service.status,
      application_process: text(service.application_process),
      fees_description: text(service.fees_description),
      eligibility_description: text(service.eligibility_description),
      minimum_age: text(service.minimum_age),
      maximum_age: text(service.maximum_age),
      last_modified: service.updated_at ? new Date(service.updated_at).toISOString() : '',
    });
    attribute(service.id, 'service', 'category', service.category as ServiceCategory, 'category');
    for (const group of service.population_groups) {
      attribute(service.id, 'service', 'eligibility', `population_group:${group}`, 'eligibility');
    }
    for (const sex of service.sexes)
      attribute(service.id, 'service', 'eligibility', `sex:${sex}`, 'eligibility');
    for (const level of Object.keys(SERVICE_LEVELS) as ServiceLevel[]) {
      if (service[level] !== null)
        attribute(service.id, 'service', 'serviceLevel', level, 'service_level', service[level]);
    }
    for (const document of service.required_documents) {
      tables.required_document.push({
        id: derivedId.requiredDocument(service.id, document),
        service_id: service.id,
        document,
      });
    }
    for (const code of service.languages) {
      tables.language.push({
        id: derivedId.language(service.id, code),
        service_id: service.id,
        name: LANGUAGE_NAMES[code] ?? code,
        code,
      });
    }
    for (const code of service.municipality_codes) {
      usedMunicipalities.add(code);
      const municipality = snapshot.municipalities[code];
      tables.service_area.push({
        id: derivedId.serviceArea(service.id, code),
        service_id: service.id,
        name: municipality?.name ?? code,
        description: municipality ? `${municipality.name}, ${municipality.departmentName}` : '',
        uri: serviceAreaUri(code),
      });
    }
  }

  for (const location of snapshot.locations) {
    tables.location.push({
      id: location.id,
      location_type: 'physical',
      organization_id: location.organization_id,
      name: location.name,
      alternate_name: text(location.alternate_name),
      description: text(location.description),
      transportation: text(location.transportation),
      latitude: text(location.latitude),
      longitude: text(location.longitude),
    });
    const hasAddress =
      [
        location.address_1,
        location.address_2,
        location.city,
        location.state_province,
        location.postal_code,
      ].some((value) => value !== null && value !== '') || location.country !== 'CO';
    if (hasAddress) {
      tables.address.push({
        id: derivedId.address(location.id),
        location_id: location.id,
        address_1: text(location.address_1),
        address_2: text(location.address_2),
        city: text(location.city),
        state_province: text(location.state_province),
        postal_code: text(location.postal_code),
        country: location.country,
        address_type: 'physical',
      });
    }
    if (location.municipality_code) {
      usedMunicipalities.add(location.municipality_code);
      attribute(location.id, 'location', 'divipola', location.municipality_code, 'municipality');
    }
  }

  for (const link of snapshot.servicesAtLocations) {
    tables.service_at_location.push({
      id: link.id,
      service_id: link.service_id,
      location_id: link.location_id,
      description: text(link.description),
    });
  }

  for (const schedule of snapshot.schedules) {
    tables.schedule.push({
      id: schedule.id,
      service_id: text(schedule.service_id),
      location_id: text(schedule.location_id),
      service_at_location_id: text(schedule.service_at_location_id),
      valid_from: text(schedule.valid_from),
      valid_to: text(schedule.valid_to),
      freq: schedule.byday ? 'WEEKLY' : '',
      byday: text(schedule.byday),
      opens_at: hsdsTime(schedule.opens_at),
      closes_at: hsdsTime(schedule.closes_at),
      timezone: schedule.opens_at || schedule.closes_at ? '-5' : '',
      description: text(schedule.description),
    });
  }

  for (const contact of snapshot.contacts) {
    tables.contact.push({
      id: contact.id,
      organization_id: text(contact.organization_id),
      service_id: text(contact.service_id),
      location_id: text(contact.location_id),
      name: text(contact.name),
      title: text(contact.title),
      department: text(contact.department),
      email: text(contact.email),
    });
    if (contact.phone) {
      tables.phone.push({ id: derivedId.phone(contact.id), contact_id: contact.id, number: contact.phone });
    }
  }

  // Ruta's taxonomies and every term of them, so a package explains itself; DIVIPOLA only for the places named.
  for (const key of Object.keys(RUTA_TAXONOMIES) as RutaTaxonomy[]) {
    const taxonomy = RUTA_TAXONOMIES[key];
    tables.taxonomy.push({
      id: taxonomyId(key),
      name: taxonomy.name,
      description: taxonomy.description,
      uri: 'uri' in taxonomy ? taxonomy.uri : '',
    });
  }
  const terms = [
    ...rutaTerms(),
    ...[...usedMunicipalities].sort().map((code) => ({
      taxonomy: 'divipola' as const,
      code,
      name: snapshot.municipalities[code]?.name ?? code,
    })),
  ];
  for (const term of terms) {
    const municipality = term.taxonomy === 'divipola' ? snapshot.municipalities[term.code] : undefined;
    tables.taxonomy_term.push({
      id: termId(term.taxonomy, term.code),
      code: term.code,
      name: term.name,
      description: municipality
        ? `${municipality.name}, ${municipality.departmentName}`
        : term.taxonomy === 'category'
          ? `${CATEGORY_NAMES[term.code as ServiceCategory].es} (${CATEGORY_NAMES[term.code as ServiceCategory].en})`
          : term.name,
      taxonomy: RUTA_TAXONOMIES[term.taxonomy].name,
      language: 'es',
      taxonomy_id: taxonomyId(term.taxonomy),
    });
  }
  return tables;
}

/**
 * `datapackage.json` of the package (Frictionless tabular data package): one resource per CSV with the fields of
 * its HSDS table, their types, formats and constraints as HSDS's tabular metadata gives them.
 */
export function dataPackageDescriptor(created: Date) {
  return {
    profile: 'tabular-data-package',
    name: 'ruta-hsds-directory',
    title: 'Directorio de servicios de la red Ruta (Open Referral HSDS 3.0)',
    version: '3.0',
    created: created.toISOString(),
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources: HSDS_TABLES.map((table) => ({
      name: table.name,
      path: table.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: table.fields.map((field) => ({
          name: field.name,
          type: field.type,
          format: 'format' in field ? field.format : 'default',
          constraints: {
            required: 'required' in field,
            unique: 'unique' in field,
            ...('enum' in field ? { enum: [...field.enum] } : {}),
          },
        })),
        primaryKey: 'id',
      },
    })),
  };
}
