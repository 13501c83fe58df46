import { type Kysely, sql } from 'kysely';

/**
 * Spreadsheet imports of persons: one job per uploaded file (the file kept until the job ends, so a job
 * interrupted by a restart resumes), column mappings saved per office and header layout, one key per imported row
 * so the same row imported again creates nothing, and the rejected rows for the error file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_job')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_hash', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('csv', 'xlsx')`))
    .addColumn('file_content', 'bytea')
    .addColumn('headers', 'jsonb', (col) => col.notNull())
    .addColumn('delimiter', 'text')
    .addColumn('total_rows', 'integer', (col) => col.notNull())
    .addColumn('mapping', 'jsonb')
    .addColumn('default_population_group', 'text')
    .addColumn('mode', 'text', (col) => col.check(sql`mode in ('allOrNothing', 'skipInvalid')`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('processed_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('matched_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('skipped_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('rejected_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('flagged_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    // Who started the job, as the audit log records the persons it creates.
    .addColumn('started_by_role', 'text')
    .addColumn('started_context', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('import_job_office_idx')
    .on('import_job')
    .columns(['office_id', 'created_at desc'])
    .execute();
  await sql`create index import_job_unfinished_idx on import_job (status) where status in ('queued', 'running')`.execute(
    db,
  );

  await db.schema
    .createTable('import_mapping')
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('header_signature', 'text', (col) => col.notNull())
    .addColumn('mapping', 'jsonb', (col) => col.notNull())
    .addColumn('default_population_group', 'text')
    .addColumn('updated_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('import_mapping_pkey', ['office_id', 'header_signature'])
    .execute();

  await db.schema
    .createTable('import_row_key')
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('person_id', 'uuid', (col) => col.notNull().references('person.id').onDelete('cascade'))
    .addColumn('job_id', 'uuid', (col) => col.notNull().references('import_job.id'))
    .addPrimaryKeyConstraint('import_row_key_pkey', ['office_id', 'fingerprint'])
    .execute();

  await db.schema
    .createTable('import_rejected_row')
    .addColumn('job_id', 'uuid', (col) => col.notNull().references('import_job.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (col) => col.notNull())
    .addColumn('cells', 'jsonb', (col) => col.notNull())
    .addColumn('errors', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('import_rejected_row_pkey', ['job_id', 'row_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_rejected_row', 'import_row_key', 'import_mapping', 'import_job']) {
    await db.schema.dropTable(table).execute();
  }
}
