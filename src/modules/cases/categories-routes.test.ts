import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';
import { insertUser } from '../identity/queries';

// 10:00 in Bogotá; protocol due times count from it.
const now = new Date('2026-03-10T15:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let colleague: TestSession;
let coordinator: TestSession;
let bogotaCoordinator: TestSession;
let reception: TestSession;
let centreId: string;
let caseworkerId: string;

interface Step {
  id: string;
  title: string;
  status: string;
  version: number;
  dueAt: string;
  assignee: { id: string } | null;
  protocol: { category: string; stepId: string };
}
interface Case {
  id: string;
  version: number;
  categories: string[];
  protocolTasks: Step[];
  abilities: { setCategories: boolean };
}

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

async function addUser(email: string, role: string, officeIds: string[]) {
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
      email,
      display_name: email.split('@')[0] as string,
      role,
      password_hash: await hashPassword(TEST_PASSWORD),
    },
    officeIds,
  );
  return (await signIn(app, email)).session;
}

let counter = 0;
async function openCase(extra: Record<string, unknown> = {}) {
  counter += 1;
  const person = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: `Ruta${counter}`,
      surname1: `Protocolo ${counter}`,
      populationGroup: 'returnee',
      acknowledgeDuplicates: true,
    },
  });
  expect(person.statusCode, person.body).toBe(201);
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/cases',
    payload: { personId: person.json().id, programmeKey: 'plan-retorno-atencion-inmediata', ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Case;
}

function setCategories(c: { id: string; version: number }, categories: string[], session = caseworker) {
  return session.request({
    method: 'PUT',
    url: `/api/v1/cases/${c.id}/categories`,
    payload: { version: c.version, categories },
  });
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
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  colleague = await addUser('colega.protocolo@ruta.example', 'caseworker', [centreId]);
  bogotaCoordinator = await addUser('protocolo.bogota@ruta.example', 'office_coordinator', [
    await officeId('Oficina de Atención al Migrante – Bogotá'),
  ]);
});
afterAll(() => app.close());

