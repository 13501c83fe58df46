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
// Monday 7 December 2026, 08:00 in Bogotá.
const now = new Date('2026-12-07T13:00:00Z');

let caseworker: TestSession;
let coordinator: TestSession;
let sena: TestSession;
let bank: TestSession;
let otherOffice: TestSession;
let reception: TestSession;
let analyst: TestSession;
let senaId: string;
let bancoldexId: string;
let centreId: string;

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  const db = database.db;
  const org = async (shortName: string) =>
    (
      await db
        .selectFrom('organization')
        .select('id')
        .where('short_name', '=', shortName)
        .executeTakeFirstOrThrow()
    ).id;
  senaId = await org('SENA');
  bancoldexId = await org('Bancóldex');
  centreId = (
    await db
      .selectFrom('office')
      .select('id')
      .where('name', '=', 'Centro Intégrate Barranquilla')
      .executeTakeFirstOrThrow()
  ).id;
  const bogota = await db
    .selectFrom('office')
    .select(['id', 'organization_id'])
    .where('name', '=', 'Oficina de Atención al Migrante – Bogotá')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(TEST_PASSWORD);
  await insertUser(
    db,
    {
      id: uuidv7(),
      organization_id: bancoldexId,
      email: 'enlace.bancoldex.emprendimiento@ruta.example',
      display_name: 'Enlace Bancóldex',
      role: 'partner_focal_point',
      password_hash: hash,
    },
    [],
  );
  await insertUser(
    db,
    {
      id: uuidv7(),
      organization_id: bogota.organization_id,
      email: 'gestora.bogota.emprendimiento@ruta.example',
      display_name: 'Gestora Bogotá',
      role: 'caseworker',
      password_hash: hash,
    },
    [bogota.id],
  );
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  sena = (await signIn(app, 'enlace.sena@ruta.example')).session;
  bank = (await signIn(app, 'enlace.bancoldex.emprendimiento@ruta.example')).session;
  otherOffice = (await signIn(app, 'gestora.bogota.emprendimiento@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
});

afterAll(async () => {
  await app.close();
});

