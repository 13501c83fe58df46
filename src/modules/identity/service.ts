import type { Kysely } from 'kysely';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import { diffFields } from '../../domain/audit/field-changes';
import { lockoutSeconds } from '../../domain/identity/lockout';
import { checkPassword } from '../../domain/identity/password-policy';
import { type Role, requiresSecondFactor, worksInOffices } from '../../domain/identity/roles';
import { AppError } from '../../server/http/problem';
import { InvalidFieldsError } from '../../server/http/validation';
import type { AuditService } from '../audit/service';
import type { Actor, RequestContext, TokenScope } from './actor';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hashing';
import { identityPolicy } from './policy';
import { presentUserRow } from './presenters';
import * as q from './queries';
import {
  API_TOKEN_PREFIX,
  hashSecret,
  newApiToken,
  newRecoveryCodes,
  newSecret,
  normalizeRecoveryCode,
} from './tokens';

/** A session lives while it is used: eight hours after the last request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, so reads do not turn into writes. */
const SESSION_TOUCH_MS = 5 * 60 * 1000;

export interface IdentityServiceDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock?: () => Date;
}

export interface SignInResult {
  sessionToken: string;
  csrfToken: string;
  /** The password was right; a TOTP code (or enrolment, for roles that must have one) is still needed. */
  secondFactor: 'none' | 'verify' | 'enrol';
}

export interface ResolvedSession {
  actor: Actor;
  secondFactorPending: boolean;
  /** A temporary password (new user, reset) must be replaced before anything else. */
  mustChangePassword: boolean;
  csrfToken: string;
  tokenHash: string;
}

export interface UserInput {
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  officeIds: string[];
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function passwordProblems(password: string, email: string, path: string) {
  const problems = checkPassword(password, { email });
  if (problems.length > 0) {
    throw new InvalidFieldsError(problems.map((problem) => ({ path, messageKey: `password.${problem}` })));
  }
}

/** A readable temporary password (four groups of four) that satisfies the policy; shown once to the admin. */
function temporaryPassword(): string {
  return newSecret(12)
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 16)
    .replace(/(.{4})(?=.)/g, '$1-');
}

function buildTotp(secret: OTPAuth.Secret, email: string) {
  return new OTPAuth.TOTP({ issuer: 'Ruta', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret });
}

