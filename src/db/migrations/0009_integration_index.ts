import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { SHIPPED_INSTRUMENTS } from '../../domain/assessment/shipped';

/**
 * Integration indexes: instruments and their versions (a version applied once is never edited, only superseded),
 * applications of a version to a household or a person (drafts saved as they are filled in, scores stored on
 * completion), and the programme targets of the share of households at the top level, per office and programme.
 * The two shipped instruments are inserted as their first active versions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_instrument')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('subject_type', 'text', (col) =>
      col.notNull().check(sql`subject_type in ('household', 'person')`),
    )
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('assessment_instrument_version')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('instrument_id', 'uuid', (col) => col.notNull().references('assessment_instrument.id'))
    .addColumn('version_number', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('active').check(sql`status in ('draft', 'active', 'superseded')`),
    )
    .addColumn('definition', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('row_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addUniqueConstraint('assessment_instrument_version_number', ['instrument_id', 'version_number'])
    .execute();
  // One active version per instrument: new applications always use it.
  await sql`create unique index assessment_instrument_one_active on assessment_instrument_version (instrument_id) where status = 'active'`.execute(
    db,
  );

  await db.schema
    .createTable('assessment_application')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('instrument_version_id', 'uuid', (col) =>
      col.notNull().references('assessment_instrument_version.id'),
    )
    .addColumn('instrument_key', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) =>
      col.notNull().check(sql`subject_type in ('household', 'person')`),
    )
    .addColumn('household_id', 'uuid', (col) => col.references('household.id'))
    .addColumn('person_id', 'uuid', (col) => col.references('person.id'))
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('programme', 'text')
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('baseline', 'follow_up')`))
    .addColumn('respondent', 'text', (col) =>
      col.notNull().check(sql`respondent in ('caseworker', 'with_household')`),
    )
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('draft').check(sql`status in ('draft', 'completed')`),
    )
    .addColumn('answers', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('current_dimension', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('overall_score', 'double precision')
    .addColumn('level_id', 'text')
    .addColumn('top_level', 'boolean')
    .addColumn('dimension_scores', 'jsonb')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('started_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint(
      'assessment_application_one_subject',
      sql`(subject_type = 'household' and household_id is not null and person_id is null)
        or (subject_type = 'person' and person_id is not null and household_id is null)`,
    )
    .addCheckConstraint(
      'assessment_application_completed',
      sql`status = 'draft' or (completed_at is not null and completed_by is not null)`,
    )
    .execute();
  await sql`create index assessment_application_household on assessment_application (household_id, started_at) where household_id is not null`.execute(
    db,
  );
  await sql`create index assessment_application_person on assessment_application (person_id, started_at) where person_id is not null`.execute(
    db,
  );
  // The indicator: the latest completed application of each household, per instrument.
  await sql`create index assessment_application_latest on assessment_application (instrument_key, household_id, completed_at desc) include (office_id, programme, top_level) where status = 'completed' and household_id is not null`.execute(
    db,
  );
  await sql`create index assessment_application_version on assessment_application (instrument_version_id)`.execute(
    db,
  );

  await db.schema
    .createTable('assessment_indicator_target')
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    // A free programme key ('' for all of the office's households) until programmes exist.
    .addColumn('programme', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('instrument_key', 'text', (col) => col.notNull())
    .addColumn('target_share', 'double precision', (col) =>
      col.notNull().check(sql`target_share >= 0 and target_share <= 1`),
    )
    .addColumn('updated_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_indicator_target_pkey', ['office_id', 'programme', 'instrument_key'])
    .execute();

  for (const definition of SHIPPED_INSTRUMENTS) {
    const instrumentId = uuidv7();
    await sql`insert into assessment_instrument (id, key, subject_type) values (${instrumentId}, ${definition.key}, ${definition.subject})`.execute(
      db,
    );
    await sql`insert into assessment_instrument_version (id, instrument_id, version_number, status, definition)
      values (${uuidv7()}, ${instrumentId}, 1, 'active', ${JSON.stringify(definition)}::jsonb)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assessment_indicator_target').execute();
  await db.schema.dropTable('assessment_application').execute();
  await db.schema.dropTable('assessment_instrument_version').execute();
  await db.schema.dropTable('assessment_instrument').execute();
}
