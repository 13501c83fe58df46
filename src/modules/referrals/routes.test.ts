import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { currentTotpCode, signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';
import { buildDirectoryService } from './test-factory';

let app: FastifyInstance;
let database: DatabaseHandle;
// Monday 7 December 2026, 08:00 in Bogotá; moved forward by the tests that need time to pass (signing in again:
// sessions end after 8 idle hours).
let now = new Date('2026-12-07T13:00:00Z');

let caseworker: TestSession;
let coordinator: TestSession;
let partner: TestSession;
let otherPartner: TestSession;
let reception: TestSession;
let analyst: TestSession;
let admin: TestSession;
let senaId: string;
let centreId: string;
let courseId: string;

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  const db = database.db;
  const org = (shortName: string) =>
    db.selectFrom('organization').select('id').where('short_name', '=', shortName).executeTakeFirstOrThrow();
  senaId = (await org('SENA')).id;
  const other = await org('Servicio Público de Empleo');
  centreId = (
    await db
      .selectFrom('office')
      .select('id')
      .where('name', '=', 'Centro Intégrate Barranquilla')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('app_user')
    .values({
      id: uuidv7(),
      organization_id: other.id,
      email: 'enlace.spe.remisiones@ruta.example',
      display_name: 'Enlace SPE',
      role: 'partner_focal_point',
      password_hash: await hashPassword(TEST_PASSWORD),
    })
    .execute();
  await signInAll();
  courseId = await buildDirectoryService(db, {
    organization_id: senaId,
    name: 'Técnico en panadería',
    population_groups: ['returnee', 'venezuelan_migrant'],
    minimum_age: 16,
    maximum_age: 28,
    required_documents: ['CC', 'PPT'],
    municipality_codes: ['08001'],
    locationMunicipalityCode: '08758',
    capacity_per_month: 10,
    acceptance_days: 2,
    completion_days: 30,
  });
});

let adminSecret: string | undefined;

/** Signs every user in at the test's clock; the administrator's second factor is computed for that time too. */
async function signInAll() {
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  otherPartner = (await signIn(app, 'enlace.spe.remisiones@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  const { session, secondFactor } = await signIn(app, 'admin@ruta.example');
  if (secondFactor === 'enrol') {
    adminSecret = (await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' })).json().secret;
    const confirmed = await session.request({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: currentTotpCode(adminSecret as string, now.getTime()) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  } else {
    const verified = await session.request({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      payload: { code: currentTotpCode(adminSecret as string, now.getTime()) },
    });
    expect(verified.statusCode, verified.body).toBe(204);
  }
  admin = session;
}

afterAll(async () => {
  await app.close();
});

/** A person of the centre with a case and a goal; `consent` records their consent to share with partners. */
async function personWithCase(options: { givenName: string; birthDate: string; consent: boolean }) {
  const person = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: options.givenName,
      surname1: 'Remisión',
      birthDate: options.birthDate,
      sexAtBirth: 'female',
      populationGroup: 'returnee',
      municipalityCode: '08001',
      phone: '+573001112233',
      documents: [{ type: 'CC', number: String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)) }],
      acknowledgeDuplicates: true,
    },
  });
  expect(person.statusCode, person.body).toBe(201);
  const personId = person.json().id as string;
  if (options.consent) {
    const consent = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents`,
      payload: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'written' },
    });
    expect(consent.statusCode, consent.body).toBe(201);
  }
  const opened = await caseworker.request({
    method: 'POST',
    url: '/api/v1/cases',
    payload: { personId, programmeKey: 'integrate-integracion' },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const caseId = opened.json().id as string;
  const withGoal = await caseworker.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/goals`,
    payload: { version: opened.json().version, dimension: 'productive', description: 'Conseguir un oficio' },
  });
  expect(withGoal.statusCode, withGoal.body).toBe(200);
  const goalId = withGoal.json().plan.goals[0].id as string;
  return { personId, caseId, goalId };
}

