import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

// Employers.

const latestVerification = (db: Db) =>
  db
    .selectFrom('employer_verification')
    .distinctOn('organization_id')
    .selectAll()
    .orderBy('organization_id')
    .orderBy('verified_at', 'desc')
    .orderBy('created_at', 'desc');

/** Employer organizations with their latest verification, profile and open vacancies, by name. */
export function listEmployers(db: Db, organizationId?: string) {
  let query = db
    .selectFrom('organization as o')
    .leftJoin(latestVerification(db).as('v'), 'v.organization_id', 'o.id')
    .leftJoin('employer_profile as p', 'p.organization_id', 'o.id')
    .leftJoin('municipality as m', 'm.code', 'p.municipality_code')
    .select([
      'o.id',
      'o.name',
      'o.short_name',
      'v.legal_registration',
      'v.formal_contracts',
      'v.social_security',
      'v.minimum_wage_or_more',
      'v.safe_conditions',
      'v.non_discrimination',
      'v.valid_until',
      'v.verified_at',
      'p.tax_id',
      'p.economic_activity',
      'p.municipality_code',
      'm.name as municipality_name',
      'p.address',
      'p.version as profile_version',
    ])
    .select((eb) =>
      eb
        .selectFrom('vacancy')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('vacancy.organization_id', '=', 'o.id')
        .where('vacancy.status', '=', 'open')
        .as('open_vacancies'),
    )
    .where('o.kind', '=', 'employer')
    .orderBy('o.name');
  if (organizationId) query = query.where('o.id', '=', organizationId);
  return query.execute();
}
export type EmployerRow = Awaited<ReturnType<typeof listEmployers>>[number];

export function listVerifications(db: Db, organizationId: string) {
  return db
    .selectFrom('employer_verification as v')
    .innerJoin('app_user as u', 'u.id', 'v.verified_by')
    .selectAll('v')
    .select('u.display_name as verified_by_name')
    .where('v.organization_id', '=', organizationId)
    .orderBy('v.verified_at', 'desc')
    .orderBy('v.created_at', 'desc')
    .execute();
}

export function findOrganization(db: Db, id: string) {
  return db.selectFrom('organization').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function insertVerification(db: Db, row: Insertable<Database['employer_verification']>) {
  await db.insertInto('employer_verification').values(row).execute();
}

export async function insertProfile(db: Db, row: Insertable<Database['employer_profile']>) {
  const inserted = await db
    .insertInto('employer_profile')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .returning('organization_id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function updateProfileAtVersion(
  db: Db,
  organizationId: string,
  version: number,
  values: Updateable<Database['employer_profile']>,
) {
  const updated = await db
    .updateTable('employer_profile')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .returning('organization_id')
    .executeTakeFirst();
  return Boolean(updated);
}

export function findOccupation(db: Db, code: string) {
  return db.selectFrom('occupation').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
}

export function findMunicipality(db: Db, code: string) {
  return db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst();
}

// Vacancies.

function vacancyQuery(db: Db) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('organization as o', 'o.id', 'v.organization_id')
    .innerJoin('occupation as oc', 'oc.code', 'v.ciuo_code')
    .innerJoin('municipality as m', 'm.code', 'v.municipality_code')
    .innerJoin('app_user as u', 'u.id', 'v.posted_by')
    .leftJoin(latestVerification(db).as('ev'), 'ev.organization_id', 'v.organization_id')
    .selectAll('v')
    .select([
      'o.name as organization_name',
      'oc.title_es as occupation_title_es',
      'oc.title_en as occupation_title_en',
      'm.name as municipality_name',
      'u.display_name as posted_by_name',
      'ev.legal_registration',
      'ev.formal_contracts',
      'ev.social_security',
      'ev.minimum_wage_or_more',
      'ev.safe_conditions',
      'ev.non_discrimination',
      'ev.valid_until',
    ])
    .select(
      sql<Record<
        string,
        number
      > | null>`(select jsonb_object_agg(s.status, s.n) from (select a.status, count(*)::int as n from job_application a where a.vacancy_id = v.id group by a.status) s)`.as(
        'application_counts',
      ),
    );
}
export type VacancyRow = Awaited<ReturnType<ReturnType<typeof vacancyQuery>['execute']>>[number];

export function findVacancy(db: Db, id: string) {
  return vacancyQuery(db).where('v.id', '=', id).executeTakeFirst();
}

export function listVacancies(
  db: Db,
  filter: { organizationId?: string; status?: string; municipalityCode?: string; q?: string },
) {
  let query = vacancyQuery(db);
  if (filter.organizationId) query = query.where('v.organization_id', '=', filter.organizationId);
  if (filter.status) query = query.where('v.status', '=', filter.status);
  if (filter.municipalityCode) query = query.where('v.municipality_code', '=', filter.municipalityCode);
  if (filter.q) {
    const words = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('v.title', 'ilike', words),
        eb('o.name', 'ilike', words),
        eb('oc.search_text', 'ilike', words),
      ]),
    );
  }
  return query.orderBy('v.opens_on', 'desc').orderBy('v.id', 'desc').limit(200).execute();
}

