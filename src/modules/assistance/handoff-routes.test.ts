import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';
import { insertUser } from '../identity/queries';

const START = new Date('2026-03-10T15:00:00Z');
let now = START;
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

let app: FastifyInstance;
let database: DatabaseHandle;
let reception: TestSession;
let borderReception: TestSession;
let centreCaseworker: TestSession;
let centreCoordinator: TestSession;
let partner: TestSession;
let bogotaCoordinator: TestSession;
let bogotaCaseworker: TestSession;
let airportId: string;
let bogotaId: string;
let antioquiaId: string;
let bogotaCoordinatorId: string;
let bogotaCaseworkerId: string;

const PROGRAMME = 'plan-retorno-atencion-inmediata';

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

async function addUser(email: string, role: string, office: string) {
  const organization = await database.db
    .selectFrom('office')
    .select('organization_id')
    .where('id', '=', office)
    .executeTakeFirstOrThrow();
  const id = uuidv7();
  await insertUser(
    database.db,
    {
      id,
      organization_id: organization.organization_id,
      email,
      display_name: email.split('@')[0] as string,
      role,
      password_hash: await hashPassword(TEST_PASSWORD),
    },
    [office],
  );
  return id;
}

interface Arrival {
  id: string;
  version: number;
  status: string;
  personId: string | null;
  tasks: Array<{ status: string; protocol: { stepId: string } | null; completedBy: { id: string } | null }>;
}

let counter = 0;
/** An announced deportation at El Dorado, received with a new traveller registered at the post. */
async function receivedArrival(receive: Record<string, unknown> = {}) {
  counter += 1;
  const announced = await reception.request({
    method: 'POST',
    url: '/api/v1/arrivals',
    payload: {
      officeId: airportId,
      kind: 'announced',
      announcedBy: 'migration_authority',
      expectedAt: minutes(60).toISOString(),
      transport: 'air',
      flightOrCrossing: 'AV 033',
      travellerName: `Remitido ${counter} Prueba`,
      categories: ['deported'],
    },
  });
  expect(announced.statusCode, announced.body).toBe(201);
  const arrival = announced.json() as Arrival;
  const received = await reception.request({
    method: 'POST',
    url: `/api/v1/arrivals/${arrival.id}/receive`,
    payload: {
      version: arrival.version,
      newPerson: {
        givenName1: 'Remitido',
        surname1: `Número${'x'.repeat(counter)} Prueba`,
        populationGroup: 'returnee',
        acknowledgeDuplicates: true,
      },
      provided: ['food', 'transport'],
      ...receive,
    },
  });
  expect(received.statusCode, received.body).toBe(200);
  return received.json() as Arrival;
}

function handOff(session: TestSession, arrival: { id: string; version: number }, body = {}, language = 'es') {
  return session.request({
    method: 'POST',
    url: `/api/v1/arrivals/${arrival.id}/handoff`,
    headers: { 'accept-language': language },
    payload: { version: arrival.version, officeId: bogotaId, programmeKey: PROGRAMME, ...body },
  });
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
  bogotaId = await officeId('Oficina de Atención al Migrante – Bogotá');
  antioquiaId = await officeId('Oficina de Atención al Migrante – Antioquia');
  const borderId = await officeId(
    'Puesto de control migratorio – Puente Internacional Simón Bolívar (Villa del Rosario)',
  );
  await addUser('recepcion.frontera.remision@ruta.example', 'reception_officer', borderId);
  bogotaCoordinatorId = await addUser('coordinacion.bogota@ruta.example', 'office_coordinator', bogotaId);
  bogotaCaseworkerId = await addUser('gestion.bogota@ruta.example', 'caseworker', bogotaId);
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  borderReception = (await signIn(app, 'recepcion.frontera.remision@ruta.example')).session;
  centreCaseworker = (await signIn(app, 'gestor@ruta.example')).session;
  centreCoordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  bogotaCoordinator = (await signIn(app, 'coordinacion.bogota@ruta.example')).session;
  bogotaCaseworker = (await signIn(app, 'gestion.bogota@ruta.example')).session;
});
afterAll(() => app.close());

