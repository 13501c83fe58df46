import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createServices } from '../../server/services';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;
let coordinator: TestSession;
let caseworker: TestSession;
let reception: TestSession;
let analyst: TestSession;
let focalPoint: TestSession;
const org: Record<string, string> = {};

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
  analyst = (await signIn(app, 'analista@ruta.example')).session;
  focalPoint = (await signIn(app, 'enlace.sena@ruta.example')).session;
  for (const row of await database.db.selectFrom('organization').select(['id', 'short_name']).execute())
    org[row.short_name] = row.id;
});

afterAll(async () => {
  await app.close();
});

const schedule = (changes: Record<string, unknown> = {}) => ({
  byday: 'MO,TU,WE,TH,FR',
  opensAt: '08:00',
  closesAt: '12:00',
  ...changes,
});

const newLocation = (organizationId: string, changes: Record<string, unknown> = {}) => ({
  organizationId,
  name: 'Sede Centro',
  address1: 'Carrera 44 # 38-11',
  municipalityCode: '08001',
  latitude: 10.98,
  longitude: -74.79,
  schedules: [schedule()],
  ...changes,
});

const newService = (organizationId: string, changes: Record<string, unknown> = {}) => ({
  organizationId,
  name: 'Técnico en operaciones de comercio',
  description: 'Formación titulada de 12 meses con etapa productiva.',
  category: 'vocational_training',
  minimumAge: 16,
  populationGroups: ['returnee', 'venezuelan_migrant'],
  requiredDocuments: ['CC', 'PPT'],
  capacityPerMonth: 30,
  acceptanceDays: 5,
  completionDays: 365,
  contacts: [{ name: 'Coordinación académica', email: 'formacion@sena.example', phone: '+57 605 330 0000' }],
  ...changes,
});

async function post(session: TestSession, url: string, payload: unknown, language = 'es') {
  return session.request({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: { 'accept-language': language },
  });
}

describe('directory services', () => {
  it('lets a coordinator add a place and a service there, audited; everyone reads it', async () => {
    const location = await post(coordinator, '/api/v1/directory/locations', newLocation(org.SENA as string));
    expect(location.statusCode).toBe(201);
    const locationId = location.json().id as string;
    expect(location.json()).toMatchObject({
      municipalityCode: '08001',
      municipalityName: 'Barranquilla',
      schedules: [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '12:00' }],
      version: 1,
    });

    const created = await post(
      coordinator,
      '/api/v1/directory/services',
      newService(org.SENA as string, {
        locations: [{ locationId, schedules: [schedule({ opensAt: '14:00', closesAt: '17:00' })] }],
      }),
    );
    expect(created.statusCode).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      organization: { id: org.SENA, shortName: 'SENA' },
      category: 'vocational_training',
      dimension: 'productive',
      status: 'active',
      minimumAge: 16,
      maximumAge: null,
      requiredDocuments: ['CC', 'PPT'],
      languages: ['es'],
      acceptanceDays: 5,
      version: 1,
      canEdit: true,
      locations: [
        {
          locationId,
          municipalityName: 'Barranquilla',
          schedules: [{ opensAt: '14:00', closesAt: '17:00' }],
          locationSchedules: [{ opensAt: '08:00', closesAt: '12:00' }],
        },
      ],
      contacts: [{ name: 'Coordinación académica', email: 'formacion@sena.example' }],
    });

    for (const session of [caseworker, reception, analyst, focalPoint]) {
      const read = await session.request({ method: 'GET', url: `/api/v1/directory/services/${service.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json().name).toBe('Técnico en operaciones de comercio');
    }
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('record_id', 'in', [service.id, locationId])
      .orderBy('id')
      .execute();
    expect(audits).toEqual([
      { action: 'directory.location.created', actor_role: 'office_coordinator' },
      { action: 'directory.service.created', actor_role: 'office_coordinator' },
    ]);

    const referral = await createServices({ database }).directory.getServiceForReferral(service.id);
    expect(referral).toEqual({
      id: service.id,
      name: 'Técnico en operaciones de comercio',
      category: 'vocational_training',
      status: 'active',
      organizationId: org.SENA,
      organizationName: 'Servicio Nacional de Aprendizaje',
      populationGroups: ['returnee', 'venezuelan_migrant'],
      sexes: [],
      minimumAge: 16,
      maximumAge: null,
      requiredDocuments: ['CC', 'PPT'],
      municipalityCodes: [],
      locationMunicipalityCodes: ['08001'],
      capacityPerMonth: 30,
      acceptanceDays: 5,
      completionDays: 365,
    });
    expect(await createServices({ database }).directory.getServiceForReferral('not-a-uuid')).toBeNull();
  });
});
