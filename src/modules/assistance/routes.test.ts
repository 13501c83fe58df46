import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';
import { insertUser } from '../identity/queries';

// 10:00 in Bogotá. Services read this clock; tests move it to see steps done on time and late.
const START = new Date('2026-03-10T15:00:00Z');
let now = START;
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

let app: FastifyInstance;
let database: DatabaseHandle;
let reception: TestSession;
let borderReception: TestSession;
let coordinator: TestSession;
let caseworker: TestSession;
let partner: TestSession;
let analyst: TestSession;
let airportId: string;
let borderId: string;

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

interface Arrival {
  id: string;
  status: string;
  version: number;
  personId: string | null;
  travellerName: string | null;
  receivedBy: { displayName: string } | null;
  receivedAt: string | null;
  tasks: Array<{
    id: string;
    version: number;
    status: string;
    dueAt: string;
    title: string;
    stepTitle: { es: string; en: string } | null;
    protocol: { category: string; stepId: string; timeliness: string };
  }>;
  plannedSteps: Array<{ category: string; stepId: string }>;
}

async function announce(overrides: Record<string, unknown> = {}) {
  const response = await reception.request({
    method: 'POST',
    url: '/api/v1/arrivals',
    payload: {
      officeId: airportId,
      kind: 'announced',
      announcedBy: 'migration_authority',
      expectedAt: minutes(120).toISOString(),
      transport: 'air',
      flightOrCrossing: 'AV 033',
      originCountry: 'US',
      travellerName: 'Wilmer Deportado Prueba',
      travellerDocument: 'CC 80123456',
      categories: ['deported'],
      ...overrides,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Arrival;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
  borderId = await officeId(
    'Puesto de control migratorio – Puente Internacional Simón Bolívar (Villa del Rosario)',
  );
  const organization = await database.db
    .selectFrom('office')
    .select('organization_id')
    .where('id', '=', borderId)
    .executeTakeFirstOrThrow();
  await insertUser(
    database.db,
    {
      id: uuidv7(),
      organization_id: organization.organization_id,
      email: 'recepcion.frontera@ruta.example',
      display_name: 'Recepción de frontera',
      role: 'reception_officer',
      password_hash: await hashPassword(TEST_PASSWORD),
    },
    [borderId],
  );
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  borderReception = (await signIn(app, 'recepcion.frontera@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
});
afterAll(() => app.close());

describe('announced arrivals and the pending board', () => {
  it('records a deportation notice before landing and shows it on the post’s board by expected time', async () => {
    const later = await announce({
      expectedAt: minutes(240).toISOString(),
      travellerName: 'Más Tarde Prueba',
    });
    const arrival = await announce();
    expect(arrival).toMatchObject({
      status: 'announced',
      personId: null,
      travellerName: 'Wilmer Deportado Prueba',
      tasks: [],
    });
    expect(arrival.plannedSteps.map((s) => s.stepId)).toEqual([
      'verify_identity',
      'health_screening',
      'contact_family',
      'offer_shelter',
      'refer_office',
    ]);
    const board = await reception.request({ method: 'GET', url: '/api/v1/arrivals' });
    expect(board.statusCode).toBe(200);
    const ids = (board.json().items as Array<{ id: string }>).map((i) => i.id);
    expect(ids.indexOf(arrival.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(arrival.id)).toBeLessThan(ids.indexOf(later.id));
    expect(board.json()).toMatchObject({ date: '2026-03-10', officeId: airportId });
    expect(board.json().counts.announced).toBeGreaterThanOrEqual(2);
    const tomorrow = await reception.request({
      method: 'GET',
      url: '/api/v1/arrivals',
      query: { date: '2026-03-11' },
    });
    expect((tomorrow.json().items as Array<{ id: string }>).map((i) => i.id)).not.toContain(arrival.id);
  });

  it('names the missing fields of a notice, in Spanish or English', async () => {
    const payload = { officeId: airportId, kind: 'announced', transport: 'air' };
    const es = await reception.request({ method: 'POST', url: '/api/v1/arrivals', payload });
    expect(es.statusCode).toBe(400);
    expect(es.headers['content-type']).toContain('application/problem+json');
    const errors = es.json().errors as Array<{ path: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'expectedAt',
          message: 'Indique la fecha y la hora en que se espera la llegada.',
        }),
        expect.objectContaining({ path: 'travellerName' }),
      ]),
    );
    const en = await reception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: { officeId: airportId, kind: 'found', transport: 'land' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().errors).toEqual([
      expect.objectContaining({
        path: 'personId',
        message: 'Find the person in the registry or register them.',
      }),
    ]);
    const badCategory = await reception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: { ...payload, expectedAt: minutes(10).toISOString(), travellerName: 'X', categories: ['vip'] },
    });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().errors[0].path).toBe('categories.0');
  });
});