describe('handing a received traveller to a Migrant Assistance Office', () => {
  it('opens the case at the office, keeps a link-free summary at the post and completes the referral step', async () => {
    const arrival = await receivedArrival();
    const before = await reception.request({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}/handoff` });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ handoff: null, abilities: { handoff: true }, blockedBy: null });
    const offices = before.json().offices as Array<{ id: string; kind: string }>;
    expect(offices.map((o) => o.id)).toContain(bogotaId);
    expect(offices.every((o) => ['migrant_assistance_office', 'one_stop_centre'].includes(o.kind))).toBe(
      true,
    );

    now = minutes(90);
    const done = await handOff(reception, arrival);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({
      handoff: {
        office: { id: bogotaId, name: 'Oficina de Atención al Migrante – Bogotá' },
        programme: { key: PROGRAMME, name: 'Plan Retorno: atención inmediata' },
        handedOffAt: now.toISOString(),
      },
      abilities: { handoff: false },
      offices: [],
    });
    expect(JSON.stringify(done.json())).not.toMatch(/caseId/);

    // The protocol step "refer to a Migrant Assistance Office" is done by the officer.
    const page = (
      await reception.request({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}` })
    ).json() as Arrival;
    const refer = page.tasks.find((t) => t.protocol?.stepId === 'refer_office');
    expect(refer?.status).toBe('done');
    expect(page.tasks.filter((t) => t.status === 'done')).toHaveLength(1);

    // The receiving office sees it among its cases, owned by its coordinator until assigned.
    const list = await bogotaCaseworker.request({ method: 'GET', url: '/api/v1/cases?scope=office' });
    const item = (
      list.json().items as Array<{ id: string; subject: { id: string }; caseworker: { id: string } }>
    ).find((c) => c.subject.id === arrival.personId);
    expect(item?.caseworker.id).toBe(bogotaCoordinatorId);
    const caseId = item?.id as string;

    // The post may open it but not read it.
    expect((await reception.request({ method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(403);
    // The receiving office serves the person now.
    expect(
      (await bogotaCaseworker.request({ method: 'GET', url: `/api/v1/persons/${arrival.personId}` }))
        .statusCode,
    ).toBe(200);

    // Both histories and the audit log.
    const history = await bogotaCoordinator.request({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/history`,
    });
    expect(history.json().items.at(-1)).toMatchObject({
      kind: 'opened',
      details: {
        arrivalId: arrival.id,
        fromOfficeName: 'Puesto de control migratorio – Aeropuerto El Dorado',
      },
    });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('record_id', 'in', [arrival.id, caseId])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['arrival.handed_off', 'case.opened']));
    const row = await database.db
      .selectFrom('arrival')
      .select(['case_id', 'handoff_office_id'])
      .where('id', '=', arrival.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ case_id: caseId, handoff_office_id: bogotaId });

    // A second hand-off of the same arrival is a conflict with the current state.
    const again = await handOff(reception, { id: arrival.id, version: done.json().arrivalVersion });
    expect(again.statusCode).toBe(409);
    expect(again.json().current.handoff.office.id).toBe(bogotaId);

    // The coordinator assigns it; the caseworker works on it.
    const detail = await bogotaCoordinator.request({ method: 'GET', url: `/api/v1/cases/${caseId}` });
    const reassigned = await bogotaCoordinator.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/reassign`,
      payload: { version: detail.json().version, caseworkerId: bogotaCaseworkerId },
    });
    expect(reassigned.statusCode, reassigned.body).toBe(200);
    expect(reassigned.json().abilities).toBeDefined();
  });

  it('tells the case team how the person arrived, and no one else', async () => {
    const arrival = await receivedArrival({
      categories: ['deported', 'health_condition'],
      provided: ['medical_airport', 'temporary_shelter'],
      shelterPlace: 'Hogar de paso Kennedy',
    });
    const done = await handOff(reception, arrival);
    expect(done.statusCode, done.body).toBe(201);
    const list = await bogotaCoordinator.request({ method: 'GET', url: '/api/v1/cases?scope=office' });
    const caseId = (list.json().items as Array<{ id: string; subject: { id: string } }>).find(
      (c) => c.subject.id === arrival.personId,
    )?.id as string;

    const read = await bogotaCaseworker.request({ method: 'GET', url: `/api/v1/cases/${caseId}/arrival` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().arrival).toMatchObject({
      postName: 'Puesto de control migratorio – Aeropuerto El Dorado',
      kind: 'announced',
      flightOrCrossing: 'AV 033',
      categories: ['deported', 'health_condition'],
      provided: ['medical_airport', 'temporary_shelter'],
      shelterPlace: 'Hogar de paso Kennedy',
    });
    const audited = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', arrival.id)
      .where('action', '=', 'arrival.read_by_case_team')
      .execute();
    expect(audited).toHaveLength(1);

    expect(
      (await centreCaseworker.request({ method: 'GET', url: `/api/v1/cases/${caseId}/arrival` })).statusCode,
    ).toBe(404);
    expect(
      (await reception.request({ method: 'GET', url: `/api/v1/cases/${caseId}/arrival` })).statusCode,
    ).toBe(403);
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/cases/${caseId}/arrival` })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/arrival` })).statusCode).toBe(
      401,
    );
  });

  it('says nothing of an arrival for a case opened at the office', async () => {
    const person = await centreCaseworker.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        officeId: await officeId('Centro Intégrate Barranquilla'),
        givenName1: 'Sin',
        surname1: 'Llegada Prueba',
        populationGroup: 'venezuelan_migrant',
        acknowledgeDuplicates: true,
      },
    });
    expect(person.statusCode, person.body).toBe(201);
    const opened = await centreCaseworker.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { personId: person.json().id, programmeKey: 'plan-retorno-emprendimiento' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const read = await centreCaseworker.request({
      method: 'GET',
      url: `/api/v1/cases/${opened.json().id}/arrival`,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ arrival: null });
  });
});

