import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { colombianDate } from '../../domain/calendar';
import { addDays } from '../../domain/registry/maternity';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let reception: TestSession;
let centreId: string;
let airportId: string;
const today = colombianDate(new Date());

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

async function register(givenName1: string, extra: Record<string, unknown> = {}) {
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1,
      surname1: 'Gestación',
      surname2: 'Lactancia',
      birthDate: '1996-07-19',
      sexAtBirth: 'female',
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
      ...extra,
    },
  });
  return response;
}

async function registered(givenName1: string, extra: Record<string, unknown> = {}) {
  const response = await register(givenName1, extra);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; sensitive: { maternity: unknown } | null };
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  centreId = await officeId('Centro Intégrate Barranquilla');
  airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
});
afterAll(() => app.close());

describe('pregnancy and lactation on a person', () => {
  it('is recorded at registration with who and when, read back, and audited', async () => {
    const due = addDays(today, 90);
    const person = await registered('Yuleidy', {
      maternity: { status: 'pregnant', until: due, untilEstimated: true },
    });
    expect(person.sensitive?.maternity).toMatchObject({
      status: 'pregnant',
      since: null,
      until: due,
      untilEstimated: true,
      current: true,
      recordedAt: expect.any(String),
      recordedBy: expect.any(String),
    });
    const read = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${person.id}` });
    expect(read.json().sensitive.maternity).toMatchObject({ status: 'pregnant', until: due });
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', person.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['person.registered', 'person.sensitive_read']),
    );
  });

  it('is changed at the version read: the change is audited, a stale version gets 409', async () => {
    const person = await registered('Daniela');
    const childBirth = addDays(today, -60);
    const updated = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${person.id}`,
      payload: { version: person.version, maternity: { status: 'lactating', since: childBirth } },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().sensitive.maternity).toMatchObject({
      status: 'lactating',
      since: childBirth,
      until: null,
      current: true,
    });
    const stale = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${person.id}`,
      payload: { version: person.version, maternity: null },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.sensitive.maternity).toMatchObject({ status: 'lactating' });

    const change = await database.db
      .selectFrom('audit_log')
      .select('changes')
      .where('record_id', '=', person.id)
      .where('action', '=', 'person.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(change.changes)).toContain('"maternity_status":"lactating"');
    const timeline = await caseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${person.id}/timeline`,
    });
    const entry = timeline.json().items.find((item: { kind: string }) => item.kind === 'updated');
    expect(entry.fields).toEqual([{ field: 'maternity', sensitive: true, before: null, after: null }]);

    const cleared = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${person.id}`,
      payload: { version: updated.json().version, maternity: null },
    });
    expect(cleared.json().sensitive.maternity).toBeNull();
  });

  it('is refused, naming the field in the caller’s language, for a man by sex at birth', async () => {
    const man = await register('Jhon', {
      sexAtBirth: 'male',
      maternity: { status: 'pregnant', until: addDays(today, 30) },
    });
    expect(man.statusCode).toBe(400);
    expect(man.headers['content-type']).toContain('application/problem+json');
    expect(man.json().errors).toEqual([
      {
        in: 'body',
        path: 'maternity.status',
        message: 'La gestación y la lactancia solo se registran para personas de sexo femenino al nacer.',
      },
    ]);
    const english = await caseworker.request({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { 'accept-language': 'en' },
      payload: {
        officeId: centreId,
        givenName1: 'Jhon',
        surname1: 'Gestación',
        populationGroup: 'host_community',
        acknowledgeDuplicates: true,
        maternity: { status: 'lactating', since: addDays(today, -30) },
      },
    });
    expect(english.json().errors).toEqual([
      {
        in: 'body',
        path: 'maternity.status',
        message: 'Pregnancy and breastfeeding are recorded only for persons whose sex at birth is female.',
      },
    ]);

    // Changing the sex at birth of a woman with a recorded pregnancy names that field instead.
    const woman = await registered('Marisol', {
      maternity: { status: 'pregnant', until: addDays(today, 100) },
    });
    const changed = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${woman.id}`,
      payload: { version: woman.version, sexAtBirth: 'male' },
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors[0].path).toBe('sexAtBirth');
  });

  it('refuses impossible dates', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { status: 'pregnant' },
        'maternity.until',
        'Escriba la fecha probable de parto (puede ser aproximada).',
      ],
      [
        { status: 'pregnant', until: addDays(today, 400) },
        'maternity.until',
        'La fecha probable de parto no puede ser más de 10 meses después de hoy.',
      ],
      [
        { status: 'pregnant', until: addDays(today, -45) },
        'maternity.until',
        'La fecha probable de parto pasó hace más de 30 días. Si ya nació el bebé, registre la lactancia.',
      ],
      [
        { status: 'lactating', since: addDays(today, 5) },
        'maternity.since',
        'Esta fecha no puede ser posterior a hoy.',
      ],
      [
        { status: 'lactating', since: addDays(today, -40), until: addDays(today, -50) },
        'maternity.until',
        'La fecha final no puede ser anterior a la inicial.',
      ],
      [{ status: 'lactating', since: '2026-02-30' }, 'maternity.since', ''],
    ];
    for (const [maternity, path, message] of cases) {
      const response = await register('Fecha', { maternity });
      expect(response.statusCode, JSON.stringify(maternity)).toBe(400);
      const error = response.json().errors[0];
      expect(error.path).toBe(path);
      if (message) expect(error.message).toBe(message);
    }
  });

  it('counts in the household composition while it applies', async () => {
    const pregnant = await registered('Karen', {
      maternity: { status: 'pregnant', until: addDays(today, 20) },
    });
    const lactating = await registered('Leidy', {
      maternity: { status: 'lactating', since: addDays(today, -200) },
    });
    const ended = await registered('Nubia', {
      maternity: { status: 'pregnant', until: addDays(today, -25) },
    });
    await database.db
      .updateTable('person')
      .set({ maternity_until: addDays(today, -31) })
      .where('id', '=', ended.id)
      .execute();
    const created = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: {
        officeId: centreId,
        members: [
          { personId: pregnant.id, relationship: 'head' },
          { personId: lactating.id, relationship: 'sibling' },
          { personId: ended.id, relationship: 'other_relative' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().composition).toMatchObject({ members: 3, pregnantOrLactating: 2 });
  });
});

