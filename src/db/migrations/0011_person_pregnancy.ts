import { type Kysely, sql } from 'kysely';

/**
 * Pregnancy and lactation on a woman's record (health data, Ley 1581 art. 5): the status with its dates, and who
 * recorded it when. The household composition counts it while it applies (src/domain/registry/maternity.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('person')
    .addColumn('maternity_status', 'text', (col) =>
      col.check(sql`maternity_status in ('pregnant', 'lactating')`),
    )
    // Pregnant: when it began or was known. Lactating: the child's birth date.
    .addColumn('maternity_since', 'date')
    // Pregnant: the expected delivery date. Lactating: when breastfeeding ends.
    .addColumn('maternity_until', 'date')
    .addColumn('maternity_until_estimated', 'boolean')
    .addColumn('maternity_recorded_by', 'uuid', (col) => col.references('app_user.id'))
    .addColumn('maternity_recorded_at', 'timestamptz')
    .execute();
  await sql`alter table person add constraint person_maternity_dates check (
    (maternity_status is null and maternity_since is null and maternity_until is null
      and maternity_until_estimated is null)
    or (maternity_status is not null and (maternity_until is null or maternity_since is null
      or maternity_until >= maternity_since))
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table person drop constraint person_maternity_dates`.execute(db);
  await db.schema
    .alterTable('person')
    .dropColumn('maternity_status')
    .dropColumn('maternity_since')
    .dropColumn('maternity_until')
    .dropColumn('maternity_until_estimated')
    .dropColumn('maternity_recorded_by')
    .dropColumn('maternity_recorded_at')
    .execute();
}
