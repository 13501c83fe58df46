import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, signInFully, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let coordinator: TestSession;
let reception: TestSession;
let partner: TestSession;
let analyst: TestSession;
let admin: TestSession;
let centreId: string;
let airportId: string;
let personId: string;
/** A person registered at the airport and also served by the centre, so reception and the caseworker share them. */
let sharedPersonId: string;
/** A person only the airport serves. */
let airportPersonId: string;

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

async function register(session: TestSession, office: string, givenName1: string, surname1: string) {
  const response = await session.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: office,
      givenName1,
      surname1,
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

const answers = (overrides: Record<string, unknown> = {}) => ({
  education: {
    level: 'media',
    lastGradePassed: 11,
    title: 'Bachiller',
    countryCode: 'VE',
    recognizedInColombia: 'in_process',
  },
  work: {
    skills: ['Mampostería'],
    certifications: [
      { type: 'sena_competency', name: 'Construcción de muros en mampostería', issuer: 'SENA' },
    ],
    languages: [{ language: 'español', level: 'native' }],
    availability: 'immediate',
    incomeSituation: 'informal_work',
  },
  health: { regime: 'subsidiado', eps: 'Mutual Ser', sisbenGroup: 'B' },
  migration: { status: 'ppt', regularization: 'ppt_delivered' },
  lifeProject: 'Tener un taller propio',
  ...overrides,
});

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  centreId = await officeId('Centro Intégrate Barranquilla');
  airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  admin = (await signInFully(app, 'admin@ruta.example')).session;
  personId = await register(caseworker, centreId, 'Caracterizada', 'Prueba Uno');
  sharedPersonId = await register(reception, airportId, 'Compartida', 'Prueba Dos');
  await database.db
    .insertInto('person_office')
    .values({ person_id: sharedPersonId, office_id: centreId })
    .execute();
  airportPersonId = await register(reception, airportId, 'Aeropuerto', 'Prueba Tres');
});
afterAll(() => app.close());

const draftUrl = (id: string) => `/api/v1/persons/${id}/characterization/draft`;

describe('occupations reference (CIUO-08)', () => {
  const search = async (q: string, language = 'es') =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/v1/reference/occupations',
        query: { q },
        headers: { 'accept-language': language },
      })
    ).json().items as Array<{ code: string; title: string; level: number }>;

  it('finds unit groups by words in any order, with or without accents, and by code, without sign-in', async () => {
    expect((await search('albañil'))[0]).toMatchObject({ code: '7112', title: 'Albañiles', level: 4 });
    expect((await search('ALBANILES'))[0]?.code).toBe('7112');
    expect((await search('cocineros'))[0]?.code).toBe('5120');
    expect((await search('taxis conductores')).map((o) => o.code)).toContain('8322');
    expect((await search('enfermeria'))[0]?.code).toBe('2221');
    expect((await search('7112'))[0]).toMatchObject({ code: '7112' });
    expect((await search('bricklayers', 'en'))[0]).toMatchObject({
      code: '7112',
      title: 'Bricklayers and related workers',
    });
    expect(await search('xyzzy')).toEqual([]);
  });
});

