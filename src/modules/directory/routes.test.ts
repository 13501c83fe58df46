import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { DEMO_SERVICES, demoDirectoryId, seedDemoDirectory } from '../../demo/seed-directory';
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
  await seedDemoDirectory(database.db);
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

async function put(session: TestSession, url: string, payload: unknown, language = 'es') {
  return session.request({
    method: 'PUT',
    url,
    payload: payload as Record<string, unknown>,
    headers: { 'accept-language': language },
  });
}

/** The editable fields of a service as read, ready to send back with changes. */
function editable(detail: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const d = detail as Record<string, never> & {
    organization: { id: string };
    locations: Array<{ locationId: string; description: string | null; schedules: unknown[] }>;
  };
  return {
    organizationId: d.organization.id,
    name: d.name,
    alternateName: d.alternateName,
    description: d.description,
    category: d.category,
    status: d.status,
    url: d.url,
    email: d.email,
    applicationProcess: d.applicationProcess,
    feesDescription: d.feesDescription,
    eligibilityDescription: d.eligibilityDescription,
    minimumAge: d.minimumAge,
    maximumAge: d.maximumAge,
    populationGroups: d.populationGroups,
    sexes: d.sexes,
    requiredDocuments: d.requiredDocuments,
    municipalityCodes: d.municipalityCodes,
    languages: d.languages,
    capacityPerMonth: d.capacityPerMonth,
    acceptanceDays: d.acceptanceDays,
    completionDays: d.completionDays,
    locations: d.locations.map((l) => ({
      locationId: l.locationId,
      description: l.description,
      schedules: l.schedules,
    })),
    schedules: d.schedules,
    contacts: d.contacts,
    version: d.version,
    ...changes,
  };
}

