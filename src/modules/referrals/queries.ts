import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, ReferralEventTable, ReferralTable } from '../../db/schema';

type Db = Kysely<Database>;

/** The case a referral starts from: its office, team and person. */
export function findCase(db: Db, caseId: string) {
  return db
    .selectFrom('case')
    .select(['id', 'office_id', 'caseworker_id', 'person_id', 'status'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export function findCaseAction(db: Db, caseId: string, actionId: string) {
  return db
    .selectFrom('case_action')
    .select(['id', 'responsible_kind', 'responsible_organization_id', 'status'])
    .where('case_id', '=', caseId)
    .where('id', '=', actionId)
    .executeTakeFirst();
}

/** What eligibility and the shared data need of a person, and nothing more. */
export async function findPersonForReferral(db: Db, personId: string) {
  const person = await db
    .selectFrom('person as p')
    .leftJoin('municipality as m', 'm.code', 'p.municipality_code')
    .select([
      'p.id',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      'p.birth_date',
      'p.sex_at_birth',
      'p.phone_e164',
      'p.population_group',
      'p.municipality_code',
      'm.name as municipality_name',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const documents = await db
    .selectFrom('identity_document')
    .select(['document_type', 'number'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  return { ...person, documents };
}

/** The person's current consent to share data with partners, if any: the referral keeps which one it relied on. */
export async function findSharingConsentId(db: Db, personId: string) {
  const row = await db
    .selectFrom('consent')
    .select('id')
    .where('person_id', '=', personId)
    .where('purpose', '=', 'sharing_with_partners')
    .where('revoked_at', 'is', null)
    .orderBy('granted_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Names of municipalities (5 digits) and departments (2 digits), for messages. */
export async function placeNames(db: Db, codes: string[]) {
  const names = new Map<string, string>();
  const municipalities = codes.filter((c) => c.length === 5);
  const departments = codes.filter((c) => c.length === 2);
  if (municipalities.length)
    for (const row of await db
      .selectFrom('municipality')
      .select(['code', 'name'])
      .where('code', 'in', municipalities)
      .execute())
      names.set(row.code, row.name);
  if (departments.length)
    for (const row of await db
      .selectFrom('department')
      .select(['code', 'name'])
      .where('code', 'in', departments)
      .execute())
      names.set(row.code, row.name);
  return names;
}

/** Places a service has taken this month: its referrals accepted since the month began. */
export async function countAcceptedSince(db: Db, serviceId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('referral')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('service_id', '=', serviceId)
    .where('accepted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Emails of the active focal points of a partner organization. */
export async function focalPointEmails(db: Db, organizationId: string) {
  const rows = await db
    .selectFrom('app_user')
    .select('email')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'partner_focal_point')
    .where('status', '=', 'active')
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}

export function findUserEmail(db: Db, userId: string) {
  return db.selectFrom('app_user').select(['email', 'status']).where('id', '=', userId).executeTakeFirst();
}

export function insertReferral(db: Db, row: Insertable<ReferralTable>) {
  return db.insertInto('referral').values(row).execute();
}

export function insertReferralEvent(db: Db, row: Insertable<ReferralEventTable>) {
  return db.insertInto('referral_event').values(row).execute();
}

function referralQuery(db: Db) {
  return db
    .selectFrom('referral as r')
    .innerJoin('directory_service as s', 's.id', 'r.service_id')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .innerJoin('office as f', 'f.id', 'r.office_id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('app_user as u', 'u.id', 'r.sent_by')
    .innerJoin('case as c', 'c.id', 'r.case_id')
    .leftJoin('consent as k', 'k.id', 'r.consent_id')
    .selectAll('r')
    .select([
      'c.caseworker_id as case_caseworker_id',
      // Access follows the case: a transferred case's referrals belong to the office now serving it.
      'c.office_id as case_office_id',
      'k.revoked_at as consent_revoked_at',
      's.name as service_name',
      's.completion_days',
      'o.name as organization_name',
      'f.name as office_name',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      'u.display_name as sent_by_name',
    ]);
}

export type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

export function findReferral(db: Db, id: string) {
  return referralQuery(db).where('r.id', '=', id).executeTakeFirst();
}

export function findReferralByIdempotencyKey(db: Db, sentBy: string, key: string) {
  return db
    .selectFrom('referral')
    .select(['id', 'case_id'])
    .where('sent_by', '=', sentBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function listReferralsOfCase(db: Db, caseId: string) {
  return referralQuery(db).where('r.case_id', '=', caseId).orderBy('r.sent_at', 'desc').execute();
}

/** Waiting for an answer past its time, or open past its completion time, at `now`. */
const overdueAt = (now: Date) =>
  sql<boolean>`((r.status = 'sent' and r.accept_due_at < ${now})
    or (r.status in ('accepted', 'in_progress') and r.complete_due_at < ${now}))`;

export async function listInbox(
  db: Db,
  filter: {
    organizationId?: string;
    status?: string;
    overdue?: boolean;
    now: Date;
    offset: number;
    limit: number;
  },
) {
  let query = referralQuery(db);
  if (filter.organizationId) query = query.where('r.organization_id', '=', filter.organizationId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.overdue !== undefined)
    query = query.where(filter.overdue ? overdueAt(filter.now) : sql<boolean>`not ${overdueAt(filter.now)}`);
  const [items, total] = await Promise.all([
    query
      .orderBy('r.sent_at', 'desc')
      .orderBy('r.id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function listReferralEvents(db: Db, referralId: string) {
  return db
    .selectFrom('referral_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.kind', 'e.at', 'e.details', 'u.display_name as actor_name'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** Changes a referral at the version read, bumping it; undefined when stale. */
export function updateReferralAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Omit<Updateable<ReferralTable>, 'id' | 'version'>,
) {
  return db
    .updateTable('referral')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// Reports

export type ReportGrouping = 'service' | 'partner' | 'office';

/**
 * Aggregates of referrals sent in [from, to): counts by status, overdue now, and the hours to acceptance and days
 * to completion (median and 90th percentile) — no personal data. Scoped by offices or organization when given.
 */
export async function referralReport(
  db: Db,
  options: {
    groupBy: ReportGrouping | null;
    from: Date | null;
    to: Date | null;
    officeIds?: string[];
    organizationId?: string;
    now: Date;
  },
) {
  const hoursToAcceptance = sql`extract(epoch from (r.accepted_at - r.sent_at)) / 3600.0`;
  const daysToCompletion = sql`extract(epoch from (r.closed_at - r.accepted_at)) / 86400.0`;
  const percentile = (fraction: number, value: typeof hoursToAcceptance, when: ReturnType<typeof sql>) =>
    sql<
      number | null
    >`percentile_cont(${sql.lit(fraction)}) within group (order by ${value}) filter (where ${when})`;
  const accepted = sql`r.accepted_at is not null`;
  const completed = sql`r.status = 'completed'`;
  const count = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`;
  const key =
    options.groupBy === 'service'
      ? { id: sql<string>`s.id`, label: sql<string>`s.name` }
      : options.groupBy === 'partner'
        ? { id: sql<string>`o.id`, label: sql<string>`o.name` }
        : options.groupBy === 'office'
          ? { id: sql<string>`f.id`, label: sql<string>`f.name` }
          : { id: sql<string>`'total'`, label: sql<string>`'total'` };
  let query = db
    .selectFrom('referral as r')
    .innerJoin('directory_service as s', 's.id', 'r.service_id')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .innerJoin('office as f', 'f.id', 'r.office_id')
    .select([
      key.id.as('key'),
      key.label.as('label'),
      sql<number>`count(*)`.as('sent'),
      count(accepted).as('accepted'),
      count(sql`r.status = 'declined'`).as('declined'),
      count(sql`r.status = 'in_progress'`).as('in_progress'),
      count(completed).as('completed'),
      count(sql`r.status = 'not_attended'`).as('not_attended'),
      count(sql`r.status = 'withdrawn'`).as('withdrawn'),
      count(overdueAt(options.now)).as('overdue'),
      percentile(0.5, hoursToAcceptance, accepted).as('median_hours_to_acceptance'),
      percentile(0.9, hoursToAcceptance, accepted).as('p90_hours_to_acceptance'),
      percentile(0.5, daysToCompletion, completed).as('median_days_to_completion'),
      percentile(0.9, daysToCompletion, completed).as('p90_days_to_completion'),
    ]);
  if (options.from) query = query.where('r.sent_at', '>=', options.from);
  if (options.to) query = query.where('r.sent_at', '<', options.to);
  if (options.officeIds) {
    if (!options.officeIds.length) return [];
    query = query.where('r.office_id', 'in', options.officeIds);
  }
  if (options.organizationId) query = query.where('r.organization_id', '=', options.organizationId);
  if (options.groupBy) query = query.groupBy([key.id, key.label]).orderBy(key.label);
  return query.execute();
}