describe('characterization drafts and versions', () => {
  it('autosaves a draft with optimistic concurrency and completes it into an audited version', async () => {
    const empty = await caseworker.request({ method: 'GET', url: draftUrl(personId) });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ draft: null, abilities: { update: true, readSensitive: true } });

    const first = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(personId),
      payload: { version: 0, answers: { education: { level: 'primary' } }, occupations: [] },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, answers: { education: { level: 'primary' } } });

    const second = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(personId),
      payload: {
        version: 1,
        answers: answers(),
        occupations: [{ ciuoCode: '7112', yearsExperience: 8 }],
        sensitive: { armedConflictVictim: true },
      },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      version: 2,
      occupations: [{ ciuoCode: '7112', title: 'Albañiles', yearsExperience: 8 }],
    });

    // A second tab still at version 1 is refused with the draft as it is now.
    const stale = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(personId),
      payload: { version: 1, answers: { lifeProject: 'otra cosa' }, occupations: [] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({
      version: 2,
      answers: { lifeProject: 'Tener un taller propio' },
    });

    const completed = await caseworker.request({
      method: 'POST',
      url: `${draftUrl(personId)}/complete`,
      payload: { version: 2 },
    });
    expect(completed.statusCode).toBe(201);
    const summary = completed.json();
    expect(summary.current).toMatchObject({
      number: 1,
      answers: { education: { level: 'media', title: 'Bachiller' }, health: { sisbenGroup: 'B' } },
      occupations: [{ ciuoCode: '7112', yearsExperience: 8 }],
      sensitive: { armedConflictVictim: true },
      completedBy: expect.any(String),
    });
    expect(summary.versions).toHaveLength(1);
    expect(summary.versions[0].changedSections).toEqual(
      expect.arrayContaining(['education', 'work', 'health', 'migration', 'vulnerabilities', 'lifeProject']),
    );
    expect((await caseworker.request({ method: 'GET', url: draftUrl(personId) })).json().draft).toBeNull();

    const entry = await database.db
      .selectFrom('audit_log')
      .select(['changes'])
      .where('action', '=', 'characterization.completed')
      .where('record_id', '=', personId)
      .executeTakeFirstOrThrow();
    const changes = entry.changes as { after: Record<string, unknown> };
    expect(changes.after).toMatchObject({
      'education.level': 'media',
      'work.occupations': ['7112:8'],
      'sensitive.armedConflictVictim': 'recorded',
      version: 1,
    });
  });

  it('keeps every version immutable and lists them newest first with the sections that changed', async () => {
    const start = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(personId),
      payload: {
        version: 0,
        answers: answers({ housing: { situation: 'rented', overcrowded: true } }),
        occupations: [{ ciuoCode: '7112', yearsExperience: 8 }],
        sensitive: { armedConflictVictim: true },
      },
    });
    expect(start.statusCode).toBe(200);
    const completed = await caseworker.request({
      method: 'POST',
      url: `${draftUrl(personId)}/complete`,
      payload: { version: start.json().version },
    });
    expect(completed.statusCode).toBe(201);
    const summary = completed.json();
    expect(summary.current.number).toBe(2);
    expect(summary.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(summary.versions[0].changedSections).toEqual(['housing']);
    const first = await caseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${personId}/characterization/versions/1`,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().answers.housing.situation ?? null).toBeNull();
  });

  it('names each invalid field in the caller’s language', async () => {
    const response = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(personId),
      headers: { 'accept-language': 'en' },
      payload: {
        version: 0,
        answers: { education: { level: 'kinder', lastGradePassed: 20 } },
        occupations: [{ ciuoCode: '71' }],
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'answers.education.level',
        'answers.education.lastGradePassed',
        'occupations.0.ciuoCode',
      ]),
    );
    const unknown = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(personId),
      payload: { version: 0, answers: {}, occupations: [{ ciuoCode: '7119' }, { ciuoCode: '7110' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({
        path: 'occupations.1.ciuoCode',
        message: expect.stringContaining('CIUO-08'),
      }),
    ]);
  });

  it('refuses to complete an empty draft', async () => {
    const other = await register(caseworker, centreId, 'Vacía', 'Prueba Cuatro');
    const saved = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(other),
      payload: { version: 0, answers: {}, occupations: [] },
    });
    const response = await caseworker.request({
      method: 'POST',
      url: `${draftUrl(other)}/complete`,
      payload: { version: saved.json().version },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('answers');
  });
});

describe('who sees what', () => {
  it('hides the sensitive vulnerabilities from reception, keeps them across its versions, and audits sensitive reads', async () => {
    const saved = await caseworker.request({
      method: 'PATCH',
      url: draftUrl(sharedPersonId),
      payload: {
        version: 0,
        answers: answers(),
        occupations: [],
        sensitive: { genderBasedViolenceRisk: true },
      },
    });
    await caseworker.request({
      method: 'POST',
      url: `${draftUrl(sharedPersonId)}/complete`,
      payload: { version: saved.json().version },
    });

    const seen = await reception.request({
      method: 'GET',
      url: `/api/v1/persons/${sharedPersonId}/characterization`,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().current.sensitive).toBeNull();
    expect(seen.json().abilities).toEqual({ update: true, readSensitive: false });
    expect(seen.body).not.toContain('genderBasedViolenceRisk');

    const refused = await reception.request({
      method: 'PATCH',
      url: draftUrl(sharedPersonId),
      payload: { version: 0, answers: answers(), occupations: [], sensitive: { armedConflictVictim: true } },
    });
    expect(refused.statusCode).toBe(403);

    const own = await reception.request({
      method: 'PATCH',
      url: draftUrl(sharedPersonId),
      payload: { version: 0, answers: answers({ lifeProject: 'Volver a estudiar' }), occupations: [] },
    });
    expect(own.statusCode).toBe(200);
    const completed = await reception.request({
      method: 'POST',
      url: `${draftUrl(sharedPersonId)}/complete`,
      payload: { version: own.json().version },
    });
    expect(completed.statusCode).toBe(201);
    expect(completed.json().current.sensitive).toBeNull();

    const before = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'characterization.sensitive_read')
      .where('record_id', '=', sharedPersonId)
      .executeTakeFirstOrThrow();
    const byCaseworker = await caseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${sharedPersonId}/characterization`,
    });
    expect(byCaseworker.json().current).toMatchObject({
      number: 2,
      answers: { lifeProject: 'Volver a estudiar' },
      sensitive: { genderBasedViolenceRisk: true },
    });
    const after = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'characterization.sensitive_read')
      .where('record_id', '=', sharedPersonId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('answers 404 to staff of other offices and 403 to roles that never read persons', async () => {
    const url = `/api/v1/persons/${airportPersonId}/characterization`;
    expect((await caseworker.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await coordinator.request({ method: 'GET', url: draftUrl(airportPersonId) })).statusCode).toBe(
      404,
    );
    for (const session of [partner, analyst, admin]) {
      expect(
        (await session.request({ method: 'GET', url: `/api/v1/persons/${personId}/characterization` }))
          .statusCode,
      ).toBe(403);
      expect(
        (await session.request({ method: 'GET', url: `/api/v1/persons/${personId}/needs` })).statusCode,
      ).toBe(403);
    }
  });
});

