import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestApp } from '../../testing/test-app';

// The public finder, called with no cookie at all: filters, the order (local, then national), inactive services
// never shown, only public fields (the exact JSON keys), validation naming the parameter in both languages,
// caching, and its rate limit.

let app: FastifyInstance;
let database: DatabaseHandle;

const BARRANQUILLA = '08001';
const CUCUTA = '54001';
const STAFF_EMAIL = 'staff.finder@ruta.example';
const STAFF_NAME = 'Funcionaria Visible Nunca';
const CONTACT_PERSON = 'Persona de Contacto Privada';

const ids = {
  local: uuidv7(),
  national: uuidv7(),
  cucuta: uuidv7(),
  inactive: uuidv7(),
  closed: uuidv7(),
};

async function seedDirectory(db: DatabaseHandle['db']) {
  const organizationId = uuidv7();
  await db
    .insertInto('organization')
    .values({
      id: organizationId,
      name: 'Fundación Caminos Abiertos',
      short_name: 'Caminos',
      kind: 'ngo',
      email: 'contacto@caminos.example',
      website: 'https://caminos.example',
    })
    .execute();
  const staffId = uuidv7();
  await db
    .insertInto('app_user')
    .values({
      id: staffId,
      organization_id: organizationId,
      email: STAFF_EMAIL,
      display_name: STAFF_NAME,
      role: 'caseworker',
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      last_sign_in_at: null,
    })
    .execute();
  const service = (id: string, name: string, category: string, extra: Record<string, unknown> = {}) => ({
    id,
    organization_id: organizationId,
    name,
    category,
    created_by: staffId,
    updated_by: staffId,
    ...extra,
  });
  await db
    .insertInto('directory_service')
    .values([
      service(ids.local, 'Orientación para el empleo en Barranquilla', 'job_placement', {
        description: 'Hoja de vida, entrevistas y vacantes.',
        alternate_name: 'Ruta de empleo',
        url: 'https://caminos.example/empleo',
        email: 'empleo@caminos.example',
        application_process: 'Llegue sin cita con su documento.',
        fees_description: 'Gratuito',
        eligibility_description: 'Personas mayores de 18 años.',
        minimum_age: 18,
        maximum_age: 60,
        population_groups: ['venezuelan_migrant'],
        sexes: [],
        required_documents: ['PPT o cédula'],
        languages: ['es', 'en'],
        capacity_per_month: 40,
        acceptance_days: 3,
        completion_days: 30,
      }),
      service(ids.national, 'Línea nacional de afiliación en salud', 'health_affiliation'),
      service(ids.cucuta, 'Bolsa de empleo de Cúcuta', 'job_placement', { municipality_codes: [CUCUTA] }),
      service(ids.inactive, 'Empleo inactivo de Barranquilla', 'job_placement', {
        status: 'inactive',
        municipality_codes: [BARRANQUILLA],
      }),
      service(ids.closed, 'Empleo cerrado de Barranquilla', 'job_placement', {
        status: 'temporarily closed',
        municipality_codes: [BARRANQUILLA],
      }),
    ])
    .execute();
  const locationId = uuidv7();
  await db
    .insertInto('directory_location')
    .values({
      id: locationId,
      organization_id: organizationId,
      name: 'Sede Centro',
      address_1: 'Carrera 44 # 34-20',
      address_2: 'Piso 2',
      transportation: 'Transmetro, estación Centro',
      municipality_code: BARRANQUILLA,
      latitude: 10.98,
      longitude: -74.78,
    })
    .execute();
  const salId = uuidv7();
  await db
    .insertInto('directory_service_at_location')
    .values({ id: salId, service_id: ids.local, location_id: locationId })
    .execute();
  await db
    .insertInto('directory_schedule')
    .values([
      { id: uuidv7(), service_id: ids.local, byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '16:00' },
      { id: uuidv7(), location_id: locationId, byday: 'SA', opens_at: '09:00', closes_at: '12:00' },
      { id: uuidv7(), service_id: ids.local, byday: 'SU', valid_to: '2020-01-01', description: 'Vencido' },
    ])
    .execute();
  await db
    .insertInto('directory_contact')
    .values([
      {
        id: uuidv7(),
        service_id: ids.local,
        name: CONTACT_PERSON,
        title: 'Coordinadora',
        department: 'Atención al público',
        phone: '+57 605 3000000',
        email: 'atencion@caminos.example',
      },
      { id: uuidv7(), location_id: locationId, phone: '+57 605 3111111' },
      { id: uuidv7(), organization_id: organizationId, name: CONTACT_PERSON, phone: '+57 601 4000000' },
      { id: uuidv7(), service_id: ids.local, name: 'Sin forma de contacto' },
    ])
    .execute();
}

