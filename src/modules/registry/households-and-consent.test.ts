import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let centreId: string;

async function register(givenName1: string, birthDate: string | null, extra: Record<string, unknown> = {}) {
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1,
      surname1: 'Hernández',
      surname2: givenName1 === 'Carmen' ? 'Rivas' : 'Castillo',
      birthDate,
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
      ...extra,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  centreId = (
    await database.db
      .selectFrom('office')
      .select('id')
      .where('name', '=', 'Centro Intégrate Barranquilla')
      .executeTakeFirstOrThrow()
  ).id;
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
});
afterAll(() => app.close());

describe('households', () => {
  it('derives the composition from the members and keeps history when someone moves', async () => {
    const mother = await register('Carmen', '1988-04-02');
    const child = await register('Valentina', '2023-02-14');
    const grandfather = await register('Ramón', '1955-10-30', { disability: { walking: 3 } });
    const created = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: {
        officeId: centreId,
        municipalityCode: '08001',
        neighbourhood: 'La Chinita',
        members: [
          { personId: mother, relationship: 'head' },
          { personId: child, relationship: 'child' },
          { personId: grandfather, relationship: 'parent' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const household = created.json();
    expect(household.composition).toEqual({
      members: 3,
      childrenUnder5: 1,
      schoolAge: 0,
      olderAdults: 1,
      withDisability: 1,
      unknownAge: 0,
      pregnantOrLactating: 0,
    });

    const other = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: {
        officeId: centreId,
        members: [{ personId: await register('Luis', '1992-01-01'), relationship: 'head' }],
      },
    });
    const moved = await caseworker.request({
      method: 'POST',
      url: `/api/v1/households/${other.json().id}/members`,
      payload: { personId: grandfather, relationship: 'other_relative' },
    });
    expect(moved.json().members.map((m: { personId: string }) => m.personId)).toContain(grandfather);
    const first = (
      await caseworker.request({ method: 'GET', url: `/api/v1/households/${household.id}` })
    ).json();
    expect(first.members).toHaveLength(2);
    expect(first.formerMembers).toEqual([
      expect.objectContaining({ personId: grandfather, relationship: 'parent' }),
    ]);
    expect(first.composition.olderAdults).toBe(0);
  });

  it('requires exactly one head', async () => {
    const response = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: {
        officeId: centreId,
        members: [{ personId: await register('Pedro', null), relationship: 'child' }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'members' });
  });

  it('is hidden from staff of other offices', async () => {
    const head = await register('Sofía', '1999-12-12');
    const household = await caseworker.request({
      method: 'POST',
      url: '/api/v1/households',
      payload: { officeId: centreId, members: [{ personId: head, relationship: 'head' }] },
    });
    const { session: reception } = await signIn(app, 'recepcion@ruta.example');
    expect(
      (await reception.request({ method: 'GET', url: `/api/v1/households/${household.json().id}` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('consent', () => {
  it('records who gave it and how, one current per purpose, and stops when revoked', async () => {
    const person = await register('Andrea', '1995-05-05');
    const granted = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${person}/consents`,
      payload: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'written' },
    });
    expect(granted.statusCode).toBe(201);
    const again = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${person}/consents`,
      payload: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'verbal' },
    });
    expect(again.statusCode).toBe(409);
    const revoked = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${person}/consents/${granted.json().id}/revoke`,
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    const list = (
      await caseworker.request({ method: 'GET', url: `/api/v1/persons/${person}/consents` })
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({ purpose: 'sharing_with_partners', revokedAt: expect.any(String) }),
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', person)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['consent.recorded', 'consent.revoked']),
    );
  });

  it('asks for a guardian for a minor', async () => {
    const minor = await register('Mateo', '2015-08-20');
    const self = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${minor}/consents`,
      payload: { purpose: 'assistance', givenBy: 'self', method: 'verbal' },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({ path: 'givenBy' });
    const guardian = await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${minor}/consents`,
      payload: {
        purpose: 'assistance',
        givenBy: 'guardian',
        guardianName: 'Carmen Hernández',
        method: 'written',
      },
    });
    expect(guardian.statusCode).toBe(201);
    expect(guardian.json()).toMatchObject({ givenBy: 'guardian', guardianName: 'Carmen Hernández' });
  });
});
