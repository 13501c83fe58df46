import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, TEST_PASSWORD, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { hashPassword } from '../identity/password-hashing';

let app: FastifyInstance;
let database: DatabaseHandle;
// Monday 7 December 2026, 08:00 in Bogotá.
const now = new Date('2026-12-07T13:00:00Z');

let caseworker: TestSession;
let coordinator: TestSession;
let reception: TestSession;
let analyst: TestSession;
let employerFocal: TestSession;
let otherEmployerFocal: TestSession;
let centreId: string;
let verifiedId: string;
let expiredId: string;
let neverId: string;

async function employer(name: string) {
  const id = uuidv7();
  await database.db
    .insertInto('organization')
    .values({ id, name: `${name} S.A.S.`, short_name: name, kind: 'employer' })
    .execute();
  return id;
}

async function focalPoint(organizationId: string, email: string) {
  await database.db
    .insertInto('app_user')
    .values({
      id: uuidv7(),
      organization_id: organizationId,
      email,
      display_name: email.split('@')[0] as string,
      role: 'partner_focal_point',
      password_hash: await hashPassword(TEST_PASSWORD),
    })
    .execute();
  return (await signIn(app, email)).session;
}

const allChecks = {
  legalRegistration: true,
  formalContracts: true,
  socialSecurity: true,
  minimumWageOrMore: true,
  safeConditions: true,
  nonDiscrimination: true,
};

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  centreId = (
    await database.db
      .selectFrom('office')
      .select('id')
      .where('name', '=', 'Centro Intégrate Barranquilla')
      .executeTakeFirstOrThrow()
  ).id;
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  verifiedId = await employer('Confecciones Prueba');
  expiredId = await employer('Cosechas Prueba');
  neverId = await employer('Sin Visita Prueba');
  employerFocal = await focalPoint(verifiedId, 'enlace.confecciones@ruta.example');
  otherEmployerFocal = await focalPoint(expiredId, 'enlace.cosechas@ruta.example');
  const verified = await coordinator.request({
    method: 'POST',
    url: `/api/v1/employment/employers/${verifiedId}/verifications`,
    payload: { ...allChecks, validUntil: '2027-06-30', notes: 'Visita a la planta' },
  });
  expect(verified.statusCode, verified.body).toBe(201);
  // A verification made a year and a half ago, long expired (the API only accepts dates from today).
  const coordinatorId = (
    await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'coordinadora@ruta.example')
      .executeTakeFirstOrThrow()
  ).id;
  await database.db
    .insertInto('employer_verification')
    .values({
      id: uuidv7(),
      organization_id: expiredId,
      legal_registration: true,
      formal_contracts: true,
      social_security: true,
      minimum_wage_or_more: true,
      safe_conditions: true,
      non_discrimination: true,
      verified_by: coordinatorId,
      verified_at: new Date('2025-06-01T15:00:00Z'),
      valid_until: '2026-06-01',
    })
    .execute();
});

afterAll(async () => {
  await app.close();
});

const vacancyBody = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  organizationId,
  title: 'Operaria de máquina plana',
  ciuoCode: '8153',
  description: 'Confección de camisas en línea.',
  requiredSkills: ['máquina plana', 'fileteadora'],
  educationLevel: 'secondary',
  experienceMonths: 6,
  municipalityCode: '08001',
  contractType: 'fixed_term',
  monthlyWage: 1_800_000,
  positions: 3,
  opensOn: '2026-12-01',
  closesOn: '2027-01-31',
  ...overrides,
});