beforeAll(async () => {
  ({ app, database } = await createTestApp());
  await seedDirectory(database.db);
});
afterAll(() => app.close());

const get = (url: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, query, headers });

const names = (body: { items: Array<{ name: string }> }) => body.items.map((item) => item.name);

/** Every key path of a JSON value, arrays written as `[]`: the exact shape a response shows. */
function keyPaths(value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, `${path}[]`);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const next = path ? `${path}.${key}` : key;
        paths.add(next);
        walk(child, next);
      }
    }
  };
  walk(value, prefix);
  return paths;
}

const MUNICIPALITY_KEYS = ['code', 'name', 'departmentName'];
const SCHEDULE_KEYS = ['days', 'opensAt', 'closesAt', 'description'];
const CONTACT_KEYS = ['department', 'phone', 'email'];
const SERVICE_KEYS = [
  'id',
  'name',
  'description',
  'category',
  'category.code',
  'category.name',
  'need',
  'need.code',
  'need.name',
  'reach',
  'organization',
  'organization.name',
  'organization.website',
  'organization.email',
  'url',
  'email',
  'applicationProcess',
  'fees',
  'eligibility',
  'minimumAge',
  'maximumAge',
  'requiredDocuments',
  'languages',
  'areaServed',
  'locations',
  'locations[].name',
  'locations[].address',
  'locations[].transportation',
  'locations[].municipality',
  ...MUNICIPALITY_KEYS.map((key) => `locations[].municipality.${key}`),
  'locations[].schedules',
  ...SCHEDULE_KEYS.map((key) => `locations[].schedules[].${key}`),
  'locations[].contacts',
  ...CONTACT_KEYS.map((key) => `locations[].contacts[].${key}`),
  'schedules',
  ...SCHEDULE_KEYS.map((key) => `schedules[].${key}`),
  'contacts',
  ...CONTACT_KEYS.map((key) => `contacts[].${key}`),
];