describe('needs', () => {
  it('records needs of a person and a household, changes their status at their version, audited', async () => {
    const created = await caseworker.request({
      method: 'POST',
      url: '/api/v1/needs',
      payload: {
        personId,
        dimension: 'productive',
        description: 'Herramientas para trabajar',
        severity: 'high',
      },
    });
    expect(created.statusCode).toBe(201);
    const need = created.json();
    expect(need).toMatchObject({ status: 'identified', severity: 'high', version: 1, officeId: centreId });

    const household = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: { officeId: centreId, members: [{ personId, relationship: 'head' }] },
    });
    const householdNeed = await caseworker.request({
      method: 'POST',
      url: '/api/v1/needs',
      payload: {
        householdId: household.json().id,
        dimension: 'housing_urban',
        description: 'Arriendo atrasado',
        severity: 'critical',
      },
    });
    expect(householdNeed.statusCode).toBe(201);
    const listed = await caseworker.request({
      method: 'GET',
      url: `/api/v1/households/${household.json().id}/needs`,
    });
    expect(listed.json().items.map((n: { id: string }) => n.id)).toEqual([householdNeed.json().id]);

    const moved = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/needs/${need.id}`,
      payload: { version: 1, status: 'in_progress' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const stale = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/needs/${need.id}`,
      payload: { version: 1, status: 'met' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'in_progress', version: 2 });

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('record_id', '=', need.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['need.created', 'need.status_changed']);
    expect(audit[1]?.changes).toEqual({ before: { status: 'identified' }, after: { status: 'in_progress' } });

    const mine = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${personId}/needs` });
    expect(mine.json().items.map((n: { id: string }) => n.id)).toEqual([need.id]);
  });

  it('validates needs and names the fields', async () => {
    const response = await caseworker.request({
      method: 'POST',
      url: '/api/v1/needs',
      payload: { dimension: 'fun', description: '', severity: 'huge' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['dimension', 'description', 'severity']));
    const noSubject = await caseworker.request({
      method: 'POST',
      url: '/api/v1/needs',
      payload: { dimension: 'health', description: 'Control prenatal', severity: 'medium' },
    });
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.json().errors[0]).toMatchObject({
      path: 'personId',
      message: expect.stringContaining('hogar'),
    });
  });

  it('lists the needs of a household and of the current members the caller may read', async () => {
    const household = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: {
        officeId: centreId,
        members: [
          { personId: sharedPersonId, relationship: 'head' },
          {
            personId: await register(caseworker, centreId, 'Miembro', 'Hogar Necesidades'),
            relationship: 'child',
          },
        ],
      },
    });
    expect(household.statusCode).toBe(201);
    const householdId = household.json().id as string;
    const memberId = household
      .json()
      .members.find((m: { relationship: string }) => m.relationship === 'child').personId as string;
    // A member only the airport serves (put there directly: the centre could not add them).
    await database.db
      .insertInto('household_membership')
      .values({
        id: '0190f000-0000-7000-8000-0000000000a1',
        household_id: householdId,
        person_id: airportPersonId,
        relationship: 'other_relative',
      })
      .execute();
    const record = async (session: TestSession, subject: Record<string, string>, description: string) => {
      const response = await session.request({
        method: 'POST',
        url: '/api/v1/needs',
        payload: { ...subject, dimension: 'health', description, severity: 'medium' },
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const ofHousehold = await record(caseworker, { householdId }, 'Mercado del mes');
    const ofHead = await record(caseworker, { personId: sharedPersonId }, 'Cita de control');
    const ofMember = await record(caseworker, { personId: memberId }, 'Vacunas al día');
    await record(reception, { personId: airportPersonId }, 'Solo la ve el aeropuerto');

    const listed = await caseworker.request({
      method: 'GET',
      url: `/api/v1/households/${householdId}/member-needs`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().abilities).toEqual({ create: true });
    expect(listed.json().items.map((n: { id: string }) => n.id)).toEqual([ofMember, ofHead, ofHousehold]);
    expect(listed.json().items[2]).toMatchObject({ householdId, personId: null, dimension: 'health' });

    // A member who leaves takes their needs with them.
    await database.db
      .updateTable('household_membership')
      .set({ left_on: '2026-01-01' })
      .where('person_id', '=', memberId)
      .where('household_id', '=', householdId)
      .execute();
    const after = await caseworker.request({
      method: 'GET',
      url: `/api/v1/households/${householdId}/member-needs`,
    });
    expect(after.json().items.map((n: { id: string }) => n.id)).toEqual([ofHead, ofHousehold]);

    // The airport (another office) does not find the centre's household; other roles are refused.
    expect(
      (await reception.request({ method: 'GET', url: `/api/v1/households/${householdId}/member-needs` }))
        .statusCode,
    ).toBe(404);
    for (const session of [partner, analyst, admin]) {
      expect(
        (await session.request({ method: 'GET', url: `/api/v1/households/${householdId}/member-needs` }))
          .statusCode,
      ).toBe(403);
    }
  });

  it('filters the open needs of an office by severity and status and refuses other values by name', async () => {
    const created = await caseworker.request({
      method: 'POST',
      url: '/api/v1/needs',
      payload: { personId, dimension: 'education', description: 'Cupo escolar', severity: 'critical' },
    });
    await caseworker.request({
      method: 'POST',
      url: '/api/v1/needs',
      payload: { personId, dimension: 'education', description: 'Útiles escolares', severity: 'low' },
    });
    await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/needs/${created.json().id}`,
      payload: { version: 1, status: 'in_progress' },
    });
    const list = async (query: Record<string, string>) =>
      coordinator.request({ method: 'GET', url: `/api/v1/offices/${centreId}/needs`, query });
    const critical = await list({ dimension: 'education', severity: 'critical' });
    expect(critical.json().items.map((n: { description: string }) => n.description)).toEqual([
      'Cupo escolar',
    ]);
    const identified = await list({ dimension: 'education', status: 'identified' });
    expect(identified.json().items.map((n: { description: string }) => n.description)).toEqual([
      'Útiles escolares',
    ]);
    const inProgress = await list({ dimension: 'education', status: 'in_progress', severity: 'low' });
    expect(inProgress.json().items).toEqual([]);
    const wrong = await coordinator.request({
      method: 'GET',
      url: `/api/v1/offices/${centreId}/needs`,
      query: { status: 'met', severity: 'huge' },
      headers: { 'accept-language': 'en' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['severity', 'status']);
  });

  it('lists the open needs of an office for its coordinators only, paginated', async () => {
    for (const severity of ['low', 'medium', 'critical']) {
      await caseworker.request({
        method: 'POST',
        url: '/api/v1/needs',
        payload: { personId, dimension: 'legal_documentation', description: `Trámite ${severity}`, severity },
      });
    }
    const page = await coordinator.request({
      method: 'GET',
      url: `/api/v1/offices/${centreId}/needs`,
      query: { dimension: 'legal_documentation', limit: '2' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().items[0]).toMatchObject({
      subjectName: 'Caracterizada Prueba Uno',
      status: 'identified',
    });
    const next = await coordinator.request({
      method: 'GET',
      url: `/api/v1/offices/${centreId}/needs`,
      query: { dimension: 'legal_documentation', limit: '2', cursor: page.json().nextCursor },
    });
    expect(next.json().items.map((n: { description: string }) => n.description)).toEqual([
      'Trámite critical',
    ]);
    expect(next.json().nextCursor).toBeNull();
    expect(
      (await caseworker.request({ method: 'GET', url: `/api/v1/offices/${centreId}/needs` })).statusCode,
    ).toBe(403);
    expect(
      (await coordinator.request({ method: 'GET', url: `/api/v1/offices/${airportId}/needs` })).statusCode,
    ).toBe(403);
  });
});
