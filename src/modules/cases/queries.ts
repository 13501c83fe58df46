import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  CaseActionTable,
  CaseApprovalTable,
  CaseEventTable,
  CaseGoalTable,
  CaseNoteTable,
  CaseTable,
  CaseTransferTable,
  Database,
} from '../../db/schema';

type Db = Kysely<Database>;

// Names shown beside a case (the subject, the caseworker, the office, the programme) are read with the case in
// one query; the records they name stay with their modules.
function caseWithNames(db: Db) {
  return db
    .selectFrom('case as c')
    .innerJoin('programme as pr', 'pr.key', 'c.programme_key')
    .innerJoin('office as o', 'o.id', 'c.office_id')
    .innerJoin('app_user as u', 'u.id', 'c.caseworker_id')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select([
      'pr.name_es as programme_name_es',
      'pr.name_en as programme_name_en',
      'pr.requires_plan_approval',
      'pr.requires_closure_approval',
      'o.name as office_name',
      'u.display_name as caseworker_name',
      'p.given_name_1',
      'p.given_name_2',
      'p.surname_1',
      'p.surname_2',
      sql<string | null>`(select concat_ws(' ', hp.given_name_1, hp.given_name_2, hp.surname_1, hp.surname_2)
        from household_membership hm join person hp on hp.id = hm.person_id
        where hm.household_id = c.household_id and hm.left_on is null
        order by (hm.relationship = 'head') desc, hm.joined_on limit 1)`.as('household_head_name'),
      sql<number>`(select count(*) from case_action a where a.case_id = c.id and a.status = 'done')`.as(
        'actions_done',
      ),
      sql<number>`(select count(*) from case_action a where a.case_id = c.id and a.status <> 'cancelled')`.as(
        'actions_counted',
      ),
    ]);
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(db: Db, id: string) {
  return caseWithNames(db).where('c.id', '=', id).executeTakeFirst();
}

export interface CaseListFilter {
  officeIds: string[];
  caseworkerId?: string | undefined;
  statuses?: string[] | undefined;
  programmeKey?: string | undefined;
  personIds?: string[] | undefined;
  householdId?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

/** Cases of some offices, newest first (keyset on the UUIDv7 id). */
export function listCases(db: Db, filter: CaseListFilter) {
  let query = caseWithNames(db).where('c.office_id', 'in', filter.officeIds);
  if (filter.caseworkerId) query = query.where('c.caseworker_id', '=', filter.caseworkerId);
  if (filter.statuses?.length) query = query.where('c.status', 'in', filter.statuses);
  if (filter.programmeKey) query = query.where('c.programme_key', '=', filter.programmeKey);
  if (filter.personIds || filter.householdId) {
    const personIds = filter.personIds ?? [];
    const householdId = filter.householdId;
    query = query.where((eb) =>
      eb.or([
        ...(personIds.length ? [eb('c.person_id', 'in', personIds)] : []),
        ...(householdId ? [eb('c.household_id', '=', householdId)] : []),
        eb.val(false),
      ]),
    );
  }
  if (filter.afterId) query = query.where('c.id', '<', filter.afterId);
  return query
    .orderBy('c.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

export function findOpenCaseOfSubject(
  db: Db,
  subject: { personId?: string | undefined; householdId?: string | undefined },
  programmeKey: string,
) {
  let query = db
    .selectFrom('case')
    .select('id')
    .where('programme_key', '=', programmeKey)
    .where('status', '<>', 'closed');
  query = subject.personId
    ? query.where('person_id', '=', subject.personId)
    : query.where('household_id', '=', subject.householdId as string);
  return query.executeTakeFirst();
}

export function insertCase(db: Db, row: Insertable<CaseTable>) {
  return db.insertInto('case').values(row).execute();
}

/**
 * A change made to a case from outside its page (a partner's step on a referral): the version moves on, so a case
 * team member saving what they read before gets a conflict instead of overwriting it.
 */
export function touchCase(db: Db, id: string) {
  return db
    .updateTable('case')
    .set({ version: sql`version + 1`, updated_at: sql`now()`, last_activity_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Changes a case at the version read; undefined when someone else changed it first. */
export function updateCaseAtVersion(db: Db, id: string, version: number, changes: Updateable<CaseTable>) {
  return db
    .updateTable('case')
    .set({
      ...changes,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      last_activity_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export function insertEvent(db: Db, row: Insertable<CaseEventTable>) {
  return db.insertInto('case_event').values(row).execute();
}

export function listEvents(db: Db, caseId: string) {
  return db
    .selectFrom('case_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.display_name as actor_name')
    .where('e.case_id', '=', caseId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

// Plan

export function listGoals(db: Db, caseId: string) {
  return db.selectFrom('case_goal').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
}

export async function countGoals(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('case_goal')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listGoalNeeds(db: Db, goalIds: string[]) {
  if (!goalIds.length) return Promise.resolve([]);
  return db.selectFrom('case_goal_need').selectAll().where('goal_id', 'in', goalIds).execute();
}

export function findGoal(db: Db, caseId: string, goalId: string) {
  return db
    .selectFrom('case_goal')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', goalId)
    .executeTakeFirst();
}

export async function insertGoal(
  db: Db,
  row: Omit<Insertable<CaseGoalTable>, 'position'>,
  needIds: string[],
) {
  await db
    .insertInto('case_goal')
    .values({
      ...row,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from case_goal where case_id = ${row.case_id})`,
    })
    .execute();
  await replaceGoalNeeds(db, row.id, needIds);
}

export async function replaceGoalNeeds(db: Db, goalId: string, needIds: string[]) {
  await db.deleteFrom('case_goal_need').where('goal_id', '=', goalId).execute();
  if (needIds.length)
    await db
      .insertInto('case_goal_need')
      .values(needIds.map((needId) => ({ goal_id: goalId, need_id: needId })))
      .execute();
}

export function updateGoal(db: Db, goalId: string, changes: Updateable<CaseGoalTable>) {
  return db
    .updateTable('case_goal')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', goalId)
    .execute();
}

export function listActions(db: Db, caseId: string) {
  return db
    .selectFrom('case_action as a')
    .leftJoin('app_user as u', 'u.id', 'a.responsible_user_id')
    .leftJoin('organization as org', 'org.id', 'a.responsible_organization_id')
    .selectAll('a')
    .select(['u.display_name as responsible_user_name', 'org.short_name as responsible_organization_name'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.position')
    .execute();
}

export function findAction(db: Db, caseId: string, actionId: string) {
  return db
    .selectFrom('case_action')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', actionId)
    .executeTakeFirst();
}

export function insertAction(db: Db, row: Omit<Insertable<CaseActionTable>, 'position'>) {
  return db
    .insertInto('case_action')
    .values({
      ...row,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from case_action where case_id = ${row.case_id})`,
    })
    .execute();
}

export function updateAction(db: Db, actionId: string, changes: Updateable<CaseActionTable>) {
  return db
    .updateTable('case_action')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', actionId)
    .execute();
}

// Approvals and transfers

export function insertApproval(db: Db, row: Insertable<CaseApprovalTable>) {
  return db.insertInto('case_approval').values(row).execute();
}

export function findPendingApproval(db: Db, caseId: string, subject: 'plan' | 'closure') {
  return db
    .selectFrom('case_approval as ap')
    .leftJoin('app_user as u', 'u.id', 'ap.requested_by')
    .selectAll('ap')
    .select('u.display_name as requested_by_name')
    .where('ap.case_id', '=', caseId)
    .where('ap.subject', '=', subject)
    .where('ap.status', '=', 'pending')
    .executeTakeFirst();
}

export function decideApproval(
  db: Db,
  id: string,
  decision: { status: 'approved' | 'rejected' | 'withdrawn'; decidedBy: string; reason: string | null },
) {
  return db
    .updateTable('case_approval')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: sql`now()`,
      decision_reason: decision.reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Withdraws what is still pending about a case that has closed (a plan waiting for approval, say). */
export function withdrawPendingApprovals(db: Db, caseId: string, decidedBy: string) {
  return db
    .updateTable('case_approval')
    .set({ status: 'withdrawn', decided_by: decidedBy, decided_at: sql`now()` })
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .execute();
}

/** A case transferred to another office takes its pending approvals along, for that office's coordinators. */
export function movePendingApprovals(db: Db, caseId: string, officeId: string) {
  return db
    .updateTable('case_approval')
    .set({ office_id: officeId })
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .execute();
}

/** Pending approvals of some offices, oldest first, with the case they are about. */
export function listPendingApprovals(db: Db, officeIds: string[]) {
  return caseWithNames(db)
    .innerJoin('case_approval as ap', 'ap.case_id', 'c.id')
    .leftJoin('app_user as ru', 'ru.id', 'ap.requested_by')
    .select([
      'ap.id as approval_id',
      'ap.subject as approval_subject',
      'ap.requested_at as approval_requested_at',
      'ap.request_details as approval_details',
      'ru.display_name as approval_requested_by_name',
    ])
    .where('ap.status', '=', 'pending')
    .where('ap.office_id', 'in', officeIds)
    .orderBy('ap.requested_at')
    .limit(200)
    .execute();
}

export function insertTransfer(db: Db, row: Insertable<CaseTransferTable>) {
  return db.insertInto('case_transfer').values(row).execute();
}

export function findPendingTransfer(db: Db, caseId: string) {
  return db
    .selectFrom('case_transfer as t')
    .innerJoin('office as o', 'o.id', 't.to_office_id')
    .leftJoin('app_user as u', 'u.id', 't.requested_by')
    .selectAll('t')
    .select(['o.name as to_office_name', 'u.display_name as requested_by_name'])
    .where('t.case_id', '=', caseId)
    .where('t.status', '=', 'pending')
    .executeTakeFirst();
}

export function decideTransfer(
  db: Db,
  id: string,
  decision: { status: 'accepted' | 'refused' | 'withdrawn'; decidedBy: string; reason: string | null },
) {
  return db
    .updateTable('case_transfer')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: sql`now()`,
      decision_reason: decision.reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Transfers waiting for a decision by one of these (receiving) offices. */
export function listIncomingTransfers(db: Db, officeIds: string[]) {
  return caseWithNames(db)
    .innerJoin('case_transfer as t', 't.case_id', 'c.id')
    .leftJoin('app_user as ru', 'ru.id', 't.requested_by')
    .innerJoin('office as toff', 'toff.id', 't.to_office_id')
    .select([
      't.id as transfer_id',
      't.reason as transfer_reason',
      't.requested_at as transfer_requested_at',
      't.to_office_id as transfer_to_office_id',
      'toff.name as transfer_to_office_name',
      'ru.display_name as transfer_requested_by_name',
    ])
    .where('t.status', '=', 'pending')
    .where('t.to_office_id', 'in', officeIds)
    .orderBy('t.requested_at')
    .limit(200)
    .execute();
}

// Notes

export function insertNote(db: Db, row: Insertable<CaseNoteTable>) {
  return db.insertInto('case_note').values(row).execute();
}

/** The notes a reader may see: the levels given, and their own notes whatever the level. Newest first. */
export function listVisibleNotes(db: Db, caseId: string, levels: string[], readerId: string) {
  return db
    .selectFrom('case_note as n')
    .innerJoin('app_user as u', 'u.id', 'n.author_id')
    .selectAll('n')
    .select('u.display_name as author_name')
    .where('n.case_id', '=', caseId)
    .where((eb) => eb.or([eb('n.confidentiality', 'in', levels), eb('n.author_id', '=', readerId)]))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}

export async function findOrganizationExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organization').select('id').where('id', '=', id).executeTakeFirst());
}

export async function findOfficeName(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('office').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** An office's name and kind, for the offices a case may be opened at from an arrival. */
export function findOfficeWithKind(db: Db, id: string) {
  return db.selectFrom('office').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

/** Offices that keep case files and may receive a traveller handed off from an arrival post, by name. */
export function listOfficesOfKinds(db: Db, kinds: readonly string[]) {
  return db
    .selectFrom('office')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', [...kinds])
    .orderBy('name')
    .execute();
}

// Office workload (the coordinator's office view)

const WORKING_STATUSES = ['open', 'active', 'on_hold', 'pending_closure'];

/**
 * When a case last had activity: the latest of its opening, any entry of its history (every change of the case,
 * its plan, its state and every note writes one) and any of its tasks completed. Task completion is read from
 * the tasks' table: it is the one trace of work on a case that the cases' tables do not keep.
 */
const lastActivity = sql<Date>`greatest(c.opened_at,
  (select max(e.at) from case_event e where e.case_id = c.id),
  (select max(t.completed_at) from task t where t.case_id = c.id and t.status = 'done'))`;

/**
 * Working cases (open, active, on hold, waiting for closure approval) of an office per holder, and how many of
 * them wait for assignment: opened from an arrival post and not reassigned by a coordinator since.
 */
export function countWorkingCasesByCaseworker(db: Db, officeId: string) {
  return db
    .selectFrom('case as c')
    .select((eb) => [
      'c.caseworker_id',
      eb.fn.countAll<number>().as('open'),
      sql<number>`count(*) filter (where exists (select 1 from case_event e where e.case_id = c.id
        and e.kind = 'opened' and e.details->>'arrivalId' is not null)
        and not exists (select 1 from case_event e where e.case_id = c.id and e.kind = 'reassigned'))`.as(
        'waiting',
      ),
    ])
    .where('c.office_id', '=', officeId)
    .where('c.status', 'in', WORKING_STATUSES)
    .groupBy('c.caseworker_id')
    .execute();
}

/** Working cases of an office whose last activity (see `lastActivity`) is before `since`, oldest first. */
export function listInactiveCases(db: Db, officeId: string, since: Date, limit: number) {
  return caseWithNames(db)
    .select(lastActivity.as('activity_at'))
    .where('c.office_id', '=', officeId)
    .where('c.status', 'in', WORKING_STATUSES)
    .where(lastActivity, '<', since)
    .orderBy('activity_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}