describe('public service finder', () => {
  it('answers without sign-in: local services first, then national ones; inactive and closed never', async () => {
    const response = await get('/api/v1/public/services', {
      need: 'productive,health',
      municipality: BARRANQUILLA,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(names(body)).toEqual([
      'Orientación para el empleo en Barranquilla',
      'Línea nacional de afiliación en salud',
    ]);
    expect(body.items.map((item: { reach: string }) => item.reach)).toEqual(['local', 'national']);
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 2 });

    // Another municipality: its own service, the national one, not Barranquilla's.
    const cucuta = (await get('/api/v1/public/services', { municipality: CUCUTA })).json();
    expect(names(cucuta)).toEqual(['Bolsa de empleo de Cúcuta', 'Línea nacional de afiliación en salud']);

    // Without a municipality, every active service; never the inactive or closed ones.
    const all = names((await get('/api/v1/public/services', { category: 'job_placement' })).json());
    expect(all).toEqual(['Bolsa de empleo de Cúcuta', 'Orientación para el empleo en Barranquilla']);
  });

  it('filters by category within a need, and by words with or without accents (or a category’s name)', async () => {
    const byCategory = await get('/api/v1/public/services', {
      need: 'productive',
      category: 'health_affiliation',
    });
    expect(byCategory.json().items).toEqual([]);
    expect(names((await get('/api/v1/public/services', { q: 'CUCUTA' })).json())).toEqual([
      'Bolsa de empleo de Cúcuta',
    ]);
    // "afiliacion" is in the national service's name; "entrevistas" in the local one's description; the
    // organization's short name finds all of its active services.
    expect(names((await get('/api/v1/public/services', { q: 'afiliacion' })).json())).toEqual([
      'Línea nacional de afiliación en salud',
    ]);
    expect(names((await get('/api/v1/public/services', { q: 'entrevistas' })).json())).toEqual([
      'Orientación para el empleo en Barranquilla',
    ]);
    expect((await get('/api/v1/public/services', { q: 'caminos' })).json().total).toBe(3);
    // "Health insurance" names the category in English; "salud" in Spanish.
    expect(names((await get('/api/v1/public/services', { q: 'insurance' })).json())).toEqual([
      'Línea nacional de afiliación en salud',
    ]);
    expect(names((await get('/api/v1/public/services', { q: 'empleo barranquilla' })).json())).toEqual([
      'Orientación para el empleo en Barranquilla',
    ]);
    expect((await get('/api/v1/public/services', { q: '100%_' })).json().items).toEqual([]);
  });

  it('shows only public fields: exactly these keys, no staff, no contact person', async () => {
    const response = await get(`/api/v1/public/services/${ids.local}`, { municipality: BARRANQUILLA });
    expect(response.statusCode).toBe(200);
    const service = response.json();
    expect([...keyPaths(service)].sort()).toEqual([...SERVICE_KEYS].sort());
    expect(response.body).not.toContain(STAFF_EMAIL);
    expect(response.body).not.toContain(STAFF_NAME);
    expect(response.body).not.toContain(CONTACT_PERSON);
    expect(response.body).not.toContain('Coordinadora');
    expect(service).toMatchObject({
      category: { code: 'job_placement', name: 'Búsqueda de empleo' },
      need: { code: 'productive', name: 'Trabajo y emprendimiento' },
      reach: 'local',
      organization: { name: 'Fundación Caminos Abiertos', website: 'https://caminos.example' },
      fees: 'Gratuito',
      requiredDocuments: ['PPT o cédula'],
      locations: [
        {
          name: 'Sede Centro',
          address: 'Carrera 44 # 34-20, Piso 2',
          municipality: { code: BARRANQUILLA, name: 'Barranquilla', departmentName: 'Atlántico' },
          schedules: [{ days: ['SA'], opensAt: '09:00', closesAt: '12:00' }],
          contacts: [{ phone: '+57 605 3111111' }],
        },
      ],
      // Expired schedules and contacts with neither phone nor email are left out.
      schedules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:00' }],
      contacts: [
        { department: 'Atención al público', phone: '+57 605 3000000', email: 'atencion@caminos.example' },
        { department: null, phone: '+57 601 4000000', email: null },
      ],
    });

    // The list's items have the same shape.
    const list = (await get('/api/v1/public/services', { q: 'entrevistas' })).json();
    expect([...keyPaths(list)].sort()).toEqual(
      ['items', 'page', 'pageSize', 'total', ...SERVICE_KEYS.map((key) => `items[].${key}`)].sort(),
    );
  });

  it('names categories in the caller’s language', async () => {
    const en = (
      await get(`/api/v1/public/services/${ids.national}`, {}, { 'accept-language': 'en-US,en;q=0.9' })
    ).json();
    expect(en).toMatchObject({
      category: { name: 'Health insurance enrolment (EPS)' },
      need: { name: 'Health' },
      reach: 'national',
      locations: [],
      areaServed: [],
    });
    const area = (await get(`/api/v1/public/services/${ids.cucuta}`)).json();
    expect(area.areaServed).toEqual([
      { code: CUCUTA, name: 'San José de Cúcuta', departmentName: 'Norte de Santander' },
    ]);
    expect(area.reach).toBe('area');
  });

  it('does not find inactive, closed or unknown services', async () => {
    for (const id of [ids.inactive, ids.closed, uuidv7()]) {
      const response = await get(`/api/v1/public/services/${id}`);
      expect(response.statusCode, id).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses bad parameters naming each one, in Spanish and in English', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['/api/v1/public/services', { need: 'health,flying' }, 'need'],
      ['/api/v1/public/services', { category: 'astrology' }, 'category'],
      ['/api/v1/public/services', { municipality: '8001' }, 'municipality'],
      ['/api/v1/public/services', { page: '0' }, 'page'],
      ['/api/v1/public/services', { q: 'x'.repeat(101) }, 'q'],
      ['/api/v1/public/services/not-an-id', {}, 'id'],
      ['/api/v1/public/municipalities', {}, 'q'],
    ];
    for (const [url, query, parameter] of cases) {
      const es = await get(url, query);
      expect(es.statusCode, `${url} ${parameter}`).toBe(400);
      const problem = es.json();
      expect(problem.type).toBe('urn:ruta:problem:validation');
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual([parameter]);
      expect(problem.detail).toContain(parameter);
      const en = (await get(url, query, { 'accept-language': 'en' })).json();
      expect(en.errors[0].path).toBe(parameter);
      expect(en.errors[0].message).not.toBe(problem.errors[0].message);
    }
    const municipality = (await get('/api/v1/public/services', { municipality: 'Soledad' })).json();
    expect(municipality.errors[0].message).toBe(
      'Escriba el código DIVIPOLA del municipio: cinco dígitos, por ejemplo 08001.',
    );
    const need = (await get('/api/v1/public/services', { need: 'x' }, { 'accept-language': 'en' })).json();
    expect(need.errors[0].message).toMatch(/^Use one or more of these needs/);
  });

  it('finds municipalities for the picker, accents optional, with the department', async () => {
    const response = await get('/api/v1/public/municipalities', { q: 'cucuta' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items[0]).toEqual({
      code: CUCUTA,
      name: 'San José de Cúcuta',
      departmentName: 'Norte de Santander',
    });
    expect(items.length).toBeLessThanOrEqual(10);
  });

  it('lets browsers cache answers for a minute and revalidate them by ETag', async () => {
    const first = await get('/api/v1/public/services', { municipality: BARRANQUILLA });
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.vary).toContain('accept-language');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(
      '/api/v1/public/services',
      { municipality: BARRANQUILLA },
      { 'if-none-match': etag },
    );
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const english = await get(
      '/api/v1/public/services',
      { municipality: BARRANQUILLA },
      {
        'if-none-match': etag,
        'accept-language': 'en',
      },
    );
    expect(english.statusCode).toBe(200);
    // Errors are not cached.
    const bad = await get('/api/v1/public/services', { page: 'x' });
    expect(bad.headers['cache-control']).toBeUndefined();
  });

  it('documents the operations as public, tagged finder', async () => {
    const document = (await get('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/public/services',
      '/api/v1/public/services/{id}',
      '/api/v1/public/municipalities',
    ]) {
      expect(document.paths[path].get.security, path).toEqual([]);
      expect(document.paths[path].get.tags, path).toEqual(['finder', 'public']);
    }
  });
});

describe('public finder rate limit', () => {
  it('answers 429 past PUBLIC_RATE_LIMIT requests a minute from one address', async () => {
    const limited = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '2' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await limited.app.inject({ method: 'GET', url: '/api/v1/public/services' })).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 429]);
      // Other public operations are not counted against it.
      expect(
        (await limited.app.inject({ method: 'GET', url: '/api/v1/reference/departments' })).statusCode,
      ).toBe(200);
    } finally {
      await limited.app.close();
    }
  });
});
