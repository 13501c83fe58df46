import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type {
  DirectoryContact,
  DirectoryLocation,
  DirectorySchedule,
  DirectoryService,
  DirectoryServiceAtLocation,
  DirectorySnapshot,
} from '../../domain/directory/hsds-export';
import type { ImportedOrganization, MunicipalityRef } from '../../domain/directory/hsds-import';

type Db = Kysely<Database>;

const CHUNK = 500;

const SERVICE_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'alternate_name',
  'description',
  'category',
  'status',
  'url',
  'email',
  'application_process',
  'fees_description',
  'eligibility_description',
  'minimum_age',
  'maximum_age',
  'population_groups',
  'sexes',
  'required_documents',
  'municipality_codes',
  'languages',
  'capacity_per_month',
  'acceptance_days',
  'completion_days',
  'updated_at',
] as const;

const LOCATION_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'alternate_name',
  'description',
  'transportation',
  'address_1',
  'address_2',
  'city',
  'state_province',
  'postal_code',
  'country',
  'municipality_code',
  'latitude',
  'longitude',
] as const;

const ORGANIZATION_COLUMNS = ['id', 'name', 'short_name', 'kind', 'description', 'email', 'website'] as const;

export interface SnapshotScope {
  /** Only these services (with their organizations, places, schedules and contacts); all when absent. */
  serviceIds?: string[];
  /** Only these organizations (with their services and locations). */
  organizationIds?: string[];
}

/** The directory (or the part of it a scope names), as the HSDS mapping reads it. */
export async function loadSnapshot(db: Db, scope: SnapshotScope = {}): Promise<DirectorySnapshot> {
  const none = ['00000000-0000-0000-0000-000000000000'];
  let servicesQuery = db.selectFrom('directory_service').select(SERVICE_COLUMNS).orderBy('id');
  if (scope.serviceIds)
    servicesQuery = servicesQuery.where('id', 'in', scope.serviceIds.length ? scope.serviceIds : none);
  if (scope.organizationIds) {
    servicesQuery = servicesQuery.where(
      'organization_id',
      'in',
      scope.organizationIds.length ? scope.organizationIds : none,
    );
  }
  const services = (await servicesQuery.execute()) as DirectoryService[];
  const scoped = scope.serviceIds !== undefined || scope.organizationIds !== undefined;
  const serviceIds = services.map((s) => s.id);

  let links = db.selectFrom('directory_service_at_location').selectAll().orderBy('id');
  if (scoped) links = links.where('service_id', 'in', serviceIds.length ? serviceIds : none);
  const servicesAtLocations = (await links.execute()) as DirectoryServiceAtLocation[];

  let locationsQuery = db.selectFrom('directory_location').select(LOCATION_COLUMNS).orderBy('id');
  if (scoped) {
    const locationIds = [...new Set(servicesAtLocations.map((l) => l.location_id))];
    const organizations = scope.organizationIds ?? [];
    locationsQuery = locationsQuery.where((eb) =>
      eb.or([
        eb('id', 'in', locationIds.length ? locationIds : none),
        eb('organization_id', 'in', organizations.length ? organizations : none),
      ]),
    );
  }
  const locations = (await locationsQuery.execute()) as DirectoryLocation[];

  const organizationIds = scoped
    ? [...new Set([...(scope.organizationIds ?? []), ...services.map((s) => s.organization_id)])]
    : null;
  let organizationsQuery = db.selectFrom('organization').select(ORGANIZATION_COLUMNS).orderBy('id');
  if (organizationIds)
    organizationsQuery = organizationsQuery.where(
      'id',
      'in',
      organizationIds.length ? organizationIds : none,
    );
  const organizations = await organizationsQuery.execute();

  const locationIds = locations.map((l) => l.id);
  const linkIds = servicesAtLocations.map((l) => l.id);
  let schedulesQuery = db
    .selectFrom('directory_schedule')
    .select([
      'id',
      'service_id',
      'location_id',
      'service_at_location_id',
      'byday',
      'opens_at',
      'closes_at',
      'valid_from',
      'valid_to',
      'description',
    ])
    .orderBy('id');
  if (scoped) {
    schedulesQuery = schedulesQuery.where((eb) =>
      eb.or([
        eb('service_id', 'in', serviceIds.length ? serviceIds : none),
        eb('location_id', 'in', locationIds.length ? locationIds : none),
        eb('service_at_location_id', 'in', linkIds.length ? linkIds : none),
      ]),
    );
  }
  const schedules = (await schedulesQuery.execute()) as DirectorySchedule[];

  let contactsQuery = db.selectFrom('directory_contact').selectAll().orderBy('id');
  if (scoped) {
    const organizationList = organizationIds ?? [];
    contactsQuery = contactsQuery.where((eb) =>
      eb.or([
        eb('service_id', 'in', serviceIds.length ? serviceIds : none),
        eb('location_id', 'in', locationIds.length ? locationIds : none),
        eb('organization_id', 'in', organizationList.length ? organizationList : none),
      ]),
    );
  }
  const contacts = (await contactsQuery.execute()) as DirectoryContact[];

  const codes = [
    ...new Set([
      ...services.flatMap((s) => s.municipality_codes),
      ...locations.flatMap((l) => (l.municipality_code ? [l.municipality_code] : [])),
    ]),
  ];
  const municipalities = codes.length
    ? await db
        .selectFrom('municipality as m')
        .innerJoin('department as d', 'd.code', 'm.department_code')
        .select(['m.code', 'm.name', 'd.name as departmentName'])
        .where('m.code', 'in', codes)
        .execute()
    : [];
  return {
    organizations,
    services,
    locations,
    servicesAtLocations,
    schedules,
    contacts,
    municipalities: Object.fromEntries(
      municipalities.map((m) => [m.code, { name: m.name, departmentName: m.departmentName }]),
    ),
  };
}

