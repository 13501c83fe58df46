import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { AssessmentApplicationTable, Database } from '../../db/schema';

type Db = Kysely<Database>;

export function listInstrumentVersions(db: Db) {
  return db
    .selectFrom('assessment_instrument_version as v')
    .innerJoin('assessment_instrument as i', 'i.id', 'v.instrument_id')
    .select([
      'v.id',
      'v.instrument_id',
      'i.key',
      'i.subject_type',
      'v.version_number',
      'v.status',
      'v.definition',
      'v.created_at',
      'v.superseded_at',
      (eb) =>
        eb
          .selectFrom('assessment_application as a')
          .whereRef('a.instrument_version_id', '=', 'v.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('applications'),
    ])
    .orderBy('i.key')
    .orderBy('v.version_number', 'desc')
    .execute();
}

export function findVersionById(db: Db, id: string) {
  return db
    .selectFrom('assessment_instrument_version as v')
    .innerJoin('assessment_instrument as i', 'i.id', 'v.instrument_id')
    .select(['v.id', 'v.instrument_id', 'i.key', 'v.version_number', 'v.status', 'v.definition'])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export function findActiveVersion(db: Db, key: string) {
  return db
    .selectFrom('assessment_instrument_version as v')
    .innerJoin('assessment_instrument as i', 'i.id', 'v.instrument_id')
    .select(['v.id', 'v.instrument_id', 'i.key', 'v.version_number', 'v.status', 'v.definition'])
    .where('i.key', '=', key)
    .where('v.status', '=', 'active')
    .executeTakeFirst();
}

export function findInstrumentByKey(db: Db, key: string) {
  return db
    .selectFrom('assessment_instrument')
    .selectAll()
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

export function insertInstrument(
  db: Db,
  row: { id: string; key: string; subject_type: string; created_by: string },
) {
  return db.insertInto('assessment_instrument').values(row).execute();
}

export async function nextVersionNumber(db: Db, instrumentId: string): Promise<number> {
  const row = await db
    .selectFrom('assessment_instrument_version')
    .select((eb) => eb.fn.max('version_number').as('max'))
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Marks the instrument's active version superseded (before a new one becomes active). */
export function supersedeActive(db: Db, instrumentId: string) {
  return db
    .updateTable('assessment_instrument_version')
    .set({ status: 'superseded', superseded_at: sql`now()`, row_version: sql`row_version + 1` })
    .where('instrument_id', '=', instrumentId)
    .where('status', '=', 'active')
    .execute();
}

export function insertVersion(
  db: Db,
  row: { id: string; instrument_id: string; version_number: number; definition: string; created_by: string },
) {
  return db
    .insertInto('assessment_instrument_version')
    .values({ ...row, status: 'active' })
    .returning(['id', 'version_number'])
    .executeTakeFirstOrThrow();
}

export function supersedeVersion(db: Db, id: string) {
  return db
    .updateTable('assessment_instrument_version')
    .set({ status: 'superseded', superseded_at: sql`now()`, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('status', '!=', 'superseded')
    .returning(['id'])
    .executeTakeFirst();
}

export function insertApplication(db: Db, row: Insertable<AssessmentApplicationTable>) {
  return db.insertInto('assessment_application').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findApplication(db: Db, id: string) {
  return db.selectFrom('assessment_application').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Applications of one household or person, oldest first (the evolution since the baseline). */
export function listApplicationsOfSubject(db: Db, subject: { householdId?: string; personId?: string }) {
  let query = db
    .selectFrom('assessment_application as a')
    .innerJoin('assessment_instrument_version as v', 'v.id', 'a.instrument_version_id')
    .selectAll('a')
    .select(['v.version_number', 'v.definition']);
  if (subject.householdId) query = query.where('a.household_id', '=', subject.householdId);
  if (subject.personId) query = query.where('a.person_id', '=', subject.personId);
  return query.orderBy('a.started_at').execute();
}

export function countCompleted(db: Db, subject: { householdId?: string; personId?: string }, key: string) {
  let query = db
    .selectFrom('assessment_application')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('instrument_key', '=', key)
    .where('status', '=', 'completed');
  if (subject.householdId) query = query.where('household_id', '=', subject.householdId);
  if (subject.personId) query = query.where('person_id', '=', subject.personId);
  return query.executeTakeFirstOrThrow().then((row) => Number(row.n));
}

export function findDraft(db: Db, subject: { householdId?: string; personId?: string }, key: string) {
  let query = db
    .selectFrom('assessment_application')
    .selectAll()
    .where('instrument_key', '=', key)
    .where('status', '=', 'draft');
  if (subject.householdId) query = query.where('household_id', '=', subject.householdId);
  if (subject.personId) query = query.where('person_id', '=', subject.personId);
  return query.orderBy('started_at', 'desc').executeTakeFirst();
}

export function updateApplicationAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<AssessmentApplicationTable>,
) {
  return db
    .updateTable('assessment_application')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

/**
 * The programme indicator: of the households whose latest completed application of the instrument falls in each
 * office (and programme), how many are at the instrument's top level. One statement over the rows flagged
 * `latest` (partial index `assessment_application_latest_household`).
 */
export function indicatorByOffice(db: Db, instrumentKey: string, officeIds: string[] | null) {
  return sql<{
    office_id: string;
    office_name: string;
    programme: string;
    households: number;
    at_top: number;
    target_share: number | null;
  }>`
    with latest as (
      select office_id, coalesce(programme, '') as programme, top_level
      from assessment_application
      where latest and household_id is not null and instrument_key = ${instrumentKey}
    ), grouped as (
      select office_id, programme, count(*) as households, count(*) filter (where top_level) as at_top
      from latest
      ${officeIds ? sql`where office_id in (${sql.join(officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000'])})` : sql``}
      group by office_id, programme
    )
    select g.office_id, o.name as office_name, g.programme, g.households, g.at_top, t.target_share
    from grouped g
    join office o on o.id = g.office_id
    left join assessment_indicator_target t
      on t.office_id = g.office_id and t.programme = g.programme and t.instrument_key = ${instrumentKey}
    union all
    select t.office_id, o.name, t.programme, 0, 0, t.target_share
    from assessment_indicator_target t
    join office o on o.id = t.office_id
    where t.instrument_key = ${instrumentKey}
      ${officeIds ? sql`and t.office_id in (${sql.join(officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000'])})` : sql``}
      and not exists (select 1 from grouped g where g.office_id = t.office_id and g.programme = t.programme)
    order by office_name, programme
  `.execute(db);
}

export function upsertTarget(
  db: Db,
  row: {
    office_id: string;
    programme: string;
    instrument_key: string;
    target_share: number;
    updated_by: string;
  },
) {
  return db
    .insertInto('assessment_indicator_target')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['office_id', 'programme', 'instrument_key']).doUpdateSet({
        target_share: row.target_share,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** Clears the previous latest application of the subject for this instrument (before the new one takes it). */
export function clearLatest(
  db: Db,
  subject: { householdId: string | null; personId: string | null },
  key: string,
) {
  let query = db
    .updateTable('assessment_application')
    .set({ latest: false })
    .where('instrument_key', '=', key)
    .where('latest', '=', true);
  query = subject.householdId
    ? query.where('household_id', '=', subject.householdId)
    : query.where('person_id', '=', subject.personId as string);
  return query.execute();
}
