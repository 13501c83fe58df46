import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import {
  currentTotpCode,
  signIn,
  signInFully,
  TEST_PASSWORD,
  type TestSession,
} from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let admin: TestSession;
let adminTotpSecret: string;

async function officeIdByName(name: string): Promise<string> {
  const row = await database.db
    .selectFrom('office')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function organizationIdByShortName(shortName: string): Promise<string> {
  const row = await database.db
    .selectFrom('organization')
    .select('id')
    .where('short_name', '=', shortName)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  const signedIn = await signInFully(app, 'admin@ruta.example');
  admin = signedIn.session;
  adminTotpSecret = signedIn.totpSecret as string;
});
afterAll(() => app.close());

describe('sign-in', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and tells who is signed in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'Gestor@Ruta.Example ', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'ruta_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `ruta_session=${cookie?.value}` },
    });
    expect(session.json()).toMatchObject({
      user: { email: 'gestor@ruta.example', role: 'caseworker' },
      secondFactorPending: false,
      abilities: { manageUsers: false, readAudit: false },
    });
  });

  it("tells the kind of the user's organization, so the web shows employment pages to employers only", async () => {
    const { session: sena } = await signIn(app, 'enlace.sena@ruta.example');
    const seen = await sena.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(seen.json().user).toMatchObject({
      organizationName: 'SENA',
      organizationKind: 'training_institution',
    });
    const users = await admin.request({ method: 'GET', url: '/api/v1/users?limit=200' });
    expect(users.statusCode).toBe(200);
    const listed = users.json().items as Array<{ email: string; organizationKind: string }>;
    expect(listed.find((u) => u.email === 'enlace.sena@ruta.example')?.organizationKind).toBe(
      'training_institution',
    );
    expect(listed.find((u) => u.email === 'gestor@ruta.example')?.organizationKind).not.toBe('employer');
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const { app: proxied } = await createTestApp({ seedDemo: true, env: { TRUST_PROXY: 'true' } });
    try {
      const response = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'gestor@ruta.example', password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'ruta_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password and an unknown email with the same problem', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'analista@ruta.example', password: 'not the password at all' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nadie@ruta.example', password: 'not the password at all' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const { requestId: _a, ...wrongProblem } = wrong.json();
    const { requestId: _b, ...unknownProblem } = unknown.json();
    expect(wrongProblem).toEqual(unknownProblem);
    expect(wrongProblem.detail).toBe('El correo o la contraseña no son correctos.');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('locks an email after five failures, the same way whether or not it exists', async () => {
    for (const email of ['recepcion@ruta.example', 'fantasma@ruta.example']) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email, password: `wrong password ${attempt}` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses, email).toEqual([401, 401, 401, 401, 401, 429]);
    }
    // Even the right password waits until the lock ends.
    const locked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'recepcion@ruta.example', password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toContain('1 minuto');
  });

  it('limits sign-in attempts per client address', async () => {
    const { app: limited } = await createTestApp({ env: { SIGN_IN_RATE_LIMIT: '3' } });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await limited.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: `persona${attempt}@ruta.example`, password: 'whatever it is' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses writes without the CSRF token and signs out with it', async () => {
    const { session } = await signIn(app, 'enlace.sena@ruta.example');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: session.cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().type).toBe('urn:ruta:problem:csrf');
    const signedOut = await session.request({ method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(signedOut.statusCode).toBe(204);
    const after = await session.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(after.statusCode).toBe(401);
  });

  it('refuses anonymous callers with 401', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(response.statusCode).toBe(401);
    expect(response.json().title).toBe('Debe iniciar sesión');
  });
});

