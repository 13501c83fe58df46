import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { SHIPPED_INSTRUMENTS } from '../../domain/assessment/shipped';
import { signIn, signInFully, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let coordinator: TestSession;
let reception: TestSession;
let analyst: TestSession;
let partner: TestSession;
let admin: TestSession;
let centreId: string;
let householdId: string;
let personId: string;

const household = SHIPPED_INSTRUMENTS[0];
const allAnswers = (pick: 'best' | 'worst') => {
  const instrument = household as NonNullable<typeof household>;
  return Object.fromEntries(
    instrument.dimensions.flatMap((d) =>
      d.questions.map((q) => {
        const scored = (instrument.scales.find((s) => s.id === q.scale)?.options ?? [])
          .filter((o) => o.score !== undefined)
          .sort((a, b) => (a.score as number) - (b.score as number));
        return [q.id, (pick === 'best' ? scored[scored.length - 1] : scored[0])?.value as string];
      }),
    ),
  );
};

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
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  partner = (await signIn(app, 'enlace.sena@ruta.example')).session;
  admin = (await signInFully(app, 'admin@ruta.example')).session;
  const person = await caseworker.request({
    method: 'POST',
    url: '/api/v1/persons',
    payload: {
      officeId: centreId,
      givenName1: 'Yusmary',
      surname1: 'Índice',
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
    },
  });
  personId = person.json().id;
  const created = await caseworker.request({
    method: 'POST',
    url: '/api/v1/households',
    payload: { officeId: centreId, members: [{ personId, relationship: 'head' }] },
  });
  householdId = created.json().id;
});
afterAll(() => app.close());

async function start(session: TestSession, subjectType = 'household', subjectId = householdId) {
  return session.request({ method: 'POST', url: '/api/v1/assessments', payload: { subjectType, subjectId } });
}

