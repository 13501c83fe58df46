import type { Insertable, Kysely } from 'kysely';
import type { Database, ProgrammeTable } from '../../db/schema';

type Db = Kysely<Database>;

export function listProgrammes(db: Db, options: { activeOnly: boolean }) {
  let query = db.selectFrom('programme').selectAll().orderBy('name_es');
  if (options.activeOnly) query = query.where('active', '=', true);
  return query.execute();
}

export function findProgramme(db: Db, key: string) {
  return db.selectFrom('programme').selectAll().where('key', '=', key).executeTakeFirst();
}

export function findProgrammes(db: Db, keys: string[]) {
  if (!keys.length) return Promise.resolve([]);
  return db.selectFrom('programme').selectAll().where('key', 'in', keys).execute();
}

export async function insertProgrammes(db: Db, rows: Array<Insertable<ProgrammeTable>>) {
  if (rows.length) await db.insertInto('programme').values(rows).execute();
}
