import { type Kysely, sql } from 'kysely';
import { loadDivipola } from '../../reference/divipola';

/** DANE's departments and municipalities as reference tables; offices must sit in a known municipality. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('department')
    .addColumn('code', 'char(2)', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('municipality')
    .addColumn('code', 'char(5)', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('department_code', 'char(2)', (col) => col.notNull().references('department.code'))
    .addCheckConstraint('municipality_code_in_department', sql`left(code, 2) = department_code`)
    .execute();
  await db.schema
    .createIndex('municipality_department_idx')
    .on('municipality')
    .column('department_code')
    .execute();

  const { departments, municipalities } = loadDivipola();
  const typed = db as unknown as Kysely<{
    department: { code: string; name: string };
    municipality: { code: string; name: string; department_code: string };
  }>;
  await typed.insertInto('department').values(departments).execute();
  for (let start = 0; start < municipalities.length; start += 500) {
    await typed
      .insertInto('municipality')
      .values(municipalities.slice(start, start + 500))
      .execute();
  }
  await db.schema
    .alterTable('office')
    .addForeignKeyConstraint('office_municipality_fkey', ['municipality_code'], 'municipality', ['code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('office').dropConstraint('office_municipality_fkey').execute();
  await db.schema.dropTable('municipality').execute();
  await db.schema.dropTable('department').execute();
}
