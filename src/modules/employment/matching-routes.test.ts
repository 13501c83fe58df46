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
let partner: TestSession;
let analyst: TestSession;
let reception: TestSession;
let bogotaCaseworker: TestSession;
let centreId: string;
let senaId: string;
let adminId: string;

const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true, clock: () => now }));
  const db = database.db;
  const office = (name: string) =>
    db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  centreId = (await office('Centro Intégrate Barranquilla')).id;
  const bogotaId = (await office('Oficina de Atención al Migrante – Bogotá')).id;
  senaId = (
    await db
      .selectFrom('organization')
      .select('id')
      .where('short_name', '=', 'SENA')
      .executeTakeFirstOrThrow()
  ).id;
  adminId = (
    await db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'admin@ruta.example')
      .executeTakeFirstOrThrow()
  ).id;
  const cancilleria = await db
    .selectFrom('organization')
    .select('id')
    .where('short_name', '=', 'Cancillería')
    .executeTakeFirstOrThrow();
  await insertUser(
    db,
    {
      id: uuidv7(),
      organization_id: cancilleria.id,
      email: `gestor.bogota.${unique}@ruta.example`,
      display_name: 'Gestor Bogotá',
      role: 'caseworker',
      password_hash: await hashPassword(TEST_PASSWORD),
    },
    [bogotaId],
  );
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  bogotaCaseworker = (await signIn(app, `gestor.bogota.${unique}@ruta.example`)).session;
});

afterAll(async () => {
  await app.close();
});

async function register(givenName: string, consent: boolean) {
  const person = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: givenName,
      surname1: `Emparejamiento${unique}`,
      populationGroup: 'returnee',
      municipalityCode: '08001',
      acknowledgeDuplicates: true,
    },
  });
  expect(person.statusCode, person.body).toBe(201);
  const personId = person.json().id as string;
  if (consent) {
    const given = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents`,
      payload: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'written' },
    });
    expect(given.statusCode, given.body).toBe(201);
  }
  return personId;
}

const saveProfile = (session: TestSession, personId: string, payload: Record<string, unknown>) =>
  session.request({
    method: 'PUT',
    url: `/api/v1/employment/people/${personId}/job-profile`,
    payload: {
      version: 0,
      ciuoCodes: ['7531'],
      skills: ['Costura'],
      educationLevel: 'media',
      experienceMonths: 24,
      municipalityCode: '08001',
      availability: 'immediate',
      seeking: true,
      ...payload,
    },
  });

/** A vacancy of SENA (acting as an employer here), verified in date unless said otherwise. */
async function vacancy(options: { verified?: boolean; ciuoCode?: string } = {}) {
  const db = database.db;
  if (options.verified !== false) {
    await db
      .insertInto('employer_verification')
      .values({
        id: uuidv7(),
        organization_id: senaId,
        legal_registration: true,
        formal_contracts: true,
        social_security: true,
        minimum_wage_or_more: true,
        safe_conditions: true,
        non_discrimination: true,
        verified_by: adminId,
        verified_at: now,
        valid_until: '2027-06-30',
      })
      .execute();
  }
  const id = uuidv7();
  await db
    .insertInto('vacancy')
    .values({
      id,
      organization_id: senaId,
      title: `Modista ${unique}`,
      ciuo_code: options.ciuoCode ?? '7531',
      required_skills: ['costura', 'patronaje'],
      education_level: 'secondary',
      experience_months: 12,
      municipality_code: '08001',
      contract_type: 'fixed_term',
      monthly_wage: 1_750_905,
      positions: 2,
      opens_on: '2026-12-01',
      posted_by: adminId,
    })
    .execute();
  return id;
}

describe('job profiles', () => {
  it('creates, reads and updates a profile at the version read, refusing stale versions and unknown codes', async () => {
    const personId = await register('Perfil', false);
    const created = await saveProfile(caseworker, personId, {});
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      version: 1,
      ciuoCodes: [{ code: '7531' }],
      municipalityName: 'Barranquilla',
    });
    const stale = await saveProfile(caseworker, personId, { version: 0, skills: ['Corte'] });
    expect(stale.statusCode).toBe(409);
    const unknown = await saveProfile(caseworker, personId, { version: 1, ciuoCodes: ['0000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'ciuoCodes.0' });
    const read = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/people/${personId}/job-profile`,
    });
    expect(read.json().profile).toMatchObject({ version: 1, skills: ['Costura'] });
    // Another office's caseworker, and roles that never work with persons' job profiles, are refused.
    expect(
      (
        await bogotaCaseworker.request({
          method: 'GET',
          url: `/api/v1/employment/people/${personId}/job-profile`,
        })
      ).statusCode,
    ).toBeGreaterThanOrEqual(403);
    expect((await saveProfile(analyst, personId, { version: 1 })).statusCode).toBe(403);
    expect((await saveProfile(partner, personId, { version: 1 })).statusCode).toBe(403);
  });

  it('builds a profile from the latest characterization', async () => {
    const personId = await register('Caracterizada', false);
    const draft = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${personId}/characterization/draft`,
      payload: {
        version: 0,
        answers: {
          education: { level: 'technical' },
          work: { skills: ['Soldadura', 'Lectura de planos'], availability: 'part_time' },
        },
        occupations: [{ ciuoCode: '7212', yearsExperience: 3 }],
      },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const completed = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/characterization/draft/complete`,
      payload: { version: draft.json().version },
    });
    expect(completed.statusCode, completed.body).toBe(201);
    const refreshed = await caseworker.request({
      method: 'POST',
      url: `/api/v1/employment/people/${personId}/job-profile/refresh`,
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json()).toMatchObject({
      ciuoCodes: [{ code: '7212' }],
      skills: ['Soldadura', 'Lectura de planos'],
      educationLevel: 'technical',
      experienceMonths: 36,
      availability: 'part_time',
      municipalityCode: '08001',
      seeking: true,
    });
  });
});