describe('validation', () => {
  it('refuses an arrival not yet received, naming why', async () => {
    const announced = await reception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: {
        officeId: airportId,
        kind: 'announced',
        expectedAt: minutes(60).toISOString(),
        transport: 'air',
        travellerName: 'Aún No Llega',
        categories: ['deported'],
      },
    });
    const arrival = announced.json() as Arrival;
    const state = await reception.request({ method: 'GET', url: `/api/v1/arrivals/${arrival.id}/handoff` });
    expect(state.json()).toMatchObject({ abilities: { handoff: false }, blockedBy: 'notReceived' });
    const refused = await handOff(reception, arrival);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ path: 'status', message: 'Primero reciba a la persona en el puesto.' }),
    ]);
  });

  it('needs an office that keeps cases, with staff, and a programme (Spanish and English)', async () => {
    const arrival = await receivedArrival();
    const post = await handOff(reception, arrival, { officeId: airportId });
    expect(post.statusCode).toBe(400);
    expect(post.json().errors[0]).toMatchObject({
      path: 'officeId',
      message: 'Elija una Oficina de Atención al Migrante o un centro que lleve casos.',
    });
    const english = await handOff(reception, arrival, { officeId: uuidv7() }, 'en');
    expect(english.json().errors[0]).toMatchObject({
      path: 'officeId',
      message: 'Choose a Migrant Assistance Office or a centre that keeps cases.',
    });
    const empty = await handOff(reception, arrival, { officeId: antioquiaId });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({
      path: 'officeId',
      message: 'Esta oficina aún no tiene gestores ni coordinadores que puedan recibir el caso.',
    });
    const programme = await handOff(reception, arrival, { programmeKey: 'no-existe' }, 'en');
    expect(programme.statusCode).toBe(400);
    expect(programme.json().errors[0].path).toBe('programmeKey');
    const missing = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${arrival.id}/handoff`,
      payload: { version: arrival.version },
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['officeId', 'programmeKey']);
    // Nothing was written by the refusals.
    const row = await database.db
      .selectFrom('arrival')
      .select(['case_id', 'version'])
      .where('id', '=', arrival.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ case_id: null, version: arrival.version });
  });

  it('refuses a stale version with the current state', async () => {
    const arrival = await receivedArrival();
    const stale = await handOff(reception, { id: arrival.id, version: arrival.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ arrivalVersion: arrival.version, handoff: null });
  });

  it('refuses a second open case of the same programme for the person', async () => {
    const first = await receivedArrival();
    expect((await handOff(reception, first)).statusCode).toBe(201);
    const announced = await reception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: {
        officeId: airportId,
        kind: 'found',
        transport: 'air',
        personId: first.personId,
        categories: ['deported'],
      },
    });
    expect(announced.statusCode, announced.body).toBe(201);
    const second = announced.json() as Arrival;
    const refused = await handOff(reception, second, {}, 'en');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      path: 'programmeKey',
      message: 'The person already has an open case in this programme.',
    });
  });
});

describe('who may hand off', () => {
  it('is the staff of the arrival’s post only', async () => {
    const arrival = await receivedArrival();
    const url = `/api/v1/arrivals/${arrival.id}/handoff`;
    for (const other of [borderReception, centreCaseworker, centreCoordinator, bogotaCaseworker, partner]) {
      expect((await other.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await handOff(other, arrival)).statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url,
          payload: { version: arrival.version, officeId: bogotaId, programmeKey: PROGRAMME },
        })
      ).statusCode,
    ).toBe(401);
    const unchanged = await reception.request({ method: 'GET', url });
    expect(unchanged.json()).toMatchObject({ handoff: null, arrivalVersion: arrival.version });
  });
});
