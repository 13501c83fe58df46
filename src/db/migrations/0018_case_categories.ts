import { type Kysely, sql } from 'kysely';

// Frozen here, as in 0013: the arrival categories' vocabulary; a later change needs a migration of its own.
const CATEGORIES = [
  'no_support',
  'health_condition',
  'deported',
  'unaccompanied_minor',
  'other_vulnerability',
];
const list = sql.raw(CATEGORIES.map((v) => `'${v}'`).join(', '));

/**
 * Vulnerability categories of a case, the arrivals' vocabulary (no support, health condition, deported,
 * unaccompanied minor, other vulnerability). A category added to a case starts its protocol as tasks of the case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table "case" add column categories text[] not null default '{}'
    constraint case_categories_known check (categories <@ array[${list}]::text[])`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table "case" drop column categories`.execute(db);
}
