import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let centreId: string;

async function register(payload: Record<string, unknown>) {
  const response = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
      ...payload,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

const get = (id: string) => caseworker.request({ method: 'GET', url: `/api/v1/persons/${id}` });

async function pairToMerge(givenName: string, ppt: string, cc: string) {
  const survivor = await register({
    givenName1: givenName,
    surname1: 'Rondón',
    phone: '300 555 0101',
    documents: [{ type: 'CC', number: cc }],
  });
  const other = await register({
    givenName1: givenName,
    surname1: 'Rondon',
    surname2: 'Silva',
    birthDate: '1987-12-01',
    documents: [{ type: 'PPT', number: ppt }],
  });
  for (const [person, purpose] of [
    [survivor.id, 'assistance'],
    [other.id, 'assistance'],
    [other.id, 'sharing_with_partners'],
  ] as const) {
    await caseworker.request({
      method: 'POST',
      url: `/api/v1/persons/${person}/consents`,
      payload: { purpose, givenBy: 'self', method: 'written' },
    });
  }
  const household = await caseworker.request({
    method: 'POST',
    url: '/api/v1/households',
    payload: { officeId: centreId, members: [{ personId: other.id, relationship: 'head' }] },
  });
  return { survivor, other, householdId: household.json().id as string };
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

describe('merging two records of one person', () => {
  it('takes the chosen fields, moves documents, consents and household, and keeps the old id resolving', async () => {
    const { survivor, other, householdId } = await pairToMerge('Yorman', '7788990', '80123456');
    const response = await caseworker.request({
      method: 'POST',
      url: '/api/v1/person-merges',
      payload: {
        survivorId: survivor.id,
        mergedId: other.id,
        survivorVersion: survivor.version + 0,
        mergedVersion: other.version,
        takeFromMerged: ['surname2', 'birthDate'],
      },
    });
    expect(response.statusCode, response.body).toBe(201);

    const merged = (await get(survivor.id)).json();
    expect(merged).toMatchObject({
      displayName: 'Yorman Rondón Silva',
      birthDate: '1987-12-01',
      phone: '+573005550101',
    });
    expect(merged.documents.map((d: { type: string }) => d.type).sort()).toEqual(['CC', 'PPT']);

    const gone = await get(other.id);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().mergedInto).toBe(survivor.id);

    const byOldDocument = (
      await caseworker.request({ method: 'GET', url: '/api/v1/persons', query: { q: '7788990' } })
    ).json();
    expect(byOldDocument.items.map((p: { id: string }) => p.id)).toEqual([survivor.id]);

    const consents = (
      await caseworker.request({ method: 'GET', url: `/api/v1/persons/${survivor.id}/consents` })
    ).json().items;
    const current = consents
      .filter((c: { revokedAt: string | null }) => !c.revokedAt)
      .map((c: { purpose: string }) => c.purpose);
    expect(current.sort()).toEqual(['assistance', 'sharing_with_partners']);

    const household = (
      await caseworker.request({ method: 'GET', url: `/api/v1/households/${householdId}` })
    ).json();
    expect(household.members.map((m: { personId: string }) => m.personId)).toEqual([survivor.id]);
  });

  it('can be undone, restoring both records exactly', async () => {
    const { survivor, other, householdId } = await pairToMerge('Daniela', '5566778', '80987654');
    const merge = (
      await caseworker.request({
        method: 'POST',
        url: '/api/v1/person-merges',
        payload: {
          survivorId: survivor.id,
          mergedId: other.id,
          survivorVersion: survivor.version,
          mergedVersion: other.version,
          takeFromMerged: ['surname1', 'surname2'],
        },
      })
    ).json();
    const undone = await caseworker.request({
      method: 'POST',
      url: `/api/v1/person-merges/${merge.mergeId}/undo`,
    });
    expect(undone.statusCode, undone.body).toBe(200);

    const restoredSurvivor = (await get(survivor.id)).json();
    expect(restoredSurvivor).toMatchObject({ displayName: 'Daniela Rondón', birthDate: null });
    expect(restoredSurvivor.documents.map((d: { type: string }) => d.type)).toEqual(['CC']);
    const restoredOther = await get(other.id);
    expect(restoredOther.statusCode).toBe(200);
    expect(restoredOther.json().documents.map((d: { type: string }) => d.type)).toEqual(['PPT']);
    const otherConsents = (
      await caseworker.request({ method: 'GET', url: `/api/v1/persons/${other.id}/consents` })
    ).json().items;
    expect(otherConsents.filter((c: { revokedAt: string | null }) => !c.revokedAt)).toHaveLength(2);
    const household = (
      await caseworker.request({ method: 'GET', url: `/api/v1/households/${householdId}` })
    ).json();
    expect(household.members.map((m: { personId: string }) => m.personId)).toEqual([other.id]);

    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', survivor.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['person.merged', 'person.merge_undone']),
    );
  });

  it('refuses to undo once the surviving record has changed', async () => {
    const { survivor, other } = await pairToMerge('Wilmer', '3344556', '80555444');
    const merge = (
      await caseworker.request({
        method: 'POST',
        url: '/api/v1/person-merges',
        payload: {
          survivorId: survivor.id,
          mergedId: other.id,
          survivorVersion: survivor.version,
          mergedVersion: other.version,
        },
      })
    ).json();
    const current = (await get(survivor.id)).json();
    await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/persons/${survivor.id}`,
      payload: { version: current.version, preferredName: 'Wil' },
    });
    expect(
      (await caseworker.request({ method: 'POST', url: `/api/v1/person-merges/${merge.mergeId}/undo` }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses stale versions and callers from other offices', async () => {
    const { survivor, other } = await pairToMerge('Keiber', '1122334', '80111222');
    const stale = await caseworker.request({
      method: 'POST',
      url: '/api/v1/person-merges',
      payload: {
        survivorId: survivor.id,
        mergedId: other.id,
        survivorVersion: survivor.version + 5,
        mergedVersion: other.version,
      },
    });
    expect(stale.statusCode).toBe(409);
    const { session: reception } = await signIn(app, 'recepcion@ruta.example');
    const outsider = await reception.request({
      method: 'POST',
      url: '/api/v1/person-merges',
      payload: {
        survivorId: survivor.id,
        mergedId: other.id,
        survivorVersion: survivor.version,
        mergedVersion: other.version,
      },
    });
    expect(outsider.statusCode).toBe(404);
  });
});