export function createIdentityService({ db, audit, clock = () => new Date() }: IdentityServiceDeps) {
  async function loadActor(
    userId: string,
    role: string,
    organizationId: string,
    context: RequestContext,
    via: Actor['via'],
    scopes: TokenScope[],
  ): Promise<Actor> {
    const offices = await q.findOfficesOfUser(db, userId);
    return {
      userId,
      role: role as Role,
      organizationId,
      officeIds: offices.map((office) => office.id),
      territoryCodes: [...new Set(offices.map((office) => office.department_code))],
      via,
      scopes,
      context,
    };
  }

  /** Where a user works, for the policy: the territories of their offices. */
  async function userScope(userId: string) {
    const offices = await q.findOfficesOfUser(db, userId);
    return { territoryCodes: offices.map((office) => office.department_code) };
  }

  async function presentUser(user: NonNullable<Awaited<ReturnType<typeof q.findUserById>>>) {
    const [officeIds, organization] = await Promise.all([
      q.findOfficeIdsOfUser(db, user.id),
      q.findOrganizationById(db, user.organization_id),
    ]);
    return {
      ...presentUserRow({
        ...user,
        office_ids: officeIds,
        organization_name: organization?.short_name ?? '',
        organization_kind: organization?.kind ?? '',
      }),
      mustChangePassword: user.must_change_password,
    };
  }

  async function validateUserInput(trx: Kysely<Database>, input: UserInput) {
    const problems: Array<{ path: string; messageKey: string }> = [];
    if (!(await q.findOrganizationById(trx, input.organizationId))) {
      problems.push({ path: 'organizationId', messageKey: 'user.unknownOrganization' });
    }
    const offices = await q.findOfficesByIds(trx, input.officeIds);
    if (offices.length !== new Set(input.officeIds).size) {
      problems.push({ path: 'officeIds', messageKey: 'user.unknownOffice' });
    }
    if (worksInOffices(input.role) && input.officeIds.length === 0) {
      problems.push({ path: 'officeIds', messageKey: 'user.officesRequired' });
    }
    if (problems.length) throw new InvalidFieldsError(problems);
  }

  async function loadManagedUser(actor: Actor, id: string) {
    const user = await q.findUserById(db, id);
    if (!user) throw new AppError('notFound');
    if (!identityPolicy.manageUsers(actor)) {
      throw new AppError(identityPolicy.readUser(actor, await userScope(id)) ? 'forbidden' : 'notFound');
    }
    return user;
  }

  async function startSession(
    trx: Kysely<Database>,
    userId: string,
    context: RequestContext,
    pending: boolean,
  ) {
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const now = clock();
    await q.insertSession(trx, {
      token_hash: hashSecret(sessionToken),
      user_id: userId,
      csrf_token: csrfToken,
      second_factor_pending: pending,
      expires_at: new Date(now.getTime() + SESSION_IDLE_MS),
      ip: context.ip,
      user_agent: context.userAgent?.slice(0, 500) ?? null,
    });
    return { sessionToken, csrfToken };
  }

  return {
    /**
     * Checks email and password. Unknown emails, wrong passwords and deactivated users get the same answer after
     * the same work, and every email (existing or not) is locked progressively after repeated failures.
     */
    async signIn(input: { email: string; password: string }, context: RequestContext): Promise<SignInResult> {
      const email = normalizeEmail(input.email);
      const now = clock();
      const throttle = await q.findThrottle(db, email);
      if (throttle?.locked_until && throttle.locked_until > now) {
        const minutes = Math.ceil((throttle.locked_until.getTime() - now.getTime()) / 60_000);
        throw new AppError('signInLocked', { minutes });
      }
      const user = await q.findUserByEmail(db, email);
      const passwordOk = await verifyPassword(
        user?.password_hash ?? (await decoyPasswordHash()),
        input.password,
      );
      if (!user || !passwordOk || user.status !== 'active') {
        await db.transaction().execute(async (trx) => {
          const failures = await q.recordSignInFailure(trx, email, now);
          const lockFor = lockoutSeconds(failures);
          if (lockFor > 0) await q.lockEmailUntil(trx, email, new Date(now.getTime() + lockFor * 1000));
          await audit.record(
            trx,
            { userId: user?.id ?? null, role: user?.role ?? null, context },
            { action: 'auth.sign_in_failed', recordType: 'user', recordId: user?.id ?? null },
          );
        });
        throw new AppError('invalidCredentials');
      }
      const role = user.role as Role;
      const secondFactor: SignInResult['secondFactor'] = user.totp_enabled_at
        ? 'verify'
        : requiresSecondFactor(role)
          ? 'enrol'
          : 'none';
      return db.transaction().execute(async (trx) => {
        if (throttle) await q.clearThrottle(trx, email);
        const session = await startSession(trx, user.id, context, secondFactor !== 'none');
        if (secondFactor === 'none') await q.updateUser(trx, user.id, { last_sign_in_at: now });
        await audit.record(
          trx,
          { userId: user.id, role, context },
          {
            action: secondFactor === 'none' ? 'auth.signed_in' : 'auth.password_accepted',
            recordType: 'user',
            recordId: user.id,
          },
        );
        return { ...session, secondFactor };
      });
    },

    /** The session behind a cookie, or null when it is unknown, expired, revoked, or its user deactivated. */
    async resolveSession(sessionToken: string, context: RequestContext): Promise<ResolvedSession | null> {
      const tokenHash = hashSecret(sessionToken);
      const now = clock();
      const session = await q.findLiveSession(db, tokenHash, now);
      if (session?.status !== 'active') return null;
      if (now.getTime() - session.last_seen_at.getTime() > SESSION_TOUCH_MS) {
        await q.touchSession(db, tokenHash, now, new Date(now.getTime() + SESSION_IDLE_MS));
      }
      const actor = await loadActor(
        session.user_id,
        session.role,
        session.organization_id,
        context,
        'session',
        ['read', 'write'],
      );
      return {
        actor,
        secondFactorPending: session.second_factor_pending,
        mustChangePassword: session.must_change_password,
        csrfToken: session.csrf_token,
        tokenHash,
      };
    },

    /** The actor behind a personal API token (`Authorization: Bearer ruta_pat_…`), limited to its scopes. */
    async resolveApiToken(token: string, context: RequestContext): Promise<Actor | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const now = clock();
      const row = await q.findLiveApiToken(db, hashSecret(token), now);
      if (row?.status !== 'active') return null;
      if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > SESSION_TOUCH_MS) {
        await q.markApiTokenUsed(db, row.id, now);
      }
      return loadActor(
        row.user_id,
        row.role,
        row.organization_id,
        context,
        'token',
        row.scopes as TokenScope[],
      );
    },

    async signOut(session: ResolvedSession): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await q.revokeSession(trx, session.tokenHash, clock());
        await audit.record(trx, session.actor, {
          action: 'auth.signed_out',
          recordType: 'user',
          recordId: session.actor.userId,
        });
      });
    },

    async currentUser(actor: Actor) {
      const user = await q.findUserById(db, actor.userId);
      if (!user) throw new AppError('unauthorized');
      return presentUser(user);
    },

    /** Completes a sign-in with a TOTP code or a one-time recovery code. */
    async verifySecondFactor(session: ResolvedSession, code: string): Promise<void> {
      const user = await q.findUserById(db, session.actor.userId);
      if (!user?.totp_secret || !user.totp_enabled_at) throw new AppError('invalidSecondFactor');
      const now = clock();
      const totp = buildTotp(OTPAuth.Secret.fromBase32(user.totp_secret), user.email);
      await db.transaction().execute(async (trx) => {
        const digits = code.replace(/\s/g, '');
        const valid =
          (/^\d{6}$/.test(digits) &&
            totp.validate({ token: digits, timestamp: now.getTime(), window: 1 }) !== null) ||
          (await q.consumeRecoveryCode(trx, user.id, hashSecret(normalizeRecoveryCode(code)), now));
        if (!valid) {
          await audit.record(trx, session.actor, {
            action: 'auth.second_factor_failed',
            recordType: 'user',
            recordId: user.id,
          });
          return;
        }
        await q.completeSecondFactor(trx, session.tokenHash);
        await q.updateUser(trx, user.id, { last_sign_in_at: now });
        await audit.record(trx, session.actor, {
          action: 'auth.signed_in',
          recordType: 'user',
          recordId: user.id,
        });
      });
      const after = await q.findLiveSession(db, session.tokenHash, now);
      if (after?.second_factor_pending !== false) throw new AppError('invalidSecondFactor');
    },

    /** Starts TOTP enrolment: a new secret, its otpauth URI and a QR code to scan. Not active until confirmed. */
    async startTotpEnrolment(actor: Actor) {
      const user = await q.findUserById(db, actor.userId);
      if (!user) throw new AppError('unauthorized');
      if (user.totp_enabled_at) throw new AppError('conflict');
      const secret = new OTPAuth.Secret({ size: 20 });
      await q.updateUser(db, user.id, { totp_secret: secret.base32 });
      const uri = buildTotp(secret, user.email).toString();
      return {
        secret: secret.base32,
        otpauthUri: uri,
        qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }),
      };
    },

    /** Confirms enrolment with a first code; returns ten recovery codes, shown this once. */
    async confirmTotpEnrolment(session: ResolvedSession, code: string): Promise<{ recoveryCodes: string[] }> {
      const actor = session.actor;
      const user = await q.findUserById(db, actor.userId);
      if (!user?.totp_secret || user.totp_enabled_at) {
        throw new InvalidFieldsError([{ path: 'code', messageKey: 'totp.notStarted' }]);
      }
      const now = clock();
      const totp = buildTotp(OTPAuth.Secret.fromBase32(user.totp_secret), user.email);
      if (totp.validate({ token: code.replace(/\s/g, ''), timestamp: now.getTime(), window: 1 }) === null) {
        throw new AppError('invalidSecondFactor');
      }
      const recoveryCodes = newRecoveryCodes();
      await db.transaction().execute(async (trx) => {
        await q.updateUser(trx, user.id, {
          totp_enabled_at: now,
          ...(session.secondFactorPending ? { last_sign_in_at: now } : {}),
        });
        await q.replaceRecoveryCodes(
          trx,
          user.id,
          recoveryCodes.map((c) => hashSecret(normalizeRecoveryCode(c))),
        );
        if (session.secondFactorPending) await q.completeSecondFactor(trx, session.tokenHash);
        await audit.record(trx, actor, {
          action: 'auth.second_factor_enabled',
          recordType: 'user',
          recordId: user.id,
        });
      });
      return { recoveryCodes };
    },

    async disableTotp(actor: Actor): Promise<void> {
      if (requiresSecondFactor(actor.role)) {
        throw new InvalidFieldsError([{ path: 'code', messageKey: 'totp.requiredForRole' }]);
      }
      await db.transaction().execute(async (trx) => {
        await q.updateUser(trx, actor.userId, { totp_secret: null, totp_enabled_at: null });
        await q.replaceRecoveryCodes(trx, actor.userId, []);
        await audit.record(trx, actor, {
          action: 'auth.second_factor_disabled',
          recordType: 'user',
          recordId: actor.userId,
        });
      });
    },

    async changeOwnPassword(
      session: ResolvedSession,
      input: { currentPassword: string; newPassword: string },
    ) {
      const actor = session.actor;
      const user = await q.findUserById(db, actor.userId);
      if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new InvalidFieldsError([{ path: 'currentPassword', messageKey: 'password.wrongCurrent' }]);
      }
      passwordProblems(input.newPassword, user.email, 'newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await q.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
        await q.revokeSessionsOfUser(trx, user.id, clock(), session.tokenHash);
        await audit.record(trx, actor, {
          action: 'user.password_changed',
          recordType: 'user',
          recordId: user.id,
        });
      });
    },

    // Administration

    async listUsers(
      actor: Actor,
      filter: { search?: string | undefined; after?: string | undefined; limit: number },
    ) {
      if (!identityPolicy.listUsers(actor)) throw new AppError('forbidden');
      const rows = await q.listUsers(db, {
        search: filter.search,
        afterEmail: filter.after,
        limit: filter.limit,
        territoryCodes: identityPolicy.manageUsers(actor) ? undefined : actor.territoryCodes,
      });
      return rows.map(presentUserRow);
    },

    async getUser(actor: Actor, id: string) {
      const user = await q.findUserById(db, id);
      if (!user) throw new AppError('notFound');
      if (!identityPolicy.readUser(actor, await userScope(id))) throw new AppError('notFound');
      return presentUser(user);
    },

    /** Creates a user with a temporary password that must be changed at first sign-in; returns it once. */
    async createUser(actor: Actor, input: UserInput) {
      if (!identityPolicy.manageUsers(actor)) throw new AppError('forbidden');
      const email = normalizeEmail(input.email);
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      const created = await db.transaction().execute(async (trx) => {
        await validateUserInput(trx, input);
        if (await q.findUserByEmail(trx, email)) {
          throw new InvalidFieldsError([{ path: 'email', messageKey: 'user.emailTaken' }]);
        }
        const user = await q.insertUser(
          trx,
          {
            id: uuidv7(),
            organization_id: input.organizationId,
            email,
            display_name: input.displayName.trim(),
            role: input.role,
            password_hash: passwordHash,
            must_change_password: true,
          },
          [...new Set(input.officeIds)],
        );
        await audit.record(trx, actor, {
          action: 'user.created',
          recordType: 'user',
          recordId: user.id,
          changes: {
            after: { email, displayName: user.display_name, role: input.role, officeIds: input.officeIds },
          },
        });
        return user;
      });
      return { user: await presentUser(created), temporaryPassword: password };
    },

    /** Changes name, role or offices at the version the admin saw; a stale version gets 409 with the current user. */
    async updateUser(
      actor: Actor,
      id: string,
      input: {
        version: number;
        displayName?: string | undefined;
        role?: Role | undefined;
        officeIds?: string[] | undefined;
      },
    ) {
      const user = await loadManagedUser(actor, id);
      const before = await presentUser(user);
      const next: UserInput = {
        email: user.email,
        displayName: input.displayName?.trim() ?? before.displayName,
        role: input.role ?? before.role,
        organizationId: user.organization_id,
        officeIds: input.officeIds ? [...new Set(input.officeIds)] : before.officeIds,
      };
      const updated = await db.transaction().execute(async (trx) => {
        await validateUserInput(trx, next);
        const row = await q.updateUserAtVersion(trx, id, input.version, {
          display_name: next.displayName,
          role: next.role,
        });
        if (!row) return null;
        if (input.officeIds) await q.replaceUserOffices(trx, id, next.officeIds);
        if (next.role !== before.role) await q.revokeSessionsOfUser(trx, id, clock());
        await audit.record(trx, actor, {
          action: 'user.updated',
          recordType: 'user',
          recordId: id,
          changes: diffFields(
            { displayName: before.displayName, role: before.role, officeIds: [...before.officeIds].sort() },
            { displayName: next.displayName, role: next.role, officeIds: [...next.officeIds].sort() },
          ),
        });
        return row;
      });
      if (!updated) {
        const current = await q.findUserById(db, id);
        throw new AppError('conflict', {}, { current: current ? await presentUser(current) : null });
      }
      return presentUser(updated);
    },

    /** Deactivates a user: every session and API token of theirs stops working at once. */
    async setUserActive(actor: Actor, id: string, active: boolean) {
      const user = await loadManagedUser(actor, id);
      if (!active && id === actor.userId) {
        throw new InvalidFieldsError([{ path: 'id', messageKey: 'user.cannotDeactivateSelf' }]);
      }
      const updated = await db.transaction().execute(async (trx) => {
        const row = await q.updateUser(trx, id, { status: active ? 'active' : 'deactivated' });
        if (!active) {
          await q.revokeSessionsOfUser(trx, id, clock());
          await q.revokeApiTokensOfUser(trx, id, clock());
        }
        await audit.record(trx, actor, {
          action: active ? 'user.reactivated' : 'user.deactivated',
          recordType: 'user',
          recordId: id,
          changes: { before: { status: user.status }, after: { status: row.status } },
        });
        return row;
      });
      return presentUser(updated);
    },

    /** Sets a new temporary password (shown once), to be changed at the next sign-in; ends the user's sessions. */
    async resetPassword(actor: Actor, id: string) {
      await loadManagedUser(actor, id);
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await q.updateUser(trx, id, { password_hash: passwordHash, must_change_password: true });
        await q.revokeSessionsOfUser(trx, id, clock());
        await audit.record(trx, actor, { action: 'user.password_reset', recordType: 'user', recordId: id });
      });
      return { temporaryPassword: password };
    },

    // Personal API tokens

    async createApiToken(actor: Actor, input: { name: string; scopes: TokenScope[]; expiresInDays: number }) {
      const token = newApiToken();
      const expiresAt = new Date(clock().getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await q.insertApiToken(trx, {
          id: uuidv7(),
          user_id: actor.userId,
          name: input.name.trim(),
          token_hash: hashSecret(token),
          scopes: [...new Set(input.scopes)],
          expires_at: expiresAt,
        });
        await audit.record(trx, actor, {
          action: 'api_token.created',
          recordType: 'api_token',
          recordId: inserted.id,
          changes: {
            after: { name: inserted.name, scopes: inserted.scopes, expiresAt: expiresAt.toISOString() },
          },
        });
        return inserted;
      });
      return {
        token,
        id: row.id,
        name: row.name,
        scopes: row.scopes as TokenScope[],
        expiresAt: expiresAt.toISOString(),
      };
    },

    async listApiTokens(actor: Actor) {
      const rows = await q.listApiTokensOfUser(db, actor.userId);
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        scopes: row.scopes as TokenScope[],
        expiresAt: row.expires_at.toISOString(),
        lastUsedAt: row.last_used_at?.toISOString() ?? null,
        revokedAt: row.revoked_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      }));
    },

    async revokeApiToken(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        if (!(await q.revokeApiToken(trx, actor.userId, id, clock()))) throw new AppError('notFound');
        await audit.record(trx, actor, {
          action: 'api_token.revoked',
          recordType: 'api_token',
          recordId: id,
        });
      });
    },

    /**
     * For other modules (tasks, arrivals): the active staff of some offices, to name assignees and to check that
     * a task goes to someone who works in its office. No policy: callers decide who may see it.
     */
    async officeStaff(officeIds: string[]) {
      if (officeIds.length === 0) return [];
      const rows = await q.listOfficeStaff(db, officeIds);
      const byUser = new Map<
        string,
        { id: string; displayName: string; role: string; officeIds: string[] }
      >();
      for (const row of rows) {
        const entry = byUser.get(row.id) ?? {
          id: row.id,
          displayName: row.display_name,
          role: row.role,
          officeIds: [],
        };
        entry.officeIds.push(row.office_id);
        byUser.set(row.id, entry);
      }
      return [...byUser.values()];
    },

    // The network

    async listNetwork(actor: Actor) {
      if (!identityPolicy.readNetwork(actor)) throw new AppError('forbidden');
      const [organizations, offices] = await Promise.all([q.listOrganizations(db), q.listOffices(db)]);
      return {
        organizations: organizations.map((o) => ({
          id: o.id,
          name: o.name,
          shortName: o.short_name,
          kind: o.kind,
        })),
        offices: offices.map((o) => ({
          id: o.id,
          name: o.name,
          kind: o.kind,
          organizationId: o.organization_id,
          municipalityCode: o.municipality_code,
          municipalityName: o.municipality_name,
          departmentName: o.department_name,
        })),
      };
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
