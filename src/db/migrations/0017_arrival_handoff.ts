import { type Kysely, sql } from 'kysely';

/**
 * The hand-off of a received arrival to a Migrant Assistance Office: the case it opened there, the office and
 * programme chosen, who handed it off and when. The post keeps this summary (it may not read the case); the
 * case's staff find the arrival through `case_id`. One arrival opens at most one case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('arrival')
    .addColumn('case_id', 'uuid', (col) => col.references('case.id'))
    .addColumn('handoff_office_id', 'uuid', (col) => col.references('office.id'))
    .addColumn('handoff_programme_key', 'text')
    .addColumn('handed_off_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('handed_off_at', 'timestamptz')
    .execute();
  await sql`alter table arrival add constraint arrival_handoff_complete check (
    (case_id is null and handoff_office_id is null and handoff_programme_key is null and handed_off_at is null)
    or (case_id is not null and handoff_office_id is not null and handoff_programme_key is not null
      and handed_off_at is not null)
  )`.execute(db);
  await sql`create unique index arrival_case_idx on arrival (case_id) where case_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index arrival_case_idx`.execute(db);
  await sql`alter table arrival drop constraint arrival_handoff_complete`.execute(db);
  await db.schema
    .alterTable('arrival')
    .dropColumn('case_id')
    .dropColumn('handoff_office_id')
    .dropColumn('handoff_programme_key')
    .dropColumn('handed_off_by')
    .dropColumn('handed_off_at')
    .execute();
}