export function allMunicipalities(db: Db): Promise<MunicipalityRef[]> {
  return db
    .selectFrom('municipality as m')
    .innerJoin('department as d', 'd.code', 'm.department_code')
    .select(['m.code', 'm.name', 'd.name as departmentName'])
    .execute();
}

type IdTable = 'organization' | 'directory_service' | 'directory_location' | 'directory_service_at_location';

/** Which of these ids the table already holds. */
export async function existingIds(db: Db, table: IdTable, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function existingIdsOf(
  db: Db,
  table: 'directory_schedule' | 'directory_contact',
  ids: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function servicesOfLinks(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_service_at_location')
    .select(['id', 'service_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.service_id]));
}

/** Every organization's short name (lower case), to keep them unique when imported ones arrive. */
export async function organizationShortNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organization').select(['id', 'short_name']).execute();
  return new Map(rows.map((row) => [row.short_name.toLowerCase(), row.id]));
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) out.push(rows.slice(start, start + CHUNK));
  return out;
}

/**
 * Inserts or updates organizations. An existing organization's `kind` changes only for rows that carry Ruta's kind
 * attribute, and only when `changeKind` (the importer is an administrator).
 */
export async function upsertOrganizations(
  db: Db,
  rows: Array<Omit<ImportedOrganization, 'alternate_name'> & { short_name: string }>,
  options: { changeKind: boolean },
): Promise<void> {
  for (const withKind of [true, false]) {
    const selected = rows.filter((row) => (row.kind !== null) === withKind);
    for (const chunk of chunks(selected)) {
      await db
        .insertInto('organization')
        .values(
          chunk.map((row) => ({
            id: row.id,
            name: row.name,
            short_name: row.short_name,
            kind: row.kind ?? 'other',
            description: row.description,
            email: row.email,
            website: row.website,
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            short_name: eb.ref('excluded.short_name'),
            ...(withKind && options.changeKind ? { kind: eb.ref('excluded.kind') } : {}),
            description: eb.ref('excluded.description'),
            email: eb.ref('excluded.email'),
            website: eb.ref('excluded.website'),
            version: sql<number>`organization.version + 1`,
            updated_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
  }
}

export async function upsertServices(db: Db, rows: DirectoryService[], userId: string): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('directory_service')
      .values(
        chunk.map(({ updated_at: _updatedAt, ...row }) => ({
          ...row,
          created_by: userId,
          updated_by: userId,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          organization_id: eb.ref('excluded.organization_id'),
          name: eb.ref('excluded.name'),
          alternate_name: eb.ref('excluded.alternate_name'),
          description: eb.ref('excluded.description'),
          category: eb.ref('excluded.category'),
          status: eb.ref('excluded.status'),
          url: eb.ref('excluded.url'),
          email: eb.ref('excluded.email'),
          application_process: eb.ref('excluded.application_process'),
          fees_description: eb.ref('excluded.fees_description'),
          eligibility_description: eb.ref('excluded.eligibility_description'),
          minimum_age: eb.ref('excluded.minimum_age'),
          maximum_age: eb.ref('excluded.maximum_age'),
          population_groups: eb.ref('excluded.population_groups'),
          sexes: eb.ref('excluded.sexes'),
          required_documents: eb.ref('excluded.required_documents'),
          municipality_codes: eb.ref('excluded.municipality_codes'),
          languages: eb.ref('excluded.languages'),
          capacity_per_month: eb.ref('excluded.capacity_per_month'),
          acceptance_days: eb.ref('excluded.acceptance_days'),
          completion_days: eb.ref('excluded.completion_days'),
          updated_by: eb.ref('excluded.updated_by'),
          version: sql<number>`directory_service.version + 1`,
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

export async function upsertLocations(db: Db, rows: DirectoryLocation[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('directory_location')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          organization_id: eb.ref('excluded.organization_id'),
          name: eb.ref('excluded.name'),
          alternate_name: eb.ref('excluded.alternate_name'),
          description: eb.ref('excluded.description'),
          transportation: eb.ref('excluded.transportation'),
          address_1: eb.ref('excluded.address_1'),
          address_2: eb.ref('excluded.address_2'),
          city: eb.ref('excluded.city'),
          state_province: eb.ref('excluded.state_province'),
          postal_code: eb.ref('excluded.postal_code'),
          country: eb.ref('excluded.country'),
          municipality_code: eb.ref('excluded.municipality_code'),
          latitude: eb.ref('excluded.latitude'),
          longitude: eb.ref('excluded.longitude'),
          version: sql<number>`directory_location.version + 1`,
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

export async function upsertServicesAtLocations(db: Db, rows: DirectoryServiceAtLocation[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('directory_service_at_location')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          service_id: eb.ref('excluded.service_id'),
          location_id: eb.ref('excluded.location_id'),
          description: eb.ref('excluded.description'),
        })),
      )
      .execute();
  }
}

export async function upsertSchedules(db: Db, rows: DirectorySchedule[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('directory_schedule')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          service_id: eb.ref('excluded.service_id'),
          location_id: eb.ref('excluded.location_id'),
          service_at_location_id: eb.ref('excluded.service_at_location_id'),
          byday: eb.ref('excluded.byday'),
          opens_at: eb.ref('excluded.opens_at'),
          closes_at: eb.ref('excluded.closes_at'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
          description: eb.ref('excluded.description'),
        })),
      )
      .execute();
  }
}

export async function upsertContacts(db: Db, rows: DirectoryContact[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('directory_contact')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          organization_id: eb.ref('excluded.organization_id'),
          service_id: eb.ref('excluded.service_id'),
          location_id: eb.ref('excluded.location_id'),
          name: eb.ref('excluded.name'),
          title: eb.ref('excluded.title'),
          department: eb.ref('excluded.department'),
          email: eb.ref('excluded.email'),
          phone: eb.ref('excluded.phone'),
        })),
      )
      .execute();
  }
}

export interface HsdsServiceFilter {
  search?: string;
  organizationId?: string;
  categories?: string[];
  populationGroup?: string;
  sex?: string;
  municipalityCode?: string;
  modifiedAfter?: Date;
  /** An id matching nothing (a term of no taxonomy we publish). */
  nothing?: boolean;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filteredServiceIds(db: Db, filter: HsdsServiceFilter) {
  let query = db.selectFrom('directory_service as s');
  if (filter.nothing) query = query.where(sql<boolean>`false`);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('s.name', 'ilike', pattern),
        eb('s.alternate_name', 'ilike', pattern),
        eb('s.description', 'ilike', pattern),
      ]),
    );
  }
  if (filter.organizationId) query = query.where('s.organization_id', '=', filter.organizationId);
  if (filter.categories) query = query.where('s.category', 'in', filter.categories);
  if (filter.populationGroup) {
    query = query.where(sql<boolean>`${filter.populationGroup} = any(s.population_groups)`);
  }
  if (filter.sex) query = query.where(sql<boolean>`${filter.sex} = any(s.sexes)`);
  if (filter.municipalityCode) {
    query = query.where(sql<boolean>`${filter.municipalityCode} = any(s.municipality_codes)`);
  }
  if (filter.modifiedAfter) query = query.where('s.updated_at', '>=', filter.modifiedAfter);
  return query;
}