describe('vulnerability categories of a case and their protocols', () => {
  it('adding "deported" creates the deportation protocol’s tasks once, for the caseworker, due from now', async () => {
    const opened = await openCase();
    expect(opened.categories).toEqual([]);
    expect(opened.protocolTasks).toEqual([]);
    expect(opened.abilities.setCategories).toBe(true);

    const added = await setCategories(opened, ['deported']);
    expect(added.statusCode, added.body).toBe(200);
    const withSteps = added.json() as Case;
    expect(withSteps.categories).toEqual(['deported']);
    expect(withSteps.protocolTasks.map((t) => t.protocol.stepId)).toEqual([
      'verify_identity',
      'health_screening',
      'contact_family',
      'offer_shelter',
      'refer_office',
    ]);
    expect(withSteps.protocolTasks.every((t) => t.assignee?.id === caseworkerId)).toBe(true);
    expect(withSteps.protocolTasks[0]?.dueAt).toBe(at(15));
    expect(withSteps.protocolTasks[4]?.dueAt).toBe(at(24 * 60));

    // The same category again, or taken off and put back: no new tasks.
    const again = await setCategories(withSteps, ['deported', 'deported']);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Case).protocolTasks).toHaveLength(5);
    expect((again.json() as Case).version).toBe(withSteps.version);
    const tick = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${withSteps.protocolTasks[0]?.id}`,
      payload: { version: withSteps.protocolTasks[0]?.version, status: 'done' },
    });
    expect(tick.statusCode, tick.body).toBe(200);
    const removed = await setCategories(again.json(), []);
    expect(removed.statusCode, removed.body).toBe(200);
    const afterRemoval = removed.json() as Case;
    expect(afterRemoval.categories).toEqual([]);
    // Removing a category keeps its tasks: the done one stays done, the open ones stay open.
    expect(afterRemoval.protocolTasks.map((t) => t.status)).toEqual(['done', 'open', 'open', 'open', 'open']);
    const back = await setCategories(afterRemoval, ['deported']);
    expect((back.json() as Case).protocolTasks).toHaveLength(5);

    const history = await caseworker.request({ method: 'GET', url: `/api/v1/cases/${opened.id}/history` });
    const changes = history
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'categories_changed')
      .map((e: { details: unknown }) => e.details);
    expect(changes).toEqual([
      { added: ['deported'], removed: [] },
      { added: [], removed: ['deported'] },
      { added: ['deported'], removed: [] },
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', opened.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.categories_changed', 'protocol.applied']),
    );
  });

  it('a case opened from an arrival inherits its categories without planning the post’s steps again', async () => {
    const airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
    const found = await reception.request({
      method: 'POST',
      url: '/api/v1/arrivals',
      payload: {
        officeId: airportId,
        kind: 'found',
        transport: 'air',
        newPerson: {
          givenName1: 'Heredada',
          surname1: 'Categoría Prueba',
          populationGroup: 'returnee',
          acknowledgeDuplicates: true,
        },
        categories: ['deported'],
      },
    });
    expect(found.statusCode, found.body).toBe(201);
    const arrival = found.json() as { id: string; version: number; tasks: unknown[] };
    expect(arrival.tasks).toHaveLength(5);
    const handoff = await reception.request({
      method: 'POST',
      url: `/api/v1/arrivals/${arrival.id}/handoff`,
      payload: {
        version: arrival.version,
        officeId: centreId,
        programmeKey: 'plan-retorno-atencion-inmediata',
      },
    });
    expect(handoff.statusCode, handoff.body).toBe(201);
    const caseId = (
      await database.db
        .selectFrom('arrival')
        .select('case_id')
        .where('id', '=', arrival.id)
        .executeTakeFirstOrThrow()
    ).case_id;
    const opened = await coordinator.request({ method: 'GET', url: `/api/v1/cases/${caseId}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().categories).toEqual(['deported']);
    expect(opened.json().protocolTasks).toEqual([]);
    // Adding another category later starts that one only.
    const added = await setCategories(opened.json(), ['deported', 'no_support'], coordinator);
    expect(added.statusCode, added.body).toBe(200);
    const categories = new Set((added.json() as Case).protocolTasks.map((t) => t.protocol.category));
    expect([...categories]).toEqual(['no_support']);
  });

  it('a case opened with a category starts its protocol', async () => {
    const opened = await openCase({ categories: ['unaccompanied_minor'] });
    expect(opened.categories).toEqual(['unaccompanied_minor']);
    expect(opened.protocolTasks[0]?.protocol.stepId).toBe('notify_icbf');
    expect(opened.protocolTasks[0]?.dueAt).toBe(at(10));
  });

  it('refuses a stale version (409), an unknown category (400 naming it) and a closed case', async () => {
    const opened = await openCase();
    expect((await setCategories(opened, ['no_support'])).statusCode).toBe(200);
    const stale = await setCategories(opened, ['deported']);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.categories).toEqual(['no_support']);

    const current = stale.json().current as Case;
    const unknown = await caseworker.request({
      method: 'PUT',
      url: `/api/v1/cases/${opened.id}/categories`,
      headers: { 'accept-language': 'en' },
      payload: { version: current.version, categories: ['pirate'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('categories.0');

    const closed = await caseworker.request({
      method: 'POST',
      url: `/api/v1/cases/${opened.id}/transitions`,
      payload: {
        version: current.version,
        action: 'requestClosure',
        closureReason: 'goals_achieved',
        closureOutcome: 'achieved',
      },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await setCategories(closed.json(), ['deported']);
    expect(late.statusCode).toBe(409);
    expect(late.json().refusal).toBe('caseClosed');
    expect((closed.json() as Case).abilities.setCategories).toBe(false);
  });

  it('is for the case team: another caseworker 403, another office 404, reception 403, anonymous 401', async () => {
    const opened = await openCase();
    expect((await setCategories(opened, ['deported'], colleague)).statusCode).toBe(403);
    expect((await setCategories(opened, ['deported'], bogotaCoordinator)).statusCode).toBe(404);
    expect((await setCategories(opened, ['deported'], reception)).statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${opened.id}/categories`,
      payload: { version: opened.version, categories: ['deported'] },
    });
    expect(anonymous.statusCode).toBe(401);
    // The office's coordinator belongs to the case team.
    const byCoordinator = await setCategories(opened, ['health_condition'], coordinator);
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(200);
    expect((byCoordinator.json() as Case).protocolTasks.length).toBeGreaterThan(0);
  });
});
