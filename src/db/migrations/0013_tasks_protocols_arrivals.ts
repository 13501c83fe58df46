import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { SHIPPED_PROTOCOLS } from '../../domain/assistance/shipped-protocols';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Frozen here, as shipped with this migration: a later vocabulary change needs a migration of its own.
const CATEGORIES = [
  'no_support',
  'health_condition',
  'deported',
  'unaccompanied_minor',
  'other_vulnerability',
];
const PROVISIONS = [
  'temporary_shelter',
  'transport',
  'food',
  'medical_airport',
  'medical_secretariat',
  'psychosocial_first_aid',
  'legal_advice',
];

/**
 * Immediate assistance and staff work: protocols ("hojas de ruta") per arrival category, kept as immutable
 * versions so tasks already created keep their steps; arrivals at airport and land-border posts, announced
 * beforehand or found at the post; tasks for staff (assigned to a user or left to an office), linked to a person,
 * a case or an arrival, created by hand or from a protocol step. The shipped protocols are seeded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('protocol')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('category', 'text', (col) =>
      col
        .notNull()
        .unique()
        .check(sql`category in (${list(CATEGORIES)})`),
    )
    /** The version number now applied; also the row's version for optimistic concurrency. */
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('protocol_version')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('protocol_id', 'uuid', (col) => col.notNull().references('protocol.id'))
    .addColumn('version_number', 'integer', (col) => col.notNull().check(sql`version_number >= 1`))
    .addColumn('name', 'jsonb', (col) => col.notNull())
    .addColumn('steps', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('protocol_version_number', ['protocol_id', 'version_number'])
    .execute();

  await db.schema
    .createTable('arrival')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    /** The post (airport or land-border arrival point) where the traveller arrives. */
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('announced', 'found')`))
    .addColumn('announced_by', 'text', (col) =>
      col.check(sql`announced_by in ('consulate', 'migration_authority', 'other')`),
    )
    .addColumn('expected_at', 'timestamptz')
    .addColumn('transport', 'text', (col) => col.notNull().check(sql`transport in ('air', 'land')`))
    /** Flight number, or the land crossing. */
    .addColumn('flight_or_crossing', 'text')
    .addColumn('origin_country', 'char(2)')
    /** Who the notice names, before the traveller is linked to the registry. */
    .addColumn('traveller_name', 'text')
    .addColumn('traveller_document', 'text')
    .addColumn('person_id', 'uuid', (col) => col.references('person.id'))
    .addColumn('categories', sql`text[]`, (col) =>
      col
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`categories <@ array[${list(CATEGORIES)}]::text[]`),
    )
    .addColumn('provided', sql`text[]`, (col) =>
      col
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`provided <@ array[${list(PROVISIONS)}]::text[]`),
    )
    .addColumn('shelter_place', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('announced').check(sql`status in ('announced', 'received', 'no_show')`),
    )
    .addColumn('received_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('received_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addCheckConstraint('arrival_traveller', sql`person_id is not null or traveller_name is not null`)
    .addCheckConstraint(
      'arrival_received',
      sql`status <> 'received' or (person_id is not null and received_at is not null)`,
    )
    .execute();
  // The pending board: a post's arrivals of one day, by expected time.
  await sql`create index arrival_board on arrival (office_id, (coalesce(expected_at, received_at, created_at)))`.execute(
    db,
  );
  await db.schema.createIndex('arrival_person_idx').on('arrival').column('person_id').execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('office_id', 'uuid', (col) => col.notNull().references('office.id'))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('person_id', 'uuid', (col) => col.references('person.id'))
    .addColumn('case_id', 'uuid', (col) => col.references('case.id'))
    .addColumn('arrival_id', 'uuid', (col) => col.references('arrival.id'))
    .addColumn('assignee_id', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('due_at', 'timestamptz')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('open').check(sql`status in ('open', 'done', 'cancelled')`),
    )
    .addColumn('completed_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('protocol_id', 'uuid', (col) => col.references('protocol.id'))
    .addColumn('protocol_version_id', 'uuid', (col) => col.references('protocol_version.id'))
    .addColumn('protocol_step_id', 'text')
    .addColumn('position', 'smallint')
    .addColumn('created_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addCheckConstraint(
      'task_completed',
      sql`(status = 'open') = (completed_at is null) and (completed_at is null) = (completed_by is null)`,
    )
    .addCheckConstraint(
      'task_protocol_step',
      sql`(protocol_version_id is null) = (protocol_step_id is null) and (protocol_id is null) = (protocol_step_id is null)`,
    )
    .execute();
  await sql`create index task_assignee_open on task (assignee_id, due_at) where status = 'open'`.execute(db);
  await sql`create index task_office_open on task (office_id, due_at) where status = 'open'`.execute(db);
  await db.schema.createIndex('task_arrival_idx').on('task').column('arrival_id').execute();
  await db.schema.createIndex('task_case_idx').on('task').column('case_id').execute();
  await db.schema.createIndex('task_person_idx').on('task').column('person_id').execute();
  await db.schema.createIndex('task_protocol_idx').on('task').columns(['protocol_id', 'office_id']).execute();
  // A protocol's step becomes one task per subject, however often the category is set.
  await sql`create unique index task_arrival_step on task (arrival_id, protocol_id, protocol_step_id) where arrival_id is not null and protocol_id is not null`.execute(
    db,
  );
  await sql`create unique index task_case_step on task (case_id, protocol_id, protocol_step_id) where case_id is not null and protocol_id is not null`.execute(
    db,
  );

  for (const definition of SHIPPED_PROTOCOLS) {
    const protocolId = uuidv7();
    await sql`insert into protocol (id, category) values (${protocolId}, ${definition.category})`.execute(db);
    await sql`insert into protocol_version (id, protocol_id, version_number, name, steps)
      values (${uuidv7()}, ${protocolId}, 1, ${JSON.stringify(definition.name)}::jsonb, ${JSON.stringify(definition.steps)}::jsonb)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('task').execute();
  await db.schema.dropTable('arrival').execute();
  await db.schema.dropTable('protocol_version').execute();
  await db.schema.dropTable('protocol').execute();
}