describe('matching', () => {
  it('suggests candidates with their explanation, best first, to staff of their offices', async () => {
    const best = await register('Mejor', true);
    const near = await register('Cercana', false);
    const far = await register('Lejana', true);
    await saveProfile(caseworker, best, { skills: ['Costura', 'Patronaje'] });
    await saveProfile(caseworker, near, { ciuoCodes: ['7533'], skills: ['costura'] });
    await saveProfile(caseworker, far, { ciuoCodes: ['9112'] });
    const vacancyId = await vacancy();
    const response = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${vacancyId}/candidates?limit=200`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.vacancy).toMatchObject({ ciuoCode: '7531', employerVerified: true });
    const ids = body.candidates.map((c: { personId: string }) => c.personId);
    expect(ids).toContain(best);
    expect(ids).toContain(near);
    // A person outside the occupation's family is not suggested.
    expect(ids).not.toContain(far);
    expect(ids.indexOf(best)).toBeLessThan(ids.indexOf(near));
    const top = body.candidates.find((c: { personId: string }) => c.personId === best);
    expect(top.score).toBe(100);
    expect(top.name).toBe(`Mejor Emparejamiento${unique}`);
    const occupation = top.components.find((c: { component: string }) => c.component === 'occupation');
    expect(occupation).toMatchObject({ reason: 'unit_group', points: 35, params: { groupCode: '7531' } });
    expect(occupation.params.groupTitle).toMatch(/sastre/i);
    const nearOne = body.candidates.find((c: { personId: string }) => c.personId === near);
    expect(nearOne.components.find((c: { component: string }) => c.component === 'skills')).toMatchObject({
      params: { matched: ['costura'], missing: ['patronaje'] },
    });
    // Filters: a minimum score leaves out the weaker match.
    const filtered = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${vacancyId}/candidates?limit=200&minScore=95`,
    });
    const filteredIds = filtered.json().candidates.map((c: { personId: string }) => c.personId);
    expect(filteredIds).toContain(best);
    expect(filteredIds).not.toContain(near);
    // Another office's caseworker sees none of this office's people.
    const other = await bogotaCaseworker.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${vacancyId}/candidates?limit=200`,
    });
    expect(other.statusCode).toBe(200);
    expect(other.json().candidates.map((c: { personId: string }) => c.personId)).not.toContain(best);
  });

  it('shows an employer only consenting people, with minimum data, and audits it', async () => {
    const consenting = await register('Consiente', true);
    const notConsenting = await register('Reservada', false);
    await saveProfile(caseworker, consenting, {});
    await saveProfile(caseworker, notConsenting, {});
    const vacancyId = await vacancy();
    const response = await partner.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${vacancyId}/candidates?limit=200`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().consentFiltered).toBe(true);
    const candidates = response.json().candidates as Array<{ personId: string; name: string }>;
    expect(candidates.map((c) => c.personId)).toContain(consenting);
    expect(candidates.map((c) => c.personId)).not.toContain(notConsenting);
    expect(candidates.find((c) => c.personId === consenting)?.name).toBe(`Consiente E.`);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', vacancyId)
      .where('action', '=', 'employment.candidates_shared')
      .execute();
    expect(audited).toHaveLength(1);
    // Revoking the consent takes the person off the employer's list.
    const consents = await caseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${consenting}/consents`,
    });
    const consentId = (consents.json().items ?? consents.json())[0].id as string;
    const revoked = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${consenting}/consents/${consentId}/revoke`,
      payload: {},
    });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    const after = await partner.request({
      method: 'GET',
      url: `/api/v1/employment/vacancies/${vacancyId}/candidates?limit=200`,
    });
    expect(after.json().candidates.map((c: { personId: string }) => c.personId)).not.toContain(consenting);
  });

  it('refuses candidates to roles without access and to another employer', async () => {
    const vacancyId = await vacancy();
    const url = `/api/v1/employment/vacancies/${vacancyId}/candidates`;
    expect((await analyst.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await reception.request({ method: 'GET', url })).statusCode).toBe(403);
    // An employer whose latest verification failed a check receives no candidates; staff still see them, warned.
    const verify = (at: number, nonDiscrimination: boolean) =>
      database.db
        .insertInto('employer_verification')
        .values({
          id: uuidv7(),
          organization_id: senaId,
          legal_registration: true,
          formal_contracts: true,
          social_security: true,
          minimum_wage_or_more: true,
          safe_conditions: true,
          non_discrimination: nonDiscrimination,
          verified_by: adminId,
          verified_at: new Date(now.getTime() + at),
          valid_until: '2027-06-30',
        })
        .execute();
    await verify(60_000, false);
    expect((await partner.request({ method: 'GET', url })).statusCode).toBe(403);
    const staffView = await caseworker.request({ method: 'GET', url });
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json().vacancy.employerVerified).toBe(false);
    await verify(120_000, true);
    expect((await partner.request({ method: 'GET', url })).statusCode).toBe(200);
    const otherOrg = await database.db
      .selectFrom('organization')
      .select('id')
      .where('short_name', '!=', 'SENA')
      .where('kind', '!=', 'government')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('vacancy')
      .set({ organization_id: otherOrg.id })
      .where('id', '=', vacancyId)
      .execute();
    expect((await partner.request({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('suggests open vacancies of verified employers to a person, with the explanation', async () => {
    const personId = await register('Busca', false);
    await saveProfile(caseworker, personId, { skills: ['Costura', 'Patronaje'] });
    const vacancyId = await vacancy();
    const response = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/people/${personId}/vacancies?limit=100`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const suggestion = response
      .json()
      .vacancies.find((v: { vacancyId: string }) => v.vacancyId === vacancyId);
    expect(suggestion).toMatchObject({ score: 100, ciuoCode: '7531', municipalityName: 'Barranquilla' });
    expect(suggestion.components).toHaveLength(6);
    // Asking for suggestions never writes a profile for someone who has none.
    const newcomer = await register('Recien', false);
    const suggested = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/people/${newcomer}/vacancies`,
    });
    expect(suggested.statusCode, suggested.body).toBe(200);
    expect(suggested.json().profile.version).toBe(0);
    const stored = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/people/${newcomer}/job-profile`,
    });
    expect(stored.json().profile).toBeNull();
    // A closed vacancy is not suggested.
    await database.db.updateTable('vacancy').set({ status: 'closed' }).where('id', '=', vacancyId).execute();
    const after = await caseworker.request({
      method: 'GET',
      url: `/api/v1/employment/people/${personId}/vacancies?limit=100`,
    });
    expect(after.json().vacancies.map((v: { vacancyId: string }) => v.vacancyId)).not.toContain(vacancyId);
    // Another office's caseworker, an analyst and a partner are refused.
    for (const session of [bogotaCaseworker, analyst, partner]) {
      const denied = await session.request({
        method: 'GET',
        url: `/api/v1/employment/people/${personId}/vacancies`,
      });
      expect([403, 404]).toContain(denied.statusCode);
    }
  });
});

describe('labour demand', () => {
  it('counts vacancies, positions and seekers per occupation group and municipality, for coordinators', async () => {
    const personId = await register('Oferta', false);
    await saveProfile(caseworker, personId, {});
    await vacancy({ ciuoCode: '7531' });
    const response = await coordinator.request({
      method: 'GET',
      url: '/api/v1/employment/demand?groupBy=occupation',
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = response.json().rows.find((r: { code: string }) => r.code === '75');
    expect(row.openVacancies).toBeGreaterThanOrEqual(1);
    expect(row.positions).toBeGreaterThanOrEqual(2);
    expect(row.seekers).toBeGreaterThanOrEqual(1);
    expect(row.name).toMatch(/\w/);
    const byPlace = await analyst.request({
      method: 'GET',
      url: '/api/v1/employment/demand?groupBy=municipality',
    });
    expect(byPlace.json().rows.find((r: { code: string }) => r.code === '08001').name).toMatch(
      /Barranquilla/,
    );
    const none = await analyst.request({
      method: 'GET',
      url: '/api/v1/employment/demand?groupBy=occupation&from=2030-01-01',
    });
    expect(none.json().totals.openVacancies).toBe(0);
    expect((await caseworker.request({ method: 'GET', url: '/api/v1/employment/demand' })).statusCode).toBe(
      403,
    );
    expect((await partner.request({ method: 'GET', url: '/api/v1/employment/demand' })).statusCode).toBe(403);
    const bad = await coordinator.request({ method: 'GET', url: '/api/v1/employment/demand?groupBy=nada' });
    expect(bad.statusCode).toBe(400);
  });
});
