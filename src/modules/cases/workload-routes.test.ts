import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';
import { insertUser } from '../identity/queries';

// The services read this clock; the test moves it forward to age cases.
let now = new Date('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let coordinator: TestSession;
let bogotaCoordinator: TestSession;
let admin: TestSession;
let centreId: string;
let caseworkerId: string;

interface Overview {
  staff: Array<{ id: string; openCases: number | null; overdueTasks: number }>;
  unassigned: { openCases: number | null };
  inactiveCases: Array<{ id: string; subject: string; programme: string | null; lastActivityAt: string }>;
}

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

let counter = 0;
async function openCase() {
  counter += 1;
  const person = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: `Carga${counter}`,
      surname1: `Oficina ${counter}`,
      populationGroup: 'returnee',
      acknowledgeDuplicates: true,
    },
  });
  expect(person.statusCode, person.body).toBe(201);
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/cases',
    payload: { personId: person.json().id, programmeKey: 'plan-retorno-insercion-laboral' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function overview(session = coordinator, language = 'es') {
  const response = await session.request({
    method: 'GET',
    url: `/api/v1/offices/${centreId}/work-overview`,
    headers: { 'accept-language': language },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Overview;
}

/** Sessions expire by the services' clock: everyone signs in again after it moves. */
async function signInAll() {
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  admin = (await signIn(app, 'admin@ruta.example')).session;
  bogotaCoordinator = (await signIn(app, 'carga.bogota@ruta.example')).session;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  centreId = await officeId('Centro Intégrate Barranquilla');
  caseworkerId = (
    await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'gestor@ruta.example')
      .executeTakeFirstOrThrow()
  ).id;
  const organization = await database.db
    .selectFrom('organization')
    .select('id')
    .where('short_name', '=', 'Cancillería')
    .executeTakeFirstOrThrow();
  await insertUser(
    database.db,
    {
      id: uuidv7(),
      organization_id: organization.id,
      email: 'carga.bogota@ruta.example',
      display_name: 'Coordinación Bogotá',
      role: 'office_coordinator',
      password_hash: await hashPassword(TEST_PASSWORD),
    },
    [await officeId('Oficina de Atención al Migrante – Bogotá')],
  );
  await signInAll();
});
afterAll(() => app.close());

describe("the office view's case figures", () => {
  it('counts working cases per caseworker and lists the ones untouched for 30 days', async () => {
    const before = await overview();
    const mineBefore = before.staff.find((s) => s.id === caseworkerId)?.openCases ?? 0;
    const busy = await openCase();
    const idle = await openCase();
    const ticked = await openCase();
    const withSteps = await caseworker.request({
      method: 'PUT',
      url: `/api/v1/cases/${ticked.id}/categories`,
      payload: { version: ticked.version, categories: ['deported'] },
    });
    expect(withSteps.statusCode, withSteps.body).toBe(200);
    const step = withSteps.json().protocolTasks[0] as { id: string; version: number };

    const counted = await overview();
    expect(counted.staff.find((s) => s.id === caseworkerId)?.openCases).toBe(mineBefore + 3);
    expect(counted.unassigned.openCases).toEqual(expect.any(Number));
    expect(counted.inactiveCases.map((c) => c.id)).not.toContain(idle.id);

    // Thirty days later someone writes a note on one case; the other stays as it was.
    now = new Date(now.getTime() + 30 * DAY);
    await signInAll();
    const note = await caseworker.request({
      method: 'POST',
      url: `/api/v1/cases/${busy.id}/notes`,
      payload: { body: 'Llamada de seguimiento', confidentiality: 'normal' },
    });
    expect(note.statusCode, note.body).toBe(201);
    // …and someone ticks a step of another case's hoja de ruta: a task completed is activity too.
    const tick = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${step.id}`,
      payload: { version: step.version, status: 'done' },
    });
    expect(tick.statusCode, tick.body).toBe(200);
    now = new Date(now.getTime() + 1 * DAY);
    await signInAll();

    const later = await overview();
    const ids = later.inactiveCases.map((c) => c.id);
    expect(ids).toContain(idle.id);
    expect(ids).not.toContain(busy.id);
    expect(ids).not.toContain(ticked.id);
    const entry = later.inactiveCases.find((c) => c.id === idle.id);
    expect(entry?.subject).toMatch(/^Carga\d+ Oficina \d+$/);
    expect(entry?.programme).toBe('Plan Retorno: inserción laboral');
    expect(entry?.lastActivityAt).toBe(new Date(now.getTime() - 31 * DAY).toISOString());
    expect((await overview(coordinator, 'en')).inactiveCases.find((c) => c.id === idle.id)?.programme).toBe(
      'Return Plan: job placement',
    );

    // A closed case is no longer working: it leaves both figures.
    const closing = await caseworker.request({
      method: 'POST',
      url: `/api/v1/cases/${idle.id}/transitions`,
      payload: {
        version: idle.version,
        action: 'requestClosure',
        closureReason: 'lost_contact',
        closureOutcome: 'not_achieved',
      },
    });
    expect(closing.statusCode, closing.body).toBe(200);
    const afterClosure = await overview();
    expect(afterClosure.inactiveCases.map((c) => c.id)).not.toContain(idle.id);
  });

  it('is for the office’s coordinators: a caseworker gets 403, another office’s coordinator 404', async () => {
    const url = `/api/v1/offices/${centreId}/work-overview`;
    expect((await caseworker.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await bogotaCoordinator.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
