import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  CharacterizationDraftTable,
  CharacterizationOccupationTable,
  CharacterizationTable,
  Database,
  NeedTable,
} from '../../db/schema';

type Db = Kysely<Database>;

export function findOccupations(db: Db, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom('occupation')
    .select(['code', 'level', 'title_es', 'title_en'])
    .where('code', 'in', codes)
    .execute();
}

export function listVersions(db: Db, personId: string, withSensitive: boolean) {
  return db
    .selectFrom('characterization')
    .leftJoin('app_user', 'app_user.id', 'characterization.completed_by')
    .select([
      'characterization.id',
      'characterization.person_id',
      'characterization.number',
      'characterization.answers',
      'characterization.completed_at',
      'app_user.display_name as completed_by_name',
    ])
    .$if(withSensitive, (qb) => qb.select('characterization.sensitive'))
    .where('characterization.person_id', '=', personId)
    .orderBy('characterization.number', 'desc')
    .execute() as Promise<
    Array<{
      id: string;
      person_id: string;
      number: number;
      answers: unknown;
      completed_at: Date;
      completed_by_name: string | null;
      sensitive?: unknown;
    }>
  >;
}

export function findOccupationsOfVersions(db: Db, characterizationIds: string[]) {
  if (!characterizationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('characterization_occupation')
    .select(['characterization_id', 'position', 'ciuo_code', 'years_experience'])
    .where('characterization_id', 'in', characterizationIds)
    .orderBy('characterization_id')
    .orderBy('position')
    .execute();
}

export async function insertVersion(
  db: Db,
  version: Insertable<CharacterizationTable>,
  occupations: Array<Insertable<CharacterizationOccupationTable>>,
) {
  const row = await db
    .insertInto('characterization')
    .values(version)
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  if (occupations.length) await db.insertInto('characterization_occupation').values(occupations).execute();
  return row;
}

export async function lastVersionNumber(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom('characterization')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.number ?? 0);
}

export function findDraft(db: Db, personId: string, authorId: string) {
  return db
    .selectFrom('characterization_draft')
    .selectAll()
    .where('person_id', '=', personId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
}

/** Creates the author's draft unless one exists already (then nothing is returned: a concurrent start). */
export function insertDraft(db: Db, draft: Insertable<CharacterizationDraftTable>) {
  return db
    .insertInto('characterization_draft')
    .values(draft)
    .onConflict((oc) => oc.columns(['person_id', 'author_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateDraftAtVersion(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<CharacterizationDraftTable>,
) {
  return db
    .updateTable('characterization_draft')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function deleteDraft(db: Db, id: string) {
  return db.deleteFrom('characterization_draft').where('id', '=', id).execute();
}

const needColumns = [
  'need.id',
  'need.person_id',
  'need.household_id',
  'need.office_id',
  'need.dimension',
  'need.description',
  'need.severity',
  'need.status',
  'need.created_at',
  'need.updated_at',
  'need.version',
  'creator.display_name as created_by_name',
] as const;

export function insertNeed(db: Db, need: Insertable<NeedTable>) {
  return db.insertInto('need').values(need).returning('id').executeTakeFirstOrThrow();
}

export function findNeed(db: Db, id: string) {
  return db
    .selectFrom('need')
    .leftJoin('app_user as creator', 'creator.id', 'need.created_by')
    .select(needColumns)
    .where('need.id', '=', id)
    .executeTakeFirst();
}

export function updateNeedAtVersion(db: Db, id: string, version: number, changes: Updateable<NeedTable>) {
  return db
    .updateTable('need')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export function listNeeds(db: Db, subject: { personId?: string; householdId?: string }) {
  return db
    .selectFrom('need')
    .leftJoin('app_user as creator', 'creator.id', 'need.created_by')
    .select(needColumns)
    .$if(Boolean(subject.personId), (qb) => qb.where('need.person_id', '=', subject.personId as string))
    .$if(Boolean(subject.householdId), (qb) =>
      qb.where('need.household_id', '=', subject.householdId as string),
    )
    .orderBy('need.created_at', 'desc')
    .orderBy('need.id', 'desc')
    .limit(500)
    .execute();
}

/** The current members of a household with the offices serving each (to keep to those the caller may read). */
export async function findCurrentMembersWithOffices(db: Db, householdId: string) {
  const rows = await db
    .selectFrom('household_membership as m')
    .leftJoin('person_office as po', 'po.person_id', 'm.person_id')
    .select(['m.person_id', 'po.office_id'])
    .where('m.household_id', '=', householdId)
    .where('m.left_on', 'is', null)
    .execute();
  const offices = new Map<string, string[]>();
  for (const row of rows) {
    const list = offices.get(row.person_id) ?? [];
    if (row.office_id) list.push(row.office_id);
    offices.set(row.person_id, list);
  }
  return [...offices].map(([personId, officeIds]) => ({ personId, officeIds }));
}

/** The needs of a household and of the given persons (its members), newest first. */
export function listNeedsOfHouseholdAndMembers(db: Db, householdId: string, personIds: string[]) {
  return db
    .selectFrom('need')
    .leftJoin('app_user as creator', 'creator.id', 'need.created_by')
    .select(needColumns)
    .where((eb) =>
      personIds.length
        ? eb.or([eb('need.household_id', '=', householdId), eb('need.person_id', 'in', personIds)])
        : eb('need.household_id', '=', householdId),
    )
    .orderBy('need.created_at', 'desc')
    .orderBy('need.id', 'desc')
    .limit(1000)
    .execute();
}

/**
 * Open needs (identified or in progress) recorded at one office, oldest first (what has waited longest is seen
 * first; keyset pagination on the time-ordered UUIDv7 id), with the person's or the household head's name.
 */
export function listOpenNeedsOfOffice(
  db: Db,
  officeId: string,
  filter: {
    dimension?: string | undefined;
    severity?: string | undefined;
    status?: string | undefined;
    afterId?: string | undefined;
    limit: number;
  },
) {
  return db
    .selectFrom('need')
    .leftJoin('app_user as creator', 'creator.id', 'need.created_by')
    .leftJoin('person', 'person.id', 'need.person_id')
    .leftJoin('household_membership as head', (join) =>
      join
        .onRef('head.household_id', '=', 'need.household_id')
        .on('head.relationship', '=', 'head')
        .on('head.left_on', 'is', null),
    )
    .leftJoin('person as head_person', 'head_person.id', 'head.person_id')
    .select(needColumns)
    .select([
      sql<string>`coalesce(
        nullif(concat_ws(' ', person.given_name_1, person.given_name_2, person.surname_1, person.surname_2), ''),
        nullif(concat_ws(' ', head_person.given_name_1, head_person.given_name_2, head_person.surname_1,
          head_person.surname_2), ''),
        '')`.as('subject_name'),
    ])
    .where('need.office_id', '=', officeId)
    .where('need.status', 'in', ['identified', 'in_progress'])
    .$if(Boolean(filter.dimension), (qb) => qb.where('need.dimension', '=', filter.dimension as string))
    .$if(Boolean(filter.severity), (qb) => qb.where('need.severity', '=', filter.severity as string))
    .$if(Boolean(filter.status), (qb) => qb.where('need.status', '=', filter.status as string))
    .$if(Boolean(filter.afterId), (qb) => qb.where('need.id', '>', filter.afterId as string))
    .orderBy('need.id')
    .limit(filter.limit + 1)
    .execute();
}