describe('two-step verification', () => {
  it('makes an administrator enrol before anything else, then verify at each sign-in', async () => {
    const { session, secondFactor } = await signIn(app, 'admin@ruta.example');
    expect(secondFactor).toBe('verify');
    const blocked = await session.request({ method: 'GET', url: '/api/v1/users' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().type).toBe('urn:ruta:problem:second-factor-required');
    const wrongCode = await session.request({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      payload: { code: '000000' },
    });
    expect(wrongCode.statusCode).toBe(401);
    const verified = await session.request({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      payload: { code: currentTotpCode(adminTotpSecret) },
    });
    expect(verified.statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
  });

  it('lets a caseworker opt in, sign in with a recovery code once, and opt out', async () => {
    const { session } = await signInFully(app, 'coordinadora@ruta.example');
    const setup = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' });
    expect(setup.statusCode).toBe(200);
    expect(setup.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/Ruta:coordinadora/);
    expect(setup.json().qrSvg).toContain('<svg');
    const confirmed = await session.request({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: currentTotpCode(setup.json().secret) },
    });
    const recoveryCodes = confirmed.json().recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);

    const next = await signIn(app, 'coordinadora@ruta.example');
    expect(next.secondFactor).toBe('verify');
    const withRecovery = await next.session.request({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      payload: { code: recoveryCodes[0]?.toUpperCase() },
    });
    expect(withRecovery.statusCode).toBe(204);
    const again = await signIn(app, 'coordinadora@ruta.example');
    const reused = await again.session.request({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      payload: { code: recoveryCodes[0] },
    });
    expect(reused.statusCode).toBe(401);

    expect((await next.session.request({ method: 'DELETE', url: '/api/v1/auth/totp' })).statusCode).toBe(204);
    expect((await signIn(app, 'coordinadora@ruta.example')).secondFactor).toBe('none');
  });

  it('does not let an administrator turn it off', async () => {
    const response = await admin.request({ method: 'DELETE', url: '/api/v1/auth/totp' });
    expect(response.statusCode).toBe(400);
  });
});

