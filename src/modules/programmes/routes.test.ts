import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { DEMO_PROGRAMMES } from '../../demo/network';
import { signIn, signInFully, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
});

afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/programmes', () => {
  it('refuses an anonymous caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/programmes' });
    expect(response.statusCode).toBe(401);
  });

  it('lists the demo programmes with their approval rules, named in Spanish by default', async () => {
    const { session } = await signIn(app, 'enlace.sena@ruta.example');
    const response = await session.request({ method: 'GET', url: '/api/v1/programmes' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<Record<string, unknown>>;
    expect(items.map((p) => p.key).sort()).toEqual(DEMO_PROGRAMMES.map((p) => p.key).sort());
    expect(items.find((p) => p.key === 'plan-retorno-insercion-laboral')).toMatchObject({
      name: 'Plan Retorno: inserción laboral',
      requiresPlanApproval: true,
      requiresClosureApproval: true,
      active: true,
    });
    expect(items.find((p) => p.key === 'plan-retorno-atencion-inmediata')).toMatchObject({
      requiresPlanApproval: false,
      requiresClosureApproval: false,
    });
  });

  it('names them in English when asked, and hides inactive programmes unless included', async () => {
    await database.db
      .updateTable('programme')
      .set({ active: false })
      .where('key', '=', 'plan-retorno-emprendimiento')
      .execute();
    const { session } = await signIn(app, 'gestor@ruta.example');
    const english = await session.request({
      method: 'GET',
      url: '/api/v1/programmes',
      headers: { 'accept-language': 'en' },
    });
    const keys = english.json().items.map((p: { key: string }) => p.key);
    expect(keys).not.toContain('plan-retorno-emprendimiento');
    expect(english.json().items.find((p: { key: string }) => p.key === 'integrate-integracion').name).toBe(
      'Centro Intégrate: socioeconomic integration of migrants and the host community',
    );
    const all = await session.request({ method: 'GET', url: '/api/v1/programmes?includeInactive=true' });
    expect(
      all.json().items.find((p: { key: string }) => p.key === 'plan-retorno-emprendimiento'),
    ).toMatchObject({ active: false });
  });
});