let counter = 0;
/** A person of the centre, with or without consent to share with partners. */
async function person(consent: boolean) {
  counter++;
  const created = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: `Emprendedora${counter}`,
      surname1: 'Caribe',
      birthDate: '1990-05-04',
      sexAtBirth: 'female',
      populationGroup: 'returnee',
      municipalityCode: '08001',
      documents: [{ type: 'CC', number: String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999)) }],
      acknowledgeDuplicates: true,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  if (consent) {
    const given = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${id}/consents`,
      payload: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'written' },
    });
    expect(given.statusCode, given.body).toBe(201);
  }
  return id;
}

const req = (
  session: TestSession,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  language = 'es',
) => session.request({ method, url, payload: payload as never, headers: { 'accept-language': language } });

async function course(session: TestSession, overrides: Record<string, unknown> = {}) {
  const created = await req(session, 'POST', '/api/v1/enterprise/courses', {
    organizationId: senaId,
    name: 'Emprende con SENA – Fondo Emprender orientación',
    kind: 'entrepreneurship',
    modality: 'in_person',
    hours: 40,
    municipalityCode: '08001',
    startsOn: '2026-11-02',
    endsOn: '2026-12-18',
    capacity: 2,
    status: 'open',
    ...overrides,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

describe('courses and enrolments', () => {
  it('lets staff and the organization’s focal point create courses, and no one else', async () => {
    const byStaff = await course(caseworker);
    expect(byStaff).toMatchObject({ organizationName: 'SENA', status: 'open', enrolled: 0, canEdit: true });
    await course(sena, { name: 'Técnico en cocina', kind: 'vocational', hours: 880 });

    const foreign = await req(sena, 'POST', '/api/v1/enterprise/courses', {
      organizationId: bancoldexId,
      name: 'Curso ajeno',
      kind: 'complementary',
      modality: 'virtual',
      hours: 20,
      startsOn: '2026-11-02',
    });
    expect(foreign.statusCode).toBe(403);
    for (const session of [reception, analyst]) {
      expect((await req(session, 'GET', '/api/v1/enterprise/courses')).statusCode).toBe(403);
    }
    expect((await req(bank, 'GET', `/api/v1/enterprise/courses/${byStaff.id}`)).statusCode).toBe(404);
    const senaList = await req(sena, 'GET', '/api/v1/enterprise/courses');
    expect(senaList.json().items.every((c: { organizationId: string }) => c.organizationId === senaId)).toBe(
      true,
    );
  });

  it('names the fields in Spanish and English', async () => {
    const payload = {
      organizationId: senaId,
      name: '',
      kind: 'vocational',
      modality: 'in_person',
      hours: 10,
      startsOn: '2026-11-10',
      endsOn: '2026-11-01',
    };
    const es = await req(caseworker, 'POST', '/api/v1/enterprise/courses', payload);
    expect(es.statusCode).toBe(400);
    expect(es.json().errors.map((e: { path: string }) => e.path)).toEqual(['name']);
    const dates = await req(caseworker, 'POST', '/api/v1/enterprise/courses', { ...payload, name: 'Curso' });
    expect(dates.json().errors).toEqual([
      expect.objectContaining({
        path: 'endsOn',
        message: 'La fecha de finalización no puede ser anterior a la de inicio.',
      }),
      expect.objectContaining({
        path: 'municipalityCode',
        message: 'Indique el municipio: el curso no es virtual.',
      }),
    ]);
    const en = await req(
      caseworker,
      'POST',
      '/api/v1/enterprise/courses',
      { ...payload, name: 'Curso' },
      'en',
    );
    expect(en.json().errors[0]).toMatchObject({
      path: 'endsOn',
      message: 'The end date cannot be before the start date.',
    });
  });

  it('enrols once, refuses a full course, shows SENA only the people who consented, and lets SENA mark completion', async () => {
    const c = await course(caseworker, { capacity: 2 });
    const withConsent = await person(true);
    const withoutConsent = await person(false);
    const enrol = (personId: string, session = caseworker) =>
      req(session, 'POST', `/api/v1/enterprise/courses/${c.id}/enrolments`, { personId, officeId: centreId });
    const first = await enrol(withConsent);
    expect(first.statusCode, first.body).toBe(201);
    const again = await enrol(withConsent);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].path).toBe('personId');
    expect((await enrol(withoutConsent, otherOffice)).statusCode).toBe(404);
    expect((await enrol(withoutConsent, sena)).statusCode).toBe(403);
    expect((await enrol(withoutConsent)).statusCode).toBe(201);
    const full = await enrol(await person(false));
    expect(full.json().errors[0]).toMatchObject({
      path: 'courseId',
      message: 'El curso ya completó sus cupos.',
    });

    const seenBySena = (await req(sena, 'GET', `/api/v1/enterprise/courses/${c.id}`)).json();
    expect(seenBySena.enrolments.map((e: { personId: string }) => e.personId)).toEqual([withConsent]);
    expect(seenBySena.enrolments[0].officeId).toBeNull();
    expect(seenBySena.hiddenEnrolments).toBe(1);
    const seenByStaff = (await req(caseworker, 'GET', `/api/v1/enterprise/courses/${c.id}`)).json();
    expect(seenByStaff.enrolments).toHaveLength(2);

    const enrolment = seenBySena.enrolments[0];
    expect(enrolment.nextStatuses).toEqual(['in_progress', 'completed']);
    const dropBySena = await req(sena, 'PATCH', `/api/v1/enterprise/enrolments/${enrolment.id}`, {
      version: enrolment.version,
      status: 'dropped',
    });
    expect(dropBySena.statusCode).toBe(400);
    const completed = await req(sena, 'PATCH', `/api/v1/enterprise/enrolments/${enrolment.id}`, {
      version: enrolment.version,
      status: 'completed',
      certificateReference: 'SENA-2026-0042',
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', completedOn: '2026-12-07' });
    const stale = await req(caseworker, 'PATCH', `/api/v1/enterprise/enrolments/${enrolment.id}`, {
      version: enrolment.version,
      certificateReference: 'otra',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe('completed');

    const hidden = seenByStaff.enrolments.find((e: { personId: string }) => e.personId === withoutConsent);
    const refused = await req(sena, 'PATCH', `/api/v1/enterprise/enrolments/${hidden.id}`, {
      version: hidden.version,
      status: 'completed',
    });
    expect(refused.statusCode).toBe(404);
  });
});

describe('productive units, support, follow-ups and financing', () => {
  async function unit(personId: string) {
    const created = await req(caseworker, 'POST', '/api/v1/enterprise/units', {
      personId,
      officeId: centreId,
      name: 'Arepas La Costeña',
      sector: 'I',
      description: 'Venta de arepas de huevo en el barrio',
      municipalityCode: '08001',
      stage: 'start_up',
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  }

  it('keeps units to the staff of the person’s offices', async () => {
    const u = await unit(await person(false));
    expect(u).toMatchObject({ stage: 'start_up', operating: false, municipality: { code: '08001' } });
    expect((await req(otherOffice, 'GET', `/api/v1/enterprise/units/${u.id}`)).statusCode).toBe(404);
    for (const session of [sena, reception, analyst, bank]) {
      expect((await req(session, 'GET', `/api/v1/enterprise/units/${u.id}`)).statusCode).toBe(403);
      expect((await req(session, 'GET', '/api/v1/enterprise/units')).statusCode).toBe(403);
    }
    const list = await req(
      coordinator,
      'GET',
      '/api/v1/enterprise/units?stage=start_up&sector=I&municipality=08001',
    );
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(u.id);
    const none = await req(otherOffice, 'GET', '/api/v1/enterprise/units');
    expect(none.json().items.map((i: { id: string }) => i.id)).not.toContain(u.id);
    const bad = await req(caseworker, 'GET', '/api/v1/enterprise/units?sector=Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('sector');
  });

  it('moves the stage one step at a time, refuses stale versions, and records supports and follow-ups', async () => {
    const u = await unit(await person(false));
    const jump = await req(caseworker, 'PATCH', `/api/v1/enterprise/units/${u.id}`, {
      version: u.version,
      stage: 'consolidated',
    });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().errors[0].path).toBe('stage');
    const moved = await req(caseworker, 'PATCH', `/api/v1/enterprise/units/${u.id}`, {
      version: u.version,
      stage: 'operating',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'operating', operating: true });
    const stale = await req(coordinator, 'PATCH', `/api/v1/enterprise/units/${u.id}`, {
      version: u.version,
      name: 'Otro nombre',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ stage: 'operating', name: 'Arepas La Costeña' });

    const noAmount = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/supports`, {
      kind: 'seed_capital',
      providedOn: '2026-11-20',
    });
    expect(noAmount.json().errors[0]).toMatchObject({
      path: 'amount',
      message: 'Indique el monto del capital semilla.',
    });
    const support = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/supports`, {
      kind: 'seed_capital',
      providerOrganizationId: senaId,
      amount: 5_000_000,
      providedOn: '2026-11-20',
      notes: 'Fondo Emprender',
    });
    expect(support.statusCode, support.body).toBe(201);
    const followUp = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/follow-ups`, {
      visitedOn: '2026-12-04',
      monthlySales: 3_200_000,
      jobsCreated: 2,
    });
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect(followUp.json().supports[0]).toMatchObject({
      kind: 'seed_capital',
      amount: 5_000_000,
      providerName: 'SENA',
    });
    expect(followUp.json().followUps[0]).toMatchObject({
      stageAtVisit: 'operating',
      monthlySales: 3_200_000,
    });
    const future = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/follow-ups`, {
      visitedOn: '2026-12-31',
    });
    expect(future.json().errors[0].path).toBe('visitedOn');
  });

  it('takes a financing application to a decision by the intermediary, within the amount requested', async () => {
    const consenting = await person(true);
    const u = await unit(consenting);
    const created = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/financing`, {
      line: 'bancoldex',
      intermediaryOrganizationId: bancoldexId,
      amountRequested: 8_000_000,
      status: 'submitted',
    });
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json();
    expect(application).toMatchObject({ status: 'submitted', submittedOn: '2026-12-07' });

    // The intermediary sees it (with the owner's name: consent), reviews and decides; SENA does not.
    const inbox = (await req(bank, 'GET', '/api/v1/enterprise/financing')).json();
    expect(inbox.items).toEqual([
      expect.objectContaining({ id: application.id, ownerName: expect.any(String) }),
    ]);
    expect((await req(sena, 'GET', '/api/v1/enterprise/financing')).json().items).toEqual([]);
    expect(
      (
        await req(sena, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
          version: 1,
          status: 'in_review',
        })
      ).statusCode,
    ).toBe(404);
    const withdraw = await req(bank, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 1,
      status: 'withdrawn',
    });
    expect(withdraw.json().errors[0].path).toBe('status');
    const requested = await req(bank, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 1,
      amountRequested: 9_000_000,
    });
    expect(requested.json().errors[0]).toMatchObject({ path: 'amountRequested' });
    const review = await req(bank, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 1,
      status: 'in_review',
    });
    expect(review.statusCode, review.body).toBe(200);

    const above = await req(bank, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 2,
      status: 'approved',
      amountApproved: 9_000_000,
    });
    expect(above.statusCode).toBe(400);
    expect(above.json().errors[0]).toMatchObject({ path: 'amountApproved' });
    const noAmount = await req(bank, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 2,
      status: 'approved',
    });
    expect(noAmount.json().errors[0].message).toBe('Indique el monto aprobado.');
    const approved = await req(bank, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 2,
      status: 'approved',
      amountApproved: 6_000_000,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      amountApproved: 6_000_000,
      decidedOn: '2026-12-07',
      nextStatuses: ['disbursed'],
    });
    const stale = await req(caseworker, 'PATCH', `/api/v1/enterprise/financing/${application.id}`, {
      version: 2,
      status: 'withdrawn',
    });
    expect(stale.statusCode).toBe(409);

    const unitPage = (await req(caseworker, 'GET', `/api/v1/enterprise/units/${u.id}`)).json();
    expect(unitPage.financing[0]).toMatchObject({ status: 'approved', amountRequested: 8_000_000 });
  });

  it('hides the owner’s name from an intermediary without consent, and drafts altogether', async () => {
    const u = await unit(await person(false));
    const submitted = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/financing`, {
      line: 'rotating_fund',
      intermediaryOrganizationId: bancoldexId,
      amountRequested: 3_000_000,
      status: 'submitted',
    });
    const draft = await req(caseworker, 'POST', `/api/v1/enterprise/units/${u.id}/financing`, {
      line: 'microcredit',
      intermediaryOrganizationId: bancoldexId,
      amountRequested: 1_000_000,
    });
    const items = (await req(bank, 'GET', '/api/v1/enterprise/financing')).json().items;
    expect(items.find((i: { id: string }) => i.id === submitted.json().id)).toMatchObject({
      ownerName: null,
    });
    expect(items.map((i: { id: string }) => i.id)).not.toContain(draft.json().id);
  });

  it('shows a person’s enrolments and units on their page, only to their offices’ staff', async () => {
    const id = await person(false);
    await unit(id);
    const page = await req(caseworker, 'GET', `/api/v1/persons/${id}/enterprise`);
    expect(page.statusCode).toBe(200);
    expect(page.json().units).toHaveLength(1);
    expect((await req(otherOffice, 'GET', `/api/v1/persons/${id}/enterprise`)).statusCode).toBe(404);
    expect((await req(sena, 'GET', `/api/v1/persons/${id}/enterprise`)).statusCode).toBe(403);
  });
});

describe('summary', () => {
  it('gives aggregates to analysts and coordinators, and nothing to caseworkers or partners', async () => {
    const summary = await req(analyst, 'GET', '/api/v1/enterprise/summary');
    expect(summary.statusCode).toBe(200);
    const body = summary.json();
    expect(body.unitsByStage.map((s: { stage: string }) => s.stage)).toEqual([
      'idea',
      'business_plan',
      'start_up',
      'operating',
      'consolidated',
      'closed',
    ]);
    expect(body.financingByLine.find((l: { line: string }) => l.line === 'bancoldex')).toMatchObject({
      approved: 6_000_000,
    });
    expect(JSON.stringify(body)).not.toContain('Emprendedora');
    expect((await req(coordinator, 'GET', '/api/v1/enterprise/summary')).statusCode).toBe(200);
    for (const session of [caseworker, sena, reception]) {
      expect((await req(session, 'GET', '/api/v1/enterprise/summary')).statusCode).toBe(403);
    }
  });
});
