import type { HsdsRow, HsdsTables } from './hsds-export';
import { type HsdsTableName, hsdsTable } from './hsds-tables';

/**
 * The HSDS API's JSON objects (compiled `service.json`, `organization.json`, `service_at_location.json`) nested
 * from the same rows the tabular export writes, so the API and the package never disagree. Empty cells are left
 * out, except required fields, which stay as empty strings (an organization without a description).
 */
export type HsdsObject = Record<string, unknown>;

export function rowToJson(name: HsdsTableName, row: HsdsRow): HsdsObject {
  const object: HsdsObject = {};
  for (const field of hsdsTable(name).fields) {
    const value = row[field.name] ?? '';
    if (value === '') {
      if ('required' in field) object[field.name] = '';
      continue;
    }
    object[field.name] = field.type === 'number' ? Number(value) : value;
  }
  return object;
}

/** Indexes the tables for nesting: rows by id, and children by the column pointing at their parent. */
export function createNester(tables: HsdsTables) {
  const childrenBy = (name: HsdsTableName, column: string, parentId: string) =>
    tables[name].filter((row) => row[column] === parentId);
  const taxonomies = new Map(tables.taxonomy.map((row) => [row.id, row]));
  const terms = new Map(tables.taxonomy_term.map((row) => [row.id, row]));

  const attributes = (linkId: string) =>
    childrenBy('attribute', 'link_id', linkId).map((row) => {
      const term = terms.get(row.taxonomy_term_id ?? '');
      const taxonomy = term ? taxonomies.get(term.taxonomy_id ?? '') : undefined;
      return {
        ...rowToJson('attribute', row),
        ...(term
          ? {
              taxonomy_term: {
                ...rowToJson('taxonomy_term', term),
                ...(taxonomy ? { taxonomy_detail: rowToJson('taxonomy', taxonomy) } : {}),
              },
            }
          : {}),
      };
    });
  const contacts = (column: string, ownerId: string) =>
    childrenBy('contact', column, ownerId).map((row) => ({
      ...rowToJson('contact', row),
      phones: childrenBy('phone', 'contact_id', row.id ?? '').map((phone) => rowToJson('phone', phone)),
    }));
  const schedules = (column: string, ownerId: string) =>
    childrenBy('schedule', column, ownerId).map((row) => rowToJson('schedule', row));

  const location = (row: HsdsRow) => ({
    ...rowToJson('location', row),
    addresses: childrenBy('address', 'location_id', row.id ?? '').map((a) => rowToJson('address', a)),
    contacts: contacts('location_id', row.id ?? ''),
    phones: [],
    schedules: schedules('location_id', row.id ?? ''),
    languages: [],
    accessibility: [],
    attributes: attributes(row.id ?? ''),
  });
  const organizationBasic = (id: string) => {
    const row = tables.organization.find((o) => o.id === id);
    return row ? { ...rowToJson('organization', row), attributes: attributes(id) } : null;
  };
  const serviceBasic = (row: HsdsRow) => rowToJson('service', row);

  const serviceAtLocation = (row: HsdsRow, withService: boolean) => {
    const locationRow = tables.location.find((l) => l.id === row.location_id);
    const serviceRow = tables.service.find((s) => s.id === row.service_id);
    return {
      ...rowToJson('service_at_location', row),
      contacts: [],
      phones: [],
      schedules: schedules('service_at_location_id', row.id ?? ''),
      ...(locationRow ? { location: location(locationRow) } : {}),
      attributes: [],
      ...(withService && serviceRow ? { service: service(serviceRow, false) } : {}),
    };
  };

  function service(row: HsdsRow, withLinks = true): HsdsObject {
    const id = row.id ?? '';
    const organization = organizationBasic(row.organization_id ?? '');
    return {
      ...serviceBasic(row),
      ...(organization ? { organization } : {}),
      phones: [],
      schedules: schedules('service_id', id),
      service_areas: childrenBy('service_area', 'service_id', id).map((a) => rowToJson('service_area', a)),
      service_at_locations: withLinks
        ? childrenBy('service_at_location', 'service_id', id).map((link) => serviceAtLocation(link, false))
        : [],
      languages: childrenBy('language', 'service_id', id).map((l) => rowToJson('language', l)),
      funding: [],
      cost_options: [],
      required_documents: childrenBy('required_document', 'service_id', id).map((d) =>
        rowToJson('required_document', d),
      ),
      contacts: contacts('service_id', id),
      attributes: attributes(id),
    };
  }

  return {
    /** A service fully nested (GET /services/{id}). */
    service: (id: string) => {
      const row = tables.service.find((s) => s.id === id);
      return row ? service(row) : null;
    },
    /** A service's one-to-one fields and its organization (the items of GET /services). */
    serviceListItem: (row: HsdsRow) => {
      const organization = tables.organization.find((o) => o.id === row.organization_id);
      return {
        ...serviceBasic(row),
        ...(organization ? { organization: rowToJson('organization', organization) } : {}),
      };
    },
    /** An organization with its contacts, locations, services and attributes (GET /organizations/{id}). */
    organization: (id: string, fullServices: boolean) => {
      const row = tables.organization.find((o) => o.id === id);
      if (!row) return null;
      return {
        ...rowToJson('organization', row),
        funding: [],
        contacts: contacts('organization_id', id),
        phones: [],
        locations: tables.location.filter((l) => l.organization_id === id).map(location),
        programs: [],
        organization_identifiers: [],
        attributes: attributes(id),
        services: tables.service
          .filter((s) => s.organization_id === id)
          .map((s) => (fullServices ? service(s) : serviceBasic(s))),
      };
    },
    organizationListItem: (row: HsdsRow) => rowToJson('organization', row),
    /** A service at a location with its location, schedules and service (GET /service_at_locations/{id}). */
    serviceAtLocation: (id: string) => {
      const row = tables.service_at_location.find((l) => l.id === id);
      return row ? serviceAtLocation(row, true) : null;
    },
    serviceAtLocationListItem: (row: HsdsRow) => rowToJson('service_at_location', row),
  };
}
