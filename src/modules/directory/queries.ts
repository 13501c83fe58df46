import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  Database,
  DirectoryContactTable,
  DirectoryLocationTable,
  DirectoryScheduleTable,
  DirectoryServiceTable,
} from '../../db/schema';

type Db = Kysely<Database>;

/** Lower-case without Spanish accents, as `fold` in the service does to the query. */
const folded = (column: string) =>
  sql`lower(translate(coalesce(${sql.ref(column)}, ''), 'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun'))`;

export interface ServiceFilter {
  /** Folded words, each of which must appear in the name, description or organization. */
  words: string[];
  categories?: string[];
  municipality?: string;
  organizationId?: string;
  status?: string;
  limit: number;
  offset: number;
}

function filteredServices(db: Db, filter: Omit<ServiceFilter, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('directory_service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id');
  for (const word of filter.words) {
    const pattern = `%${word.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(folded('s.name'), 'like', pattern),
        eb(folded('s.alternate_name'), 'like', pattern),
        eb(folded('s.description'), 'like', pattern),
        eb(folded('o.name'), 'like', pattern),
        eb(folded('o.short_name'), 'like', pattern),
      ]),
    );
  }
  if (filter.categories) query = query.where('s.category', 'in', filter.categories);
  if (filter.organizationId) query = query.where('s.organization_id', '=', filter.organizationId);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  const municipality = filter.municipality;
  if (municipality) {
    query = query.where((eb) =>
      eb.or([
        eb(sql`cardinality(s.municipality_codes)`, '=', 0),
        eb(sql`${municipality}`, '=', sql`any(s.municipality_codes)`),
        eb.exists(
          eb
            .selectFrom('directory_service_at_location as sal')
            .innerJoin('directory_location as l', 'l.id', 'sal.location_id')
            .select(sql`1`.as('one'))
            .whereRef('sal.service_id', '=', 's.id')
            .where('l.municipality_code', '=', municipality),
        ),
      ]),
    );
  }
  return query;
}

export async function listServices(db: Db, filter: ServiceFilter) {
  const base = filteredServices(db, filter);
  const [rows, count] = await Promise.all([
    base
      .select([
        's.id',
        's.name',
        's.category',
        's.status',
        's.organization_id',
        'o.name as organization_name',
        'o.short_name as organization_short_name',
        's.municipality_codes',
        's.acceptance_days',
        's.completion_days',
        's.capacity_per_month',
        's.updated_at',
      ])
      .orderBy('s.name')
      .orderBy('o.short_name')
      .orderBy('s.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The municipalities of the places each service is delivered at. */
export function locationMunicipalitiesOf(db: Db, serviceIds: string[]) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db
    .selectFrom('directory_service_at_location as sal')
    .innerJoin('directory_location as l', 'l.id', 'sal.location_id')
    .innerJoin('municipality as m', 'm.code', 'l.municipality_code')
    .select(['sal.service_id', 'm.code', 'm.name'])
    .where('sal.service_id', 'in', serviceIds)
    .distinct()
    .orderBy('m.name')
    .execute();
}

export function findService(db: Db, id: string) {
  return db
    .selectFrom('directory_service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select(['o.name as organization_name', 'o.short_name as organization_short_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function serviceLocations(db: Db, serviceId: string) {
  return db
    .selectFrom('directory_service_at_location as sal')
    .innerJoin('directory_location as l', 'l.id', 'sal.location_id')
    .leftJoin('municipality as m', 'm.code', 'l.municipality_code')
    .select([
      'sal.id',
      'sal.location_id',
      'sal.description',
      'l.name',
      'l.address_1',
      'l.address_2',
      'l.city',
      'l.municipality_code',
      'm.name as municipality_name',
      'l.latitude',
      'l.longitude',
    ])
    .where('sal.service_id', '=', serviceId)
    .orderBy('l.name')
    .execute();
}

export function schedulesOf(
  db: Db,
  owner: { serviceIds?: string[]; locationIds?: string[]; serviceAtLocationIds?: string[] },
) {
  const { serviceIds = [], locationIds = [], serviceAtLocationIds = [] } = owner;
  if (!serviceIds.length && !locationIds.length && !serviceAtLocationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('directory_schedule')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(serviceIds.length ? [eb('service_id', 'in', serviceIds)] : []),
        ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []),
        ...(serviceAtLocationIds.length ? [eb('service_at_location_id', 'in', serviceAtLocationIds)] : []),
      ]),
    )
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
}

export function contactsOf(db: Db, owner: { serviceId?: string; organizationIds?: string[] }) {
  let query = db.selectFrom('directory_contact').selectAll().orderBy('id');
  if (owner.serviceId) query = query.where('service_id', '=', owner.serviceId);
  else if (owner.organizationIds?.length) query = query.where('organization_id', 'in', owner.organizationIds);
  else return Promise.resolve([]);
  return query.execute();
}

export function insertService(db: Db, row: Insertable<DirectoryServiceTable>) {
  return db.insertInto('directory_service').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a service at the version read, bumping it; undefined when stale. */
export function updateService(
  db: Db,
  id: string,
  version: number,
  changes: Omit<Updateable<DirectoryServiceTable>, 'id' | 'version' | 'created_at' | 'created_by'>,
) {
  return db
    .updateTable('directory_service')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a service's places, hours and contacts before they are written again (a full replacement). */
export async function clearServiceChildren(db: Db, serviceId: string) {
  await db.deleteFrom('directory_schedule').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('directory_contact').where('service_id', '=', serviceId).execute();
  // Cascades to the schedules of each service-at-location.
  await db.deleteFrom('directory_service_at_location').where('service_id', '=', serviceId).execute();
}

export async function insertServiceAtLocations(
  db: Db,
  rows: Array<{ id: string; service_id: string; location_id: string; description: string | null }>,
) {
  if (rows.length) await db.insertInto('directory_service_at_location').values(rows).execute();
}

export async function insertSchedules(db: Db, rows: Array<Insertable<DirectoryScheduleTable>>) {
  if (rows.length) await db.insertInto('directory_schedule').values(rows).execute();
}

export async function insertContacts(db: Db, rows: Array<Insertable<DirectoryContactTable>>) {
  if (rows.length) await db.insertInto('directory_contact').values(rows).execute();
}

export function existingMunicipalities(db: Db, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db.selectFrom('municipality').select(['code', 'name']).where('code', 'in', codes).execute();
}

export function existingLocations(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('directory_location').select(['id']).where('id', 'in', ids).execute();
}

export function organizationExists(db: Db, id: string) {
  return db.selectFrom('organization').select('id').where('id', '=', id).executeTakeFirst();
}

// Locations

export function listLocations(
  db: Db,
  filter: { words: string[]; organizationId?: string; municipality?: string },
) {
  let query = db
    .selectFrom('directory_location as l')
    .innerJoin('organization as o', 'o.id', 'l.organization_id')
    .leftJoin('municipality as m', 'm.code', 'l.municipality_code')
    .select((eb) => [
      'l.id',
      'l.name',
      'l.address_1',
      'l.city',
      'l.municipality_code',
      'm.name as municipality_name',
      'l.organization_id',
      'o.name as organization_name',
      'o.short_name as organization_short_name',
      'l.version',
      eb
        .selectFrom('directory_service_at_location as sal')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('sal.location_id', '=', 'l.id')
        .as('service_count'),
    ])
    .orderBy('o.short_name')
    .orderBy('l.name');
  for (const word of filter.words) {
    const pattern = `%${word.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(folded('l.name'), 'like', pattern),
        eb(folded('l.address_1'), 'like', pattern),
        eb(folded('m.name'), 'like', pattern),
        eb(folded('o.short_name'), 'like', pattern),
      ]),
    );
  }
  if (filter.organizationId) query = query.where('l.organization_id', '=', filter.organizationId);
  if (filter.municipality) query = query.where('l.municipality_code', '=', filter.municipality);
  return query.limit(500).execute();
}