describe('receiving an arrival and following its protocol', () => {
  let arrival: Arrival;

  it('links the traveller with the registry’s duplicate check, then starts the protocol', async () => {
    arrival = await announce({ travellerName: 'Wilmer Alfonso Ríos' });
    const existing = await reception.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        officeId: airportId,
        givenName1: 'Wilmer',
        givenName2: 'Alfonso',
        surname1: 'Ríos',
        surname2: 'Peña',
        birthDate: '1990-04-12',
        populationGroup: 'returnee',
        documents: [{ type: 'CC', number: '80123456' }],
      },
    });
    expect(existing.statusCode, existing.body).toBe(201);
    now = minutes(110);
    const newPerson = {
      givenName1: 'Wilmer',
      givenName2: 'Alfonso',
      surname1: 'Rios',
      surname2: 'Peña',
      birthDate: '1990-04-12',
      populationGroup: 'returnee',
    };
    const duplicate = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${arrival.id}/receive`,
      payload: { version: arrival.version, newPerson },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().type).toBe('urn:ruta:problem:possible-duplicates');
    expect(duplicate.json().candidates[0].person.id).toBe(existing.json().id);

    const received = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${arrival.id}/receive`,
      payload: { version: arrival.version, personId: existing.json().id, provided: ['food', 'transport'] },
    });
    expect(received.statusCode, received.body).toBe(200);
    arrival = received.json();
    expect(arrival).toMatchObject({
      status: 'received',
      personId: existing.json().id,
      travellerName: 'Wilmer Alfonso Ríos Peña',
      receivedBy: { displayName: 'Camila Rojas (recepción El Dorado)' },
      receivedAt: now.toISOString(),
      plannedSteps: [],
    });
    expect(arrival.tasks.map((t) => [t.protocol.stepId, t.dueAt])).toEqual([
      ['verify_identity', minutes(15).toISOString()],
      ['health_screening', minutes(30).toISOString()],
      ['contact_family', minutes(60).toISOString()],
      ['offer_shelter', minutes(120).toISOString()],
      ['refer_office', minutes(24 * 60).toISOString()],
    ]);
    expect(arrival.tasks[0]?.stepTitle?.en).toBe(
      'Verify identity with the document or with Migración Colombia',
    );
  });

  it('refuses a stale version and a second reception with 409 and the current arrival', async () => {
    const again = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${arrival.id}/receive`,
      payload: { version: arrival.version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().current).toMatchObject({ id: arrival.id, status: 'received' });
    const stale = await reception.request({
      method: 'PATCH',
      url: `/api/v1/arrivals/${arrival.id}`,
      payload: { version: arrival.version - 1, notes: 'Tarde' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(arrival.version);
  });

  it('tracks steps done on time and late, and reports them per protocol', async () => {
    const [verify, health, family] = arrival.tasks;
    for (const task of [verify, health]) {
      const done = await reception.request({
        method: 'PATCH',
        url: `/api/v1/tasks/${task?.id}`,
        payload: { version: task?.version, status: 'done' },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({
        status: 'done',
        completedBy: { displayName: 'Camila Rojas (recepción El Dorado)' },
        protocol: { timeliness: 'on_time' },
      });
    }
    now = minutes(180);
    const late = await reception.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${family?.id}`,
      payload: { version: family?.version, status: 'done' },
    });
    expect(late.json().protocol.timeliness).toBe('late');

    const report = await coordinator.request({
      method: 'GET',
      url: '/api/v1/protocol-report',
      query: { officeId: airportId },
    });
    // The Barranquilla coordinator does not work at El Dorado.
    expect(report.statusCode).toBe(403);
    const all = await analyst.request({ method: 'GET', url: '/api/v1/protocol-report' });
    expect(all.statusCode).toBe(200);
    const deported = (all.json().items as Array<Record<string, unknown>>).find(
      (i) => i.category === 'deported',
    );
    expect(deported).toMatchObject({ onTime: 2, late: 1, overdue: 1, pending: 1, cancelled: 0 });
    expect(
      ((deported?.steps ?? []) as Array<{ stepId: string; onTime: number }>).find(
        (s) => s.stepId === 'verify_identity',
      ),
    ).toMatchObject({ onTime: 1 });
  });

  it('starts the protocol of a category added after reception, once', async () => {
    const current = (
      await reception.request({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}` })
    ).json();
    const updated = await reception.request({
      method: 'PATCH',
      url: `/api/v1/arrivals/${arrival.id}`,
      payload: { version: current.version, categories: ['deported', 'health_condition'] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const categories = (updated.json().tasks as Arrival['tasks']).map((t) => t.protocol.category);
    expect(categories.filter((c) => c === 'health_condition')).toHaveLength(4);
    expect(categories.filter((c) => c === 'deported')).toHaveLength(5);
  });

  it('lets an announced traveller miss and still be received later', async () => {
    const missing = await announce({ travellerName: 'No Llegó Prueba' });
    const noShow = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${missing.id}/no-show`,
      payload: { version: missing.version },
    });
    expect(noShow.json()).toMatchObject({ status: 'no_show' });
    const twice = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${missing.id}/no-show`,
      payload: { version: noShow.json().version },
    });
    expect(twice.statusCode).toBe(409);
    const received = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${missing.id}/receive`,
      payload: {
        version: noShow.json().version,
        newPerson: { givenName1: 'Llegó', surname1: 'Tarde Prueba', populationGroup: 'returnee' },
      },
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', travellerName: 'Llegó Tarde Prueba' });
  });

  it('receives a child found at the post at once, ICBF first', async () => {
    const found = await reception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: {
        officeId: airportId,
        kind: 'found',
        transport: 'air',
        newPerson: {
          givenName1: 'Niña',
          surname1: 'Encontrada Prueba',
          birthDate: '2012-05-01',
          populationGroup: 'venezuelan_migrant',
        },
        categories: ['unaccompanied_minor'],
        provided: ['psychosocial_first_aid'],
      },
    });
    expect(found.statusCode, found.body).toBe(201);
    expect(found.json()).toMatchObject({
      kind: 'found',
      status: 'received',
      provided: ['psychosocial_first_aid'],
    });
    expect(found.json().tasks[0].protocol.stepId).toBe('notify_icbf');
  });
});

