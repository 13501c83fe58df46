import type { Insertable, Kysely, Updateable } from 'kysely';
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

/** Inserts one programme unless its key is taken; undefined when it is. */
export function insertProgramme(db: Db, row: Insertable<ProgrammeTable>) {
  return db
    .insertInto('programme')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Changes a programme at the version read, bumping it; undefined when the version is stale (or no such key). */
export function updateProgramme(
  db: Db,
  key: string,
  version: number,
  changes: Omit<Updateable<ProgrammeTable>, 'key' | 'version' | 'created_at'>,
) {
  return db
    .updateTable('programme')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('key', '=', key)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