export function findLocation(db: Db, id: string) {
  return db
    .selectFrom('directory_location as l')
    .innerJoin('organization as o', 'o.id', 'l.organization_id')
    .leftJoin('municipality as m', 'm.code', 'l.municipality_code')
    .selectAll('l')
    .select([
      'o.name as organization_name',
      'o.short_name as organization_short_name',
      'm.name as municipality_name',
    ])
    .where('l.id', '=', id)
    .executeTakeFirst();
}

export function servicesAtLocation(db: Db, locationId: string) {
  return db
    .selectFrom('directory_service_at_location as sal')
    .innerJoin('directory_service as s', 's.id', 'sal.service_id')
    .select(['s.id', 's.name', 's.category', 's.status'])
    .where('sal.location_id', '=', locationId)
    .orderBy('s.name')
    .execute();
}

export function insertLocation(db: Db, row: Insertable<DirectoryLocationTable>) {
  return db.insertInto('directory_location').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateLocation(
  db: Db,
  id: string,
  version: number,
  changes: Omit<Updateable<DirectoryLocationTable>, 'id' | 'version' | 'created_at'>,
) {
  return db
    .updateTable('directory_location')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function clearLocationSchedules(db: Db, locationId: string) {
  await db.deleteFrom('directory_schedule').where('location_id', '=', locationId).execute();
}

// Organizations

export function listOrganizations(db: Db) {
  return db
    .selectFrom('organization as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.short_name',
      'o.kind',
      'o.description',
      'o.email',
      'o.website',
      'o.version',
      eb
        .selectFrom('directory_service as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.organization_id', '=', 'o.id')
        .as('service_count'),
      eb
        .selectFrom('directory_service as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.organization_id', '=', 'o.id')
        .where('s.status', '=', 'active')
        .as('active_service_count'),
      eb
        .selectFrom('directory_location as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.organization_id', '=', 'o.id')
        .as('location_count'),
    ])
    .orderBy('o.short_name')
    .execute();
}

export function updateOrganizationProfile(
  db: Db,
  id: string,
  version: number,
  changes: { description: string | null; email: string | null; website: string | null; updated_at: Date },
) {
  return db
    .updateTable('organization')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id'])
    .executeTakeFirst();
}

export async function clearOrganizationContacts(db: Db, organizationId: string) {
  await db.deleteFrom('directory_contact').where('organization_id', '=', organizationId).execute();
}

/** For referrals: a service with its organization's name and the municipalities of its places. */
export function findServiceForReferral(db: Db, id: string) {
  return db
    .selectFrom('directory_service as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select((eb) => [
      's.id',
      's.name',
      's.category',
      's.status',
      's.organization_id',
      'o.name as organization_name',
      's.population_groups',
      's.sexes',
      's.minimum_age',
      's.maximum_age',
      's.required_documents',
      's.municipality_codes',
      's.capacity_per_month',
      's.acceptance_days',
      's.completion_days',
      eb
        .selectFrom('directory_service_at_location as sal')
        .innerJoin('directory_location as l', 'l.id', 'sal.location_id')
        .select(sql<string[]>`coalesce(array_agg(distinct l.municipality_code::text), '{}')`.as('codes'))
        .whereRef('sal.service_id', '=', 's.id')
        .where('l.municipality_code', 'is not', null)
        .as('location_municipality_codes'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