describe('who sees it (health data, Ley 1581 art. 5)', () => {
  it('is withheld from reception officers, who may not record it either', async () => {
    const person = await registered('Maryuri', {
      maternity: { status: 'pregnant', until: addDays(today, 60) },
    });
    // She is also served at the airport post, so reception reads her record.
    await database.db
      .insertInto('person_office')
      .values({ person_id: person.id, office_id: airportId })
      .execute();
    const read = await reception.request({ method: 'GET', url: `/api/v1/persons/${person.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().sensitive).toBeNull();
    expect(read.body).not.toContain('pregnant');

    const write = await reception.request({
      method: 'PATCH',
      url: `/api/v1/persons/${person.id}`,
      payload: { version: read.json().version, maternity: null },
    });
    expect(write.statusCode).toBe(403);
    const atRegistration = await reception.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        officeId: airportId,
        givenName1: 'Maryuri',
        surname1: 'Aeropuerto',
        sexAtBirth: 'female',
        populationGroup: 'returnee',
        acknowledgeDuplicates: true,
        maternity: { status: 'pregnant', until: addDays(today, 60) },
      },
    });
    expect(atRegistration.statusCode).toBe(403);

    const household = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: { officeId: airportId, members: [{ personId: person.id, relationship: 'head' }] },
    });
    expect(household.statusCode).toBe(403);
  });

  it('reaches neither partner focal points nor analysts', async () => {
    const person = await registered('Sulay', {
      maternity: { status: 'pregnant', until: addDays(today, 45) },
    });
    for (const email of ['enlace.sena@ruta.example', 'analista@ruta.example']) {
      const { session } = await signIn(app, email);
      const read = await session.request({ method: 'GET', url: `/api/v1/persons/${person.id}` });
      expect([403, 404]).toContain(read.statusCode);
      expect(read.body).not.toContain('pregnant');
    }
  });

  it('hides the household count from reception officers', async () => {
    const person = await registered('Wendy', {
      maternity: { status: 'pregnant', until: addDays(today, 45) },
    });
    const created = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: { officeId: centreId, members: [{ personId: person.id, relationship: 'head' }] },
    });
    expect(created.json().composition.pregnantOrLactating).toBe(1);
    await database.db
      .updateTable('household')
      .set({ registered_office_id: airportId })
      .where('id', '=', created.json().id)
      .execute();
    const read = await reception.request({ method: 'GET', url: `/api/v1/households/${created.json().id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().composition).toMatchObject({ members: 1, pregnantOrLactating: null });
  });
});
