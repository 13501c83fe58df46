import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

// 10:00 in Bogotá; services read this clock.
let now = new Date('2026-03-10T15:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000).toISOString();

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let coordinator: TestSession;
let reception: TestSession;
let partner: TestSession;
let analyst: TestSession;
let centreId: string;
let airportId: string;
let caseworkerId: string;
let coordinatorId: string;
let receptionId: string;

interface Task {
  id: string;
  title: string;
  version: number;
  status: string;
  dueState: string;
  assignee: { id: string; displayName: string } | null;
  completedBy: { displayName: string } | null;
  completedAt: string | null;
}

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}
async function userId(email: string) {
  return (
    await database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  ).id;
}

async function create(session: TestSession, payload: Record<string, unknown>) {
  const response = await session.request({ method: 'POST', url: '/api/v1/tasks', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Task;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  centreId = await officeId('Centro Intégrate Barranquilla');
  airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
  caseworkerId = await userId('gestor@ruta.example');
  coordinatorId = await userId('coordinadora@ruta.example');
  receptionId = await userId('recepcion@ruta.example');
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
});
afterAll(() => app.close());

describe('my work today', () => {
  it('lists overdue first, then due today, then upcoming, with reminder flags', async () => {
    const mine = { officeId: centreId, assigneeId: caseworkerId };
    const upcoming = await create(caseworker, {
      ...mine,
      title: 'Visita domiciliaria',
      dueAt: minutes(26 * 60),
    });
    const later = await create(caseworker, { ...mine, title: 'Llamar a SENA', dueAt: minutes(6 * 60) });
    const soon = await create(caseworker, { ...mine, title: 'Revisar documentos', dueAt: minutes(60) });
    const overdue = await create(caseworker, { ...mine, title: 'Seguimiento vencido', dueAt: minutes(-90) });
    const noDue = await create(caseworker, { ...mine, title: 'Sin fecha' });
    const office = await create(coordinator, {
      officeId: centreId,
      title: 'De la oficina',
      dueAt: minutes(-30),
    });
    const others = await create(coordinator, {
      officeId: centreId,
      assigneeId: coordinatorId,
      title: 'De la coordinadora',
      dueAt: minutes(-30),
    });
    const response = await caseworker.request({ method: 'GET', url: '/api/v1/my-work' });
    expect(response.statusCode).toBe(200);
    const work = response.json() as Record<'overdue' | 'today' | 'upcoming', Task[]>;
    const ids = (list: Task[]) => list.map((t) => t.id);
    expect(ids(work.overdue)).toEqual([overdue.id, office.id]);
    expect(work.overdue[0]?.dueState).toBe('overdue');
    expect(ids(work.today)).toEqual([soon.id, later.id]);
    expect(work.today.map((t) => t.dueState)).toEqual(['due_soon', 'today']);
    expect(ids(work.upcoming)).toEqual([upcoming.id, noDue.id]);
    expect(work.upcoming.map((t) => t.dueState)).toEqual(['upcoming', 'no_due']);
    expect([...ids(work.overdue), ...ids(work.today), ...ids(work.upcoming)]).not.toContain(others.id);
  });

  it('is for office staff only', async () => {
    expect((await partner.request({ method: 'GET', url: '/api/v1/my-work' })).statusCode).toBe(403);
    expect((await analyst.request({ method: 'GET', url: '/api/v1/my-work' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/my-work' })).statusCode).toBe(401);
  });
});

describe('tasks', () => {
  it('names invalid fields in Spanish or English', async () => {
    const empty = await caseworker.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { officeId: centreId, title: '  ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ path: 'title', message: 'Escriba qué hay que hacer.' }),
    ]);
    const elsewhere = await caseworker.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { officeId: centreId, title: 'Para recepción', assigneeId: receptionId },
      headers: { 'accept-language': 'en' },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([
      expect.objectContaining({
        path: 'assigneeId',
        message: "This person does not work at the task's office.",
      }),
    ]);
    const badDue = await caseworker.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { officeId: centreId, title: 'X', dueAt: 'mañana' },
    });
    expect(badDue.json().errors[0].path).toBe('dueAt');
  });

  it('records who completed a task and when, reopens it, and refuses a stale version with 409', async () => {
    const task = await create(caseworker, { officeId: centreId, title: 'Completar', dueAt: minutes(30) });
    now = new Date(now.getTime() + 5 * 60_000);
    const done = await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      payload: { version: task.version, status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      dueState: 'closed',
      completedBy: { displayName: 'Diana Charris (coordinadora)' },
      completedAt: now.toISOString(),
      version: task.version + 1,
    });
    const stale = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      payload: { version: task.version, title: 'Otro título' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: task.id, status: 'done', version: task.version + 1 });
    const reopened = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      payload: { version: task.version + 1, status: 'open', assigneeId: caseworkerId },
    });
    expect(reopened.json()).toMatchObject({
      status: 'open',
      completedBy: null,
      completedAt: null,
      assignee: { id: caseworkerId },
    });
  });

  it('keeps tasks inside their office: 404 elsewhere, 403 for roles without tasks', async () => {
    const task = await create(caseworker, { officeId: centreId, title: 'Solo del centro' });
    expect((await reception.request({ method: 'GET', url: `/api/v1/tasks/${task.id}` })).statusCode).toBe(
      404,
    );
    const patch = await reception.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      payload: { version: task.version, status: 'done' },
    });
    expect(patch.statusCode).toBe(404);
    const foreign = await reception.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { officeId: centreId, title: 'Intruso' },
    });
    expect(foreign.statusCode).toBe(403);
    expect((await partner.request({ method: 'GET', url: `/api/v1/tasks/${task.id}` })).statusCode).toBe(403);
    const listed = await reception.request({ method: 'GET', url: '/api/v1/tasks' });
    expect((listed.json().items as Task[]).map((t) => t.id)).not.toContain(task.id);
    expect(
      (await reception.request({ method: 'GET', url: '/api/v1/tasks', query: { officeId: centreId } }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/tasks/${task.id}` })).statusCode).toBe(401);
  });

  it('links a task to a person the caller may read, and only those', async () => {
    const own = await caseworker.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        officeId: centreId,
        givenName1: 'Tarea',
        surname1: 'Persona Prueba',
        populationGroup: 'returnee',
      },
    });
    const airport = await reception.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        officeId: airportId,
        givenName1: 'Tarea',
        surname1: 'Aeropuerto Prueba',
        populationGroup: 'returnee',
      },
    });
    const linked = await create(caseworker, {
      officeId: centreId,
      title: 'Con persona',
      personId: own.json().id,
    });
    expect(linked).toMatchObject({ personId: own.json().id });
    const hidden = await caseworker.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { officeId: centreId, title: 'Ajena', personId: airport.json().id },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('pages the office list by due time without repeating a task', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Task[]; nextCursor: string | null } = (
        await caseworker.request({
          method: 'GET',
          url: '/api/v1/tasks',
          query: { limit: '3', ...(cursor ? { cursor } : {}) },
        })
      ).json();
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (
      await caseworker.request({ method: 'GET', url: '/api/v1/tasks', query: { limit: '200' } })
    ).json();
    expect(seen).toEqual((all.items as Task[]).map((t) => t.id));
  });
});

describe("the coordinator's office view", () => {
  it('counts open and overdue tasks per person and lists the overdue ones', async () => {
    const response = await coordinator.request({
      method: 'GET',
      url: `/api/v1/offices/${centreId}/work-overview`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    const gestor = view.staff.find((s: { id: string }) => s.id === caseworkerId);
    expect(gestor.overdueTasks).toBe(1);
    expect(gestor.openTasks).toBeGreaterThanOrEqual(5);
    expect(view.unassigned.overdueTasks).toBe(1);
    expect((view.overdue as Task[]).map((t) => t.title)).toEqual(
      expect.arrayContaining(['Seguimiento vencido', 'De la oficina', 'De la coordinadora']),
    );
  });

  it('is for the office’s coordinators only', async () => {
    const url = `/api/v1/offices/${centreId}/work-overview`;
    expect((await caseworker.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await reception.request({ method: 'GET', url })).statusCode).toBe(404);
    expect(
      (await coordinator.request({ method: 'GET', url: `/api/v1/offices/${airportId}/work-overview` }))
        .statusCode,
    ).toBe(404);
    expect((await partner.request({ method: 'GET', url })).statusCode).toBe(403);
  });
});
