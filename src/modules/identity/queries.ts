import type { Insertable, Kysely } from 'kysely';
import type { Database, OfficeTable, OrganizationTable } from '../../db/schema';

export async function insertOrganization(db: Kysely<Database>, row: Insertable<OrganizationTable>) {
  return db.insertInto('organization').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertOffice(db: Kysely<Database>, row: Insertable<OfficeTable>) {
  return db.insertInto('office').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function countOrganizations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}
