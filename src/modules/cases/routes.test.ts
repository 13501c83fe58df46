import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';
import { insertUser } from '../identity/queries';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let colleague: TestSession;
let coordinator: TestSession;
let bogotaCoordinator: TestSession;
let reception: TestSession;
let partner: TestSession;
let analyst: TestSession;
let centreId: string;
let bogotaId: string;
let colleagueId: string;
let bogotaCoordinatorId: string;
let receptionUserId: string;
let senaId: string;

const INSERTION = 'plan-retorno-insercion-laboral';
const IMMEDIATE = 'plan-retorno-atencion-inmediata';

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
  const user = await insertUser(
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
  return user.id;
}

let counter = 0;
async function register(surname = 'Caso') {
  counter += 1;
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: `Persona${counter}`,
      surname1: `${surname} ${counter}`,
      populationGroup: 'returnee',
      acknowledgeDuplicates: true,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

async function openCase(personId: string, programmeKey = INSERTION, session = caseworker) {
  const response = await session.request({
    method: 'POST',
    url: '/api/v1/cases',
    payload: { personId, programmeKey },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function post(session: TestSession, url: string, payload: unknown) {
  return session.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
}

async function current(id: string, session = caseworker) {
  const response = await session.request({ method: 'GET', url: `/api/v1/cases/${id}` });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function addGoal(id: string, needIds: string[] = []) {
  const c = await current(id);
  const response = await post(caseworker, `/api/v1/cases/${id}/goals`, {
    version: c.version,
    dimension: 'productive',
    description: 'Conseguir un empleo formal',
    needIds,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function addAction(id: string, goalId: string, extra: Record<string, unknown> = {}) {
  const c = await current(id);
  const response = await post(caseworker, `/api/v1/cases/${id}/actions`, {
    version: c.version,
    goalId,
    description: 'Inscribir la hoja de vida en el Servicio Público de Empleo',
    responsible: { kind: 'person' },
    dueOn: '2026-12-31',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  centreId = await officeId('Centro Intégrate Barranquilla');
  bogotaId = await officeId('Oficina de Atención al Migrante – Bogotá');
  colleagueId = await addUser('otro.gestor@ruta.example', 'caseworker', [centreId]);
  bogotaCoordinatorId = await addUser('coordinacion.bogota@ruta.example', 'office_coordinator', [bogotaId]);
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  colleague = (await signIn(app, 'otro.gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  bogotaCoordinator = (await signIn(app, 'coordinacion.bogota@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  receptionUserId = (
    await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'recepcion@ruta.example')
      .executeTakeFirstOrThrow()
  ).id;
  senaId = (
    await database.db
      .selectFrom('organization')
      .select('id')
      .where('short_name', '=', 'SENA')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => app.close());

describe('opening a case', () => {
  it('refuses anonymous callers and roles without case files', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
    const personId = await register();
    const opened = await openCase(personId);
    for (const session of [reception, partner, analyst]) {
      expect((await session.request({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(403);
      expect((await session.request({ method: 'GET', url: `/api/v1/cases/${opened.id}` })).statusCode).toBe(
        403,
      );
      expect((await post(session, '/api/v1/cases', { personId, programmeKey: IMMEDIATE })).statusCode).toBe(
        403,
      );
    }
  });

  it('opens a case at the caller’s office, owned by them, and refuses a second open one in the programme', async () => {
    const personId = await register();
    const opened = await openCase(personId);
    expect(opened).toMatchObject({
      status: 'open',
      planStatus: 'draft',
      subject: { type: 'person', id: personId },
      programme: { key: INSERTION, name: 'Plan Retorno: inserción laboral', requiresPlanApproval: true },
      office: { id: centreId },
      progress: { done: 0, total: 0, percent: 0 },
      version: 1,
      abilities: { work: true, submitPlan: false, decidePlan: false, reassign: false },
    });
    const again = await post(caseworker, '/api/v1/cases', { personId, programmeKey: INSERTION });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:ruta:problem:case-exists', existingCaseId: opened.id });
    const listed = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${personId}/cases` });
    expect(listed.json()).toMatchObject({ items: [{ id: opened.id }], abilities: { open: true } });
  });

  it('names the invalid fields in Spanish or English', async () => {
    const missing = await post(caseworker, '/api/v1/cases', { programmeKey: INSERTION });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'personId',
        message: 'Indique la persona o el hogar del caso (uno de los dos).',
      }),
    );
    const personId = await register();
    const unknown = await caseworker.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { personId, programmeKey: 'no-existe' },
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toMatchObject([
      { path: 'programmeKey', message: 'Choose a current programme.' },
    ]);
  });

  it('hides a case from another office (404) and a person of another office cannot get a case there', async () => {
    const personId = await register();
    const opened = await openCase(personId);
    expect(
      (await bogotaCoordinator.request({ method: 'GET', url: `/api/v1/cases/${opened.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await post(bogotaCoordinator, '/api/v1/cases', { personId, programmeKey: IMMEDIATE })).statusCode,
    ).toBe(404);
    const list = await bogotaCoordinator.request({ method: 'GET', url: '/api/v1/cases?scope=office' });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(opened.id);
  });
});

describe('the action plan and its approvals', () => {
  it('runs a plan through approval, progress and an approved closure, with its history', async () => {
    const personId = await register();
    const need = await post(caseworker, '/api/v1/needs', {
      personId,
      dimension: 'productive',
      description: 'Sin empleo desde el retorno',
      severity: 'high',
    });
    expect(need.statusCode).toBe(201);
    const needId = need.json().id as string;
    const opened = await openCase(personId);

    const wrongNeed = await post(caseworker, `/api/v1/cases/${opened.id}/goals`, {
      version: 1,
      dimension: 'productive',
      description: 'Meta',
      needIds: [uuidv7()],
    });
    expect(wrongNeed.statusCode).toBe(400);
    expect(wrongNeed.json().errors[0].path).toBe('needIds.0');

    const withGoal = await addGoal(opened.id, [needId]);
    const goal = withGoal.plan.goals[0];
    expect(goal).toMatchObject({ dimension: 'productive', needs: [{ id: needId, severity: 'high' }] });
    await addAction(opened.id, goal.id);
    const withActions = await addAction(opened.id, goal.id, {
      description: 'Curso de formación en el SENA',
      responsible: { kind: 'partner', organizationId: senaId },
    });
    expect(withActions.progress).toEqual({ done: 0, total: 2, percent: 0 });
    expect(withActions.plan.goals[0].actions[1].responsible).toMatchObject({ kind: 'partner', name: 'SENA' });

    const stale = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(withActions.version);

    const submitted = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, {
      version: withActions.version,
    });
    expect(submitted.json()).toMatchObject({ status: 'open', planStatus: 'submitted' });
    expect(submitted.json().pendingApprovals).toMatchObject([{ subject: 'plan' }]);

    const changeUnderReview = await post(caseworker, `/api/v1/cases/${opened.id}/goals`, {
      version: submitted.json().version,
      dimension: 'health',
      description: 'Afiliación a salud',
    });
    expect(changeUnderReview.statusCode).toBe(409);
    expect(changeUnderReview.json()).toMatchObject({
      type: 'urn:ruta:problem:case-state',
      refusal: 'planUnderReview',
    });
    expect(changeUnderReview.json().detail).toContain('revisión');

    const byCaseworker = await post(caseworker, `/api/v1/cases/${opened.id}/decisions`, {
      version: submitted.json().version,
      subject: 'plan',
      decision: 'approve',
    });
    expect(byCaseworker.statusCode).toBe(403);

    const pending = await coordinator.request({ method: 'GET', url: '/api/v1/cases/pending-approvals' });
    expect(pending.json().approvals.map((a: { id: string }) => a.id)).toContain(opened.id);

    const approved = await post(coordinator, `/api/v1/cases/${opened.id}/decisions`, {
      version: submitted.json().version,
      subject: 'plan',
      decision: 'approve',
      reason: 'Plan coherente con las necesidades',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', planStatus: 'approved', pendingApprovals: [] });

    const action = approved.json().plan.goals[0].actions[0];
    const done = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/cases/${opened.id}/actions/${action.id}`,
      payload: { version: approved.json().version, status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      planStatus: 'approved',
      progress: { done: 1, total: 2, percent: 50 },
    });
    const household = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${personId}/cases` });
    expect(household.json().items[0].progress.percent).toBe(50);

    const noReason = await post(caseworker, `/api/v1/cases/${opened.id}/transitions`, {
      version: done.json().version,
      action: 'requestClosure',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      noReason
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['closureOutcome', 'closureReason']);

    const requested = await post(caseworker, `/api/v1/cases/${opened.id}/transitions`, {
      version: done.json().version,
      action: 'requestClosure',
      closureReason: 'goals_achieved',
      closureOutcome: 'partially_achieved',
      reason: 'Consiguió empleo; el curso sigue pendiente',
    });
    expect(requested.json()).toMatchObject({
      status: 'pending_closure',
      pendingApprovals: [{ subject: 'closure' }],
    });

    const markWhilePending = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/cases/${opened.id}/actions/${action.id}`,
      payload: { version: requested.json().version, status: 'pending' },
    });
    expect(markWhilePending.statusCode).toBe(409);

    const closed = await post(coordinator, `/api/v1/cases/${opened.id}/decisions`, {
      version: requested.json().version,
      subject: 'closure',
      decision: 'approve',
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closure: { reason: 'goals_achieved', outcome: 'partially_achieved' },
      abilities: { reopen: true, changePlan: false },
    });
    expect(closed.json().closedAt).not.toBeNull();

    const history = await caseworker.request({ method: 'GET', url: `/api/v1/cases/${opened.id}/history` });
    const kinds = history.json().items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'closure_approved',
      'closure_requested',
      'action_status_changed',
      'plan_approved',
      'plan_submitted',
      'action_added',
      'action_added',
      'goal_added',
      'opened',
    ]);
    expect(history.json().items[3]).toMatchObject({
      actor: 'Diana Charris (coordinadora)',
      reason: 'Plan coherente con las necesidades',
    });
    const audited = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', opened.id)
      .execute();
    expect(audited.map((a) => a.action)).toContain('case.closure_approved');
  });

  it('records a rejected plan with its reason and refuses a rejection without one', async () => {
    const opened = await openCase(await register());
    const withGoal = await addGoal(opened.id);
    const submitted = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, {
      version: withGoal.version,
    });
    const bare = await post(coordinator, `/api/v1/cases/${opened.id}/decisions`, {
      version: submitted.json().version,
      subject: 'plan',
      decision: 'reject',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toMatchObject([{ path: 'reason', message: 'Escriba el motivo.' }]);
    const rejected = await post(coordinator, `/api/v1/cases/${opened.id}/decisions`, {
      version: submitted.json().version,
      subject: 'plan',
      decision: 'reject',
      reason: 'Falta una acción de salud',
    });
    expect(rejected.json()).toMatchObject({
      status: 'open',
      planStatus: 'rejected',
      abilities: { submitPlan: true },
    });
    const approval = await database.db
      .selectFrom('case_approval')
      .selectAll()
      .where('case_id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(approval).toMatchObject({ status: 'rejected', decision_reason: 'Falta una acción de salud' });
  });

  it('approves the plan on submission and closes at once where the programme requires no approval', async () => {
    const opened = await openCase(await register(), IMMEDIATE);
    const empty = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, { version: 1 });
    expect(empty.json()).toMatchObject({ refusal: 'planEmpty' });
    const withGoal = await addGoal(opened.id);
    const submitted = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, {
      version: withGoal.version,
    });
    expect(submitted.json()).toMatchObject({
      status: 'active',
      planStatus: 'approved',
      pendingApprovals: [],
    });
    const held = await post(caseworker, `/api/v1/cases/${opened.id}/transitions`, {
      version: submitted.json().version,
      action: 'hold',
      reason: 'Viajó a visitar a su familia',
    });
    expect(held.json()).toMatchObject({ status: 'on_hold', holdReason: 'Viajó a visitar a su familia' });
    const resumed = await post(caseworker, `/api/v1/cases/${opened.id}/transitions`, {
      version: held.json().version,
      action: 'resume',
    });
    expect(resumed.json().status).toBe('active');
    const closed = await post(caseworker, `/api/v1/cases/${opened.id}/transitions`, {
      version: resumed.json().version,
      action: 'requestClosure',
      closureReason: 'lost_contact',
      closureOutcome: 'not_achieved',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', pendingApprovals: [] });
    const reopened = await post(caseworker, `/api/v1/cases/${opened.id}/transitions`, {
      version: closed.json().version,
      action: 'reopen',
      reason: 'Volvió a la oficina',
    });
    expect(reopened.json()).toMatchObject({ status: 'active', closure: null, closedAt: null });
  });

  it('keeps an approved plan when a goal is achieved, and asks approval again when a goal changes', async () => {
    const opened = await openCase(await register());
    const withGoal = await addGoal(opened.id);
    const goalId = withGoal.plan.goals[0].id as string;
    const submitted = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, {
      version: withGoal.version,
    });
    const approved = await post(coordinator, `/api/v1/cases/${opened.id}/decisions`, {
      version: submitted.json().version,
      subject: 'plan',
      decision: 'approve',
    });
    const achieved = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/cases/${opened.id}/goals/${goalId}`,
      payload: { version: approved.json().version, status: 'achieved' },
    });
    expect(achieved.json()).toMatchObject({
      planStatus: 'approved',
      plan: { goals: [{ status: 'achieved' }] },
    });
    const reworded = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/cases/${opened.id}/goals/${goalId}`,
      payload: {
        version: achieved.json().version,
        description: 'Empleo formal con contrato a término indefinido',
      },
    });
    expect(reworded.json()).toMatchObject({
      status: 'active',
      planStatus: 'draft',
      abilities: { submitPlan: true },
    });
  });

  it('lets only the case team change the plan', async () => {
    const opened = await openCase(await register());
    const byColleague = await post(colleague, `/api/v1/cases/${opened.id}/goals`, {
      version: 1,
      dimension: 'social',
      description: 'Meta',
    });
    expect(byColleague.statusCode).toBe(403);
    expect((await current(opened.id, colleague)).abilities.work).toBe(false);
    const byCoordinator = await post(coordinator, `/api/v1/cases/${opened.id}/goals`, {
      version: 1,
      dimension: 'social',
      description: 'Red de apoyo en el barrio',
    });
    expect(byCoordinator.statusCode).toBe(200);
  });
});

describe('reassignment and transfers', () => {
  it('lets a coordinator reassign a case to a caseworker of the office only', async () => {
    const opened = await openCase(await register());
    const byCaseworker = await post(caseworker, `/api/v1/cases/${opened.id}/reassign`, {
      version: 1,
      caseworkerId: colleagueId,
    });
    expect(byCaseworker.statusCode).toBe(403);
    const outsider = await post(coordinator, `/api/v1/cases/${opened.id}/reassign`, {
      version: 1,
      caseworkerId: receptionUserId,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].path).toBe('caseworkerId');
    const detail = await current(opened.id, coordinator);
    expect(detail.assignableStaff.map((s: { id: string }) => s.id)).toContain(colleagueId);
    const moved = await post(coordinator, `/api/v1/cases/${opened.id}/reassign`, {
      version: 1,
      caseworkerId: colleagueId,
      reason: 'Reparto de carga',
    });
    expect(moved.json()).toMatchObject({ caseworker: { id: colleagueId }, version: 2 });
    const mine = await colleague.request({ method: 'GET', url: '/api/v1/cases?scope=mine' });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(opened.id);
  });

  it('moves a case to another office when its coordinator accepts, after a refusal with its reason', async () => {
    const personId = await register();
    const opened = await openCase(personId);
    const sameOffice = await post(caseworker, `/api/v1/cases/${opened.id}/transfer`, {
      version: 1,
      toOfficeId: centreId,
      reason: 'Cambio',
    });
    expect(sameOffice.statusCode).toBe(400);
    const requested = await post(caseworker, `/api/v1/cases/${opened.id}/transfer`, {
      version: 1,
      toOfficeId: bogotaId,
      reason: 'Se mudó a Bogotá',
    });
    expect(requested.json().pendingTransfer).toMatchObject({
      toOffice: { id: bogotaId },
      reason: 'Se mudó a Bogotá',
    });
    // The sending office's coordinator may not decide; the receiving one sees it among their pending work.
    expect(
      (
        await post(coordinator, `/api/v1/cases/${opened.id}/transfer/decision`, {
          version: 2,
          decision: 'accept',
        })
      ).statusCode,
    ).toBe(404);
    const incoming = await bogotaCoordinator.request({
      method: 'GET',
      url: '/api/v1/cases/pending-approvals',
    });
    expect(incoming.json().transfers).toMatchObject([
      { id: opened.id, transfer: { reason: 'Se mudó a Bogotá' } },
    ]);
    const bare = await post(bogotaCoordinator, `/api/v1/cases/${opened.id}/transfer/decision`, {
      version: 2,
      decision: 'refuse',
    });
    expect(bare.statusCode).toBe(400);
    const refused = await post(bogotaCoordinator, `/api/v1/cases/${opened.id}/transfer/decision`, {
      version: 2,
      decision: 'refuse',
      reason: 'La dirección queda en Soacha; corresponde a otra oficina',
    });
    expect(refused.json()).toMatchObject({ decision: 'refuse', officeId: centreId });
    const again = await post(caseworker, `/api/v1/cases/${opened.id}/transfer`, {
      version: 3,
      toOfficeId: bogotaId,
      reason: 'Dirección corregida: Bogotá, Kennedy',
    });
    expect(again.statusCode).toBe(200);
    const stale = await post(bogotaCoordinator, `/api/v1/cases/${opened.id}/transfer/decision`, {
      version: 3,
      decision: 'accept',
    });
    expect(stale.statusCode).toBe(409);
    const accepted = await post(bogotaCoordinator, `/api/v1/cases/${opened.id}/transfer/decision`, {
      version: 4,
      decision: 'accept',
    });
    expect(accepted.json()).toMatchObject({ decision: 'accept', officeId: bogotaId });
    const moved = await current(opened.id, bogotaCoordinator);
    expect(moved).toMatchObject({ office: { id: bogotaId }, caseworker: { id: bogotaCoordinatorId } });
    expect((await caseworker.request({ method: 'GET', url: `/api/v1/cases/${opened.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await bogotaCoordinator.request({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode,
    ).toBe(200);
    const history = await bogotaCoordinator.request({
      method: 'GET',
      url: `/api/v1/cases/${opened.id}/history`,
    });
    expect(
      history
        .json()
        .items.slice(0, 4)
        .map((e: { kind: string; reason: string | null }) => [e.kind, e.reason]),
    ).toEqual([
      ['transfer_accepted', null],
      ['transfer_requested', 'Dirección corregida: Bogotá, Kennedy'],
      ['transfer_refused', 'La dirección queda en Soacha; corresponde a otra oficina'],
      ['transfer_requested', 'Se mudó a Bogotá'],
    ]);
  });
});

describe('a transferred case with a plan waiting for approval', () => {
  it('goes to the receiving office’s coordinators', async () => {
    const opened = await openCase(await register());
    const withGoal = await addGoal(opened.id);
    const submitted = await post(caseworker, `/api/v1/cases/${opened.id}/plan/submit`, {
      version: withGoal.version,
    });
    const requested = await post(caseworker, `/api/v1/cases/${opened.id}/transfer`, {
      version: submitted.json().version,
      toOfficeId: bogotaId,
      reason: 'Se mudó a Bogotá',
    });
    await post(bogotaCoordinator, `/api/v1/cases/${opened.id}/transfer/decision`, {
      version: requested.json().version,
      decision: 'accept',
    });
    const pendingIds = async (session: TestSession) =>
      (await session.request({ method: 'GET', url: '/api/v1/cases/pending-approvals' }))
        .json()
        .approvals.map((a: { id: string }) => a.id);
    expect(await pendingIds(bogotaCoordinator)).toContain(opened.id);
    expect(await pendingIds(coordinator)).not.toContain(opened.id);
    expect((await current(opened.id, bogotaCoordinator)).abilities.decidePlan).toBe(true);
  });
});

describe('case notes', () => {
  it('shows each level only to those allowed, in the query, and audits confidential reads', async () => {
    const opened = await openCase(await register());
    const write = (session: TestSession, confidentiality: string, body: string) =>
      post(session, `/api/v1/cases/${opened.id}/notes`, { confidentiality, body });
    expect((await write(caseworker, 'normal', 'Llamada de seguimiento')).statusCode).toBe(201);
    expect((await write(caseworker, 'restricted', 'Situación familiar delicada')).statusCode).toBe(201);
    expect((await write(caseworker, 'sensitive', 'Riesgo de violencia reportado')).statusCode).toBe(201);
    expect((await write(coordinator, 'sensitive', 'Remisión a protección')).statusCode).toBe(201);
    expect((await write(colleague, 'normal', 'Intento de nota')).statusCode).toBe(403);

    const read = async (session: TestSession) => {
      const response = await session.request({ method: 'GET', url: `/api/v1/cases/${opened.id}/notes` });
      expect(response.statusCode).toBe(200);
      return response
        .json()
        .items.map((n: { body: string }) => n.body)
        .sort();
    };
    expect(await read(colleague)).toEqual(['Llamada de seguimiento']);
    expect(await read(caseworker)).toEqual([
      'Llamada de seguimiento',
      'Riesgo de violencia reportado',
      'Situación familiar delicada',
    ]);
    expect(await read(coordinator)).toHaveLength(4);
    for (const session of [reception, partner, analyst])
      expect(
        (await session.request({ method: 'GET', url: `/api/v1/cases/${opened.id}/notes` })).statusCode,
      ).toBe(403);
    expect(
      (await bogotaCoordinator.request({ method: 'GET', url: `/api/v1/cases/${opened.id}/notes` }))
        .statusCode,
    ).toBe(404);
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('record_id', '=', opened.id)
      .where('action', '=', 'case.confidential_notes_read')
      .execute();
    expect(audited.map((a) => a.actor_role).sort()).toEqual(['caseworker', 'office_coordinator']);
  });
});

describe('case lists', () => {
  it('filters the office’s cases by state and programme, and shows a household’s cases with progress', async () => {
    const personId = await register('Hogar');
    const household = await post(caseworker, '/api/v1/households', {
      officeId: centreId,
      members: [{ personId, relationship: 'head' }],
    });
    expect(household.statusCode).toBe(201);
    const householdId = household.json().id as string;
    const householdCase = await caseworker.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { householdId, programmeKey: 'integrate-integracion' },
    });
    expect(householdCase.statusCode, householdCase.body).toBe(201);
    expect(householdCase.json().subject).toMatchObject({ type: 'household', id: householdId });
    const personCase = await openCase(personId, IMMEDIATE);
    const memberNeed = await post(caseworker, '/api/v1/needs', {
      personId,
      dimension: 'housing_urban',
      description: 'Arriendo atrasado',
      severity: 'medium',
    });
    const householdGoal = await post(caseworker, `/api/v1/cases/${householdCase.json().id}/goals`, {
      version: householdCase.json().version,
      dimension: 'housing_urban',
      description: 'Vivienda estable para el hogar',
      needIds: [memberNeed.json().id],
    });
    expect(householdGoal.statusCode, householdGoal.body).toBe(200);
    expect(householdGoal.json().plan.goals[0].needs).toMatchObject([{ description: 'Arriendo atrasado' }]);
    const listed = await caseworker.request({
      method: 'GET',
      url: `/api/v1/households/${householdId}/cases`,
    });
    expect(
      listed
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([householdCase.json().id, personCase.id].sort());
    const filtered = await coordinator.request({
      method: 'GET',
      url: '/api/v1/cases?scope=office&status=open&programme=integrate-integracion',
    });
    const items = filtered.json().items as Array<{ id: string; status: string; programme: { key: string } }>;
    expect(items.map((c) => c.id)).toContain(householdCase.json().id);
    expect(items.every((c) => c.status === 'open' && c.programme.key === 'integrate-integracion')).toBe(true);
    const page = await coordinator.request({ method: 'GET', url: '/api/v1/cases?scope=office&limit=2' });
    expect(page.json().items).toHaveLength(2);
    const next = await coordinator.request({
      method: 'GET',
      url: `/api/v1/cases?scope=office&limit=2&cursor=${page.json().nextCursor}`,
    });
    expect(next.json().items[0].id < page.json().items[1].id).toBe(true);
    expect(
      (await caseworker.request({ method: 'GET', url: `/api/v1/cases?officeId=${bogotaId}` })).statusCode,
    ).toBe(403);
  });
});