export async function pageOfServiceIds(db: Db, filter: HsdsServiceFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filteredServiceIds(db, filter)
      .select('s.id')
      .orderBy('s.name')
      .orderBy('s.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredServiceIds(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((row) => row.id), total: Number(total.count) };
}

export async function pageOfLinkIds(db: Db, filter: HsdsServiceFilter, limit: number, offset: number) {
  const base = () =>
    filteredServiceIds(db, filter).innerJoin(
      'directory_service_at_location as sal',
      'sal.service_id',
      's.id',
    );
  const [rows, total] = await Promise.all([
    base().select('sal.id').orderBy('s.name').orderBy('sal.id').limit(limit).offset(offset).execute(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((row) => row.id), total: Number(total.count) };
}

export async function pageOfOrganizationIds(
  db: Db,
  search: string | undefined,
  limit: number,
  offset: number,
) {
  const base = () => {
    let query = db.selectFrom('organization as o');
    if (search) {
      const pattern = `%${escapeLike(search)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('o.name', 'ilike', pattern),
          eb('o.short_name', 'ilike', pattern),
          eb('o.description', 'ilike', pattern),
        ]),
      );
    }
    return query;
  };
  const [rows, total] = await Promise.all([
    base().select('o.id').orderBy('o.name').orderBy('o.id').limit(limit).offset(offset).execute(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((row) => row.id), total: Number(total.count) };
}

export async function serviceOfLink(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('directory_service_at_location')
    .select('service_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.service_id ?? null;
}
