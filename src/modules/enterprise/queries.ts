import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  Database,
  EnterpriseCourseTable,
  EnterpriseEnrolmentTable,
  FinancingApplicationTable,
  ProductiveUnitFollowUpTable,
  ProductiveUnitSupportTable,
  ProductiveUnitTable,
} from '../../db/schema';

type Db = Kysely<Database>;

// Courses

function courseQuery(db: Db) {
  return db
    .selectFrom('enterprise_course as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('municipality as m', 'm.code', 'c.municipality_code')
    .selectAll('c')
    .select(['o.short_name as organization_name', 'm.name as municipality_name'])
    .select((eb) => [
      eb
        .selectFrom('enterprise_enrolment as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.course_id', '=', 'c.id')
        .where('e.status', '<>', 'dropped')
        .as('enrolled'),
      eb
        .selectFrom('enterprise_enrolment as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.course_id', '=', 'c.id')
        .where('e.status', '=', 'completed')
        .as('completed'),
    ]);
}

export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

export function listCourses(db: Db, filters: { status?: string; organizationId?: string; kind?: string }) {
  let query = courseQuery(db).orderBy('c.starts_on', 'desc').orderBy('c.id').limit(500);
  if (filters.status) query = query.where('c.status', '=', filters.status);
  if (filters.organizationId) query = query.where('c.organization_id', '=', filters.organizationId);
  if (filters.kind) query = query.where('c.kind', '=', filters.kind);
  return query.execute();
}

export function findCourse(db: Db, id: string) {
  return courseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export function insertCourse(db: Db, row: Insertable<EnterpriseCourseTable>) {
  return db.insertInto('enterprise_course').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateCourse(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<EnterpriseCourseTable>,
) {
  return db
    .updateTable('enterprise_course')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export function findOrganization(db: Db, id: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'short_name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findDirectoryService(db: Db, id: string) {
  return db
    .selectFrom('directory_service')
    .select(['id', 'organization_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function municipalityExists(db: Db, code: string) {
  return db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst();
}

// Enrolments

function enrolmentQuery(db: Db) {
  return db
    .selectFrom('enterprise_enrolment as e')
    .innerJoin('enterprise_course as c', 'c.id', 'e.course_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .selectAll('e')
    .select([
      'c.name as course_name',
      'c.organization_id',
      'o.short_name as organization_name',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
    ])
    .select((eb) =>
      eb
        .selectFrom('consent as k')
        .select(sql<boolean>`true`.as('shared'))
        .whereRef('k.person_id', '=', 'e.person_id')
        .where('k.purpose', '=', 'sharing_with_partners')
        .where('k.revoked_at', 'is', null)
        .limit(1)
        .as('sharing_consent'),
    )
    .select((eb) =>
      eb
        .selectFrom('person_office as po')
        .select(sql<string[]>`array_agg(po.office_id)`.as('ids'))
        .whereRef('po.person_id', '=', 'e.person_id')
        .as('person_office_ids'),
    );
}

export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

export function findEnrolment(db: Db, id: string) {
  return enrolmentQuery(db).where('e.id', '=', id).executeTakeFirst();
}

export function listCourseEnrolments(db: Db, courseId: string) {
  return enrolmentQuery(db)
    .where('e.course_id', '=', courseId)
    .orderBy('p.surname_1')
    .orderBy('p.given_name_1')
    .execute();
}

export function listPersonEnrolments(db: Db, personId: string) {
  return enrolmentQuery(db).where('e.person_id', '=', personId).orderBy('e.enrolled_on', 'desc').execute();
}

/** Inserts an enrolment unless the person is enrolled in the course already; undefined when they are. */
export function insertEnrolment(db: Db, row: Insertable<EnterpriseEnrolmentTable>) {
  return db
    .insertInto('enterprise_enrolment')
    .values(row)
    .onConflict((oc) => oc.columns(['course_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function updateEnrolment(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<EnterpriseEnrolmentTable>,
) {
  return db
    .updateTable('enterprise_enrolment')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// Productive units

function unitQuery(db: Db) {
  return db
    .selectFrom('productive_unit as u')
    .innerJoin('person as p', 'p.id', 'u.person_id')
    .leftJoin('municipality as m', 'm.code', 'u.municipality_code')
    .selectAll('u')
    .select([
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      'm.name as municipality_name',
    ]);
}

export type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export function findUnit(db: Db, id: string) {
  return unitQuery(db).where('u.id', '=', id).executeTakeFirst();
}

/** Units of the people the offices serve, newest change first, by keyset (updated_at, id). */
export function listUnits(
  db: Db,
  officeIds: string[],
  filters: {
    stage?: string;
    sector?: string;
    municipality?: string;
    personId?: string;
    after?: { updatedAt: Date; id: string };
    limit: number;
  },
) {
  if (!officeIds.length) return Promise.resolve([]);
  let query = unitQuery(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_office as po')
          .select('po.person_id')
          .whereRef('po.person_id', '=', 'u.person_id')
          .where('po.office_id', 'in', officeIds),
      ),
    )
    .orderBy('u.updated_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(filters.limit);
  if (filters.stage) query = query.where('u.stage', '=', filters.stage);
  if (filters.sector) query = query.where('u.sector', '=', filters.sector);
  if (filters.municipality) query = query.where('u.municipality_code', '=', filters.municipality);
  if (filters.personId) query = query.where('u.person_id', '=', filters.personId);
  const after = filters.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('u.updated_at', '<', after.updatedAt),
        eb.and([eb('u.updated_at', '=', after.updatedAt), eb('u.id', '<', after.id)]),
      ]),
    );
  return query.execute();
}

export function insertUnit(db: Db, row: Insertable<ProductiveUnitTable>) {
  return db.insertInto('productive_unit').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateUnit(db: Db, id: string, version: number, changes: Updateable<ProductiveUnitTable>) {
  return db
    .updateTable('productive_unit')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** A unit changed by something added to it (a support, a follow-up, an application): its list order moves. */
export function touchUnit(db: Db, id: string, at: Date) {
  return db.updateTable('productive_unit').set({ updated_at: at }).where('id', '=', id).execute();
}

export function listSupports(db: Db, unitId: string) {
  return db
    .selectFrom('productive_unit_support as s')
    .leftJoin('organization as o', 'o.id', 's.provider_organization_id')
    .innerJoin('app_user as a', 'a.id', 's.recorded_by')
    .selectAll('s')
    .select(['o.short_name as provider_name', 'a.display_name as recorded_by_name'])
    .where('s.unit_id', '=', unitId)
    .orderBy('s.provided_on')
    .orderBy('s.id')
    .execute();
}

export function insertSupport(db: Db, row: Insertable<ProductiveUnitSupportTable>) {
  return db.insertInto('productive_unit_support').values(row).execute();
}

export function listFollowUps(db: Db, unitId: string) {
  return db
    .selectFrom('productive_unit_follow_up as f')
    .innerJoin('app_user as a', 'a.id', 'f.recorded_by')
    .selectAll('f')
    .select('a.display_name as recorded_by_name')
    .where('f.unit_id', '=', unitId)
    .orderBy('f.visited_on')
    .orderBy('f.id')
    .execute();
}

export function insertFollowUp(db: Db, row: Insertable<ProductiveUnitFollowUpTable>) {
  return db.insertInto('productive_unit_follow_up').values(row).execute();
}

// Financing applications

function financingQuery(db: Db) {
  return db
    .selectFrom('financing_application as f')
    .innerJoin('productive_unit as u', 'u.id', 'f.unit_id')
    .innerJoin('person as p', 'p.id', 'u.person_id')
    .innerJoin('organization as o', 'o.id', 'f.intermediary_organization_id')
    .selectAll('f')
    .select([
      'u.name as unit_name',
      'u.person_id',
      'o.short_name as intermediary_name',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
    ])
    .select((eb) =>
      eb
        .selectFrom('consent as k')
        .select(sql<boolean>`true`.as('shared'))
        .whereRef('k.person_id', '=', 'u.person_id')
        .where('k.purpose', '=', 'sharing_with_partners')
        .where('k.revoked_at', 'is', null)
        .limit(1)
        .as('sharing_consent'),
    );
}

export type FinancingRow = NonNullable<Awaited<ReturnType<typeof findFinancing>>>;

export function findFinancing(db: Db, id: string) {
  return financingQuery(db).where('f.id', '=', id).executeTakeFirst();
}

export function listUnitFinancing(db: Db, unitId: string) {
  return financingQuery(db).where('f.unit_id', '=', unitId).orderBy('f.created_at').orderBy('f.id').execute();
}

export function listFinancing(
  db: Db,
  scope: { officeIds: string[] } | { intermediaryId: string },
  filters: { status?: string },
) {
  let query = financingQuery(db).orderBy('f.updated_at', 'desc').orderBy('f.id').limit(200);
  if ('intermediaryId' in scope) {
    query = query
      .where('f.intermediary_organization_id', '=', scope.intermediaryId)
      .where('f.status', '<>', 'draft');
  } else {
    if (!scope.officeIds.length) return Promise.resolve([]);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_office as po')
          .select('po.person_id')
          .whereRef('po.person_id', '=', 'u.person_id')
          .where('po.office_id', 'in', scope.officeIds),
      ),
    );
  }
  if (filters.status) query = query.where('f.status', '=', filters.status);
  return query.execute();
}

export function insertFinancing(db: Db, row: Insertable<FinancingApplicationTable>) {
  return db.insertInto('financing_application').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateFinancing(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<FinancingApplicationTable>,
) {
  return db
    .updateTable('financing_application')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// Summary: aggregates in SQL, scoped to offices (null: the whole network).

function unitScope(db: Db, officeIds: string[] | null) {
  let query = db.selectFrom('productive_unit as u');
  if (officeIds) query = query.where('u.office_id', 'in', officeIds.length ? officeIds : ['']);
  return query;
}

export function unitsByStage(db: Db, officeIds: string[] | null) {
  return unitScope(db, officeIds)
    .select(['u.stage', (eb) => eb.fn.countAll<number>().as('units')])
    .groupBy('u.stage')
    .execute();
}

export function unitsBySector(db: Db, officeIds: string[] | null) {
  return unitScope(db, officeIds)
    .select(['u.sector', (eb) => eb.fn.countAll<number>().as('units')])
    .where('u.stage', '<>', 'closed')
    .groupBy('u.sector')
    .orderBy('u.sector')
    .execute();
}

export function financingByLine(db: Db, officeIds: string[] | null) {
  return unitScope(db, officeIds)
    .innerJoin('financing_application as f', 'f.unit_id', 'u.id')
    .select([
      'f.line',
      (eb) => eb.fn.count<number>('f.id').filterWhere('f.status', '<>', 'draft').as('applications'),
      sql<number>`coalesce(sum(f.amount_requested_cop) filter (where f.status <> 'draft'), 0)::bigint`.as(
        'requested',
      ),
      sql<number>`coalesce(sum(f.amount_approved_cop) filter (where f.status in ('approved', 'disbursed')), 0)::bigint`.as(
        'approved',
      ),
      sql<number>`coalesce(sum(f.amount_approved_cop) filter (where f.status = 'disbursed'), 0)::bigint`.as(
        'disbursed',
      ),
    ])
    .groupBy('f.line')
    .execute();
}