describe('instruments', () => {
  it('ships the household and the IPL-12-shaped person instruments, active', async () => {
    const response = await caseworker.request({ method: 'GET', url: '/api/v1/assessment-instruments' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((i: { key: string }) => i.key).sort()).toEqual([
      'hogar_integracion',
      'persona_ipl12',
    ]);
    expect(body.items[0].versions[0].status).toBe('active');
    expect(body.abilities.manage).toBe(false);
  });

  it('lets the administrator import an instrument from JSON and a new version that supersedes the first', async () => {
    const definition = {
      key: 'sostenibilidad_reintegracion',
      name: { es: 'Sostenibilidad de la reintegración', en: 'Reintegration sustainability' },
      subject: 'person',
      scales: [
        {
          id: 'si_no',
          options: [
            { value: 'si', label: { es: 'Sí', en: 'Yes' }, score: 1 },
            { value: 'no', label: { es: 'No', en: 'No' }, score: 0 },
          ],
        },
      ],
      dimensions: ['economica', 'social', 'psicosocial'].map((id) => ({
        id,
        name: { es: id, en: id },
        questions: [{ id: `${id}_1`, text: { es: '¿Pregunta?', en: 'Question?' }, scale: 'si_no' }],
      })),
      missing: { rule: 'worst' },
      levels: [
        { id: 'baja', label: { es: 'Baja', en: 'Low' }, min: 0 },
        { id: 'alta', label: { es: 'Alta', en: 'High' }, min: 0.66 },
      ],
    };
    const first = await admin.request({
      method: 'POST',
      url: '/api/v1/assessment-instruments',
      payload: definition,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().versionNumber).toBe(1);
    const second = await admin.request({
      method: 'POST',
      url: '/api/v1/assessment-instruments',
      payload: definition,
    });
    expect(second.json().versionNumber).toBe(2);
    const list = (await admin.request({ method: 'GET', url: '/api/v1/assessment-instruments' })).json();
    const versions = list.items.find((i: { key: string }) => i.key === definition.key).versions;
    expect(versions.map((v: { status: string }) => v.status)).toEqual(['active', 'superseded']);
    const superseded = await admin.request({
      method: 'POST',
      url: `/api/v1/assessment-instrument-versions/${second.json().id}/supersede`,
    });
    expect(superseded.json().status).toBe('superseded');
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/assessment-instrument-versions/${second.json().id}/supersede`,
    });
    expect(again.statusCode).toBe(409);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', first.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['assessment.instrument_version_created']);
  });

  it('answers an invalid JSON definition with problem+json naming the path of each error', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/assessment-instruments',
      payload: {
        key: 'roto',
        name: { es: 'Roto', en: 'Broken' },
        subject: 'household',
        scales: [
          {
            id: 'a',
            options: [
              { value: 'x', label: { es: 'x', en: 'x' }, score: 1 },
              { value: 'y', label: { es: 'y', en: 'y' }, score: 0 },
            ],
          },
        ],
        dimensions: [
          {
            id: 'd',
            name: { es: 'd', en: 'd' },
            weight: -2,
            questions: [{ id: 'q', text: { es: 'q', en: 'q' }, scale: 'b' }],
          },
        ],
        missing: { rule: 'skip' },
        levels: [
          { id: 'bajo', label: { es: 'Bajo', en: 'Low' }, min: 0 },
          { id: 'alto', label: { es: 'Alto', en: 'High' }, min: 0 },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = response
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual([
      'dimensions',
      'dimensions.0.questions.0.scale',
      'dimensions.0.weight',
      'levels.1.min',
    ]);
    const message = response.json().errors.find((e: { path: string }) => e.path === 'levels.1.min').message;
    expect(message).toBe('Los umbrales deben ir de menor a mayor, entre 0 y 1.');
  });

  it('refuses imports by anyone but the administrator', async () => {
    for (const session of [caseworker, coordinator, analyst]) {
      const response = await session.request({
        method: 'POST',
        url: '/api/v1/assessment-instruments',
        payload: { ...household, key: 'copia' },
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('applications', () => {
  let applicationId: string;

  it('starts a baseline, saves drafts with the version, and resumes the same draft', async () => {
    const started = await start(caseworker);
    expect(started.statusCode, started.body).toBe(201);
    const body = started.json();
    expect(body).toMatchObject({
      kind: 'baseline',
      status: 'draft',
      version: 1,
      instrumentKey: 'hogar_integracion',
    });
    expect(body.definition.dimensions).toHaveLength(5);
    applicationId = body.id;
    const saved = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/assessments/${applicationId}`,
      payload: { version: 1, answers: { salud_afiliacion: 'todos', sisben: 'no' }, currentDimension: 1 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, currentDimension: 1 });
    const stale = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/assessments/${applicationId}`,
      payload: { version: 1, answers: { sisben: 'si' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.answers).toEqual({ salud_afiliacion: 'todos', sisben: 'no' });
    const resumed = await start(caseworker);
    expect(resumed.json()).toMatchObject({ id: applicationId, version: 2 });
  });

  it('refuses answers the instrument does not have', async () => {
    const response = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/assessments/${applicationId}`,
      payload: { version: 2, answers: { sisben: 'tal_vez', inventada: 'si' } },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['answers.inventada', 'answers.sisben']);
  });

  it('will not complete with more missing answers than the instrument allows', async () => {
    const response = await caseworker.request({
      method: 'POST',
      url: `/api/v1/assessments/${applicationId}/complete`,
      payload: { version: 2 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('answers');
  });

  it('completes with scores per dimension and level, audited; a completed application is not edited', async () => {
    const response = await caseworker.request({
      method: 'POST',
      url: `/api/v1/assessments/${applicationId}/complete`,
      payload: { version: 2, answers: allAnswers('worst') },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'completed',
      result: { overall: 0, levelId: 'bajo', topLevel: false },
    });
    expect(response.json().result.dimensions).toHaveLength(5);
    const edit = await caseworker.request({
      method: 'PATCH',
      url: `/api/v1/assessments/${applicationId}`,
      payload: { version: 3, answers: { sisben: 'si' } },
    });
    expect(edit.statusCode).toBe(409);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'office_id'])
      .where('record_id', '=', householdId)
      .where('action', 'like', 'assessment.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['assessment.completed', 'assessment.started']);
  });

  it('starts a follow-up after the baseline and lists the evolution oldest first', async () => {
    const followUp = await start(coordinator);
    expect(followUp.json().kind).toBe('follow_up');
    const completed = await coordinator.request({
      method: 'POST',
      url: `/api/v1/assessments/${followUp.json().id}/complete`,
      payload: { version: 1, answers: allAnswers('best') },
    });
    expect(completed.json().result).toMatchObject({ overall: 1, levelId: 'alto', topLevel: true });
    const list = await caseworker.request({
      method: 'GET',
      url: `/api/v1/households/${householdId}/assessments`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { kind: string }) => a.kind)).toEqual(['baseline', 'follow_up']);
    expect(list.json().items.map((a: { result: { overall: number } }) => a.result.overall)).toEqual([0, 1]);
  });

  it('applies the person instrument to a person', async () => {
    const started = await start(caseworker, 'person', personId);
    expect(started.statusCode).toBe(201);
    expect(started.json().instrumentKey).toBe('persona_ipl12');
    const list = await caseworker.request({ method: 'GET', url: `/api/v1/persons/${personId}/assessments` });
    expect(list.json().items).toHaveLength(1);
  });

  it('keeps answers from other offices, partners, the administrator and analysts', async () => {
    // The demo reception officer works at El Dorado: the household is not even visible there.
    for (const session of [reception, partner, admin, analyst]) {
      expect((await start(session)).statusCode).toBe(404);
      const read = await session.request({ method: 'GET', url: `/api/v1/assessments/${applicationId}` });
      expect(read.statusCode).toBe(404);
      const list = await session.request({
        method: 'GET',
        url: `/api/v1/households/${householdId}/assessments`,
      });
      expect(list.statusCode).toBe(404);
    }
  });
});

describe('indicator', () => {
  it('gives the share of households at the top level per office against the target', async () => {
    const target = await coordinator.request({
      method: 'PUT',
      url: '/api/v1/assessment-indicator/targets',
      payload: { officeId: centreId, targetShare: 0.7 },
    });
    expect(target.statusCode, target.body).toBe(204);
    const response = await analyst.request({ method: 'GET', url: '/api/v1/assessment-indicator' });
    expect(response.statusCode).toBe(200);
    const row = response.json().rows.find((r: { officeId: string }) => r.officeId === centreId);
    expect(row).toMatchObject({ households: 1, atTopLevel: 1, share: 1, target: 0.7, programme: '' });
    expect(response.json().topLevel.id).toBe('alto');
    const forCoordinator = await coordinator.request({ method: 'GET', url: '/api/v1/assessment-indicator' });
    expect(forCoordinator.json().rows.every((r: { officeId: string }) => r.officeId === centreId)).toBe(true);
  });

  it('takes programmes from the catalogue: unknown keys are refused naming `programme`, rows carry the name', async () => {
    const unknown = await coordinator.request({
      method: 'PUT',
      url: '/api/v1/assessment-indicator/targets',
      payload: { officeId: centreId, programme: 'no-existe', targetShare: 0.5 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { in: 'body', path: 'programme', message: expect.stringContaining('programa') },
    ]);
    const english = await coordinator.request({
      method: 'POST',
      url: '/api/v1/assessments',
      headers: { 'accept-language': 'en' },
      payload: { subjectType: 'household', subjectId: householdId, programme: 'no-existe' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().errors).toEqual([
      { in: 'body', path: 'programme', message: expect.stringContaining('programme') },
    ]);
    const outOfRange = await coordinator.request({
      method: 'PUT',
      url: '/api/v1/assessment-indicator/targets',
      payload: { officeId: centreId, programme: 'integrate-integracion', targetShare: 1.5 },
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors[0].path).toBe('targetShare');

    const set = await coordinator.request({
      method: 'PUT',
      url: '/api/v1/assessment-indicator/targets',
      payload: { officeId: centreId, programme: 'integrate-integracion', targetShare: 0.65 },
    });
    expect(set.statusCode, set.body).toBe(204);
    const started = await caseworker.request({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { subjectType: 'household', subjectId: householdId, programme: 'integrate-integracion' },
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().programme).toBe('integrate-integracion');
    const completed = await caseworker.request({
      method: 'POST',
      url: `/api/v1/assessments/${started.json().id}/complete`,
      payload: { version: started.json().version, answers: allAnswers('worst') },
    });
    expect(completed.statusCode, completed.body).toBe(200);

    const rows = (await analyst.request({ method: 'GET', url: '/api/v1/assessment-indicator' })).json().rows;
    expect(rows).toContainEqual(
      expect.objectContaining({
        officeId: centreId,
        programme: 'integrate-integracion',
        programmeName: expect.stringMatching(/^Centro Intégrate: integración/),
        households: 1,
        atTopLevel: 0,
        target: 0.65,
      }),
    );
    const inEnglish = await analyst.request({
      method: 'GET',
      url: '/api/v1/assessment-indicator',
      headers: { 'accept-language': 'en' },
    });
    expect(
      inEnglish.json().rows.find((r: { programme: string }) => r.programme === 'integrate-integracion')
        .programmeName,
    ).toMatch(/^Centro Intégrate: socioeconomic integration/);
    // The whole office's row (no programme) has no programme name.
    expect(rows.find((r: { programme: string }) => r.programme === '')).toMatchObject({
      programmeName: null,
    });
  });

  it('is aggregates for coordinators, analysts and the administrator only', async () => {
    for (const session of [caseworker, reception, partner]) {
      expect((await session.request({ method: 'GET', url: '/api/v1/assessment-indicator' })).statusCode).toBe(
        403,
      );
    }
    const denied = await caseworker.request({
      method: 'PUT',
      url: '/api/v1/assessment-indicator/targets',
      payload: { officeId: centreId, targetShare: 0.9 },
    });
    expect(denied.statusCode).toBe(403);
  });
});