describe('user administration', () => {
  it('creates a user with a temporary password shown once, then refuses the same email', async () => {
    const payload = {
      email: 'nueva.gestora@ruta.example',
      displayName: 'Nueva Gestora',
      role: 'caseworker',
      organizationId: await organizationIdByShortName('Alcaldía de Barranquilla'),
      officeIds: [await officeIdByName('Centro Intégrate Barranquilla')],
    };
    const created = await admin.request({ method: 'POST', url: '/api/v1/users', payload });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user).toMatchObject({
      email: 'nueva.gestora@ruta.example',
      role: 'caseworker',
      mustChangePassword: true,
    });
    const first = await signIn(app, 'nueva.gestora@ruta.example', temporaryPassword);
    expect(first.secondFactor).toBe('none');
    const gated = await first.session.request({ method: 'GET', url: '/api/v1/network' });
    expect(gated.statusCode).toBe(403);
    expect(gated.json().type).toBe('urn:ruta:problem:password-change-required');
    expect(
      (await first.session.request({ method: 'GET', url: '/api/v1/auth/session' })).json().user
        .mustChangePassword,
    ).toBe(true);
    const changed = await first.session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: temporaryPassword, newPassword: 'mi ruta de trabajo en Barranquilla' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await first.session.request({ method: 'GET', url: '/api/v1/network' })).statusCode).toBe(200);

    const duplicate = await admin.request({ method: 'POST', url: '/api/v1/users', payload });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors).toEqual([
      { in: 'body', path: 'email', message: 'Ya existe un usuario con este correo.' },
    ]);
  });

  it('requires offices for office roles', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'accept-language': 'en' },
      payload: {
        email: 'sin.oficina@ruta.example',
        displayName: 'Sin Oficina',
        role: 'caseworker',
        organizationId: await organizationIdByShortName('Cancillería'),
        officeIds: [],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { in: 'body', path: 'officeIds', message: 'Assign at least one office for this role.' },
    ]);
  });

  it('refuses a stale version with 409 and the current user, never overwriting silently', async () => {
    const list = await admin.request({ method: 'GET', url: '/api/v1/users?search=analista' });
    const analyst = list.json().items[0];
    const first = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.id}`,
      payload: { version: analyst.version, displayName: 'Paula Gómez Ruiz' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.id}`,
      payload: { version: analyst.version, displayName: 'Otra persona' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({
      displayName: 'Paula Gómez Ruiz',
      version: analyst.version + 1,
    });
  });

  it('ends every session and token of a deactivated user at once', async () => {
    const { session } = await signIn(app, 'enlace.sena@ruta.example');
    const token = await session.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'Integración SENA', scopes: ['read'] },
    });
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/network', headers: bearer })).statusCode).toBe(
      200,
    );

    const me = (await session.request({ method: 'GET', url: '/api/v1/auth/session' })).json().user;
    const deactivated = await admin.request({ method: 'POST', url: `/api/v1/users/${me.id}/deactivate` });
    expect(deactivated.json().status).toBe('deactivated');
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/network', headers: bearer })).statusCode).toBe(
      401,
    );
    const signInAgain = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'enlace.sena@ruta.example', password: TEST_PASSWORD },
    });
    expect(signInAgain.statusCode).toBe(401);

    await admin.request({ method: 'POST', url: `/api/v1/users/${me.id}/reactivate` });
    expect((await signIn(app, 'enlace.sena@ruta.example')).secondFactor).toBe('none');
  });

  it('resets a password to a temporary one and ends the user’s sessions', async () => {
    const { session } = await signIn(app, 'gestor@ruta.example');
    const me = (await session.request({ method: 'GET', url: '/api/v1/auth/session' })).json().user;
    const reset = await admin.request({ method: 'POST', url: `/api/v1/users/${me.id}/password-reset` });
    expect(reset.statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    const withTemporary = await signIn(app, 'gestor@ruta.example', reset.json().temporaryPassword);
    const changed = await withTemporary.session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: reset.json().temporaryPassword, newPassword: TEST_PASSWORD },
    });
    expect(changed.statusCode).toBe(204);
  });

  it('shows coordinators the users of their territory only, and analysts none', async () => {
    const { session: coordinator } = await signIn(app, 'coordinadora@ruta.example');
    const emails = (await coordinator.request({ method: 'GET', url: '/api/v1/users' }))
      .json()
      .items.map((u: { email: string }) => u.email);
    expect(emails).toContain('gestor@ruta.example');
    expect(emails).not.toContain('recepcion@ruta.example');
    const reception = (await admin.request({ method: 'GET', url: '/api/v1/users?search=recepcion' })).json()
      .items[0];
    expect(
      (await coordinator.request({ method: 'GET', url: `/api/v1/users/${reception.id}` })).statusCode,
    ).toBe(404);
    const denied = await coordinator.request({
      method: 'POST',
      url: `/api/v1/users/${reception.id}/deactivate`,
    });
    expect(denied.statusCode).toBe(404);

    const { session: caseworker } = await signIn(app, 'analista@ruta.example');
    expect((await caseworker.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
  });

  it("shows a coordinator, read-only, the staff of other offices in the same territory, and no one else's", async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'coordinacion.bogota@ruta.example',
        displayName: 'Coordinación Bogotá',
        role: 'office_coordinator',
        organizationId: await organizationIdByShortName('Cancillería'),
        officeIds: [await officeIdByName('Oficina de Atención al Migrante – Bogotá')],
      },
    });
    expect(created.statusCode).toBe(201);
    const first = await signIn(app, 'coordinacion.bogota@ruta.example', created.json().temporaryPassword);
    const newPassword = 'coordinamos la llegada en El Dorado';
    await first.session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: created.json().temporaryPassword, newPassword },
    });
    const { session: bogota } = await signIn(app, 'coordinacion.bogota@ruta.example', newPassword);

    const emails = (await bogota.request({ method: 'GET', url: '/api/v1/users' }))
      .json()
      .items.map((u: { email: string }) => u.email);
    // El Dorado is in Bogotá D.C. (department 11), like the coordinator's office; Barranquilla is not.
    expect(emails).toContain('recepcion@ruta.example');
    expect(emails).not.toContain('gestor@ruta.example');
    const byEmail = async (search: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/users?search=${search}` })).json().items[0];
    const reception = await byEmail('recepcion');
    expect((await bogota.request({ method: 'GET', url: `/api/v1/users/${reception.id}` })).statusCode).toBe(
      200,
    );
    const caseworker = await byEmail('gestor');
    expect((await bogota.request({ method: 'GET', url: `/api/v1/users/${caseworker.id}` })).statusCode).toBe(
      404,
    );
    const deactivate = await bogota.request({
      method: 'POST',
      url: `/api/v1/users/${reception.id}/deactivate`,
    });
    expect(deactivate.statusCode).toBe(403);
  });
});

describe('the network', () => {
  it('lists organizations and offices with their DIVIPOLA municipality and department', async () => {
    const { session } = await signIn(app, 'gestor@ruta.example');
    const network = (await session.request({ method: 'GET', url: '/api/v1/network' })).json();
    expect(network.organizations.map((o: { shortName: string }) => o.shortName)).toEqual(
      expect.arrayContaining(['SENA', 'ICBF', 'OIM', 'Bancóldex']),
    );
    const border = network.offices.find((o: { kind: string }) => o.kind === 'land_border_arrival_point');
    expect(border).toMatchObject({
      municipalityCode: '54874',
      municipalityName: 'Villa del Rosario',
      departmentName: 'Norte de Santander',
    });
  });

  it('refuses an office in a municipality that does not exist', async () => {
    const organization = await organizationIdByShortName('Cancillería');
    await expect(
      sql`insert into office (id, organization_id, name, kind, municipality_code)
          values ('00000000-0000-7000-8000-0000000000f1', ${organization}, 'Oficina fantasma', 'one_stop_centre', '99999')`.execute(
        database.db,
      ),
    ).rejects.toThrow(/office_municipality_fkey/);
  });
});

describe('passwords', () => {
  it('refuses a common or short new password, naming the field', async () => {
    const { session } = await signIn(app, 'analista@ruta.example');
    const common = await session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Colombia2026!!' },
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0]).toMatchObject({ path: 'newPassword' });
    expect(common.json().errors[0].message).toContain('muy común');
    const wrongCurrent = await session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not my password', newPassword: 'una frase larga y propia 42' },
    });
    expect(wrongCurrent.json().errors[0]).toMatchObject({ path: 'currentPassword' });
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, limited to their scopes, and revocable', async () => {
    const { session } = await signIn(app, 'analista@ruta.example');
    const created = await session.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'Tablero', scopes: ['read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^ruta_pat_/);
    const stored = await database.db
      .selectFrom('api_token')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/network', headers: bearer })).statusCode).toBe(
      200,
    );
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: bearer,
      payload: { name: 'Otro', scopes: ['read'] },
    });
    expect(write.statusCode).toBe(403);
    const listed = (await session.request({ method: 'GET', url: '/api/v1/auth/tokens' })).json().items;
    expect(listed[0]).not.toHaveProperty('token');

    expect((await session.request({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/network', headers: bearer })).statusCode).toBe(
      401,
    );
  });
});

describe('audit log', () => {
  it('records changes to users with before and after, in the same transaction', async () => {
    const entries = await admin.request({ method: 'GET', url: '/api/v1/audit?recordType=user&limit=200' });
    expect(entries.statusCode).toBe(200);
    const actions = entries.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.created', 'user.updated', 'user.deactivated', 'auth.sign_in_failed']),
    );
    const update = entries.json().items.find((e: { action: string }) => e.action === 'user.updated');
    expect(update.changes).toEqual({
      before: { displayName: 'Paula Gómez (analista)' },
      after: { displayName: 'Paula Gómez Ruiz' },
    });
    expect(update.actorEmail).toBe('admin@ruta.example');
  });

  it('pages with a cursor and exports CSV', async () => {
    const first = (await admin.request({ method: 'GET', url: '/api/v1/audit?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/audit?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
      })
    ).json();
    expect(second.items[0].id).not.toBe(first.items[1].id);
    expect(second.items[0].occurredAt <= first.items[1].occurredAt).toBe(true);
    const csv = await admin.request({ method: 'GET', url: '/api/v1/audit/export?recordType=user' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('occurredAt,actorEmail,actorRole,action');
  });

  it('is closed to everyone but administrators', async () => {
    const { session } = await signIn(app, 'analista@ruta.example');
    expect((await session.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });

  it('cannot be changed or deleted, even with SQL', async () => {
    await expect(sql`update audit_log set action = 'forged'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
