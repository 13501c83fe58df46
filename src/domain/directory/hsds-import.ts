import { POPULATION_GROUPS } from '../registry/vocabulary';
import type {
  DirectoryContact,
  DirectoryLocation,
  DirectorySchedule,
  DirectoryService,
  DirectoryServiceAtLocation,
  HsdsRow,
} from './hsds-export';
import { type HsdsTable, type HsdsTableName, hsdsTable } from './hsds-tables';
import {
  categoryForTerm,
  languageCode,
  normalizeName,
  ORGANIZATION_KINDS,
  RUTA_TAXONOMIES,
  type RutaTaxonomy,
  rutaTerms,
  type ServiceLevel,
  taxonomyId,
  termId,
} from './hsds-vocabulary';
import { SERVICE_SEXES } from './taxonomy';

/** A problem with one file, row (the CSV's line, the header being row 1) and field; messages are catalogue keys. */
export interface PackageIssue {
  file: string;
  row: number | null;
  field: string | null;
  key: string;
  params?: Record<string, string | number>;
}

/** One CSV of the package as read: its header and its rows. */
export interface ParsedTable {
  file: string;
  columns: string[];
  rows: HsdsRow[];
}

export type ParsedPackage = Partial<Record<HsdsTableName, ParsedTable>>;

export interface MunicipalityRef {
  code: string;
  name: string;
  departmentName: string;
}

export interface ImportedOrganization {
  id: string;
  name: string;
  /** HSDS alternate_name, Ruta's short name; null when the package gives none. */
  alternate_name: string | null;
  /** From Ruta's organization-kind attribute; null keeps an existing organization's kind (new ones get `other`). */
  kind: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
}

export interface DirectoryImport {
  organizations: ImportedOrganization[];
  services: DirectoryService[];
  locations: DirectoryLocation[];
  servicesAtLocations: DirectoryServiceAtLocation[];
  schedules: DirectorySchedule[];
  contacts: DirectoryContact[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS = /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;

/** Required fields Ruta accepts empty: an address known only in part, a term or organization without a text. */
const MAY_BE_EMPTY: Partial<Record<HsdsTableName, string[]>> = {
  address: ['address_1', 'city', 'state_province', 'postal_code'],
  organization: ['description'],
  taxonomy: ['description'],
  taxonomy_term: ['description'],
};

function isUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Checks one CSV against its HSDS table: required columns and values, uuid ids, formats, enums, unique ids. */
export function validateTable(table: HsdsTable, parsed: ParsedTable): PackageIssue[] {
  const issues: PackageIssue[] = [];
  const file = parsed.file;
  // An empty file (not even a header) says the table has no rows.
  if (parsed.columns.length === 0 && parsed.rows.length === 0) return issues;
  const missing = table.fields.filter((field) => 'required' in field && !parsed.columns.includes(field.name));
  for (const field of missing) {
    issues.push({
      file,
      row: 1,
      field: field.name,
      key: 'hsds.import.missingColumn',
      params: { column: field.name },
    });
  }
  if (missing.length > 0) return issues;
  const lenient = MAY_BE_EMPTY[table.name as HsdsTableName] ?? [];
  const seen = new Map<string, number>();
  parsed.rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const issue = (field: string, key: string, params?: PackageIssue['params']) =>
      issues.push({ file, row: rowNumber, field, key, params });
    for (const field of table.fields) {
      const value = row[field.name] ?? '';
      if (value === '') {
        if ('required' in field && !lenient.includes(field.name)) issue(field.name, 'hsds.import.required');
        continue;
      }
      if (field.type === 'number' && !Number.isFinite(Number(value))) issue(field.name, 'hsds.import.number');
      const format = 'format' in field ? field.format : undefined;
      if (format === 'uuid' && !UUID.test(value)) issue(field.name, 'hsds.import.uuid');
      if (format === 'email' && !EMAIL.test(value)) issue(field.name, 'hsds.import.email');
      if (format === 'uri' && !isUri(value)) issue(field.name, 'hsds.import.uri');
      if (format === 'date-time' && Number.isNaN(Date.parse(value)))
        issue(field.name, 'hsds.import.dateTime');
      if ('enum' in field && !(field.enum as readonly string[]).includes(value)) {
        issue(field.name, 'hsds.import.enum', { values: (field.enum as readonly string[]).join(', ') });
      }
    }
    const id = row.id ?? '';
    if (id) {
      const first = seen.get(id.toLowerCase());
      if (first) issue('id', 'hsds.import.duplicateId', { row: first });
      else seen.set(id.toLowerCase(), rowNumber);
    }
  });
  return issues;
}

