import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  ApiTokenTable,
  AppUserTable,
  Database,
  OfficeTable,
  OrganizationTable,
  UserSessionTable,
} from '../../db/schema';

type Db = Kysely<Database>;

// Organizations and offices

export async function insertOrganization(db: Db, row: Insertable<OrganizationTable>) {
  return db.insertInto('organization').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertOffice(db: Db, row: Insertable<OfficeTable>) {
  return db.insertInto('office').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function countOrganizations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

export function listOrganizations(db: Db) {
  return db.selectFrom('organization').selectAll().orderBy('short_name').execute();
}

export function listOffices(db: Db) {
  return db
    .selectFrom('office')
    .innerJoin('municipality', 'municipality.code', 'office.municipality_code')
    .innerJoin('department', 'department.code', 'municipality.department_code')
    .selectAll('office')
    .select(['municipality.name as municipality_name', 'department.name as department_name'])
    .orderBy('office.name')
    .execute();
}

export function findOfficesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('office').selectAll().where('id', 'in', ids).execute();
}

export function findOrganizationById(db: Db, id: string) {
  return db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
}

// Users

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOfficeIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_office').select('office_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.office_id);
}

/** The offices a user works in, with the department (territory) each one is in. */
export function findOfficesOfUser(db: Db, userId: string) {
  return db
    .selectFrom('user_office')
    .innerJoin('office', 'office.id', 'user_office.office_id')
    .select(['office.id', sql<string>`left(office.municipality_code, 2)`.as('department_code')])
    .where('user_office.user_id', '=', userId)
    .execute();
}

/** Active users working in any of these offices, with the offices (among these) each works in. */
export function listOfficeStaff(db: Db, officeIds: string[]) {
  return db
    .selectFrom('user_office')
    .innerJoin('app_user', 'app_user.id', 'user_office.user_id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.role', 'user_office.office_id'])
    .where('user_office.office_id', 'in', officeIds)
    .where('app_user.status', '=', 'active')
    .orderBy('app_user.display_name')
    .execute();
}

export interface UserListFilter {
  organizationId?: string | undefined;
  officeIds?: string[] | undefined;
  /** Users with an office in one of these departments. */
  territoryCodes?: string[] | undefined;
  search?: string | undefined;
  afterEmail?: string | undefined;
  limit: number;
}

export function listUsers(db: Db, filter: UserListFilter) {
  let query = db
    .selectFrom('app_user')
    .innerJoin('organization', 'organization.id', 'app_user.organization_id')
    .select([
      'app_user.id',
      'app_user.email',
      'app_user.display_name',
      'app_user.role',
      'app_user.status',
      'app_user.organization_id',
      'organization.short_name as organization_name',
      'organization.kind as organization_kind',
      'app_user.totp_enabled_at',
      'app_user.last_sign_in_at',
      'app_user.version',
      sql<
        string[]
      >`coalesce((select array_agg(uo.office_id::text) from user_office uo where uo.user_id = app_user.id), '{}')`.as(
        'office_ids',
      ),
    ])
    .orderBy('app_user.email')
    .limit(filter.limit);
  if (filter.organizationId) query = query.where('app_user.organization_id', '=', filter.organizationId);
  if (filter.officeIds) {
    const officeIds = filter.officeIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_office')
          .whereRef('user_office.user_id', '=', 'app_user.id')
          .where(
            'user_office.office_id',
            'in',
            officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000'],
          ),
      ),
    );
  }
  if (filter.territoryCodes) {
    const codes = filter.territoryCodes.length ? filter.territoryCodes : ['--'];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_office')
          .innerJoin('office', 'office.id', 'user_office.office_id')
          .whereRef('user_office.user_id', '=', 'app_user.id')
          .where(sql<string>`left(office.municipality_code, 2)`, 'in', codes),
      ),
    );
  }
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('app_user.email', 'like', pattern),
        eb(eb.fn('lower', ['app_user.display_name']), 'like', pattern),
      ]),
    );
  }
  if (filter.afterEmail) query = query.where('app_user.email', '>', filter.afterEmail);
  return query.execute();
}

export async function insertUser(db: Db, row: Insertable<AppUserTable>, officeIds: string[]) {
  const user = await db.insertInto('app_user').values(row).returningAll().executeTakeFirstOrThrow();
  await replaceUserOffices(db, user.id, officeIds);
  return user;
}

/** Updates a user only at the expected version; returns undefined when someone else changed it first. */
export function updateUserAtVersion(db: Db, id: string, version: number, changes: Updateable<AppUserTable>) {
  return db
    .updateTable('app_user')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function updateUser(db: Db, id: string, changes: Updateable<AppUserTable>) {
  return db
    .updateTable('app_user')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function replaceUserOffices(db: Db, userId: string, officeIds: string[]) {
  await db.deleteFrom('user_office').where('user_id', '=', userId).execute();
  if (officeIds.length > 0) {
    await db
      .insertInto('user_office')
      .values(officeIds.map((officeId) => ({ user_id: userId, office_id: officeId })))
      .execute();
  }
}

// Sessions

export function insertSession(db: Db, row: Insertable<UserSessionTable>) {
  return db.insertInto('user_session').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .selectAll('user_session')
    .select(['app_user.role', 'app_user.organization_id', 'app_user.status', 'app_user.must_change_password'])
    .where('user_session.token_hash', '=', tokenHash)
    .where('user_session.revoked_at', 'is', null)
    .where('user_session.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function completeSecondFactor(db: Db, tokenHash: string) {
  await db
    .updateTable('user_session')
    .set({ second_factor_pending: false })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function revokeSession(db: Db, tokenHash: string, now: Date) {
  await db.updateTable('user_session').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function revokeSessionsOfUser(db: Db, userId: string, now: Date, exceptTokenHash?: string) {
  let query = db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// Sign-in throttling

export function findThrottle(db: Db, email: string) {
  return db.selectFrom('sign_in_throttle').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Counts one more failure atomically and returns the new count. */
export async function recordSignInFailure(db: Db, email: string, now: Date): Promise<number> {
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ email, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({ failures: sql`sign_in_throttle.failures + 1`, last_failure_at: now }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function lockEmailUntil(db: Db, email: string, until: Date) {
  await db.updateTable('sign_in_throttle').set({ locked_until: until }).where('email', '=', email).execute();
}

export async function clearThrottle(db: Db, email: string) {
  await db.deleteFrom('sign_in_throttle').where('email', '=', email).execute();
}

// Second factor

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]) {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('recovery_code')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Marks an unused recovery code as used; true when there was one. */
export async function consumeRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

// API tokens

export function insertApiToken(db: Db, row: Insertable<ApiTokenTable>) {
  return db.insertInto('api_token').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listApiTokensOfUser(db: Db, userId: string) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'scopes', 'expires_at', 'last_used_at', 'revoked_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findLiveApiToken(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.user_id',
      'api_token.scopes',
      'api_token.last_used_at',
      'app_user.role',
      'app_user.organization_id',
      'app_user.status',
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where('api_token.expires_at', '>', now)
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, id: string, now: Date) {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeApiToken(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeApiTokensOfUser(db: Db, userId: string, now: Date) {
  await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