describe('who sees arrivals', () => {
  let arrival: Arrival;
  beforeAll(async () => {
    arrival = await announce({ travellerName: 'Solo El Dorado' });
  });

  it('hides another post’s arrivals (404) and refuses its board (403)', async () => {
    expect(
      (await borderReception.request({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}` })).statusCode,
    ).toBe(404);
    const patch = await borderReception.request({
      method: 'PATCH',
      url: `/api/v1/arrivals/${arrival.id}`,
      payload: { version: arrival.version, notes: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    const board = await borderReception.request({
      method: 'GET',
      url: '/api/v1/arrivals',
      query: { officeId: airportId },
    });
    expect(board.statusCode).toBe(403);
    const own = await borderReception.request({ method: 'GET', url: '/api/v1/arrivals' });
    expect((own.json().items as Array<{ id: string }>).map((i) => i.id)).not.toContain(arrival.id);
    const elsewhere = await borderReception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: {
        officeId: airportId,
        kind: 'announced',
        transport: 'air',
        expectedAt: minutes(30).toISOString(),
        travellerName: 'No Es Suyo',
      },
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('keeps caseworkers, partners and analysts out, and anonymous callers get 401', async () => {
    for (const session of [caseworker, partner, analyst]) {
      expect((await session.request({ method: 'GET', url: '/api/v1/arrivals' })).statusCode).toBe(403);
      expect(
        (await session.request({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}` })).statusCode,
      ).toBe(404);
    }
    expect((await partner.request({ method: 'GET', url: '/api/v1/protocols' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/arrivals' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}` })).statusCode).toBe(401);
  });
});

describe('protocols', () => {
  it('saves an edit as a new version; tasks already created keep their steps', async () => {
    const before = await announce({ travellerName: 'Antes Del Cambio' });
    const receivedBefore = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${before.id}/receive`,
      payload: {
        version: before.version,
        newPerson: { givenName1: 'Antes', surname1: 'Del Cambio', populationGroup: 'returnee' },
      },
    });
    expect(receivedBefore.statusCode).toBe(200);

    const list = await reception.request({ method: 'GET', url: '/api/v1/protocols' });
    expect(list.json().abilities.manage).toBe(false);
    const deported = (
      list.json().items as Array<{ id: string; category: string; version: number; steps: unknown[] }>
    ).find((p) => p.category === 'deported');
    if (!deported) throw new Error('no deported protocol');
    const steps = [
      {
        id: 'verify_identity',
        title: { es: 'Verificar identidad', en: 'Verify identity' },
        dueOffsetMinutes: 20,
      },
      {
        id: 'call_family',
        title: { es: 'Llamar a la familia', en: 'Call the family' },
        dueOffsetMinutes: 45,
      },
    ];
    const url = `/api/v1/protocols/${deported.id}`;
    expect(
      (
        await reception.request({
          method: 'PUT',
          url,
          payload: { version: deported.version, name: { es: 'A', en: 'A' }, steps },
        })
      ).statusCode,
    ).toBe(403);
    const duplicateIds = await coordinator.request({
      method: 'PUT',
      url,
      payload: { version: deported.version, name: { es: 'A', en: 'A' }, steps: [steps[0], steps[0]] },
    });
    expect(duplicateIds.statusCode).toBe(400);
    expect(duplicateIds.json().errors[0]).toMatchObject({
      path: 'steps.1.id',
      message: 'Este identificador ya se usó en otro paso.',
    });
    const saved = await coordinator.request({
      method: 'PUT',
      url,
      payload: { version: deported.version, name: { es: 'Deportación', en: 'Deportation' }, steps },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: deported.version + 1, steps });
    const stale = await coordinator.request({
      method: 'PUT',
      url,
      payload: { version: deported.version, name: { es: 'Otra', en: 'Other' }, steps },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(deported.version + 1);

    const versions = await caseworker.request({ method: 'GET', url: `${url}/versions` });
    expect((versions.json().items as Array<{ versionNumber: number }>).map((v) => v.versionNumber)).toEqual([
      deported.version + 1,
      deported.version,
    ]);
    const kept = await reception.request({ method: 'GET', url: `/api/v1/arrivals/${before.id}` });
    expect((kept.json().tasks as Arrival['tasks']).map((t) => t.protocol.stepId)).toHaveLength(5);
    expect(kept.json().tasks[0].stepTitle.es).toBe(
      'Verificar la identidad con el documento o con Migración Colombia',
    );

    const after = await announce({ travellerName: 'Después Del Cambio' });
    expect(after.plannedSteps.map((s) => s.stepId)).toEqual(['verify_identity', 'call_family']);
  });
});
