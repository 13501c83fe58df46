import { type Kysely, sql } from 'kysely';

/** The network: organizations (the Foreign Ministry, mayors' offices, partners) and the offices that serve people. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`kind in ('public_entity', 'ngo', 'international_organization', 'employer', 'financial_institution', 'training_institution')`,
        ),
    )
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('organization_short_name_key')
    .unique()
    .on('organization')
    .expression(sql`lower(short_name)`)
    .execute();

  await db.schema
    .createTable('office')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organization.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`kind in ('migrant_assistance_office', 'one_stop_centre', 'airport_arrival_point', 'land_border_arrival_point')`,
        ),
    )
    .addColumn('municipality_code', 'char(5)', (col) =>
      col.notNull().check(sql`municipality_code ~ '^[0-9]{5}$'`),
    )
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('office_organization_idx').on('office').column('organization_id').execute();
  await db.schema.createIndex('office_name_key').unique().on('office').expression(sql`lower(name)`).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('office').execute();
  await db.schema.dropTable('organization').execute();
}
