import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Language } from '../../server/i18n/translator';

// The labour demand view's SQL: counts grouped by CIUO-08 sub-major group or municipality, no personal data.

type Db = Kysely<Database>;
type GroupBy = 'occupation' | 'municipality';
interface Period {
  from: string | null;
  to: string | null;
}

const vacancyGroup = (groupBy: GroupBy) =>
  groupBy === 'occupation' ? sql<string>`left(v.ciuo_code, 2)` : sql<string>`v.municipality_code`;

/** Vacancies posted (opened) in the period, not drafts nor cancelled: how many are still open, their positions. */
export function vacancyCounts(db: Db, groupBy: GroupBy, period: Period) {
  let query = db
    .selectFrom('vacancy as v')
    .select([
      vacancyGroup(groupBy).as('code'),
      sql<number>`count(*) filter (where v.status = 'open')::int`.as('open'),
      sql<number>`coalesce(sum(v.positions), 0)::int`.as('positions'),
    ])
    .where('v.status', 'not in', ['draft', 'cancelled']);
  if (period.from) query = query.where('v.opens_on', '>=', period.from);
  if (period.to) query = query.where('v.opens_on', '<=', period.to);
  return query.groupBy(sql`1`).execute();
}

/** Applications made in the period and hires in the period, by their vacancy's group. */
export function applicationCounts(db: Db, groupBy: GroupBy, period: Period) {
  const appliedIn = sql<boolean>`(${period.from}::date is null or a.applied_at >= ${period.from}::date)
    and (${period.to}::date is null or a.applied_at < ${period.to}::date + 1)`;
  const hiredIn = sql<boolean>`a.status = 'hired' and a.hired_on is not null
    and (${period.from}::date is null or a.hired_on >= ${period.from}::date)
    and (${period.to}::date is null or a.hired_on <= ${period.to}::date)`;
  return db
    .selectFrom('job_application as a')
    .innerJoin('vacancy as v', 'v.id', 'a.vacancy_id')
    .select([
      vacancyGroup(groupBy).as('code'),
      sql<number>`count(*) filter (where ${appliedIn})::int`.as('applications'),
      sql<number>`count(*) filter (where ${hiredIn})::int`.as('hires'),
    ])
    .groupBy(sql`1`)
    .execute();
}

/** Job seekers seeking now: per occupation family they have (a person may count in several), or municipality. */
export function seekerCounts(db: Db, groupBy: GroupBy) {
  if (groupBy === 'municipality') {
    return db
      .selectFrom('job_seeker_profile as p')
      .select([sql<string>`p.municipality_code`.as('code'), sql<number>`count(*)::int`.as('seekers')])
      .where('p.seeking', '=', true)
      .where('p.municipality_code', 'is not', null)
      .groupBy('p.municipality_code')
      .execute();
  }
  return sql<{ code: string; seekers: number }>`
    select f.code, count(distinct p.person_id)::int as seekers
    from job_seeker_profile p, lateral (select distinct left(c, 2) as code from unnest(p.ciuo_codes) c) f
    where p.seeking
    group by f.code`
    .execute(db)
    .then((r) => r.rows);
}

export async function groupNames(db: Db, groupBy: GroupBy, codes: string[], language: Language) {
  if (!codes.length) return new Map<string, string>();
  if (groupBy === 'municipality') {
    const rows = await db
      .selectFrom('municipality as m')
      .innerJoin('department as d', 'd.code', 'm.department_code')
      .select(['m.code', 'm.name', 'd.name as department'])
      .where('m.code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, `${r.name} (${r.department})`]));
  }
  const rows = await db
    .selectFrom('occupation')
    .select(['code', 'title_es', 'title_en'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, language === 'en' ? r.title_en : r.title_es]));
}