const send = (
  session: TestSession,
  caseId: string,
  payload: Record<string, unknown>,
  key?: string,
  language = 'es',
) =>
  session.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/referrals`,
    payload,
    headers: { 'accept-language': language, ...(key ? { 'idempotency-key': key } : {}) },
  });

const step = (session: TestSession, id: string, path: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `/api/v1/referrals/${id}/${path}`, payload });

const caseOf = (session: TestSession, caseId: string) =>
  session.request({ method: 'GET', url: `/api/v1/cases/${caseId}` }).then((r) => r.json());

const outboxFor = (referralId: string) =>
  database.db
    .selectFrom('outbox_message')
    .select(['topic', 'recipient', 'subject', 'body', 'locale', 'status'])
    .where(sql<string>`payload->>'referralId'`, '=', referralId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

describe('referral check', () => {
  it('explains each rule in Spanish and English and names the fields the partner would receive', async () => {
    const { caseId } = await personWithCase({ givenName: 'Yuliana', birthDate: '2001-05-10', consent: true });
    const response = await caseworker.request({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/referral-check?serviceId=${courseId}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.eligible).toBe(true);
    expect(body.service).toEqual({
      id: courseId,
      name: 'Técnico en panadería',
      organizationName: 'Servicio Nacional de Aprendizaje',
      acceptanceDays: 2,
      completionDays: 30,
    });
    expect(body.checks.map((c: { rule: string }) => c.rule)).toEqual([
      'service_status',
      'population_group',
      'age',
      'sex',
      'territory',
      'documents',
      'capacity',
      'consent',
    ]);
    const message = (rule: string) => body.checks.find((c: { rule: string }) => c.rule === rule).message;
    expect(message('age')).toBe('La persona tiene 25 años; el servicio atiende de 16 a 28 años.');
    expect(message('territory')).toBe('La persona vive en Barranquilla, donde el servicio atiende.');
    expect(message('documents')).toBe('La persona tiene CC, un documento que el servicio acepta.');
    expect(body.sharedFields).toEqual([
      'name',
      'documentType',
      'documentNumber',
      'phone',
      'age',
      'sex',
      'populationGroup',
      'municipality',
      'reason',
    ]);
    const english = await caseworker.request({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/referral-check?serviceId=${courseId}`,
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().checks.find((c: { rule: string }) => c.rule === 'age').message).toBe(
      'The person is 25; the service serves people from 16 to 28 years old.',
    );
  });

  it('says why a person does not fit: too old, and no consent to share', async () => {
    const { caseId } = await personWithCase({
      givenName: 'Marlene',
      birthDate: '1992-06-01',
      consent: false,
    });
    const body = (
      await caseworker.request({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/referral-check?serviceId=${courseId}`,
      })
    ).json();
    expect(body.eligible).toBe(false);
    expect(body.checks.find((c: { rule: string }) => c.rule === 'age')).toEqual({
      rule: 'age',
      outcome: 'fail',
      message: 'La persona tiene 34 años; el servicio atiende de 16 a 28 años.',
    });
    expect(body.checks.find((c: { rule: string }) => c.rule === 'consent')).toMatchObject({
      outcome: 'fail',
    });
  });

  it('answers 400 for a service not in the directory, and refuses roles without case access', async () => {
    const { caseId } = await personWithCase({ givenName: 'Rosa', birthDate: '2000-01-01', consent: true });
    const unknown = await caseworker.request({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/referral-check?serviceId=${uuidv7()}`,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'serviceId' })]);
    for (const session of [reception, analyst, partner]) {
      const denied = await session.request({
        method: 'GET',
        url: `/api/v1/cases/${caseId}/referral-check?serviceId=${courseId}`,
      });
      expect(denied.statusCode).toBe(403);
    }
  });
});

