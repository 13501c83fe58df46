import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema';

// The public finder reads the directory's tables and nothing else: no person, case or referral table, no staff
// user, and of each row only the columns a visitor may see (a contact's phone and email, never a staff name).

export interface ServiceSearch {
  /** Categories to keep; null for any. */
  categories: string[] | null;
  /** DIVIPOLA code: its services and the national ones, local first. */
  municipality: string | null;
  /** Folded words; each must appear in the texts, or name a category listed for it. */
  words: Array<{ word: string; categories: string[] }>;
  limit: number;
  offset: number;
}

const FOLD_FROM = 'ÁÉÍÓÚÜÑáéíóúüñ';
const FOLD_TO = 'AEIOUUNaeiouun';

function likePattern(word: string): string {
  return `%${word.replace(/[%_\\]/g, '\\$&')}%`;
}

/** Offered in the municipality: listed in the service's area, or at one of its locations there. */
function isLocal(municipality: string): Expression<SqlBool> {
  return sql<SqlBool>`(${municipality} = any(directory_service.municipality_codes) or exists (
    select 1 from directory_service_at_location sal
    join directory_location l on l.id = sal.location_id
    where sal.service_id = directory_service.id and l.municipality_code = ${municipality}))`;
}

/** For anyone in the country: no area limit and no location. */
const isNational = sql<SqlBool>`(cardinality(directory_service.municipality_codes) = 0 and not exists (
  select 1 from directory_service_at_location sal where sal.service_id = directory_service.id))`;

const SERVICE_COLUMNS = [
  'directory_service.id',
  'directory_service.name',
  'directory_service.description',
  'directory_service.category',
  'directory_service.url',
  'directory_service.email',
  'directory_service.application_process',
  'directory_service.fees_description',
  'directory_service.eligibility_description',
  'directory_service.minimum_age',
  'directory_service.maximum_age',
  'directory_service.required_documents',
  'directory_service.languages',
  'directory_service.municipality_codes',
  'directory_service.organization_id',
  'organization.name as organization_name',
  'organization.website as organization_website',
  'organization.email as organization_email',
] as const;

/** Where the service is offered, seen from the municipality asked for (or from anywhere). */
function reachOf(municipality: string | null) {
  return municipality
    ? sql<string>`case when ${isLocal(municipality)} then 'local' when ${isNational} then 'national' else 'area' end`
    : sql<string>`case when ${isNational} then 'national' else 'area' end`;
}

/** Active services matching the filters, each with its reach; with a municipality, only local and national ones. */
function matching(db: Kysely<Database>, search: ServiceSearch) {
  let query = db
    .selectFrom('directory_service')
    .innerJoin('organization', 'organization.id', 'directory_service.organization_id')
    .where('directory_service.status', '=', 'active');
  if (search.categories) query = query.where('directory_service.category', 'in', search.categories);
  for (const { word, categories } of search.words) {
    const text = sql<string>`lower(translate(directory_service.name || ' ' || coalesce(directory_service.description, '')
      || ' ' || organization.name || ' ' || organization.short_name, ${FOLD_FROM}, ${FOLD_TO}))`;
    query = query.where((eb) =>
      eb.or([
        eb(text, 'like', likePattern(word)),
        ...(categories.length > 0 ? [eb('directory_service.category', 'in', categories)] : []),
      ]),
    );
  }
  const inner = query.select(SERVICE_COLUMNS).select(reachOf(search.municipality).as('reach'));
  const outer = db.selectFrom(inner.as('service'));
  return search.municipality ? outer.where('service.reach', '<>', 'area') : outer;
}

export async function countServices(db: Kysely<Database>, search: ServiceSearch): Promise<number> {
  const row = await matching(db, search)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** One page of active services, those offered in the municipality first, then the national ones, by name. */
export function searchServices(db: Kysely<Database>, search: ServiceSearch) {
  return matching(db, search)
    .selectAll('service')
    .orderBy(sql`service.reach = 'local'`, 'desc')
    .orderBy('service.name')
    .orderBy('service.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
}

export function findActiveService(db: Kysely<Database>, id: string, municipality: string | null) {
  return db
    .selectFrom('directory_service')
    .innerJoin('organization', 'organization.id', 'directory_service.organization_id')
    .where('directory_service.status', '=', 'active')
    .where('directory_service.id', '=', id)
    .select(SERVICE_COLUMNS)
    .select(reachOf(municipality).as('reach'))
    .executeTakeFirst();
}

/** The services' locations with their municipality and department; those in `municipality` first. */
export function locationsOf(db: Kysely<Database>, serviceIds: string[], municipality: string | null) {
  let query = db
    .selectFrom('directory_service_at_location as sal')
    .innerJoin('directory_location as l', 'l.id', 'sal.location_id')
    .leftJoin('municipality as m', 'm.code', 'l.municipality_code')
    .leftJoin('department as d', 'd.code', 'm.department_code')
    .where('sal.service_id', 'in', serviceIds)
    .select([
      'sal.service_id',
      'sal.id as service_at_location_id',
      'l.id',
      'l.name',
      'l.address_1',
      'l.address_2',
      'l.transportation',
      'l.municipality_code',
      'm.name as municipality_name',
      'd.name as department_name',
    ]);
  if (municipality)
    query = query.orderBy(sql`coalesce(l.municipality_code = ${municipality}, false)`, 'desc');
  return query.orderBy('l.name').orderBy('l.id').execute();
}

export function schedulesOf(
  db: Kysely<Database>,
  owners: { serviceIds: string[]; locationIds: string[]; serviceAtLocationIds: string[] },
) {
  return db
    .selectFrom('directory_schedule')
    .where((eb) =>
      eb.or([
        eb('service_id', 'in', owners.serviceIds),
        ...(owners.locationIds.length > 0 ? [eb('location_id', 'in', owners.locationIds)] : []),
        ...(owners.serviceAtLocationIds.length > 0
          ? [eb('service_at_location_id', 'in', owners.serviceAtLocationIds)]
          : []),
      ]),
    )
    .select([
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
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
}

/** Phones and emails of services, locations and organizations; never the name or title of a person. */
export function contactsOf(
  db: Kysely<Database>,
  owners: { serviceIds: string[]; locationIds: string[]; organizationIds: string[] },
) {
  return db
    .selectFrom('directory_contact')
    .where((eb) =>
      eb.or([
        eb('service_id', 'in', owners.serviceIds),
        ...(owners.locationIds.length > 0 ? [eb('location_id', 'in', owners.locationIds)] : []),
        eb('organization_id', 'in', owners.organizationIds),
      ]),
    )
    .where((eb) => eb.or([eb('phone', 'is not', null), eb('email', 'is not', null)]))
    .select(['service_id', 'location_id', 'organization_id', 'department', 'phone', 'email'])
    .orderBy('id')
    .execute();
}

export function municipalitiesByCode(db: Kysely<Database>, codes: string[]) {
  return db
    .selectFrom('municipality as m')
    .innerJoin('department as d', 'd.code', 'm.department_code')
    .where('m.code', 'in', codes)
    .select(['m.code', 'm.name', 'd.name as department_name'])
    .orderBy('m.name')
    .execute();
}