export async function insertVacancy(db: Db, row: Insertable<Database['vacancy']>) {
  await db.insertInto('vacancy').values(row).execute();
}

export async function updateVacancyAtVersion(
  db: Db,
  id: string,
  version: number,
  values: Updateable<Database['vacancy']>,
) {
  const updated = await db
    .updateTable('vacancy')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return Boolean(updated);
}

// Applications.

function applicationQuery(db: Db) {
  return db
    .selectFrom('job_application as a')
    .innerJoin('vacancy as v', 'v.id', 'a.vacancy_id')
    .innerJoin('organization as o', 'o.id', 'v.organization_id')
    .innerJoin('office as of', 'of.id', 'a.office_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('app_user as u', 'u.id', 'a.applied_by')
    .leftJoin('job_seeker_profile as js', 'js.person_id', 'a.person_id')
    .selectAll('a')
    .select([
      'v.title as vacancy_title',
      'v.organization_id',
      'o.name as organization_name',
      'of.name as office_name',
      'u.display_name as applied_by_name',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      'p.phone_e164',
      'p.email',
      'p.birth_date',
      'js.education_level',
      'js.experience_months',
      'js.ciuo_codes',
    ])
    .select(
      sql<boolean>`exists (select 1 from consent c where c.person_id = a.person_id and c.purpose = 'sharing_with_partners' and c.revoked_at is null)`.as(
        'sharing_consent',
      ),
    );
}
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>['execute']>>[number];

export function findApplication(db: Db, id: string) {
  return applicationQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export function listApplications(
  db: Db,
  filter: { vacancyId?: string; personId?: string; officeIds?: string[]; withConsentOnly?: boolean },
) {
  let query = applicationQuery(db);
  if (filter.vacancyId) query = query.where('a.vacancy_id', '=', filter.vacancyId);
  if (filter.personId) query = query.where('a.person_id', '=', filter.personId);
  if (filter.officeIds)
    query = query.where(
      'a.office_id',
      'in',
      filter.officeIds.length ? filter.officeIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (filter.withConsentOnly)
    query = query.where(
      sql<boolean>`exists (select 1 from consent c where c.person_id = a.person_id and c.purpose = 'sharing_with_partners' and c.revoked_at is null)`,
    );
  return query.orderBy('a.applied_at', 'desc').orderBy('a.id').execute();
}

export function findApplicationOfPerson(db: Db, vacancyId: string, personId: string) {
  return db
    .selectFrom('job_application')
    .select('id')
    .where('vacancy_id', '=', vacancyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function insertApplication(db: Db, row: Insertable<Database['job_application']>) {
  await db.insertInto('job_application').values(row).execute();
}

export async function updateApplicationAtVersion(
  db: Db,
  id: string,
  version: number,
  values: Updateable<Database['job_application']>,
) {
  const updated = await db
    .updateTable('job_application')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return Boolean(updated);
}

export function occupationTitles(db: Db, codes: string[], language: 'es' | 'en') {
  if (!codes.length) return Promise.resolve(new Map<string, string>());
  return db
    .selectFrom('occupation')
    .select(['code', language === 'en' ? 'title_en as title' : 'title_es as title'])
    .where('code', 'in', codes)
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.code, r.title])));
}

export function findSharingConsentId(db: Db, personId: string) {
  return db
    .selectFrom('consent')
    .select('id')
    .where('person_id', '=', personId)
    .where('purpose', '=', 'sharing_with_partners')
    .where('revoked_at', 'is', null)
    .orderBy('granted_at', 'desc')
    .executeTakeFirst()
    .then((row) => row?.id ?? null);
}

export function findUserEmail(db: Db, userId: string) {
  return db.selectFrom('app_user').select(['email', 'status']).where('id', '=', userId).executeTakeFirst();
}

// Placement follow-ups.

export async function insertFollowUps(db: Db, rows: Insertable<Database['placement_follow_up']>[]) {
  if (rows.length) await db.insertInto('placement_follow_up').values(rows).execute();
}

export function followUpsOf(db: Db, applicationIds: string[]) {
  if (!applicationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('placement_follow_up')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .orderBy('due_on')
    .execute();
}

export function listFollowUps(
  db: Db,
  filter: { officeIds?: string[]; due?: 'overdue' | 'upcoming'; today: string },
) {
  let query = db
    .selectFrom('placement_follow_up as f')
    .innerJoin('job_application as a', 'a.id', 'f.application_id')
    .innerJoin('vacancy as v', 'v.id', 'a.vacancy_id')
    .innerJoin('organization as o', 'o.id', 'v.organization_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .selectAll('f')
    .select([
      'a.person_id',
      'a.hired_on',
      'a.office_id',
      'v.title as vacancy_title',
      'o.name as organization_name',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
    ]);
  if (filter.officeIds)
    query = query.where(
      'a.office_id',
      'in',
      filter.officeIds.length ? filter.officeIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (filter.due === 'overdue')
    query = query.where('f.done_at', 'is', null).where('f.due_on', '<', filter.today);
  if (filter.due === 'upcoming')
    query = query.where('f.done_at', 'is', null).where('f.due_on', '>=', filter.today);
  return query.orderBy('f.due_on').orderBy('f.id').limit(500).execute();
}

export function findFollowUp(db: Db, id: string) {
  return db
    .selectFrom('placement_follow_up as f')
    .innerJoin('job_application as a', 'a.id', 'f.application_id')
    .selectAll('f')
    .select(['a.office_id', 'a.person_id'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function recordFollowUp(
  db: Db,
  id: string,
  values: { still_employed: boolean; notes: string | null; recorded_by: string; done_at: Date },
) {
  const updated = await db
    .updateTable('placement_follow_up')
    .set(values)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(updated);
}

// Public employment service registration.

export function findRegistration(db: Db, personId: string) {
  return db
    .selectFrom('employment_service_registration as r')
    .innerJoin('app_user as u', 'u.id', 'r.recorded_by')
    .selectAll('r')
    .select('u.display_name as recorded_by_name')
    .where('r.person_id', '=', personId)
    .executeTakeFirst();
}

export async function insertRegistration(
  db: Db,
  row: Insertable<Database['employment_service_registration']>,
) {
  const inserted = await db
    .insertInto('employment_service_registration')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function updateRegistrationAtVersion(
  db: Db,
  personId: string,
  version: number,
  values: Updateable<Database['employment_service_registration']>,
) {
  const updated = await db
    .updateTable('employment_service_registration')
    .set({ ...values, version: version + 1, recorded_at: new Date() })
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return Boolean(updated);
}