describe('sending a referral', () => {
  it('refuses with 422 naming the consent and the failing rules, and writes nothing', async () => {
    const { caseId, goalId } = await personWithCase({
      givenName: 'Nelly',
      birthDate: '1990-01-01',
      consent: false,
    });
    const response = await send(caseworker, caseId, { serviceId: courseId, goalId, reason: 'Curso' });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = response.json().errors as Array<{ field: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'consent',
          message:
            'La persona no ha autorizado compartir sus datos con entidades aliadas. Registre su autorización antes de remitirla.',
        }),
        expect.objectContaining({ field: 'serviceId', message: expect.stringContaining('36 años') }),
      ]),
    );
    expect(
      await database.db.selectFrom('referral').select('id').where('case_id', '=', caseId).execute(),
    ).toEqual([]);
    const english = await send(
      caseworker,
      caseId,
      { serviceId: courseId, goalId, reason: 'Curso' },
      undefined,
      'en',
    );
    expect(english.json().title).toBe("The person does not meet the service's conditions");
  });

  it('sends it with a new plan action, the partner notified and the case told, once per idempotency key', async () => {
    const { caseId, goalId, personId } = await personWithCase({
      givenName: 'Daniela',
      birthDate: '2003-02-02',
      consent: true,
    });
    const key = uuidv7();
    const first = await send(
      caseworker,
      caseId,
      { serviceId: courseId, goalId, reason: 'Quiere formarse en panadería' },
      key,
    );
    expect(first.statusCode, first.body).toBe(201);
    const referral = first.json();
    expect(referral).toMatchObject({
      status: 'sent',
      serviceName: 'Técnico en panadería',
      organizationName: 'Servicio Nacional de Aprendizaje',
      officeName: 'Centro Intégrate Barranquilla',
      personId,
      personName: 'Daniela Remisión',
      caseId,
      reason: 'Quiere formarse en panadería',
      sentByName: 'Andrés Pérez (gestor de caso)',
      // Sent on Monday 7: two business days are Wednesday 9 and Thursday 10 (Tuesday 8 is a holiday).
      acceptDueAt: '2026-12-11T04:59:59.999Z',
      completeDueAt: null,
      overdue: false,
      version: 1,
      abilities: ['withdraw'],
      sharedData: {
        name: 'Daniela Remisión',
        documentType: 'CC',
        phone: '+573001112233',
        age: 23,
        sex: 'female',
        populationGroup: 'returnee',
        municipalityCode: '08001',
        municipalityName: 'Barranquilla',
        reason: 'Quiere formarse en panadería',
      },
    });
    expect(referral.events).toEqual([
      expect.objectContaining({ kind: 'sent', actorName: 'Andrés Pérez (gestor de caso)' }),
    ]);
    expect(referral.eligibility).toHaveLength(8);

    const again = await send(caseworker, caseId, { serviceId: courseId, goalId, reason: 'Otra vez' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(referral.id);
    expect(
      await database.db.selectFrom('referral').select('id').where('case_id', '=', caseId).execute(),
    ).toHaveLength(1);

    const plan = await caseOf(caseworker, caseId);
    const action = plan.plan.goals[0].actions.find((a: { id: string }) => a.id === referral.actionId);
    expect(action).toMatchObject({
      description: 'Remisión a Técnico en panadería (Servicio Nacional de Aprendizaje)',
      responsible: { kind: 'partner', organizationId: senaId },
      status: 'pending',
    });
    const history = (
      await caseworker.request({ method: 'GET', url: `/api/v1/cases/${caseId}/history` })
    ).json();
    expect(history.items.map((e: { kind: string }) => e.kind)).toContain('referral_sent');

    const messages = await outboxFor(referral.id);
    expect(messages).toEqual([
      expect.objectContaining({
        topic: 'referral.sent',
        recipient: 'enlace.sena@ruta.example',
        locale: 'es',
        subject: 'Nueva remisión al servicio Técnico en panadería',
        status: 'pending',
      }),
    ]);
    expect(messages[0]?.body).toContain('a más tardar el 10 de diciembre de 2026');
    expect(messages[0]?.body).not.toContain('Daniela');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('record_id', '=', referral.id)
      .execute();
    expect(audit).toEqual([{ action: 'referral.sent', actor_role: 'caseworker' }]);
  });

  it('asks for a goal or an action, and refuses those outside the case team', async () => {
    const { caseId, goalId } = await personWithCase({
      givenName: 'Luz',
      birthDate: '2002-02-02',
      consent: true,
    });
    const noGoal = await send(caseworker, caseId, { serviceId: courseId, reason: 'Curso' });
    expect(noGoal.statusCode).toBe(400);
    expect(noGoal.json().errors).toEqual([expect.objectContaining({ path: 'goalId' })]);
    const tooLong = await send(caseworker, caseId, { serviceId: courseId, goalId, reason: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    for (const session of [reception, analyst, partner])
      expect((await send(session, caseId, { serviceId: courseId, goalId, reason: 'Curso' })).statusCode).toBe(
        403,
      );
  });
});

describe('the partner and the closed loop', () => {
  let caseId: string;
  let referralId: string;
  let actionId: string;

  beforeAll(async () => {
    const made = await personWithCase({ givenName: 'Sara', birthDate: '2004-04-04', consent: true });
    caseId = made.caseId;
    const sent = await send(caseworker, caseId, {
      serviceId: courseId,
      goalId: made.goalId,
      reason: 'Formación',
    });
    referralId = sent.json().id;
    actionId = sent.json().actionId;
  });

  it('shows the partner only the shared data, audits the read, and keeps other partners out', async () => {
    const inbox = await partner.request({ method: 'GET', url: '/api/v1/referrals/inbox?status=sent' });
    expect(inbox.statusCode).toBe(200);
    const item = inbox.json().items.find((r: { id: string }) => r.id === referralId);
    expect(item).toMatchObject({
      personId: null,
      personName: null,
      caseId: null,
      actionId: null,
      sharedData: { name: 'Sara Remisión' },
      abilities: ['accept', 'decline'],
    });
    expect(inbox.json().total).toBeGreaterThanOrEqual(1);
    const detail = await partner.request({ method: 'GET', url: `/api/v1/referrals/${referralId}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().personName).toBeNull();
    const reads = await database.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'referral.shared_data_read')
      .where('actor_role', '=', 'partner_focal_point')
      .execute();
    expect(JSON.stringify(reads)).toContain(referralId);

    const otherInbox = await otherPartner.request({ method: 'GET', url: '/api/v1/referrals/inbox' });
    expect(otherInbox.json().items.map((r: { id: string }) => r.id)).not.toContain(referralId);
    expect(
      (await otherPartner.request({ method: 'GET', url: `/api/v1/referrals/${referralId}` })).statusCode,
    ).toBe(404);
    expect((await step(otherPartner, referralId, 'accept', { version: 1 })).statusCode).toBe(404);
    for (const session of [reception, analyst]) {
      expect(
        (await session.request({ method: 'GET', url: `/api/v1/referrals/${referralId}` })).statusCode,
      ).toBe(403);
      expect((await session.request({ method: 'GET', url: '/api/v1/referrals/inbox' })).statusCode).toBe(403);
    }
    expect((await caseworker.request({ method: 'GET', url: '/api/v1/referrals/inbox' })).statusCode).toBe(
      403,
    );
    // The partner never reaches the case.
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/cases/${caseId}/referrals` })).statusCode,
    ).toBe(403);
  });

  it('lets only the partner accept, at the version read, and flows back to the case', async () => {
    expect((await step(caseworker, referralId, 'accept', { version: 1 })).statusCode).toBe(403);
    const stale = await step(partner, referralId, 'accept', { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: referralId, version: 1 });
    now = new Date('2026-12-07T16:00:00Z');
    const caseVersion = (await caseOf(caseworker, caseId)).version as number;
    const accepted = await step(partner, referralId, 'accept', { version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The case moved on: whoever saves the case from what they read before gets a conflict, not an overwrite.
    expect((await caseOf(caseworker, caseId)).version).toBe(caseVersion + 1);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      version: 2,
      acceptedAt: '2026-12-07T16:00:00.000Z',
      completeDueAt: '2027-01-07T04:59:59.999Z',
      abilities: ['start', 'notAttended'],
    });
    const action = (await caseOf(caseworker, caseId)).plan.goals[0].actions.find(
      (a: { id: string }) => a.id === actionId,
    );
    expect(action.status).toBe('in_progress');
    const messages = await outboxFor(referralId);
    expect(messages.at(-1)).toMatchObject({
      topic: 'referral.accepted',
      recipient: 'gestor@ruta.example',
      subject: 'Remisión aceptada: Técnico en panadería',
    });
    // Accepting twice is not a step the referral allows.
    const twice = await step(partner, referralId, 'accept', { version: 2 });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().detail).toBe('Una remisión en estado «aceptada» no se puede aceptar.');
  });

  it('completes with an outcome: the action is done and the case history says so', async () => {
    const started = await step(partner, referralId, 'start', { version: 2 });
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 3 });
    const withoutOutcome = await step(partner, referralId, 'complete', { version: 3 });
    expect(withoutOutcome.statusCode).toBe(400);
    const completed = await step(partner, referralId, 'complete', {
      version: 3,
      outcome: 'achieved',
      notes: 'Terminó el curso con buen desempeño',
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({
      status: 'completed',
      outcome: 'achieved',
      outcomeNotes: 'Terminó el curso con buen desempeño',
      abilities: [],
    });
    expect(completed.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'sent',
      'accepted',
      'started',
      'completed',
    ]);
    const detail = await caseOf(caseworker, caseId);
    expect(detail.plan.goals[0].actions.find((a: { id: string }) => a.id === actionId).status).toBe('done');
    const history = (
      await caseworker.request({ method: 'GET', url: `/api/v1/cases/${caseId}/history` })
    ).json();
    expect(history.items[0]).toMatchObject({
      kind: 'referral_completed',
      reason: 'Terminó el curso con buen desempeño',
      details: expect.objectContaining({ outcome: 'achieved', referralId }),
    });
    expect((await step(caseworker, referralId, 'withdraw', { version: 4, reason: 'x' })).statusCode).toBe(
      422,
    );
  });

  it('lets the case team withdraw a referral not yet started, the action pending again and the partner told', async () => {
    const made = await personWithCase({ givenName: 'Teresa', birthDate: '2005-05-05', consent: true });
    const sent = (
      await send(caseworker, made.caseId, { serviceId: courseId, goalId: made.goalId, reason: 'Curso' })
    ).json();
    expect((await step(partner, sent.id, 'withdraw', { version: 1, reason: 'x' })).statusCode).toBe(403);
    const noReason = await step(caseworker, sent.id, 'withdraw', { version: 1 });
    expect(noReason.statusCode).toBe(400);
    const withdrawn = await step(coordinator, sent.id, 'withdraw', {
      version: 1,
      reason: 'Consiguió empleo',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const action = (await caseOf(caseworker, made.caseId)).plan.goals[0].actions.find(
      (a: { id: string }) => a.id === sent.actionId,
    );
    expect(action.status).toBe('pending');
    expect((await outboxFor(sent.id)).at(-1)).toMatchObject({
      topic: 'referral.withdrawn',
      recipient: 'enlace.sena@ruta.example',
    });
  });

  it('records a decline with its reason, visible to the case', async () => {
    const made = await personWithCase({ givenName: 'Olga', birthDate: '2005-06-06', consent: true });
    const sent = (
      await send(caseworker, made.caseId, { serviceId: courseId, goalId: made.goalId, reason: 'Curso' })
    ).json();
    expect((await step(partner, sent.id, 'decline', { version: 1 })).statusCode).toBe(400);
    const declined = await step(partner, sent.id, 'decline', {
      version: 1,
      reason: 'No hay cupos este trimestre',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'No hay cupos este trimestre',
    });
    const listed = (
      await caseworker.request({ method: 'GET', url: `/api/v1/cases/${made.caseId}/referrals` })
    ).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: sent.id, status: 'declined', personName: 'Olga Remisión' }),
    ]);
    const history = (
      await caseworker.request({ method: 'GET', url: `/api/v1/cases/${made.caseId}/history` })
    ).json();
    expect(history.items[0]).toMatchObject({
      kind: 'referral_declined',
      reason: 'No hay cupos este trimestre',
    });
  });

  it('refers from an existing plan action, and a no-show sends the action back to pending', async () => {
    const made = await personWithCase({ givenName: 'Gloria', birthDate: '2004-08-08', consent: true });
    const current = await caseOf(caseworker, made.caseId);
    const withAction = await caseworker.request({
      method: 'POST',
      url: `/api/v1/cases/${made.caseId}/actions`,
      payload: {
        version: current.version,
        goalId: made.goalId,
        description: 'Inscribirse en un curso del SENA',
        responsible: { kind: 'partner', organizationId: senaId },
      },
    });
    expect(withAction.statusCode, withAction.body).toBe(200);
    const actionId = withAction.json().plan.goals[0].actions[0].id as string;
    const foreign = await send(caseworker, made.caseId, {
      serviceId: courseId,
      actionId: uuidv7(),
      reason: 'Curso',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'actionId' })]);
    const sent = await send(caseworker, made.caseId, { serviceId: courseId, actionId, reason: 'Curso' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().actionId).toBe(actionId);
    expect((await caseOf(caseworker, made.caseId)).plan.goals[0].actions).toHaveLength(1);
    await step(partner, sent.json().id, 'accept', { version: 1 });
    const noShow = await step(partner, sent.json().id, 'not-attended', {
      version: 2,
      notes: 'No llegó a la inducción del lunes',
    });
    expect(noShow.json()).toMatchObject({
      status: 'not_attended',
      outcomeNotes: 'No llegó a la inducción del lunes',
    });
    const action = (await caseOf(caseworker, made.caseId)).plan.goals[0].actions[0];
    expect(action.status).toBe('pending');
    const history = (
      await caseworker.request({ method: 'GET', url: `/api/v1/cases/${made.caseId}/history` })
    ).json();
    expect(history.items[0]).toMatchObject({
      kind: 'referral_not_attended',
      reason: 'No llegó a la inducción del lunes',
    });
  });

  it('flags a referral waiting past its acceptance time as overdue, and filters the inbox by it', async () => {
    const made = await personWithCase({ givenName: 'Paola', birthDate: '2005-07-07', consent: true });
    const sent = (
      await send(caseworker, made.caseId, { serviceId: courseId, goalId: made.goalId, reason: 'Curso' })
    ).json();
    now = new Date(new Date(sent.acceptDueAt).getTime() + 1000);
    await signInAll();
    const overdue = await partner.request({ method: 'GET', url: '/api/v1/referrals/inbox?overdue=true' });
    expect(overdue.json().items.find((r: { id: string }) => r.id === sent.id)).toMatchObject({
      overdue: true,
    });
    const notOverdue = await partner.request({
      method: 'GET',
      url: '/api/v1/referrals/inbox?overdue=false&pageSize=100',
    });
    expect(notOverdue.json().items.map((r: { id: string }) => r.id)).not.toContain(sent.id);
  });
});