const list = async (session: TestSession, query: string) => {
  const response = await session.request({ method: 'GET', url: `/api/v1/directory/services?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<{ id: string; name: string; category: string }>; total: number };
};

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

describe('editing rights', () => {
  const courseId = demoDirectoryId('service', 'sena-tecnico-comercio');
  const shelterId = demoDirectoryId('service', 'albergue-alojamiento');

  it('lets the SENA focal point change its own service, hours included, and audits it', async () => {
    const read = await focalPoint.request({ method: 'GET', url: `/api/v1/directory/services/${courseId}` });
    expect(read.json().canEdit).toBe(true);
    const changed = await put(
      focalPoint,
      `/api/v1/directory/services/${courseId}`,
      editable(read.json(), {
        capacityPerMonth: 45,
        schedules: [schedule({ byday: 'SA', opensAt: '08:00', closesAt: '12:00' })],
      }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      capacityPerMonth: 45,
      version: read.json().version + 1,
      schedules: [{ byday: 'SA', opensAt: '08:00', closesAt: '12:00' }],
      locations: read.json().locations.map((l: { locationId: string }) => ({ locationId: l.locationId })),
    });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'changes'])
      .where('record_id', '=', courseId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'directory.service.updated',
      actor_role: 'partner_focal_point',
    });
    expect(JSON.stringify(audit[0]?.changes)).toContain('"capacityPerMonth":45');
  });

  it('refuses the focal point another organization’s service, and moving its own to another', async () => {
    const shelter = await focalPoint.request({
      method: 'GET',
      url: `/api/v1/directory/services/${shelterId}`,
    });
    expect(shelter.json().canEdit).toBe(false);
    const refused = await put(
      focalPoint,
      `/api/v1/directory/services/${shelterId}`,
      editable(shelter.json(), { capacityPerMonth: 1 }),
    );
    expect(refused.statusCode).toBe(403);
    const created = await post(focalPoint, '/api/v1/directory/services', newService(org.OIM as string));
    expect(created.statusCode).toBe(403);
    const course = (
      await focalPoint.request({ method: 'GET', url: `/api/v1/directory/services/${courseId}` })
    ).json();
    const moved = await put(
      focalPoint,
      `/api/v1/directory/services/${courseId}`,
      editable(course, { organizationId: org.OIM }),
    );
    expect(moved.statusCode).toBe(403);
    const ownNew = await post(
      focalPoint,
      '/api/v1/directory/services',
      newService(org.SENA as string, { name: 'Curso de inglés básico' }),
    );
    expect(ownNew.statusCode).toBe(201);
  });

  it('refuses caseworkers, reception officers and analysts any change', async () => {
    const shelter = (
      await caseworker.request({ method: 'GET', url: `/api/v1/directory/services/${shelterId}` })
    ).json();
    expect(shelter.canEdit).toBe(false);
    for (const session of [caseworker, reception, analyst]) {
      expect(
        (await put(session, `/api/v1/directory/services/${shelterId}`, editable(shelter))).statusCode,
      ).toBe(403);
      expect(
        (await post(session, '/api/v1/directory/services', newService(org.SENA as string))).statusCode,
      ).toBe(403);
      expect(
        (await post(session, '/api/v1/directory/locations', newLocation(org.SENA as string))).statusCode,
      ).toBe(403);
    }
  });

  it('answers a stale version with 409 and the current service', async () => {
    const shelter = (
      await coordinator.request({ method: 'GET', url: `/api/v1/directory/services/${shelterId}` })
    ).json();
    const first = await put(
      coordinator,
      `/api/v1/directory/services/${shelterId}`,
      editable(shelter, { status: 'temporarily closed' }),
    );
    expect(first.statusCode).toBe(200);
    const second = await put(
      coordinator,
      `/api/v1/directory/services/${shelterId}`,
      editable(shelter, { capacityPerMonth: 5 }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ status: 'temporarily closed', capacityPerMonth: 45 });
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', shelterId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['directory.service.status_changed']);
  });

  it('lets the focal point keep its organization profile and places, not another’s', async () => {
    const organizations = await focalPoint.request({ method: 'GET', url: '/api/v1/directory/organizations' });
    const sena = organizations.json().items.find((o: { shortName: string }) => o.shortName === 'SENA');
    const oim = organizations.json().items.find((o: { shortName: string }) => o.shortName === 'OIM');
    expect(sena).toMatchObject({ canEdit: true, activeServiceCount: expect.any(Number) });
    expect(sena.locationCount).toBeGreaterThanOrEqual(2);
    expect(sena.serviceCount).toBeGreaterThanOrEqual(2);
    expect(oim.canEdit).toBe(false);
    const profile = {
      description: 'Formación para el trabajo.',
      email: 'enlace@sena.example',
      website: 'https://www.sena.edu.co',
      contacts: [{ name: 'Mesa de ayuda', phone: '+57 601 592 5555' }],
      version: sena.version,
    };
    const saved = await put(focalPoint, `/api/v1/directory/organizations/${sena.id}/profile`, profile);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      description: 'Formación para el trabajo.',
      version: sena.version + 1,
    });
    expect(saved.json().contacts).toEqual([
      { name: 'Mesa de ayuda', title: null, department: null, email: null, phone: '+57 601 592 5555' },
    ]);
    const stale = await put(focalPoint, `/api/v1/directory/organizations/${sena.id}/profile`, profile);
    expect(stale.statusCode).toBe(409);
    const other = await put(focalPoint, `/api/v1/directory/organizations/${oim.id}/profile`, {
      ...profile,
      version: oim.version,
    });
    expect(other.statusCode).toBe(403);

    const placeId = demoDirectoryId('location', 'sena-cucuta');
    const place = (
      await focalPoint.request({ method: 'GET', url: `/api/v1/directory/locations/${placeId}` })
    ).json();
    expect(place).toMatchObject({ canEdit: true, municipalityName: 'San José de Cúcuta' });
    const moved = await put(focalPoint, `/api/v1/directory/locations/${placeId}`, {
      organizationId: sena.id,
      name: place.name,
      address1: 'Avenida 1 # 2-3',
      municipalityCode: '54874',
      schedules: [schedule({ byday: 'MO,WE,FR' })],
      version: place.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      municipalityName: 'Villa del Rosario',
      schedules: [{ byday: 'MO,WE,FR' }],
      services: [expect.objectContaining({ name: 'Técnico en operaciones de comercio' })],
    });
    const oimPlace = demoDirectoryId('location', 'oim-cucuta');
    const refused = await put(focalPoint, `/api/v1/directory/locations/${oimPlace}`, {
      organizationId: oim.id,
      name: 'OIM',
      version: 1,
    });
    expect(refused.statusCode).toBe(403);
    const staleLocation = await put(coordinator, `/api/v1/directory/locations/${placeId}`, {
      organizationId: sena.id,
      name: place.name,
      version: place.version,
    });
    expect(staleLocation.statusCode).toBe(409);
  });
});

describe('validation', () => {
  it('names each wrong field, in Spanish and in English', async () => {
    const payload = newService(org.SENA as string, {
      category: 'astrology',
      minimumAge: 30,
      maximumAge: 18,
      sexes: ['other'],
      email: 'no-es-correo',
      url: 'ftp://x',
    });
    const spanish = await post(coordinator, '/api/v1/directory/services', payload);
    expect(spanish.statusCode).toBe(400);
    const paths = spanish
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['category', 'email', 'sexes.0', 'url']);

    const ages = await post(
      coordinator,
      '/api/v1/directory/services',
      newService(org.SENA as string, { minimumAge: 30, maximumAge: 18 }),
    );
    expect(ages.json().errors).toEqual([
      expect.objectContaining({
        path: 'maximumAge',
        message: 'La edad máxima no puede ser menor que la edad mínima.',
      }),
    ]);
    const tooOld = await post(
      coordinator,
      '/api/v1/directory/services',
      newService(org.SENA as string, { maximumAge: 121 }),
    );
    expect(tooOld.json().errors.map((e: { path: string }) => e.path)).toEqual(['maximumAge']);

    const hours = await post(
      coordinator,
      '/api/v1/directory/services',
      newService(org.SENA as string, {
        schedules: [schedule({ byday: 'LU,MA' }), schedule({ opensAt: '14:00', closesAt: '08:00' })],
      }),
      'en',
    );
    expect(hours.statusCode).toBe(400);
    expect(hours.json().errors).toEqual([
      expect.objectContaining({ path: 'schedules.0.byday', message: expect.stringContaining('MO,TU,WE') }),
      expect.objectContaining({
        path: 'schedules.1.closesAt',
        message: 'The closing time must be after the opening time.',
      }),
    ]);
  });

  it('checks municipalities, places and the organization against the database', async () => {
    const service = await post(
      coordinator,
      '/api/v1/directory/services',
      newService(org.SENA as string, {
        municipalityCodes: ['08001', '99999'],
        locations: [{ locationId: '01900000-0000-7000-8000-0000000000ff' }],
      }),
    );
    expect(service.statusCode).toBe(400);
    expect(service.json().errors).toEqual([
      expect.objectContaining({
        path: 'municipalityCodes.1',
        message: 'No existe un municipio con ese código DIVIPOLA.',
      }),
      expect.objectContaining({
        path: 'locations.0.locationId',
        message: 'Esa sede no está en el directorio.',
      }),
    ]);
    const location = await post(
      coordinator,
      '/api/v1/directory/locations',
      newLocation('01900000-0000-7000-8000-0000000000fe', { municipalityCode: '99999', latitude: 91 }),
      'en',
    );
    expect(location.statusCode).toBe(400);
    expect(location.json().errors.map((e: { path: string }) => e.path)).toEqual(['latitude']);
    const unknown = await post(
      coordinator,
      '/api/v1/directory/locations',
      newLocation('01900000-0000-7000-8000-0000000000fe', { municipalityCode: '99999' }),
      'en',
    );
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({
        path: 'organizationId',
        message: 'This organization is not part of the network.',
      }),
      expect.objectContaining({
        path: 'municipalityCode',
        message: 'There is no municipality with that DIVIPOLA code.',
      }),
    ]);
  });
});

describe('search', () => {
  it('finds services by words without accents, in names, descriptions and organizations', async () => {
    const byName = await list(caseworker, 'q=tecnico%20comercio');
    expect(byName.items.map((s) => s.id)).toContain(demoDirectoryId('service', 'sena-tecnico-comercio'));
    const byOrganization = await list(caseworker, 'q=bancoldex');
    expect(byOrganization.items.map((s) => s.category)).toEqual(['microcredit']);
    const byDescription = await list(caseworker, 'q=PLANIFICACIÓN%20familiar');
    expect(byDescription.items.map((s) => s.category)).toEqual(['sexual_reproductive_health']);
  });

  it('filters by category, dimension, organization and status, and pages', async () => {
    const childCare = await list(analyst, 'category=child_care');
    expect(childCare.items.map((s) => s.id)).toEqual([demoDirectoryId('service', 'icbf-cdi')]);
    const productive = await list(analyst, 'dimension=productive&pageSize=100');
    expect(new Set(productive.items.map((s) => s.category))).toEqual(
      new Set(['job_placement', 'vocational_training', 'entrepreneurship_training', 'microcredit']),
    );
    expect((await list(analyst, 'dimension=health&category=microcredit')).total).toBe(0);
    const sena = await list(analyst, `organizationId=${org.SENA}`);
    expect(sena.items.every((s) => s.name)).toBe(true);
    expect(sena.total).toBeGreaterThanOrEqual(2);
    const page = await list(analyst, 'pageSize=5&page=2');
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(DEMO_SERVICES.length);
    const closed = await list(analyst, 'status=temporarily%20closed');
    expect(closed.items.map((s) => s.id)).toEqual([demoDirectoryId('service', 'albergue-alojamiento')]);
  });

  it('matches a municipality by the service’s own list, by its places, or when it is national', async () => {
    const villa = await list(caseworker, 'municipality=54874&pageSize=100');
    const ids = villa.items.map((s) => s.id);
    // listed there
    expect(ids).toContain(demoDirectoryId('service', 'cancilleria-regularizacion'));
    // a place there (CDI La Parada), no list of municipalities
    expect(ids).toContain(demoDirectoryId('service', 'icbf-cdi'));
    // national, though its only place is in Bogotá
    expect(ids).toContain(demoDirectoryId('service', 'bancoldex-microcredito'));
    // limited to Barranquilla
    expect(ids).not.toContain(demoDirectoryId('service', 'salud-afiliacion'));
    const childCareHere = await list(caseworker, 'category=child_care&municipality=08001');
    expect(childCareHere.items).toHaveLength(1);
    expect((await list(caseworker, 'category=housing_subsidy&municipality=11001')).total).toBe(0);
  });

  it('refuses anonymous callers and a malformed filter', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/directory/services' })).statusCode).toBe(401);
    const bad = await caseworker.request({
      method: 'GET',
      url: '/api/v1/directory/services?municipality=Barranquilla',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('municipality');
  });
});