describe('programme administration', () => {
  let admin: TestSession;
  let coordinator: TestSession;
  let caseworker: TestSession;
  let organizationId: string;
  const newProgramme = (key: string, changes: Record<string, unknown> = {}) => ({
    key,
    name: { es: 'Plan Retorno: vivienda', en: 'Return Plan: housing' },
    description: { es: 'Acompañamiento para acceder a vivienda.', en: 'Support to find housing.' },
    organizationId,
    requiresPlanApproval: true,
    requiresClosureApproval: true,
    instrumentKey: 'persona_ipl12',
    populationGroups: ['returnee'],
    active: true,
    ...changes,
  });
  const create = (session: TestSession, payload: unknown, language = 'es') =>
    session.request({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: payload as Record<string, unknown>,
      headers: { 'accept-language': language },
    });
  const patch = (session: TestSession, key: string, payload: Record<string, unknown>, language = 'es') =>
    session.request({
      method: 'PATCH',
      url: `/api/v1/programmes/${key}`,
      payload,
      headers: { 'accept-language': language },
    });
  const auditOf = (key: string) =>
    database.db
      .selectFrom('audit_log')
      .select(['action', 'changes', 'actor_role'])
      .where('record_type', '=', 'programme')
      .where('record_id', '=', key)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    admin = (await signInFully(app, 'admin@ruta.example')).session;
    coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
    caseworker = (await signIn(app, 'gestor@ruta.example')).session;
    organizationId = (
      await database.db.selectFrom('organization').select('id').orderBy('id').executeTakeFirstOrThrow()
    ).id;
  });

  it('lets an administrator create a programme, audited, and lists it to everyone', async () => {
    const response = await create(admin, newProgramme('plan-retorno-vivienda'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      key: 'plan-retorno-vivienda',
      name: { es: 'Plan Retorno: vivienda', en: 'Return Plan: housing' },
      organizationId,
      requiresPlanApproval: true,
      requiresClosureApproval: true,
      instrumentKey: 'persona_ipl12',
      populationGroups: ['returnee'],
      active: true,
      version: 1,
    });
    const listed = await caseworker.request({ method: 'GET', url: '/api/v1/programmes' });
    expect(listed.json().items.map((p: { key: string }) => p.key)).toContain('plan-retorno-vivienda');
    const entries = await auditOf('plan-retorno-vivienda');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'programme.created', actor_role: 'network_admin' });
    expect(JSON.stringify(entries[0]?.changes)).toContain('"requiresPlanApproval":true');
  });

  it('defaults to active with no instrument, groups or organization', async () => {
    const response = await create(admin, {
      key: 'orientacion-juridica',
      name: { es: 'Orientación jurídica', en: 'Legal guidance' },
      requiresPlanApproval: false,
      requiresClosureApproval: false,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      active: true,
      instrumentKey: null,
      populationGroups: [],
      organizationId: null,
      description: { es: null, en: null },
    });
  });

  it('answers 409 when the key is taken, and leaves the programme as it was', async () => {
    const response = await create(
      admin,
      newProgramme('plan-retorno-insercion-laboral', { requiresPlanApproval: false }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toBe('urn:ruta:problem:programme-key-taken');
    expect(response.json().detail).toContain('plan-retorno-insercion-laboral');
    const row = await database.db
      .selectFrom('programme')
      .select('requires_plan_approval')
      .where('key', '=', 'plan-retorno-insercion-laboral')
      .executeTakeFirstOrThrow();
    expect(row.requires_plan_approval).toBe(true);
  });

  it('names each invalid field in Spanish and in English', async () => {
    const invalid = {
      key: 'Plan Vivienda',
      name: { es: '', en: 'x' },
      requiresPlanApproval: 'sí',
      populationGroups: ['martians'],
    };
    const spanish = await create(admin, invalid);
    expect(spanish.statusCode).toBe(400);
    expect(spanish.headers['content-type']).toContain('application/problem+json');
    const paths = spanish.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'key',
        'name.es',
        'requiresPlanApproval',
        'requiresClosureApproval',
        'populationGroups.0',
      ]),
    );
    expect(spanish.json().errors.find((e: { path: string }) => e.path === 'key').message).toContain(
      'minúsculas',
    );
    const english = await create(admin, invalid, 'en');
    expect(english.json().errors.find((e: { path: string }) => e.path === 'key').message).toContain(
      'lower-case',
    );
  });

  it('refuses an instrument or organization the network does not have, naming the field', async () => {
    const response = await create(
      admin,
      newProgramme('programa-sin-instrumento', {
        instrumentKey: 'no_existe',
        organizationId: '00000000-0000-7000-8000-00000000abcd',
      }),
      'en',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'instrumentKey',
          message: 'There is no instrument in use with that key.',
        }),
        expect.objectContaining({ path: 'organizationId' }),
      ]),
    );
    expect(
      await database.db
        .selectFrom('programme')
        .select('key')
        .where('key', '=', 'programa-sin-instrumento')
        .execute(),
    ).toEqual([]);
  });

  it('refuses coordinators and caseworkers (403) and anonymous callers (401)', async () => {
    for (const session of [coordinator, caseworker]) {
      expect((await create(session, newProgramme('programa-de-coordinadora'))).statusCode).toBe(403);
      expect(
        (await patch(session, 'plan-retorno-vivienda', { version: 1, requiresPlanApproval: false }))
          .statusCode,
      ).toBe(403);
      expect((await session.request({ method: 'GET', url: '/api/v1/admin/programmes' })).statusCode).toBe(
        403,
      );
    }
    const anonymous = [
      await app.inject({ method: 'POST', url: '/api/v1/programmes', payload: newProgramme('anonimo') }),
      await app.inject({
        method: 'PATCH',
        url: '/api/v1/programmes/plan-retorno-vivienda',
        payload: { version: 1 },
      }),
      await app.inject({ method: 'GET', url: '/api/v1/admin/programmes' }),
    ];
    expect(anonymous.map((r) => r.statusCode)).toEqual([401, 401, 401]);
  });

  it('changes a programme at its version, audited before and after; a stale version gets 409 with the current one', async () => {
    await create(admin, newProgramme('plan-retorno-salud'));
    const changed = await patch(admin, 'plan-retorno-salud', { version: 1, requiresClosureApproval: false });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      version: 2,
      requiresPlanApproval: true,
      requiresClosureApproval: false,
      instrumentKey: 'persona_ipl12',
    });
    const stale = await patch(admin, 'plan-retorno-salud', { version: 1, requiresPlanApproval: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({
      key: 'plan-retorno-salud',
      version: 2,
      requiresPlanApproval: true,
      requiresClosureApproval: false,
    });
    const entries = await auditOf('plan-retorno-salud');
    expect(entries.map((e) => e.action)).toEqual(['programme.created', 'programme.updated']);
    const changes = entries[1]?.changes as {
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    };
    expect(changes.before).toMatchObject({ requiresClosureApproval: true, version: 1 });
    expect(changes.after).toMatchObject({ requiresClosureApproval: false, version: 2 });
  });

  it('never renames a key, and answers 404 for an unknown programme', async () => {
    const rename = await patch(admin, 'plan-retorno-salud', { version: 2, key: 'otra-clave' });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().errors).toEqual([expect.objectContaining({ path: 'key' })]);
    expect((await patch(admin, 'no-existe', { version: 1, active: false })).statusCode).toBe(404);
  });

  it('lists inactive programmes to administrators with both languages and versions', async () => {
    await create(admin, newProgramme('programa-cerrado', { active: false }));
    const response = await admin.request({ method: 'GET', url: '/api/v1/admin/programmes' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ key: string; active: boolean; name: { en: string } }>;
    expect(items.find((p) => p.key === 'programa-cerrado')).toMatchObject({ active: false, version: 1 });
    expect(items.find((p) => p.key === 'plan-retorno-vivienda')?.name.en).toBe('Return Plan: housing');
  });

  it('keeps the cases of a deactivated programme, and refuses it for new cases and applications', async () => {
    await create(admin, newProgramme('programme-to-close', { requiresPlanApproval: false }));
    const centreId = (
      await database.db
        .selectFrom('office')
        .select('id')
        .where('name', '=', 'Centro Intégrate Barranquilla')
        .executeTakeFirstOrThrow()
    ).id;
    const newPerson = async (givenName1: string) =>
      (
        await caseworker.request({
          method: 'POST',
          url: '/api/v1/persons',
          payload: {
            officeId: centreId,
            givenName1,
            surname1: 'Programa',
            populationGroup: 'returnee',
            acknowledgeDuplicates: true,
          },
        })
      ).json().id as string;
    const first = await newPerson('Wilmer');
    const opened = await caseworker.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { personId: first, programmeKey: 'programme-to-close' },
    });
    expect(opened.statusCode).toBe(201);
    const deactivated = await patch(admin, 'programme-to-close', { version: 1, active: false });
    expect(deactivated.json()).toMatchObject({ active: false, version: 2 });

    const kept = await caseworker.request({ method: 'GET', url: `/api/v1/cases/${opened.json().id}` });
    expect(kept.statusCode).toBe(200);
    const second = await newPerson('Yaneth');
    const refused = await caseworker.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { personId: second, programmeKey: 'programme-to-close' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'programmeKey' })]);
    const application = await caseworker.request({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { subjectType: 'person', subjectId: second, programme: 'programme-to-close' },
    });
    expect(application.statusCode).toBe(400);
    expect(application.json().errors).toEqual([expect.objectContaining({ path: 'programme' })]);
    const listed = await caseworker.request({ method: 'GET', url: '/api/v1/programmes' });
    expect(listed.json().items.map((p: { key: string }) => p.key)).not.toContain('programme-to-close');
  });
});
