import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

/** The hand-off columns of an arrival, with the receiving office's name and who handed it off. */
export function findHandoff(db: Db, arrivalId: string) {
  return db
    .selectFrom('arrival as a')
    .leftJoin('office as o', 'o.id', 'a.handoff_office_id')
    .leftJoin('app_user as u', 'u.id', 'a.handed_off_by')
    .select([
      'a.case_id',
      'a.handoff_office_id',
      'a.handoff_programme_key',
      'a.handed_off_at',
      'o.name as office_name',
      'u.display_name as handed_off_by_name',
    ])
    .where('a.id', '=', arrivalId)
    .executeTakeFirst();
}

/** The arrival a case was opened from, with its post's name (served by the partial unique index on case_id). */
export function findArrivalOfCase(db: Db, caseId: string) {
  return db
    .selectFrom('arrival as a')
    .innerJoin('office as o', 'o.id', 'a.office_id')
    .leftJoin('app_user as u', 'u.id', 'a.handed_off_by')
    .select([
      'a.id',
      'a.office_id',
      'a.kind',
      'a.announced_by',
      'a.transport',
      'a.flight_or_crossing',
      'a.received_at',
      'a.categories',
      'a.provided',
      'a.shelter_place',
      'a.handed_off_at',
      'o.name as post_name',
      'u.display_name as handed_off_by_name',
    ])
    .where('a.case_id', '=', caseId)
    .executeTakeFirst();
}
