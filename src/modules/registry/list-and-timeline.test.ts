import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, signInFully, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let reception: TestSession;
let otherCaseworker: TestSession;
let centreId: string;
let airportId: string;

async function officeId(name: string) {
  return (
    await database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

/** A year of birth that makes the person `age` today (birthday on 1 January). */
const bornYearsAgo = (age: number) => `${new Date().getUTCFullYear() - age - 1}-07-01`;

async function register(payload: Record<string, unknown>) {
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: { officeId: centreId, acknowledgeDuplicates: true, ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

interface Listed {
  id: string;
  displayName: string;
  populationGroup: string;
}

async function list(session: TestSession, query: Record<string, string>) {
  const response = await session.request({ method: 'GET', url: '/api/v1/persons', query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Listed[]; nextCursor: number | null };
}

let ana: string;
let bruno: string;
let carla: string;

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  centreId = await officeId('Centro Intégrate Barranquilla');
  airportId = await officeId('Puesto de control migratorio – Aeropuerto El Dorado');
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;

  // A caseworker of another office, created as an administrator would.
  const { session: admin } = await signInFully(app, 'admin@ruta.example');
  const network = (await admin.request({ method: 'GET', url: '/api/v1/network' })).json();
  const created = await admin.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email: 'gestora.aeropuerto@ruta.example',
      displayName: 'Gestora del aeropuerto',
      role: 'caseworker',
      organizationId: network.offices.find((o: { id: string }) => o.id === airportId).organizationId,
      officeIds: [airportId],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const temporary = created.json().temporaryPassword as string;
  const { session } = await signIn(app, 'gestora.aeropuerto@ruta.example', temporary);
  const changed = await session.request({
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { currentPassword: temporary, newPassword: 'otra frase larga del aeropuerto' },
  });
  expect(changed.statusCode, changed.body).toBe(204);
  otherCaseworker = (await signIn(app, 'gestora.aeropuerto@ruta.example', 'otra frase larga del aeropuerto'))
    .session;

  ana = (
    await register({
      givenName1: 'Ana',
      surname1: 'Listado',
      surname2: 'Primera',
      sexAtBirth: 'female',
      birthDate: bornYearsAgo(30),
      populationGroup: 'returnee',
      municipalityCode: '08001',
    })
  ).id;
  bruno = (
    await register({
      givenName1: 'Bruno',
      surname1: 'Listado',
      surname2: 'Segundo',
      sexAtBirth: 'male',
      birthDate: bornYearsAgo(8),
      populationGroup: 'venezuelan_migrant',
      municipalityCode: '08758',
    })
  ).id;
  carla = (
    await register({
      givenName1: 'Carla',
      surname1: 'Listado',
      surname2: 'Tercera',
      sexAtBirth: 'female',
      birthDate: bornYearsAgo(65),
      populationGroup: 'venezuelan_migrant',
      municipalityCode: '08001',
    })
  ).id;
});
afterAll(() => app.close());

describe('listing persons without a query', () => {
  it('lists the persons of the caller’s offices, most recently registered first, page by page', async () => {
    const first = await list(caseworker, { limit: '2' });
    expect(first.items.map((p) => p.id)).toEqual([carla, bruno]);
    expect(first.nextCursor).toBe(2);
    const second = await list(caseworker, { limit: '2', cursor: String(first.nextCursor) });
    expect(second.items.map((p) => p.id)).toEqual([ana]);
    expect(second.nextCursor).toBeNull();
    expect((await list(reception, {})).items).toEqual([]);
  });

  it('filters by population group, sex, municipality and age', async () => {
    const ids = async (query: Record<string, string>) =>
      (await list(caseworker, query)).items.map((p) => p.id);
    expect(await ids({ populationGroup: 'venezuelan_migrant' })).toEqual([carla, bruno]);
    expect(await ids({ sexAtBirth: 'female' })).toEqual([carla, ana]);
    expect(await ids({ municipalityCode: '08001' })).toEqual([carla, ana]);
    expect(await ids({ ageFrom: '18', ageTo: '59' })).toEqual([ana]);
    expect(await ids({ ageTo: '17' })).toEqual([bruno]);
    expect(await ids({ ageFrom: '60' })).toEqual([carla]);
    expect(await ids({ populationGroup: 'venezuelan_migrant', sexAtBirth: 'female' })).toEqual([carla]);
    expect(await ids({ officeId: centreId, populationGroup: 'returnee' })).toEqual([ana]);
  });

  it('applies the filters to a name search too, keeping the ranking', async () => {
    const found = await list(caseworker, { q: 'Listado Carla', populationGroup: 'venezuelan_migrant' });
    expect(found.items[0]?.id).toBe(carla);
    expect(found.items.map((p) => p.id)).not.toContain(ana);
  });

  it('refuses to list an office the caller does not work in', async () => {
    const response = await caseworker.request({
      method: 'GET',
      url: '/api/v1/persons',
      query: { officeId: airportId },
    });
    expect(response.statusCode).toBe(403);
  });

  it('names each invalid filter in the caller’s language', async () => {
    const response = await caseworker.request({
      method: 'GET',
      url: '/api/v1/persons',
      query: { ageFrom: '40', ageTo: '20', populationGroup: 'tourist', municipalityCode: '8001' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = response.json().errors as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path).sort()).toEqual(['municipalityCode', 'populationGroup']);
    expect(errors.find((e) => e.path === 'municipalityCode')?.message).toBe(
      'Use el código DIVIPOLA de cinco dígitos del municipio.',
    );
    const range = await caseworker.request({
      method: 'GET',
      url: '/api/v1/persons',
      query: { ageFrom: '40', ageTo: '20' },
      headers: { 'accept-language': 'en' },
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().errors).toEqual([
      { in: 'querystring', path: 'ageTo', message: 'The maximum age cannot be lower than the minimum age.' },
    ]);
  });

  it('treats an empty query as no query, and still refuses a one-letter one', async () => {
    expect((await list(caseworker, { q: '  ', limit: '1' })).items.map((p) => p.id)).toEqual([carla]);
    const response = await caseworker.request({ method: 'GET', url: '/api/v1/persons', query: { q: 'a' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('q');
  });
});

interface TimelineEntry {
  id: string;
  kind: string;
  action: string;
  actor: { name: string | null; role: string | null };
  fields: Array<{ field: string; sensitive: boolean; before: unknown; after: unknown }>;
  documents: Array<{ type: string; number: string }>;
  consent: { purpose: string } | null;
  household: { id: string; relationship: string | null } | null;
  merge: { mergeId: string | null; otherPersonId: string | null } | null;
}

async function timeline(session: TestSession, id: string, query: Record<string, string> = {}) {
  const response = await session.request({ method: 'GET', url: `/api/v1/persons/${id}/timeline`, query });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: TimelineEntry[]; nextCursor: string | null };
}

describe('a person’s timeline', () => {
  let personId: string;
  let householdId: string;

  beforeAll(async () => {
    const person = await register({
      givenName1: 'Tomás',
      surname1: 'Historia',
      populationGroup: 'returnee',
      birthDate: '1980-05-05',
      documents: [{ type: 'CC', number: '80.123.456' }],
    });
    personId = person.id;
    const updated = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${personId}`,
      payload: { version: person.version, preferredName: 'Tomi', ethnicGroup: 'raizal' },
    });
    expect(updated.statusCode).toBe(200);
    const consent = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents`,
      payload: { purpose: 'contact', givenBy: 'self', method: 'verbal' },
    });
    await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents/${consent.json().id}/revoke`,
    });
    const household = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: { officeId: centreId, members: [{ personId, relationship: 'head' }] },
    });
    householdId = household.json().id;
    await caseworker.request({ method: 'GET', url: `/api/v1/persons/${personId}` });
    // Someone else's household event must not show up.
    await caseworker.request({
      method: 'POST',
      url: `/api/v1/households/${householdId}/members`,
      payload: { personId: ana, relationship: 'spouse' },
    });
    await caseworker.request({
      method: 'DELETE',
      url: `/api/v1/households/${householdId}/members/${personId}`,
    });
  });

  it('lists the households the person lived in, with the relationship', async () => {
    const response = await caseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${personId}/households`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { householdId, relationship: 'head', joinedOn: expect.any(String), leftOn: expect.any(String) },
    ]);
    const hidden = await otherCaseworker.request({
      method: 'GET',
      url: `/api/v1/persons/${personId}/households`,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('tells what happened, newest first, with who did it', async () => {
    const { items } = await timeline(caseworker, personId);
    expect(items.map((entry) => entry.kind)).toEqual([
      'leftHousehold',
      'joinedHousehold',
      'consentRevoked',
      'consentGiven',
      'updated',
      'registered',
    ]);
    expect(items.at(-1)).toMatchObject({
      actor: { name: 'Andrés Pérez (gestor de caso)', role: 'caseworker' },
      documents: [{ type: 'CC', number: '80123456' }],
    });
    expect(items[0]?.household).toEqual({ id: householdId, relationship: 'head' });
    expect(items[1]?.household).toEqual({ id: householdId, relationship: 'head' });
    expect(items[2]?.consent).toMatchObject({ purpose: 'contact' });
  });

  it('names the fields changed, and never the values of sensitive ones', async () => {
    const { items } = await timeline(caseworker, personId);
    const update = items.find((entry) => entry.kind === 'updated');
    expect(update?.fields).toEqual([
      { field: 'preferredName', sensitive: false, before: null, after: 'Tomi' },
      { field: 'ethnicGroup', sensitive: true, before: null, after: null },
    ]);
    expect(JSON.stringify(items)).not.toContain('raizal');
  });

  it('pages with a cursor without skipping or repeating an entry', async () => {
    const all = (await timeline(caseworker, personId)).items.map((entry) => entry.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: TimelineEntry[]; nextCursor: string | null } = await timeline(
        caseworker,
        personId,
        {
          limit: '4',
          ...(cursor ? { cursor } : {}),
        },
      );
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('shows who read the sensitive data only when asked, and only to those who may read it', async () => {
    expect((await timeline(caseworker, personId)).items.map((e) => e.kind)).not.toContain('sensitiveRead');
    const withReads = await timeline(caseworker, personId, { includeReads: 'true' });
    expect(withReads.items.find((e) => e.kind === 'sensitiveRead')?.actor.role).toBe('caseworker');
  });

  it('is hidden from staff of other offices (404) and refused to roles that never read persons (403)', async () => {
    for (const session of [otherCaseworker, reception]) {
      const response = await session.request({ method: 'GET', url: `/api/v1/persons/${personId}/timeline` });
      expect(response.statusCode).toBe(404);
    }
    for (const email of ['analista@ruta.example', 'enlace.sena@ruta.example']) {
      const { session } = await signIn(app, email);
      const response = await session.request({ method: 'GET', url: `/api/v1/persons/${personId}/timeline` });
      expect(response.statusCode).toBe(403);
    }
    const unknown = await caseworker.request({
      method: 'GET',
      url: '/api/v1/persons/00000000-0000-7000-8000-000000000001/timeline',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('shows a merge on the survivor, with the documents it brought, and 410 on the merged id', async () => {
    const survivor = await register({
      givenName1: 'Fusión',
      surname1: 'Superviviente',
      populationGroup: 'other',
    });
    const merged = await register({
      givenName1: 'Fusion',
      surname1: 'Superviviente',
      populationGroup: 'other',
      documents: [{ type: 'PPT', number: '7654321' }],
    });
    const response = await caseworker.request({
      method: 'POST',
      url: '/api/v1/person-merges',
      payload: {
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
        takeFromMerged: ['givenName1'],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { items } = await timeline(caseworker, survivor.id);
    expect(items[0]).toMatchObject({
      kind: 'merged',
      merge: { mergeId: response.json().mergeId, otherPersonId: merged.id },
      fields: [{ field: 'givenName1', before: 'Fusión', after: 'Fusion' }],
      documents: [{ type: 'PPT', number: '7654321' }],
    });
    const gone = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${merged.id}/timeline` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().mergedInto).toBe(survivor.id);
  });
});
