import { type Kysely, sql } from 'kysely';

/**
 * Merging duplicates: the merged-away person stays as a row pointing at the survivor (so old links and ids still
 * resolve), and each merge records what it moved and the survivor's previous values, so it can be undone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person')
    .addColumn('merged_into_id', 'uuid', (col) => col.references('person.id'))
    .execute();
  await sql`drop index person_search_name_trgm`.execute(db);
  await sql`create index person_search_name_trgm on person using gin (search_name gin_trgm_ops) where merged_into_id is null`.execute(
    db,
  );

  await db.schema
    .createTable('person_merge')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('survivor_id', 'uuid', (col) => col.notNull().references('person.id'))
    .addColumn('merged_id', 'uuid', (col) => col.notNull().references('person.id'))
    .addColumn('survivor_before', 'jsonb', (col) => col.notNull())
    .addColumn('survivor_version_after', 'integer', (col) => col.notNull())
    .addColumn('moved_document_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('moved_membership_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('ended_membership_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('moved_consent_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('revoked_consent_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('added_office_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('merged_by', 'uuid', (col) => col.notNull().references('app_user.id'))
    .addColumn('merged_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('undone_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('undone_at', 'timestamptz')
    .addCheckConstraint('person_merge_distinct', sql`survivor_id <> merged_id`)
    .execute();
  await db.schema.createIndex('person_merge_survivor_idx').on('person_merge').column('survivor_id').execute();
  await db.schema.createIndex('person_merge_merged_idx').on('person_merge').column('merged_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_merge').execute();
  await sql`drop index person_search_name_trgm`.execute(db);
  await sql`create index person_search_name_trgm on person using gin (search_name gin_trgm_ops)`.execute(db);
  await db.schema.alterTable('person').dropColumn('merged_into_id').execute();
}