/** HH:MM[:SS] with an optional Z or ±HH:MM offset, as Colombia's local time (UTC−5) in HH:MM:SS; null if invalid. */
export function parseHsdsTime(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value.trim());
  if (!match) return null;
  const [, h, m, s = '00', offset] = match;
  const hours = Number(h);
  const minutes = Number(m);
  if (hours > 23 || minutes > 59 || Number(s) > 59) return null;
  let total = hours * 60 + minutes;
  if (offset) {
    const offsetMinutes =
      offset.toUpperCase() === 'Z'
        ? 0
        : (offset.startsWith('-') ? -1 : 1) *
          (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3).replace(':', '') || '0'));
    total = (((total - offsetMinutes - 300) % 1440) + 1440) % 1440;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}:${s.padStart(2, '0')}`;
}

/** Finds a municipality by its name (and department, when the name alone is ambiguous), accents and case aside. */
export function createMunicipalityMatcher(municipalities: MunicipalityRef[]) {
  const byName = new Map<string, MunicipalityRef[]>();
  const key = (name: string) =>
    normalizeName(name)
      .replace(/\bd c\b/g, '')
      .trim();
  for (const municipality of municipalities) {
    const list = byName.get(key(municipality.name)) ?? [];
    list.push(municipality);
    byName.set(key(municipality.name), list);
  }
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const inDepartment = (candidates: MunicipalityRef[], department: string | null) => {
    if (candidates.length <= 1) return candidates[0] ?? null;
    const wanted = department ? key(department) : '';
    const matching = candidates.filter((m) => wanted && key(m.departmentName) === wanted);
    return matching.length === 1 ? (matching[0] as MunicipalityRef) : null;
  };
  return {
    byCode: (code: string) => byCode.get(code) ?? null,
    find(city: string | null, department: string | null): MunicipalityRef | null {
      if (!city?.trim()) return null;
      const wanted = key(city);
      const exact = inDepartment(byName.get(wanted) ?? [], department);
      if (exact) return exact;
      // "Cúcuta" for "San José de Cúcuta": the one municipality whose name ends with the words given.
      const endings = municipalities.filter((m) => key(m.name).endsWith(` ${wanted}`));
      return inDepartment(endings, department);
    },
  };
}

interface Context {
  municipalities: MunicipalityRef[];
  /** Whether Ruta already holds a record of that table with that id (for references the package does not carry). */
  exists: (table: 'organization' | 'service' | 'location' | 'service_at_location', id: string) => boolean;
  /** For a service_at_location only in Ruta, its service (contacts and phones of it belong to the service). */
  serviceOfLink: (id: string) => string | null;
}

const unique = (values: string[]) => [...new Set(values)];

const nullable = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? null : value.trim();

/**
 * Maps a validated package to Ruta's directory rows: what HSDS has fields for, plus Ruta's own taxonomies'
 * attributes; foreign terms give a category when their code or name is recognisable, else `other`. Returns the
 * rows, errors (references to records neither in the package nor in Ruta, data Ruta cannot hold) and warnings
 * (what was left out).
 */
export function mapPackage(
  parsed: ParsedPackage,
  context: Context,
): { rows: DirectoryImport; errors: PackageIssue[]; warnings: PackageIssue[] } {
  const errors: PackageIssue[] = [];
  const warnings: PackageIssue[] = [];
  const rowsOf = (name: HsdsTableName) =>
    (parsed[name]?.rows ?? []).map((row, index) => ({
      row,
      line: index + 2,
      file: parsed[name]?.file ?? '',
    }));
  const fileOf = (name: HsdsTableName) => parsed[name]?.file ?? hsdsTable(name).path;
  const municipalities = createMunicipalityMatcher(context.municipalities);

  const packageIds = (name: HsdsTableName) =>
    new Set(rowsOf(name).map(({ row }) => (row.id ?? '').toLowerCase()));
  const ids = {
    organization: packageIds('organization'),
    service: packageIds('service'),
    location: packageIds('location'),
    service_at_location: packageIds('service_at_location'),
  };
  const known = (table: keyof typeof ids, id: string) =>
    ids[table].has(id.toLowerCase()) || context.exists(table, id.toLowerCase());
  const reference = (
    file: string,
    line: number,
    field: string,
    table: keyof typeof ids,
    id: string | null,
  ): string | null => {
    if (!id) return null;
    if (known(table, id)) return id.toLowerCase();
    errors.push({ file, row: line, field, key: 'hsds.import.unknownReference', params: { table, id } });
    return null;
  };

  // Terms: the package's own, and Ruta's by their stable ids (a package may link them without listing them).
  const taxonomyNames = new Map(rowsOf('taxonomy').map(({ row }) => [row.id?.toLowerCase(), row.name ?? '']));
  const rutaTaxonomyOf = (taxonomyIdValue: string, taxonomyName: string): RutaTaxonomy | null => {
    for (const key of Object.keys(RUTA_TAXONOMIES) as RutaTaxonomy[]) {
      if (taxonomyId(key) === taxonomyIdValue || RUTA_TAXONOMIES[key].name === taxonomyName) return key;
    }
    return null;
  };
  interface Term {
    code: string;
    name: string;
    ruta: RutaTaxonomy | null;
  }
  const terms = new Map<string, Term>();
  for (const term of rutaTerms()) {
    terms.set(termId(term.taxonomy, term.code), { code: term.code, name: term.name, ruta: term.taxonomy });
  }
  for (const { row } of rowsOf('taxonomy_term')) {
    const taxonomyIdValue = (row.taxonomy_id ?? '').toLowerCase();
    const taxonomyName = row.taxonomy || taxonomyNames.get(taxonomyIdValue) || '';
    terms.set((row.id ?? '').toLowerCase(), {
      code: row.code ?? '',
      name: row.name ?? '',
      ruta: rutaTaxonomyOf(taxonomyIdValue, taxonomyName),
    });
  }
  const attributesOf = new Map<string, Array<{ term: Term; value: string; line: number }>>();
  for (const { row, line, file } of rowsOf('attribute')) {
    const term = terms.get((row.taxonomy_term_id ?? '').toLowerCase());
    if (!term) {
      errors.push({
        file,
        row: line,
        field: 'taxonomy_term_id',
        key: 'hsds.import.unknownTerm',
        params: { id: row.taxonomy_term_id ?? '' },
      });
      continue;
    }
    const linkId = (row.link_id ?? '').toLowerCase();
    const list = attributesOf.get(linkId) ?? [];
    list.push({ term, value: row.value ?? '', line });
    attributesOf.set(linkId, list);
  }

  const organizations: ImportedOrganization[] = rowsOf('organization').map(({ row }) => {
    const kind = (attributesOf.get((row.id ?? '').toLowerCase()) ?? []).find(
      (a) => a.term.ruta === 'organizationKind' && a.term.code in ORGANIZATION_KINDS,
    );
    return {
      id: (row.id as string).toLowerCase(),
      name: (row.name as string).trim(),
      alternate_name: nullable(row.alternate_name),
      kind: kind?.term.code ?? null,
      description: nullable(row.description),
      email: nullable(row.email),
      website: nullable(row.website),
    };
  });

  // Lists a service keeps as columns, gathered from their own files.
  const listOf = (name: HsdsTableName, pick: (row: HsdsRow, line: number, file: string) => string | null) => {
    const byService = new Map<string, string[]>();
    for (const { row, line, file } of rowsOf(name)) {
      const serviceId = (row.service_id ?? '').toLowerCase();
      if (!serviceId) continue;
      const value = pick(row, line, file);
      if (value === null) continue;
      const list = byService.get(serviceId) ?? [];
      if (!list.includes(value)) list.push(value);
      byService.set(serviceId, list);
    }
    return byService;
  };
  const documents = listOf('required_document', (row) => nullable(row.document));
  const languagesGiven = parsed.language !== undefined;
  const languages = listOf('language', (row, line, file) => {
    const code = languageCode(nullable(row.code), nullable(row.name));
    if (!code) warnings.push({ file, row: line, field: 'code', key: 'hsds.import.languageUnknown' });
    return code;
  });
  const areas = listOf('service_area', (row, line, file) => {
    const uri = /^urn:divipola:(\d{5})$/.exec(row.uri ?? '');
    const byUri = uri ? municipalities.byCode(uri[1] as string) : null;
    const department = (row.description ?? '').split(',').slice(1).join(',').trim() || null;
    const found = byUri ?? municipalities.find(nullable(row.name), department);
    if (!found) {
      warnings.push({
        file,
        row: line,
        field: 'name',
        key: 'hsds.import.areaUnmatched',
        params: { name: row.name ?? '' },
      });
    }
    return found?.code ?? null;
  });

  const services: DirectoryService[] = [];
  for (const { row, line, file } of rowsOf('service')) {
    const id = (row.id as string).toLowerCase();
    const attributes = attributesOf.get(id) ?? [];
    const rutaCategory = attributes.find((a) => a.term.ruta === 'category' && categoryForTerm(a.term));
    const foreign = attributes.map((a) => categoryForTerm(a.term)).find((category) => category !== null);
    const eligibility = attributes.filter((a) => a.term.ruta === 'eligibility').map((a) => a.term.code);
    const level = (name: ServiceLevel): number | null => {
      const attribute = attributes.find((a) => a.term.ruta === 'serviceLevel' && a.term.code === name);
      if (!attribute) return null;
      const value = Number(attribute.value);
      if (!Number.isInteger(value) || value <= 0) {
        errors.push({
          file: fileOf('attribute'),
          row: attribute.line,
          field: 'value',
          key: 'hsds.import.positive',
        });
        return null;
      }
      return value;
    };
    const age = (field: 'minimum_age' | 'maximum_age') => {
      const value = nullable(row[field]);
      if (value === null) return null;
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0) {
        errors.push({ file, row: line, field, key: 'hsds.import.age' });
        return null;
      }
      return number;
    };
    const minimum = age('minimum_age');
    const maximum = age('maximum_age');
    if (minimum !== null && maximum !== null && minimum > maximum) {
      errors.push({ file, row: line, field: 'maximum_age', key: 'hsds.import.ageRange' });
    }
    const organizationId = reference(
      file,
      line,
      'organization_id',
      'organization',
      nullable(row.organization_id),
    );
    services.push({
      id,
      organization_id: organizationId ?? '',
      name: (row.name as string).trim(),
      alternate_name: nullable(row.alternate_name),
      description: nullable(row.description),
      category: (rutaCategory ? categoryForTerm(rutaCategory.term) : foreign) ?? 'other',
      status: row.status as string,
      url: nullable(row.url),
      email: nullable(row.email),
      application_process: nullable(row.application_process),
      fees_description: nullable(row.fees_description),
      eligibility_description: nullable(row.eligibility_description),
      minimum_age: minimum,
      maximum_age: maximum,
      population_groups: unique(
        eligibility
          .filter((code) => code.startsWith('population_group:'))
          .map((code) => code.slice('population_group:'.length))
          .filter((group) => (POPULATION_GROUPS as readonly string[]).includes(group)),
      ),
      sexes: unique(
        eligibility
          .filter((code) => code.startsWith('sex:'))
          .map((code) => code.slice('sex:'.length))
          .filter((sex) => (SERVICE_SEXES as readonly string[]).includes(sex)),
      ),
      required_documents: documents.get(id) ?? [],
      municipality_codes: areas.get(id) ?? [],
      languages: languagesGiven ? (languages.get(id) ?? []) : ['es'],
      capacity_per_month: level('capacity_per_month'),
      acceptance_days: level('acceptance_days') ?? 5,
      completion_days: level('completion_days'),
    });
  }
  const serviceOrganization = new Map(services.map((s) => [s.id, s.organization_id]));

  const links: DirectoryServiceAtLocation[] = [];
  const pairs = new Map<string, number>();
  for (const { row, line, file } of rowsOf('service_at_location')) {
    const serviceId = reference(file, line, 'service_id', 'service', nullable(row.service_id));
    const locationId = reference(file, line, 'location_id', 'location', nullable(row.location_id));
    if (!serviceId || !locationId) continue;
    const pair = `${serviceId} ${locationId}`;
    if (pairs.has(pair)) {
      errors.push({
        file,
        row: line,
        field: 'location_id',
        key: 'hsds.import.duplicateLink',
        params: { row: pairs.get(pair) as number },
      });
      continue;
    }
    pairs.set(pair, line);
    links.push({
      id: (row.id as string).toLowerCase(),
      service_id: serviceId,
      location_id: locationId,
      description: nullable(row.description),
    });
  }
  const linkService = new Map(links.map((link) => [link.id, link.service_id]));
  const serviceOfLink = (id: string) => linkService.get(id) ?? context.serviceOfLink(id);

  const addresses = new Map<string, HsdsRow>();
  for (const { row, line, file } of rowsOf('address')) {
    const locationId = nullable(row.location_id)?.toLowerCase();
    if (!locationId) {
      warnings.push({ file, row: line, field: 'location_id', key: 'hsds.import.addressWithoutLocation' });
      continue;
    }
    const current = addresses.get(locationId);
    if (!current || (current.address_type !== 'physical' && row.address_type === 'physical'))
      addresses.set(locationId, row);
  }

  const locations: DirectoryLocation[] = [];
  for (const { row, line, file } of rowsOf('location')) {
    const id = (row.id as string).toLowerCase();
    let organizationId = reference(
      file,
      line,
      'organization_id',
      'organization',
      nullable(row.organization_id),
    );
    if (!row.organization_id) {
      const link = links.find((l) => l.location_id === id);
      organizationId = (link && serviceOrganization.get(link.service_id)) || null;
      if (!organizationId)
        errors.push({ file, row: line, field: 'organization_id', key: 'hsds.import.locationOrganization' });
    }
    const address = addresses.get(id);
    const name = nullable(row.name) ?? nullable(address?.address_1);
    if (!name) errors.push({ file, row: line, field: 'name', key: 'hsds.import.locationName' });
    const coordinate = (field: 'latitude' | 'longitude', limit: number) => {
      const value = nullable(row[field]);
      if (value === null) return null;
      const number = Number(value);
      if (Math.abs(number) > limit) {
        errors.push({ file, row: line, field, key: 'hsds.import.range', params: { limit } });
        return null;
      }
      return number;
    };
    const country = (nullable(address?.country) ?? 'CO').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) {
      errors.push({
        file: fileOf('address'),
        row: null,
        field: 'country',
        key: 'hsds.import.country',
        params: { value: country },
      });
    }
    const divipola = (attributesOf.get(id) ?? []).find((a) => a.term.ruta === 'divipola');
    const municipality =
      (divipola && municipalities.byCode(divipola.term.code)) ||
      (country === 'CO'
        ? municipalities.find(nullable(address?.city), nullable(address?.state_province))
        : null);
    locations.push({
      id,
      organization_id: organizationId ?? '',
      name: name ?? '',
      alternate_name: nullable(row.alternate_name),
      description: nullable(row.description),
      transportation: nullable(row.transportation),
      address_1: nullable(address?.address_1),
      address_2: nullable(address?.address_2),
      city: nullable(address?.city),
      state_province: nullable(address?.state_province),
      postal_code: nullable(address?.postal_code),
      country,
      municipality_code: municipality?.code ?? null,
      latitude: coordinate('latitude', 90),
      longitude: coordinate('longitude', 180),
    });
  }

  const schedules: DirectorySchedule[] = [];
  for (const { row, line, file } of rowsOf('schedule')) {
    const linkId = reference(
      file,
      line,
      'service_at_location_id',
      'service_at_location',
      nullable(row.service_at_location_id),
    );
    const serviceId = linkId
      ? null
      : reference(file, line, 'service_id', 'service', nullable(row.service_id));
    const locationId =
      linkId || serviceId
        ? null
        : reference(file, line, 'location_id', 'location', nullable(row.location_id));
    if (!linkId && !serviceId && !locationId) {
      if (!row.service_at_location_id && !row.service_id && !row.location_id) {
        errors.push({ file, row: line, field: 'service_id', key: 'hsds.import.scheduleOwner' });
      }
      continue;
    }
    const time = (field: 'opens_at' | 'closes_at') => {
      const value = nullable(row[field]);
      if (value === null) return null;
      const parsedTime = parseHsdsTime(value);
      if (!parsedTime) errors.push({ file, row: line, field, key: 'hsds.import.time' });
      return parsedTime;
    };
    const date = (field: 'valid_from' | 'valid_to') => {
      const value = nullable(row[field])?.slice(0, 10) ?? null;
      if (value !== null && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
        errors.push({ file, row: line, field, key: 'hsds.import.date' });
        return null;
      }
      return value;
    };
    let byday = nullable(row.byday)?.toUpperCase().replace(/\s+/g, '') ?? null;
    const freq = nullable(row.freq);
    if (byday && (!DAYS.test(byday) || (freq !== null && freq !== 'WEEKLY'))) {
      warnings.push({
        file,
        row: line,
        field: 'byday',
        key: 'hsds.import.recurrenceDropped',
        params: { value: row.byday ?? '' },
      });
      byday = null;
    }
    schedules.push({
      id: (row.id as string).toLowerCase(),
      service_id: serviceId,
      location_id: locationId,
      service_at_location_id: linkId,
      byday,
      opens_at: time('opens_at'),
      closes_at: time('closes_at'),
      valid_from: date('valid_from'),
      valid_to: date('valid_to'),
      description: nullable(row.description) ?? nullable(row.notes),
    });
  }

  // Contacts, and phones: a phone of a contact is its number; a phone of a record becomes a contact of it.
  const contacts: DirectoryContact[] = [];
  const owner = (row: HsdsRow, line: number, file: string) => {
    const link = nullable(row.service_at_location_id);
    if (link && reference(file, line, 'service_at_location_id', 'service_at_location', link)) {
      return { organization_id: null, service_id: serviceOfLink(link.toLowerCase()), location_id: null };
    }
    const serviceId = reference(file, line, 'service_id', 'service', nullable(row.service_id));
    if (serviceId) return { organization_id: null, service_id: serviceId, location_id: null };
    const locationId = reference(file, line, 'location_id', 'location', nullable(row.location_id));
    if (locationId) return { organization_id: null, service_id: null, location_id: locationId };
    const organizationId = reference(
      file,
      line,
      'organization_id',
      'organization',
      nullable(row.organization_id),
    );
    if (organizationId) return { organization_id: organizationId, service_id: null, location_id: null };
    if (!link && !row.service_id && !row.location_id && !row.organization_id) {
      errors.push({ file, row: line, field: 'organization_id', key: 'hsds.import.contactOwner' });
    }
    return null;
  };
  const contactById = new Map<string, DirectoryContact>();
  for (const { row, line, file } of rowsOf('contact')) {
    const belongs = owner(row, line, file);
    if (!belongs) continue;
    const contact: DirectoryContact = {
      id: (row.id as string).toLowerCase(),
      ...belongs,
      name: nullable(row.name),
      title: nullable(row.title),
      department: nullable(row.department),
      email: nullable(row.email),
      phone: null,
    };
    contacts.push(contact);
    contactById.set(contact.id, contact);
  }
  for (const { row, line, file } of rowsOf('phone')) {
    const number = `${(row.number as string).trim()}${nullable(row.extension) ? ` ext. ${row.extension}` : ''}`;
    const contactId = nullable(row.contact_id)?.toLowerCase();
    if (contactId) {
      const contact = contactById.get(contactId);
      if (!contact) {
        errors.push({
          file,
          row: line,
          field: 'contact_id',
          key: 'hsds.import.unknownReference',
          params: { table: 'contact', id: contactId },
        });
      } else if (contact.phone) {
        warnings.push({ file, row: line, field: 'number', key: 'hsds.import.extraPhone' });
      } else {
        contact.phone = number;
      }
      continue;
    }
    const belongs = owner(row, line, file);
    if (!belongs) continue;
    contacts.push({
      id: (row.id as string).toLowerCase(),
      ...belongs,
      name: nullable(row.description) ?? nullable(row.type),
      title: null,
      department: null,
      email: null,
      phone: number,
    });
  }

  return {
    rows: { organizations, services, locations, servicesAtLocations: links, schedules, contacts },
    errors,
    warnings,
  };
}

/** The tables Ruta reads from a package; any other HSDS file (programs, funding, cost options...) is ignored. */
export const IMPORTED_TABLES: HsdsTableName[] = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'address',
  'schedule',
  'contact',
  'phone',
  'required_document',
  'language',
  'service_area',
  'taxonomy',
  'taxonomy_term',
  'attribute',
];