describe('referral report', () => {
  it('gives aggregates by service to coordinators, analysts, the admin and the partner; none to caseworkers', async () => {
    for (const session of [coordinator, analyst, admin, partner]) {
      const response = await session.request({
        method: 'GET',
        url: '/api/v1/reports/referrals?groupBy=service',
      });
      expect(response.statusCode, response.body).toBe(200);
      const row = response.json().rows.find((r: { key: string }) => r.key === courseId);
      expect(row).toMatchObject({ label: 'Técnico en panadería', completed: 1, declined: 1, withdrawn: 1 });
      expect(row.sent).toBeGreaterThanOrEqual(4);
      expect(row.medianHoursToAcceptance).toBeGreaterThan(0);
      expect(row.medianDaysToCompletion).not.toBeNull();
      expect(JSON.stringify(response.json())).not.toContain('Remisión');
    }
    const other = (await otherPartner.request({ method: 'GET', url: '/api/v1/reports/referrals' })).json();
    expect(other.rows).toEqual([]);
    expect(other.totals.sent).toBe(0);
    for (const session of [caseworker, reception])
      expect((await session.request({ method: 'GET', url: '/api/v1/reports/referrals' })).statusCode).toBe(
        403,
      );
    const byOffice = (
      await analyst.request({
        method: 'GET',
        url: '/api/v1/reports/referrals?groupBy=office&from=2026-12-01&to=2026-12-31',
      })
    ).json();
    expect(byOffice.rows).toEqual([expect.objectContaining({ label: 'Centro Intégrate Barranquilla' })]);
    expect(byOffice.totals.sent).toBe(byOffice.rows[0].sent);
    const none = (
      await analyst.request({ method: 'GET', url: '/api/v1/reports/referrals?from=2025-01-01&to=2025-01-31' })
    ).json();
    expect(none.totals.sent).toBe(0);
    const bad = await analyst.request({ method: 'GET', url: '/api/v1/reports/referrals?from=ayer' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('after the person revokes the consent to share', () => {
  it('the partner no longer sees what was shared; the referring office still does', async () => {
    const { caseId, goalId, personId } = await personWithCase({
      givenName: 'Revoca',
      birthDate: '2002-03-03',
      consent: true,
    });
    const sent = await send(
      caseworker,
      caseId,
      { serviceId: courseId, goalId, reason: 'Formación' },
      uuidv7(),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/referrals/${id}` })).json().sharedData,
    ).toMatchObject({ name: 'Revoca Remisión' });

    const consents = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${personId}/consents` });
    const sharing = consents
      .json()
      .items.find(
        (c: { purpose: string; revokedAt: string | null }) => c.purpose === 'sharing_with_partners',
      );
    const revoked = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents/${sharing.id}/revoke`,
      payload: {},
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const forPartner = await partner.request({ method: 'GET', url: `/api/v1/referrals/${id}` });
    expect(forPartner.statusCode).toBe(200);
    expect(forPartner.json().sharedData).toBeNull();
    expect(JSON.stringify(forPartner.json())).not.toContain('Revoca');
    const forOffice = await caseworker.request({ method: 'GET', url: `/api/v1/referrals/${id}` });
    expect(forOffice.json().sharedData).toMatchObject({ name: 'Revoca Remisión' });
  });
});

describe('when the case is transferred to another office', () => {
  it('its referrals go with it: the new office sees and withdraws them, the old one no longer does', async () => {
    const { caseId, goalId } = await personWithCase({
      givenName: 'Traslada',
      birthDate: '2001-01-01',
      consent: true,
    });
    const sent = await send(
      caseworker,
      caseId,
      { serviceId: courseId, goalId, reason: 'Formación' },
      uuidv7(),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json().id as string;

    const bogota = await database.db
      .selectFrom('office')
      .select('id')
      .where('name', '=', 'Oficina de Atención al Migrante – Bogotá')
      .executeTakeFirstOrThrow();
    const organization = await database.db
      .selectFrom('office')
      .select('organization_id')
      .where('id', '=', bogota.id)
      .executeTakeFirstOrThrow();
    const userId = uuidv7();
    await database.db
      .insertInto('app_user')
      .values({
        id: userId,
        organization_id: organization.organization_id,
        email: 'coordinacion.bogota.remisiones@ruta.example',
        display_name: 'Coordinación Bogotá',
        role: 'office_coordinator',
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .execute();
    await database.db.insertInto('user_office').values({ user_id: userId, office_id: bogota.id }).execute();
    const bogotaCoordinator = (await signIn(app, 'coordinacion.bogota.remisiones@ruta.example')).session;

    const version = (await caseOf(caseworker, caseId)).version as number;
    const requested = await caseworker.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/transfer`,
      payload: { version, toOfficeId: bogota.id, reason: 'Se mudó a Bogotá' },
    });
    expect(requested.statusCode, requested.body).toBe(200);
    const accepted = await bogotaCoordinator.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/transfer/decision`,
      payload: { version: version + 1, decision: 'accept' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const forNewOffice = await bogotaCoordinator.request({
      method: 'GET',
      url: `/api/v1/referrals/${referralId}`,
    });
    expect(forNewOffice.statusCode, forNewOffice.body).toBe(200);
    expect(forNewOffice.json()).toMatchObject({ personName: 'Traslada Remisión', abilities: ['withdraw'] });
    const forOldOffice = await caseworker.request({ method: 'GET', url: `/api/v1/referrals/${referralId}` });
    expect(forOldOffice.statusCode).toBe(404);
    const withdrawn = await step(bogotaCoordinator, referralId, 'withdraw', {
      version: 1,
      reason: 'Se atenderá en Bogotá',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  });
});
