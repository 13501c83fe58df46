import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ArrivalTable, Database, ProtocolVersionTable } from '../../db/schema';

type Db = Kysely<Database>;

// Arrivals

export function findArrival(db: Db, id: string) {
  return db
    .selectFrom('arrival as a')
    .innerJoin('office as o', 'o.id', 'a.office_id')
    .leftJoin('app_user as r', 'r.id', 'a.received_by')
    .selectAll('a')
    .select(['o.name as office_name', 'r.display_name as received_by_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type ArrivalRow = NonNullable<Awaited<ReturnType<typeof findArrival>>>;

export function insertArrival(db: Db, row: Insertable<ArrivalTable>) {
  return db.insertInto('arrival').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateArrivalAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<ArrivalTable>,
) {
  return db
    .updateTable('arrival')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** A post's arrivals whose board time (expected, else received, else recorded) falls in [from, to), by that time. */
export function listArrivalsOfDay(db: Db, officeId: string, from: Date, to: Date, status?: string) {
  const boardTime = sql<Date>`coalesce(a.expected_at, a.received_at, a.created_at)`;
  let query = db
    .selectFrom('arrival as a')
    .innerJoin('office as o', 'o.id', 'a.office_id')
    .leftJoin('app_user as r', 'r.id', 'a.received_by')
    .selectAll('a')
    .select(['o.name as office_name', 'r.display_name as received_by_name'])
    .where('a.office_id', '=', officeId)
    .where(boardTime, '>=', from)
    .where(boardTime, '<', to);
  if (status) query = query.where('a.status', '=', status);
  return query.orderBy(boardTime).orderBy('a.id').limit(500).execute();
}

/** Open protocol tasks per arrival, for the board. */
export function openTaskCounts(db: Db, arrivalIds: string[]) {
  if (arrivalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task')
    .select((eb) => ['arrival_id', eb.fn.countAll<number>().as('open')])
    .where('arrival_id', 'in', arrivalIds)
    .where('status', '=', 'open')
    .groupBy('arrival_id')
    .execute();
}

// Protocols

export function listProtocols(db: Db) {
  return db
    .selectFrom('protocol as p')
    .innerJoin('protocol_version as v', (join) =>
      join.onRef('v.protocol_id', '=', 'p.id').onRef('v.version_number', '=', 'p.version'),
    )
    .leftJoin('app_user as u', 'u.id', 'p.updated_by')
    .select([
      'p.id',
      'p.category',
      'p.version',
      'p.updated_at',
      'u.display_name as updated_by_name',
      'v.id as version_id',
      'v.name',
      'v.steps',
    ])
    .orderBy('p.category')
    .execute();
}

/** The protocols now applied for some categories, with the version to stamp on their tasks. */
export function findCurrentProtocols(db: Db, categories: string[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('protocol as p')
    .innerJoin('protocol_version as v', (join) =>
      join.onRef('v.protocol_id', '=', 'p.id').onRef('v.version_number', '=', 'p.version'),
    )
    .select(['p.id', 'p.category', 'p.version', 'v.id as version_id', 'v.name', 'v.steps'])
    .where('p.category', 'in', categories)
    .execute();
}

export function findProtocol(db: Db, id: string) {
  return db.selectFrom('protocol').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProtocolVersions(db: Db, protocolId: string) {
  return db
    .selectFrom('protocol_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.version_number',
      'v.name',
      'v.steps',
      'v.created_at',
      'u.display_name as created_by_name',
    ])
    .where('v.protocol_id', '=', protocolId)
    .orderBy('v.version_number', 'desc')
    .execute();
}

export function bumpProtocolVersion(db: Db, id: string, version: number, userId: string) {
  return db
    .updateTable('protocol')
    .set({ version: version + 1, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export function insertProtocolVersion(db: Db, row: Insertable<ProtocolVersionTable>) {
  return db.insertInto('protocol_version').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findProtocolNames(db: Db) {
  return db
    .selectFrom('protocol as p')
    .innerJoin('protocol_version as v', (join) =>
      join.onRef('v.protocol_id', '=', 'p.id').onRef('v.version_number', '=', 'p.version'),
    )
    .select(['p.category', 'v.name', 'v.steps'])
    .execute();
}