async function vacancy(
  session: TestSession,
  organizationId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await session.request({
    method: 'POST',
    url: '/api/v1/employment/vacancies',
    payload: vacancyBody(organizationId, overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function person(givenName: string, options: { consent: boolean }) {
  const registered = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: givenName,
      surname1: 'Empleo',
      birthDate: '1994-03-02',
      sexAtBirth: 'female',
      populationGroup: 'returnee',
      municipalityCode: '08001',
      phone: '+573005556677',
      email: `${givenName.toLowerCase()}@correo.example`,
      acknowledgeDuplicates: true,
    },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const personId = registered.json().id as string;
  if (options.consent) {
    const consent = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents`,
      payload: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'written' },
    });
    expect(consent.statusCode, consent.body).toBe(201);
  }
  await database.db
    .insertInto('job_seeker_profile')
    .values({
      person_id: personId,
      ciuo_codes: ['8153'],
      education_level: 'secondary',
      experience_months: 30,
    })
    .execute();
  return personId;
}

const propose = (session: TestSession, vacancyId: string, personId: string, language = 'es') =>
  session.request({
    method: 'POST',
    url: `/api/v1/employment/vacancies/${vacancyId}/applications`,
    payload: { personId, matchScore: 0.82 },
    headers: { 'accept-language': language },
  });

const step = (session: TestSession, id: string, path: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `/api/v1/employment/applications/${id}/${path}`, payload });

describe('employers', () => {
  it('shows each standing from the latest verification, with its history', async () => {
    const list = await caseworker.request({ method: 'GET', url: '/api/v1/employment/employers' });
    expect(list.statusCode, list.body).toBe(200);
    const standing = (id: string) =>
      list.json().items.find((e: { id: string }) => e.id === id)?.standing as string;
    expect(standing(verifiedId)).toBe('verified');
    expect(standing(expiredId)).toBe('expired');
    expect(standing(neverId)).toBe('never_verified');
    const detail = await coordinator.request({
      method: 'GET',
      url: `/api/v1/employment/employers/${verifiedId}`,
    });
    expect(detail.json().verifications).toHaveLength(1);
    expect(detail.json().verifications[0]).toMatchObject({ validUntil: '2027-06-30', failedChecks: [] });
    expect(detail.json().abilities).toContain('verify');
  });

  it('records a failed check as the new standing, and lets only administrators and coordinators verify', async () => {
    const failing = await employer('Falla Prueba');
    const response = await coordinator.request({
      method: 'POST',
      url: `/api/v1/employment/employers/${failing}/verifications`,
      payload: { ...allChecks, socialSecurity: false, validUntil: '2027-12-01' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ standing: 'failed_checks', failedChecks: ['socialSecurity'] });
    for (const session of [caseworker, employerFocal, reception, analyst]) {
      const denied = await session.request({
        method: 'POST',
        url: `/api/v1/employment/employers/${failing}/verifications`,
        payload: { ...allChecks, validUntil: '2027-12-01' },
      });
      expect(denied.statusCode).toBe(403);
    }
  });

  it('refuses a validity beyond one year or in the past, naming the field in Spanish and English', async () => {
    for (const [validUntil, language, text] of [
      ['2027-12-08', 'es', 'un año como máximo'],
      ['2026-12-06', 'en', 'one year at most'],
    ] as const) {
      const response = await coordinator.request({
        method: 'POST',
        url: `/api/v1/employment/employers/${neverId}/verifications`,
        payload: { ...allChecks, validUntil },
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { in: 'body', path: 'validUntil', message: expect.stringContaining(text) },
      ]);
    }
  });

  it('saves a profile at its version and answers 409 to a stale one; a focal point edits only its own', async () => {
    const first = await employerFocal.request({
      method: 'PUT',
      url: `/api/v1/employment/employers/${verifiedId}/profile`,
      payload: {
        version: 0,
        taxId: '900123456-7',
        economicActivity: 'Confección',
        municipalityCode: '08001',
      },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().profile).toMatchObject({ version: 1, municipalityName: 'Barranquilla' });
    const stale = await coordinator.request({
      method: 'PUT',
      url: `/api/v1/employment/employers/${verifiedId}/profile`,
      payload: { version: 0, taxId: '1' },
    });
    expect(stale.statusCode).toBe(409);
    const other = await otherEmployerFocal.request({
      method: 'PUT',
      url: `/api/v1/employment/employers/${verifiedId}/profile`,
      payload: { version: 1, taxId: '1' },
    });
    expect(other.statusCode).toBe(403);
    const otherList = await otherEmployerFocal.request({
      method: 'GET',
      url: '/api/v1/employment/employers',
    });
    expect(otherList.json().items.map((e: { id: string }) => e.id)).toEqual([expiredId]);
  });

  it('denies reception officers and analysts', async () => {
    for (const session of [reception, analyst]) {
      expect((await session.request({ method: 'GET', url: '/api/v1/employment/employers' })).statusCode).toBe(
        403,
      );
      expect((await session.request({ method: 'GET', url: '/api/v1/employment/vacancies' })).statusCode).toBe(
        403,
      );
    }
  });
});

describe('vacancies', () => {
  it("is posted by staff or the employer's focal point, never for another employer", async () => {
    const own = await vacancy(employerFocal, verifiedId);
    const read = await caseworker.request({ method: 'GET', url: `/api/v1/employment/vacancies/${own.id}` });
    expect(read.json()).toMatchObject({
      occupationTitle: 'Operadores de máquinas de coser',
      municipalityName: 'Barranquilla',
      employerStanding: 'verified',
      status: 'open',
    });
    const foreign = await employerFocal.request({
      method: 'POST',
      url: '/api/v1/employment/vacancies',
      payload: vacancyBody(expiredId),
    });
    expect(foreign.statusCode).toBe(403);
    expect(
      (await otherEmployerFocal.request({ method: 'GET', url: `/api/v1/employment/vacancies/${own.id}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await reception.request({
          method: 'POST',
          url: '/api/v1/employment/vacancies',
          payload: vacancyBody(verifiedId),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('names the fields that break the rules: unknown occupation, wage under the minimum, dates', async () => {
    for (const language of ['es', 'en']) {
      const response = await coordinator.request({
        method: 'POST',
        url: '/api/v1/employment/vacancies',
        payload: vacancyBody(verifiedId, {
          ciuoCode: '9999',
          monthlyWage: 1_500_000,
          closesOn: '2026-11-01',
        }),
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(400);
      const errors = response.json().errors as Array<{ path: string; message: string }>;
      expect(errors.map((e) => e.path)).toEqual(['ciuoCode', 'monthlyWage', 'closesOn']);
      expect(errors[1]?.message).toContain(language === 'es' ? 'salario mínimo' : 'minimum wage');
    }
    const schema = await coordinator.request({
      method: 'POST',
      url: '/api/v1/employment/vacancies',
      payload: vacancyBody(verifiedId, { contractType: 'gig', title: '' }),
    });
    expect(schema.statusCode).toBe(400);
    expect(
      schema
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['contractType', 'title']);
  });

  it('updates at its version (409 when stale)', async () => {
    const created = await vacancy(coordinator, verifiedId);
    const body = {
      ...vacancyBody(verifiedId),
      organizationId: undefined,
      version: created.version,
      status: 'closed',
    };
    const updated = await coordinator.request({
      method: 'PUT',
      url: `/api/v1/employment/vacancies/${created.id}`,
      payload: body,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'closed', version: 2 });
    const stale = await coordinator.request({
      method: 'PUT',
      url: `/api/v1/employment/vacancies/${created.id}`,
      payload: body,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
  });
});

describe('applications', () => {
  it('refuses unverified and expired employers, closed vacancies and people without sharing consent, naming why', async () => {
    const consenting = await person('Marisol', { consent: true });
    const withoutConsent = await person('Yajaira', { consent: false });
    const expiredVacancy = await vacancy(coordinator, expiredId);
    const expired = await propose(caseworker, expiredVacancy.id, consenting);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().reasons).toEqual(['employerExpired']);
    expect(expired.json().errors[0]).toMatchObject({ path: 'vacancyId' });
    expect(expired.json().errors[0].message).toContain('venció el 1 de junio de 2026');
    const neverVacancy = await vacancy(coordinator, neverId);
    const never = await propose(caseworker, neverVacancy.id, consenting, 'en');
    expect(never.json().reasons).toEqual(['employerNotVerified']);
    expect(never.json().errors[0].message).toContain('no verification');
    const open = await vacancy(coordinator, verifiedId);
    const noConsent = await propose(caseworker, open.id, withoutConsent);
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().errors).toEqual([
      expect.objectContaining({
        path: 'personId',
        reason: 'noConsent',
        message: expect.stringContaining('autorizado'),
      }),
    ]);
    const draft = await vacancy(coordinator, verifiedId, { status: 'draft' });
    expect((await propose(caseworker, draft.id, consenting)).json().reasons).toEqual(['vacancyNotOpen']);
    expect(
      await database.db
        .selectFrom('job_application')
        .select('id')
        .where('person_id', '=', withoutConsent)
        .execute(),
    ).toEqual([]);
  });

  it('lets only the staff of an office serving the person propose; reception officers, analysts and employers are denied', async () => {
    const personId = await person('Dayana', { consent: true });
    const open = await vacancy(coordinator, verifiedId);
    for (const session of [reception, analyst, employerFocal])
      expect((await propose(session, open.id, personId)).statusCode).toBe(403);
    const created = await propose(caseworker, open.id, personId);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'applied',
      personId,
      matchScore: expect.closeTo(0.82, 5),
    });
    expect((await propose(coordinator, open.id, personId)).statusCode).toBe(409);
  });

  it("shows the employer only consenting candidates' minimum data, audited, and never another employer's", async () => {
    const personId = await person('Katherine', { consent: true });
    const revoking = await person('Leidy', { consent: true });
    const open = await vacancy(employerFocal, verifiedId);
    expect((await propose(caseworker, open.id, personId)).statusCode).toBe(201);
    expect((await propose(caseworker, open.id, revoking)).statusCode).toBe(201);
    const consents = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${revoking}/consents` });
    const consentId = consents
      .json()
      .items.find((c: { purpose: string }) => c.purpose === 'sharing_with_partners').id;
    const revoked = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${revoking}/consents/${consentId}/revoke`,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const seen = await employerFocal.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${open.id}/applications`,
    });
    expect(seen.statusCode, seen.body).toBe(200);
    const items = seen.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      personId: null,
      officeName: null,
      appliedByName: null,
      matchScore: null,
      followUps: [],
      candidate: {
        name: 'Katherine Empleo',
        phone: '+573005556677',
        email: 'katherine@correo.example',
        age: 32,
        educationLevel: 'secondary',
        experienceMonths: 30,
        occupations: ['Operadores de máquinas de coser'],
      },
    });
    expect(Object.keys(items[0].candidate).sort()).toEqual(
      ['age', 'educationLevel', 'email', 'experienceMonths', 'name', 'occupations', 'phone'].sort(),
    );
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('action', '=', 'employment.candidates_read')
      .where('record_id', '=', open.id)
      .execute();
    expect(audited).toHaveLength(1);

    const other = await otherEmployerFocal.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${open.id}/applications`,
    });
    expect(other.statusCode).toBe(403);
    for (const session of [reception, analyst])
      expect(
        (
          await session.request({
            method: 'GET',
            url: `/api/v1/employment/vacancies/${open.id}/applications`,
          })
        ).statusCode,
      ).toBe(403);
    const staff = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${open.id}/applications`,
    });
    expect(
      staff
        .json()
        .items.map((i: { personId: string }) => i.personId)
        .sort(),
    ).toEqual([personId, revoking].sort());
  });

  it('goes to interview and hire, schedules follow-ups at 3 and 6 months and tells the caseworker; stale steps get 409', async () => {
    const personId = await person('Yurani', { consent: true });
    const open = await vacancy(coordinator, verifiedId);
    const created = (await propose(caseworker, open.id, personId)).json();
    const early = await step(employerFocal, created.id, 'hire', {
      version: created.version,
      hiredOn: '2026-12-10',
    });
    expect(early.statusCode).toBe(422);
    const interview = await step(employerFocal, created.id, 'interview', {
      version: created.version,
      interviewAt: '2026-12-09T15:00:00-05:00',
    });
    expect(interview.statusCode, interview.body).toBe(200);
    expect(interview.json()).toMatchObject({ status: 'interview', interviewAt: '2026-12-09T20:00:00.000Z' });
    const stale = await step(employerFocal, created.id, 'hire', {
      version: created.version,
      hiredOn: '2026-12-10',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe('interview');
    expect(
      (
        await step(otherEmployerFocal, created.id, 'hire', {
          version: interview.json().version,
          hiredOn: '2026-12-10',
        })
      ).statusCode,
    ).toBe(403);
    const hired = await step(employerFocal, created.id, 'hire', {
      version: interview.json().version,
      hiredOn: '2026-12-10',
    });
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json()).toMatchObject({ status: 'hired', hiredOn: '2026-12-10' });
    const mine = await caseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${personId}/job-applications`,
    });
    expect(
      mine.json().items[0].followUps.map((f: { milestone: string; dueOn: string }) => [f.milestone, f.dueOn]),
    ).toEqual([
      ['3_months', '2027-03-10'],
      ['6_months', '2027-06-10'],
    ]);
    const mail = await database.db
      .selectFrom('outbox_message')
      .select(['recipient', 'subject', 'body'])
      .where(sql<string>`payload->>'applicationId'`, '=', created.id)
      .execute();
    expect(mail).toEqual([
      expect.objectContaining({
        recipient: 'gestor@ruta.example',
        subject: 'Contratación: Operaria de máquina plana',
      }),
    ]);
    expect(mail[0]?.body).toContain('10 de marzo de 2027');
    expect(mail[0]?.body).not.toContain('Yurani');

    const upcoming = await caseworker.request({
      method: 'GET',
      url: '/api/v1/employment/placements/follow-ups?due=upcoming',
    });
    const followUp = upcoming
      .json()
      .items.find(
        (f: { applicationId: string; milestone: string }) =>
          f.applicationId === created.id && f.milestone === '3_months',
      );
    expect(followUp).toMatchObject({ personName: 'Yurani Empleo', overdue: false });
    expect(
      (await reception.request({ method: 'GET', url: '/api/v1/employment/placements/follow-ups' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await employerFocal.request({ method: 'GET', url: '/api/v1/employment/placements/follow-ups' }))
        .statusCode,
    ).toBe(403);
    const recorded = await caseworker.request({
      method: 'POST',
      url: `/api/v1/employment/placement-follow-ups/${followUp.id}`,
      payload: { stillEmployed: true, notes: 'Sigue en la línea de camisas.' },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ stillEmployed: true });
    const again = await caseworker.request({
      method: 'POST',
      url: `/api/v1/employment/placement-follow-ups/${followUp.id}`,
      payload: { stillEmployed: false },
    });
    expect(again.statusCode).toBe(409);
  });

  it('closes with not hired or withdrawn with a reason, and then accepts no more steps', async () => {
    const personId = await person('Nayibe', { consent: true });
    const open = await vacancy(coordinator, verifiedId);
    const created = (await propose(caseworker, open.id, personId)).json();
    const missing = await step(caseworker, created.id, 'withdraw', { version: created.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('reason');
    const withdrawn = await step(caseworker, created.id, 'withdraw', {
      version: created.version,
      reason: 'Consiguió otro empleo',
    });
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      decisionReason: 'Consiguió otro empleo',
      abilities: [],
    });
    const after = await step(employerFocal, created.id, 'not-hired', {
      version: withdrawn.json().version,
      reason: 'x',
    });
    expect(after.statusCode).toBe(422);
    expect(after.json().detail).toContain('retirada');
  });
});

describe('public employment service registration', () => {
  it('is recorded and updated by office staff at its version; others cannot see it', async () => {
    const personId = await person('Ingrid', { consent: false });
    const url = `/api/v1/persons/${personId}/employment-service-registration`;
    expect((await caseworker.request({ method: 'GET', url })).json()).toEqual({ registration: null });
    const saved = await coordinator.request({
      method: 'PUT',
      url,
      payload: {
        version: 0,
        registeredOn: '2026-11-20',
        status: 'registered',
        provider: 'Agencia Pública de Empleo SENA',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().registration).toMatchObject({ status: 'registered', version: 1 });
    const stale = await caseworker.request({
      method: 'PUT',
      url,
      payload: { version: 0, registeredOn: '2026-11-20', status: 'registered' },
    });
    expect(stale.statusCode).toBe(409);
    const future = await caseworker.request({
      method: 'PUT',
      url,
      payload: { version: 1, registeredOn: '2026-12-31', status: 'registered' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('registeredOn');
    for (const session of [analyst, employerFocal])
      expect([403, 404]).toContain((await session.request({ method: 'GET', url })).statusCode);
  });
});
