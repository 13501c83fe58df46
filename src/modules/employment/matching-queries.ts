import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { EDUCATION_LEVELS, type EducationLevel } from '../../domain/employment/vocabulary';

// The matching's SQL: a narrow prefilter by CIUO-08 family (indexed), then the score is computed in TypeScript.

type Db = Kysely<Database>;

/** Every occupation code (any level) under one of the prefixes: "75" → "75", "751", "7511", ... */
export async function codesUnder(db: Db, prefixes: string[]): Promise<string[]> {
  if (!prefixes.length) return [];
  const rows = await db
    .selectFrom('occupation')
    .select('code')
    .where((eb) => eb.or(prefixes.map((p) => eb('code', 'like', `${p}%`))))
    .execute();
  return rows.map((r) => r.code);
}

export function occupationTitles(db: Db, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom('occupation')
    .select(['code', 'title_es', 'title_en'])
    .where('code', 'in', codes)
    .execute();
}

export function municipalityNames(db: Db, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db.selectFrom('municipality').select(['code', 'name']).where('code', 'in', codes).execute();
}

/** A vacancy with its employer and the employer's latest verification (its standing). */
export function findVacancy(db: Db, id: string) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('organization as o', 'o.id', 'v.organization_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('employer_verification as ev')
          .select([
            'ev.legal_registration',
            'ev.formal_contracts',
            'ev.social_security',
            'ev.minimum_wage_or_more',
            'ev.safe_conditions',
            'ev.non_discrimination',
            'ev.valid_until',
          ])
          .whereRef('ev.organization_id', '=', 'v.organization_id')
          .orderBy('ev.verified_at', 'desc')
          .limit(1)
          .as('ev'),
      (join) => join.onTrue(),
    )
    .select([
      'v.id',
      'v.organization_id',
      'v.title',
      'v.ciuo_code',
      'v.required_skills',
      'v.education_level',
      'v.experience_months',
      'v.municipality_code',
      'v.status',
      'o.name as organization_name',
      'ev.legal_registration',
      'ev.formal_contracts',
      'ev.social_security',
      'ev.minimum_wage_or_more',
      'ev.safe_conditions',
      'ev.non_discrimination',
      'ev.valid_until',
    ])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export interface SeekerFilter {
  /** Seekers with at least one of these (4-digit) occupation codes. */
  codes: string[];
  /** Only people served by one of these offices; null: any office (the administrator). */
  officeIds: string[] | null;
  /** Only people whose current consent lets the network share their data with partners. */
  requireSharingConsent: boolean;
  municipalityCode?: string | undefined;
  departmentCode?: string | undefined;
  educationAtLeast?: EducationLevel | null | undefined;
  excludeNotAvailable?: boolean | undefined;
}

/** Seeking job seekers of an occupation family (GIN index on ciuo_codes), with the few fields matching reads. */
export function seekersOf(db: Db, filter: SeekerFilter, vacancyId: string) {
  if (!filter.codes.length) return Promise.resolve([]);
  let query = db
    .selectFrom('job_seeker_profile as p')
    .innerJoin('person', 'person.id', 'p.person_id')
    .leftJoin('job_application as a', (join) =>
      join.onRef('a.person_id', '=', 'p.person_id').on('a.vacancy_id', '=', vacancyId),
    )
    .select([
      'p.person_id',
      'p.ciuo_codes',
      'p.skills',
      'p.education_level',
      'p.experience_months',
      'p.municipality_code',
      'p.availability',
      'a.status as application_status',
    ])
    .where('p.seeking', '=', true)
    .where('person.merged_into_id', 'is', null)
    .where(sql<boolean>`p.ciuo_codes && ${sql.val(filter.codes)}::text[]`);
  const { officeIds } = filter;
  if (officeIds) {
    if (!officeIds.length) return Promise.resolve([]);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_office as po')
          .select('po.person_id')
          .whereRef('po.person_id', '=', 'p.person_id')
          .where('po.office_id', 'in', officeIds),
      ),
    );
  }
  if (filter.requireSharingConsent) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('consent as c')
          .select('c.id')
          .whereRef('c.person_id', '=', 'p.person_id')
          .where('c.purpose', '=', 'sharing_with_partners')
          .where('c.revoked_at', 'is', null),
      ),
    );
  }
  if (filter.municipalityCode) query = query.where('p.municipality_code', '=', filter.municipalityCode);
  if (filter.departmentCode) query = query.where('p.municipality_code', 'like', `${filter.departmentCode}%`);
  if (filter.educationAtLeast) {
    const levels = EDUCATION_LEVELS.slice(EDUCATION_LEVELS.indexOf(filter.educationAtLeast));
    query = query.where('p.education_level', 'in', [...levels]);
  }
  if (filter.excludeNotAvailable) {
    query = query.where((eb) =>
      eb.or([eb('p.availability', 'is', null), eb('p.availability', '!=', 'not_available')]),
    );
  }
  return query.execute();
}

