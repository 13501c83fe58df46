import { type Kysely, sql } from 'kysely';

/**
 * The latest completed application of each household or person per instrument carries `latest`, kept at
 * completion, so the programme indicator counts only those rows (a partial index) instead of sorting every
 * completed application to find each household's latest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('assessment_application')
    .addColumn('latest', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await sql`
    update assessment_application a set latest = true
    from (
      select distinct on (instrument_key, coalesce(household_id, person_id)) id
      from assessment_application
      where status = 'completed'
      order by instrument_key, coalesce(household_id, person_id), completed_at desc
    ) l
    where a.id = l.id`.execute(db);
  await sql`create index assessment_application_latest_household on assessment_application (instrument_key, office_id, programme) include (top_level) where latest and household_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index assessment_application_latest_household`.execute(db);
  await db.schema.alterTable('assessment_application').dropColumn('latest').execute();
}