export interface VacancyFilter {
  codes: string[];
  today: string;
  municipalityCode?: string | undefined;
  departmentCode?: string | undefined;
}

/**
 * Open vacancies of an occupation family (index on ciuo_code where open), in date, of employers whose latest
 * verification passed all six checks and is in date: the only ones a person can be proposed to.
 */
export function openVacanciesOf(db: Db, filter: VacancyFilter, personId: string) {
  if (!filter.codes.length) return Promise.resolve([]);
  let query = db
    .selectFrom('vacancy as v')
    .innerJoin('organization as o', 'o.id', 'v.organization_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('employer_verification as ev')
          .select([
            'ev.legal_registration',
            'ev.formal_contracts',
            'ev.social_security',
            'ev.minimum_wage_or_more',
            'ev.safe_conditions',
            'ev.non_discrimination',
            'ev.valid_until',
          ])
          .whereRef('ev.organization_id', '=', 'v.organization_id')
          .orderBy('ev.verified_at', 'desc')
          .limit(1)
          .as('ev'),
      (join) => join.onTrue(),
    )
    .leftJoin('job_application as a', (join) =>
      join.onRef('a.vacancy_id', '=', 'v.id').on('a.person_id', '=', personId),
    )
    .select([
      'v.id',
      'v.organization_id',
      'v.title',
      'v.ciuo_code',
      'v.required_skills',
      'v.education_level',
      'v.experience_months',
      'v.municipality_code',
      'v.monthly_wage',
      'v.contract_type',
      'v.positions',
      'v.closes_on',
      'o.name as organization_name',
      'a.status as application_status',
    ])
    .where('v.status', '=', 'open')
    .where('v.ciuo_code', 'in', filter.codes)
    .where('v.opens_on', '<=', filter.today)
    .where((eb) => eb.or([eb('v.closes_on', 'is', null), eb('v.closes_on', '>=', filter.today)]))
    .where('ev.legal_registration', '=', true)
    .where('ev.formal_contracts', '=', true)
    .where('ev.social_security', '=', true)
    .where('ev.minimum_wage_or_more', '=', true)
    .where('ev.safe_conditions', '=', true)
    .where('ev.non_discrimination', '=', true)
    .where('ev.valid_until', '>=', filter.today);
  if (filter.municipalityCode) query = query.where('v.municipality_code', '=', filter.municipalityCode);
  if (filter.departmentCode) query = query.where('v.municipality_code', 'like', `${filter.departmentCode}%`);
  return query.execute();
}

/** The names of the few people shown, read after scoring (not for every person scored). */
export function namesOf(db: Db, personIds: string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .select(['id', 'given_name_1', 'preferred_name', 'surname_1'])
    .where('id', 'in', personIds)
    .execute();
}

export function findProfile(db: Db, personId: string) {
  return db.selectFrom('job_seeker_profile').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export interface ProfileFields {
  ciuo_codes: string[];
  skills: string[];
  education_level: string | null;
  experience_months: number;
  municipality_code: string | null;
  availability: string | null;
  seeking: boolean;
}

export function insertProfile(db: Db, personId: string, fields: ProfileFields, at: Date) {
  return db
    .insertInto('job_seeker_profile')
    .values({ person_id: personId, ...fields, version: 1, updated_at: at })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateProfileAtVersion(
  db: Db,
  personId: string,
  version: number,
  fields: ProfileFields,
  at: Date,
) {
  return db
    .updateTable('job_seeker_profile')
    .set({ ...fields, version: version + 1, updated_at: at })
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Fails (returns nothing) when the code is not a CIUO-08 unit group. */
export async function unknownUnitGroups(db: Db, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = await db
    .selectFrom('occupation')
    .select('code')
    .where('code', 'in', codes)
    .where('level', '=', 4)
    .execute();
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst(),
  );
}
