import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { HSDS_TABLES } from '../../domain/directory/hsds-tables';
import { termId } from '../../domain/directory/hsds-vocabulary';
import { signInFully, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import {
  buildDirectory,
  type DirectoryRecords,
  deleteDirectory,
  directoryState,
  HSDS_STANDARD_DIR,
  insertDirectory,
  readStandard,
  unzipPackage,
} from './hsds-testing';

let app: FastifyInstance;
let database: DatabaseHandle;
const sessions: Record<string, TestSession> = {};

const FIXTURE_DIR = resolve(import.meta.dirname, 'fixtures/foreign-hsds');

/** The foreign fixture as a ZIP, with files replaced (a string) or left out (null) as a test needs. */
function fixtureZip(changes: Record<string, string | null> = {}): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FIXTURE_DIR)) {
    files[`redcaribe-export/${name}`] = readFileSync(resolve(FIXTURE_DIR, name));
  }
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) delete files[`redcaribe-export/${name}`];
    else files[`redcaribe-export/${name}`] = strToU8(content);
  }
  return Buffer.from(zipSync(files));
}

function fixtureFile(name: string): string {
  return readFileSync(resolve(FIXTURE_DIR, name), 'utf8');
}

/** The fixture with fresh ids (so its records are new to the database), after the changes given. */
function saltedFixtureZip(changes: Record<string, string> = {}): Buffer {
  const salt = uuidv7().slice(-10);
  return fixtureZip(
    Object.fromEntries(
      readdirSync(FIXTURE_DIR)
        .filter((name) => name.endsWith('.csv'))
        .map((name) => [
          name,
          (changes[name] ?? fixtureFile(name)).replace(/-8000-0000000000/g, `-8000-${salt}`),
        ]),
    ),
  );
}

const importAs = (session: TestSession, body: Buffer, language = 'es') =>
  session.request({
    method: 'POST',
    url: '/api/v1/directory/hsds/import',
    headers: { 'content-type': 'application/zip', 'accept-language': language },
    payload: body,
  });

async function exportAs(session: TestSession) {
  const response = await session.request({ method: 'GET', url: '/api/v1/directory/hsds/export.zip' });
  expect(response.statusCode).toBe(200);
  return response;
}

function ajv() {
  const validator = new Ajv({ strict: false, allErrors: true });
  addFormats(validator);
  return validator;
}

/** A CSV record as the JSON object HSDS's tabular schema describes: numbers typed, empty optional cells absent. */
function csvRecordToJson(tableName: string, record: Record<string, string>) {
  const table = HSDS_TABLES.find((t) => t.name === tableName);
  const object: Record<string, unknown> = {};
  for (const field of table?.fields ?? []) {
    const value = record[field.name] ?? '';
    if (value === '') {
      if ('required' in field) object[field.name] = '';
      continue;
    }
    object[field.name] = field.type === 'number' ? Number(value) : value;
  }
  return object;
}

let tabularValidator: ReturnType<Ajv['compile']> | null = null;

/** Checks a package's CSVs, as the JSON objects they stand for, against HSDS's compiled/tabular.json. */
function expectValidTabular(zip: Uint8Array) {
  if (!tabularValidator) {
    const validator = ajv();
    for (const file of readdirSync(HSDS_STANDARD_DIR).filter(
      (f) => f.endsWith('.json') && f !== 'openapi.json',
    )) {
      validator.addSchema(readStandard(file), file);
    }
    tabularValidator = validator.compile(readStandard('compiled/tabular.json'));
  }
  const { csv } = unzipPackage(zip);
  const instance = Object.fromEntries(
    HSDS_TABLES.map((table) => [
      table.name,
      (csv[table.path] ?? []).map((record) => csvRecordToJson(table.name, record)),
    ]),
  );
  const valid = tabularValidator(instance);
  expect(tabularValidator.errors ?? [], JSON.stringify(tabularValidator.errors?.slice(0, 5))).toEqual([]);
  expect(valid).toBe(true);
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  for (const [role, email] of [
    ['admin', 'admin@ruta.example'],
    ['coordinator', 'coordinadora@ruta.example'],
    ['caseworker', 'gestor@ruta.example'],
    ['partner', 'enlace.sena@ruta.example'],
    ['analyst', 'analista@ruta.example'],
  ] as const) {
    sessions[role] = (await signInFully(app, email)).session;
  }
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/directory/hsds/export.zip', () => {
  let records: DirectoryRecords;

  beforeAll(async () => {
    records = buildDirectory(`Exportación ${uuidv7().slice(-6)}`);
    await insertDirectory(database.db, records);
  });

  it('refuses an anonymous caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/directory/hsds/export.zip' });
    expect(response.statusCode).toBe(401);
  });

  it('gives any signed-in user a ZIP with datapackage.json and every table, valid against the HSDS schemas', async () => {
    for (const role of ['partner', 'analyst'] as const) await exportAs(sessions[role] as TestSession);
    const response = await exportAs(sessions.caseworker as TestSession);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="ruta-hsds-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const { csv, headers, datapackage } = unzipPackage(response.rawPayload);

    // datapackage.json: one resource per file, its fields those of HSDS's tabular metadata for the table.
    const resources = (datapackage?.resources ?? []) as Array<{
      name: string;
      path: string;
      schema: {
        fields: Array<{ name: string; type: string; format: string; constraints: { required: boolean } }>;
      };
    }>;
    expect(resources.map((r) => r.path).sort()).toEqual(Object.keys(csv).sort());
    for (const resource of resources) {
      const official = readStandard(`${resource.name}.json`) as {
        path: string;
        properties: Record<string, { type: string; format?: string }>;
        required?: string[];
        tabular_required?: string[];
      };
      expect(resource.path).toBe(official.path);
      const required = new Set([...(official.required ?? []), ...(official.tabular_required ?? [])]);
      for (const field of resource.schema.fields) {
        const source = official.properties[field.name];
        expect(source, `${resource.name}.${field.name}`).toBeDefined();
        expect(field.type).toBe(source?.type);
        expect(field.format).toBe(source?.format ?? 'default');
        expect(field.constraints.required).toBe(required.has(field.name));
      }
      expect(headers[resource.path]).toEqual(resource.schema.fields.map((f) => f.name));
    }

    // Every row, as the JSON the tabular schema describes, validates against compiled/tabular.json.
    expectValidTabular(response.rawPayload);

    // Our records are there, with Ruta's own values in attributes of Ruta's taxonomies.
    const [service] = records.services;
    expect(csv['services.csv']?.find((s) => s.id === service?.id)).toMatchObject({
      name: service?.name,
      status: 'active',
      minimum_age: '18',
      maximum_age: '60',
    });
    const attributes = csv['attributes.csv']?.filter((a) => a.link_id === service?.id) ?? [];
    expect(attributes.map((a) => [a.taxonomy_term_id, a.value])).toEqual(
      expect.arrayContaining([
        [termId('category', 'job_placement'), ''],
        [termId('eligibility', 'population_group:venezuelan_migrant'), ''],
        [termId('eligibility', 'sex:female'), ''],
        [termId('serviceLevel', 'capacity_per_month'), '40'],
        [termId('serviceLevel', 'acceptance_days'), '3'],
      ]),
    );
    expect(csv['service_areas.csv']?.filter((a) => a.service_id === service?.id).map((a) => a.uri)).toEqual([
      'urn:divipola:08001',
      'urn:divipola:08758',
    ]);
    const link = records.servicesAtLocations[0];
    expect(csv['schedules.csv']?.find((s) => s.service_at_location_id === link?.id)).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '08:00-05:00',
      closes_at: '16:30-05:00',
    });
    const contact = records.contacts[0];
    expect(csv['phones.csv']?.find((p) => p.contact_id === contact?.id)?.number).toBe('+57 605 3000000');
  });
});

describe('import → export → import', () => {
  it('is lossless for every field Ruta holds (generated directories)', async () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      // Any Unicode text but control characters (PostgreSQL's text holds no NUL), spaces as Ruta's forms leave them.
      .map((s) =>
        s
          .replace(/\p{Cc}/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((s) => s.length > 0);
    const optional = fc.option(text, { nil: null });
    const subset = <T>(values: readonly T[]) =>
      fc.shuffledSubarray([...values]).map((picked) => picked as T[]);
    const generated = fc.record({
      kind: fc.constantFrom('public_entity', 'ngo', 'employer', 'other'),
      category: fc.constantFrom('legal_advice', 'food_aid', 'mental_health', 'other'),
      status: fc.constantFrom('active', 'inactive', 'defunct', 'temporarily closed'),
      description: optional,
      alternateName: optional,
      eligibility: optional,
      minimumAge: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      ageSpan: fc.integer({ min: 0, max: 70 }),
      groups: subset([
        'returnee',
        'venezuelan_migrant',
        'refugee_or_asylum_seeker',
        'host_community',
        'other',
      ]),
      sexes: subset(['female', 'male', 'intersex']),
      documents: fc.uniqueArray(text, { maxLength: 3 }),
      municipalities: subset(['08001', '11001', '54001', '05001']),
      languages: subset(['es', 'en', 'guc']),
      capacity: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
      acceptance: fc.integer({ min: 1, max: 30 }),
      completion: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
      country: fc.constantFrom('CO', 'VE'),
      latitude: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
      byday: fc.option(fc.constantFrom('MO', 'MO,WE,FR', 'SA,SU'), { nil: null }),
      opensAt: fc.option(fc.constantFrom('07:00:00', '08:30:00', '13:15:45'), { nil: null }),
      phone: fc.option(fc.constantFrom('+57 300 000 0000', '(605) 385 1000 ext. 4'), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const records = buildDirectory(`Ida y vuelta ${uuidv7().slice(-8)}`);
        const organization = records.organizations[0] as DirectoryRecords['organizations'][number];
        organization.kind = g.kind;
        organization.description = g.description;
        const service = records.services[0] as DirectoryRecords['services'][number];
        Object.assign(service, {
          category: g.category,
          status: g.status,
          description: g.description,
          alternate_name: g.alternateName,
          eligibility_description: g.eligibility,
          minimum_age: g.minimumAge,
          maximum_age: g.minimumAge === null ? null : g.minimumAge + g.ageSpan,
          population_groups: g.groups,
          sexes: g.sexes,
          required_documents: g.documents,
          municipality_codes: g.municipalities,
          languages: g.languages,
          capacity_per_month: g.capacity,
          acceptance_days: g.acceptance,
          completion_days: g.completion,
        });
        const location = records.locations[0] as DirectoryRecords['locations'][number];
        Object.assign(location, {
          country: g.country,
          latitude: g.latitude,
          address_1: g.alternateName,
          city: g.eligibility,
          address_2: null,
          postal_code: null,
          state_province: null,
        });
        Object.assign(records.schedules[0] as object, { byday: g.byday, opens_at: g.opensAt });
        Object.assign(records.contacts[0] as object, { phone: g.phone });
        await insertDirectory(database.db, records);

        const before = await directoryState(database.db);
        const exported = await exportAs(sessions.admin as TestSession);
        expectValidTabular(exported.rawPayload);
        await deleteDirectory(database.db, records);
        const imported = await importAs(sessions.admin as TestSession, exported.rawPayload);
        expect(imported.statusCode, imported.body).toBe(200);
        expect(await directoryState(database.db)).toEqual(before);
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});

describe('organization kinds on import', () => {
  it('a coordinator’s import never changes an existing organization’s kind; an administrator’s does', async () => {
    const records = buildDirectory(`Tipo ${uuidv7().slice(-8)}`);
    const organization = records.organizations[0] as DirectoryRecords['organizations'][number];
    organization.kind = 'employer';
    await insertDirectory(database.db, records);
    const exported = await exportAs(sessions.admin as TestSession);
    const kindOf = async () =>
      (
        await database.db
          .selectFrom('organization')
          .select('kind')
          .where('id', '=', organization.id)
          .executeTakeFirstOrThrow()
      ).kind;
    await database.db
      .updateTable('organization')
      .set({ kind: 'ngo' })
      .where('id', '=', organization.id)
      .execute();

    const byCoordinator = await importAs(sessions.coordinator as TestSession, exported.rawPayload);
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(200);
    expect(await kindOf()).toBe('ngo');

    const byAdmin = await importAs(sessions.admin as TestSession, exported.rawPayload);
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(await kindOf()).toBe('employer');
  });
});

describe('POST /api/v1/directory/hsds/import of another system’s package', () => {
  it('imports the foreign fixture without edits: organizations outside the network, matched places, terms and hours', async () => {
    const response = await importAs(sessions.coordinator as TestSession, fixtureZip());
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    const total = (table: string) => result.counts[table].created + result.counts[table].updated;
    expect([
      total('organization'),
      total('service'),
      total('location'),
      total('service_at_location'),
    ]).toEqual([2, 5, 4, 4]);
    expect(total('schedule')).toBe(3);
    expect(total('contact')).toBe(4);
    const messages = result.warnings.map((w: { file: string; message: string }) => `${w.file}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^services\.csv: Columnas que Ruta no usa.*prioridad_interna, notas_internas/),
        'programs.csv: Archivo que Ruta no importa; se ignoró.',
        expect.stringMatching(/^service_areas\.csv: «Zona rural dispersa» no corresponde/),
        expect.stringMatching(/^schedules\.csv: Ruta solo guarda horarios semanales/),
      ]),
    );

    const db = database.db;
    const organizations = await db
      .selectFrom('organization')
      .select(['id', 'short_name', 'kind'])
      .where('id', 'in', ['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002'])
      .orderBy('id')
      .execute();
    expect(organizations).toEqual([
      { id: 'a1000000-0000-4000-8000-000000000001', short_name: 'Manos Solidarias', kind: 'other' },
      { id: 'a1000000-0000-4000-8000-000000000002', short_name: 'Fundación Frontera Abierta', kind: 'other' },
    ]);
    const services = await db
      .selectFrom('directory_service')
      .select([
        'id',
        'category',
        'status',
        'minimum_age',
        'languages',
        'required_documents',
        'municipality_codes',
      ])
      .where(
        'organization_id',
        'in',
        organizations.map((o) => o.id),
      )
      .orderBy('id')
      .execute();
    expect(services.map((s) => [s.category, s.status])).toEqual([
      ['job_placement', 'active'],
      ['food_aid', 'active'],
      ['legal_advice', 'active'],
      ['psychosocial_support', 'inactive'],
      ['other', 'active'],
    ]);
    expect(services[0]).toMatchObject({
      minimum_age: 18,
      languages: ['es', 'guc'],
      required_documents: ['Permiso por Protección Temporal (PPT)', 'Hoja de vida impresa'],
    });
    expect(services[1]?.municipality_codes).toEqual(['08758', '08001']);
    expect(services[2]?.languages).toEqual(['en', 'es']);

    const byId = Object.fromEntries(
      (
        await db
          .selectFrom('directory_location')
          .select(['id', 'organization_id', 'municipality_code', 'address_1', 'city'])
          .where(
            'organization_id',
            'in',
            organizations.map((o) => o.id),
          )
          .execute()
      ).map((l) => [l.id, l]),
    );
    expect(byId['c3000000-0000-4000-8000-000000000001']?.municipality_code).toBe('08758');
    expect(byId['c3000000-0000-4000-8000-000000000002']).toMatchObject({
      municipality_code: '54001',
      address_1: 'Avenida 0 # 10-20',
    });
    // No organization given: the organization of the service offered there.
    expect(byId['c3000000-0000-4000-8000-000000000003']).toMatchObject({
      organization_id: 'a1000000-0000-4000-8000-000000000002',
      municipality_code: '11001',
    });
    expect(byId['c3000000-0000-4000-8000-000000000004']?.municipality_code).toBeNull();

    const schedules = await db
      .selectFrom('directory_schedule')
      .select(['id', 'byday', 'opens_at', 'closes_at', 'description'])
      .where('id', 'in', [
        'e5000000-0000-4000-8000-000000000001',
        'e5000000-0000-4000-8000-000000000002',
        'e5000000-0000-4000-8000-000000000003',
      ])
      .orderBy('id')
      .execute();
    expect(schedules.map((s) => [s.byday, s.opens_at, s.closes_at, s.description])).toEqual([
      ['MO,WE,FR', '08:00:00', '12:00:00', 'Atención con turno'],
      [null, '08:00:00', '11:00:00', 'Primer sábado de cada mes'],
      ['TU,TH', '07:30:00', '15:30:00', 'Cerrado en festivos'],
    ]);

    const contacts = await db
      .selectFrom('directory_contact')
      .select(['id', 'service_id', 'organization_id', 'name', 'phone'])
      .where('id', 'in', [
        'f6000000-0000-4000-8000-000000000001',
        'f6000000-0000-4000-8000-000000000002',
        'f6000000-0000-4000-8000-000000000003',
        'a7000000-0000-4000-8000-000000000003',
      ])
      .orderBy('id')
      .execute();
    expect(contacts.map((c) => [c.name, c.phone, c.service_id ?? c.organization_id])).toEqual([
      ['Línea del banco de alimentos', '+57 605 555 0303', 'b2000000-0000-4000-8000-000000000002'],
      ['Luz Marina Ortega', '+57 300 555 0101', 'b2000000-0000-4000-8000-000000000001'],
      ['Recepción', '(607) 555 0202 ext. 12', 'a1000000-0000-4000-8000-000000000002'],
      ['Carlos Rincón', null, 'b2000000-0000-4000-8000-000000000003'],
    ]);

    // Importing it again updates the same records: nothing new.
    const again = await importAs(sessions.admin as TestSession, fixtureZip());
    expect(again.json().counts.service).toEqual({ created: 0, updated: 5 });
  });
});

describe('a broken package', () => {
  const brokenCases: Array<
    [
      string,
      Record<string, string | null>,
      { file: string; row: number | null; field: string | null; message: RegExp },
    ]
  > = [
    [
      'a bad uuid',
      {
        'locations.csv': fixtureFile('locations.csv').replace(
          'c3000000-0000-4000-8000-000000000004',
          'sede-rural-04',
        ),
      },
      { file: 'locations.csv', row: 5, field: 'id', message: /UUID/ },
    ],
    [
      'a missing required column',
      { 'services.csv': fixtureFile('services.csv').replace(',status,', ',estado,') },
      { file: 'services.csv', row: 1, field: 'status', message: /Falta la columna obligatoria «status»/ },
    ],
    [
      'an unknown status',
      { 'services.csv': fixtureFile('services.csv').replace(',inactive,', ',suspended,') },
      {
        file: 'services.csv',
        row: 5,
        field: 'status',
        message: /active, inactive, defunct, temporarily closed/,
      },
    ],
    [
      'a reference to nothing',
      {
        'service_at_location.csv': fixtureFile('service_at_location.csv').replace(
          'b2000000-0000-4000-8000-000000000002,c3000000',
          'b2000000-0000-4000-8000-0000000000ff,c3000000',
        ),
      },
      {
        file: 'service_at_location.csv',
        row: 3,
        field: 'service_id',
        message: /ni en el paquete ni en Ruta/,
      },
    ],
  ];

  for (const [label, changes, expected] of brokenCases) {
    it(`is refused whole for ${label}, naming file, row and field, and leaves the database untouched`, async () => {
      // Fresh ids, so this package's records are new: a refusal must leave none of them behind.
      const zip = saltedFixtureZip(changes as Record<string, string>);
      const before = await directoryState(database.db);
      const response = await importAs(sessions.admin as TestSession, zip);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.title).toBe('El paquete HSDS tiene errores');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: expected.file,
            row: expected.row,
            field: expected.field,
            message: expect.stringMatching(expected.message),
          }),
        ]),
      );
      expect(await directoryState(database.db)).toEqual(before);
    });
  }

  it('answers in English when asked, and refuses what is not a ZIP', async () => {
    const english = await importAs(
      sessions.admin as TestSession,
      fixtureZip({ 'services.csv': fixtureFile('services.csv').replace(',inactive,', ',suspended,') }),
      'en',
    );
    expect(english.json().title).toBe('The HSDS package has errors');
    expect(english.json().errors[0].message).toMatch(/^Must be one of: active/);
    const notZip = await importAs(sessions.admin as TestSession, Buffer.from('id,name\n1,2\n'));
    expect(notZip.statusCode).toBe(422);
    expect(notZip.json().errors[0]).toMatchObject({
      file: 'ZIP',
      message: 'El archivo no es un ZIP válido.',
    });
    const empty = await importAs(sessions.admin as TestSession, Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
  });

  it('writes nothing of the valid files when the last one has a single bad value', async () => {
    const zip = saltedFixtureZip({
      'schedules.csv': `${fixtureFile('schedules.csv')}e5000000-0000-4000-8000-0000000000aa,,,d4000000-0000-4000-8000-000000000001,,,,,,,,WEEKLY,,MO,,,,,26:00,27:00,,,\n`,
    });
    const before = await directoryState(database.db);
    const response = await importAs(sessions.admin as TestSession, zip);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ file: 'schedules.csv', row: 5, field: 'opens_at' }),
      expect.objectContaining({ file: 'schedules.csv', row: 5, field: 'closes_at' }),
    ]);
    expect(await directoryState(database.db)).toEqual(before);
  });
});

describe('who may import', () => {
  it('only network administrators and office coordinators; others get 403, anonymous 401', async () => {
    for (const role of ['caseworker', 'partner', 'analyst'] as const) {
      const response = await importAs(sessions[role] as TestSession, fixtureZip());
      expect(response.statusCode, role).toBe(403);
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/directory/hsds/import',
      headers: { 'content-type': 'application/zip' },
      payload: fixtureZip(),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('HSDS API (public)', () => {
  let records: DirectoryRecords;
  const validator = ajv();
  const schema = (path: string) => validator.compile(readStandard(path));

  beforeAll(async () => {
    records = buildDirectory(`API ${uuidv7().slice(-6)}`);
    await insertDirectory(database.db, records);
  });

  it('describes itself at the root', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/hsds/' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ version: '3.0', openapi_url: 'http://localhost:80/api/openapi.json' });
  });

  it('lists services in pages without sign-in, valid against compiled/service_list.json, and filters them', async () => {
    const validate = schema('compiled/service_list.json');
    const first = await app.inject({ method: 'GET', url: '/api/hsds/services?per_page=2' });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page).toMatchObject({ page_number: 1, size: 2, first_page: true, empty: false });
    expect(page.total_pages).toBe(Math.ceil(page.total_items / 2));
    for (const item of page.contents) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);

    const mine = await app.inject({
      method: 'GET',
      url: `/api/hsds/services?organization_id=${records.organizations[0]?.id}&taxonomy_term_id=${termId('category', 'food_aid')}`,
    });
    expect(mine.json().contents.map((s: { name: string }) => s.name)).toEqual([records.services[1]?.name]);
    const search = await app.inject({
      method: 'GET',
      url: `/api/hsds/services?search=${encodeURIComponent(records.services[0]?.name ?? '')}`,
    });
    expect(search.json()).toMatchObject({ total_items: 1, total_pages: 1, last_page: true });
    const nothing = await app.inject({
      method: 'GET',
      url: `/api/hsds/services?taxonomy_term_id=${uuidv7()}`,
    });
    expect(nothing.json()).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it('refuses bad query parameters with problem+json naming them', async () => {
    for (const query of [
      'page=0',
      'per_page=500',
      'taxonomy_term_id=abc',
      'modified_after=ayer',
      'format=ndjson',
    ]) {
      const response = await app.inject({ method: 'GET', url: `/api/hsds/services?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path).toBe(query.split('=')[0]);
    }
    expect((await app.inject({ method: 'GET', url: '/api/hsds/services/abc' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/api/hsds/services/${uuidv7()}` })).statusCode).toBe(404);
  });

  it('gives a fully nested service, organization and service at location, valid against the compiled schemas', async () => {
    const [service] = records.services;
    const full = await app.inject({ method: 'GET', url: `/api/hsds/services/${service?.id}` });
    expect(full.statusCode).toBe(200);
    const body = full.json();
    const validateService = schema('compiled/service.json');
    expect(validateService(body), JSON.stringify(validateService.errors)).toBe(true);
    expect(body.organization.name).toBe(records.organizations[0]?.name);
    expect(body.service_at_locations[0].location.addresses[0]).toMatchObject({
      city: 'Barranquilla',
      country: 'CO',
    });
    expect(body.service_at_locations[0].schedules[0]).toMatchObject({
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '08:00-05:00',
    });
    expect(body.contacts[0].phones[0].number).toBe('+57 605 3000000');
    // Contact persons' names and titles stay out of the public API (the package, for signed-in users, has them).
    expect(body.contacts[0]).toMatchObject({ department: 'Empleabilidad', email: 'ana@fundacion.example' });
    expect(body.contacts[0]).not.toHaveProperty('name');
    expect(body.contacts[0]).not.toHaveProperty('title');
    expect(body.attributes.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code)).toContain(
      'job_placement',
    );
    expect(body.minimum_age).toBe(18);

    const organization = await app.inject({
      method: 'GET',
      url: `/api/hsds/organizations/${records.organizations[0]?.id}?full_service=true`,
    });
    const validateOrganization = schema('compiled/organization.json');
    expect(validateOrganization(organization.json()), JSON.stringify(validateOrganization.errors)).toBe(true);
    expect(organization.json().services).toHaveLength(2);

    const organizations = await app.inject({ method: 'GET', url: '/api/hsds/organizations?per_page=5' });
    const validateOrganizationItem = schema('compiled/organization_list.json');
    for (const item of organizations.json().contents) expect(validateOrganizationItem(item)).toBe(true);

    const link = records.servicesAtLocations[0];
    const links = await app.inject({
      method: 'GET',
      url: `/api/hsds/service_at_locations?organization_id=${records.organizations[0]?.id}`,
    });
    expect(links.json().contents.map((l: { id: string }) => l.id)).toEqual([link?.id]);
    const validateLinkItem = schema('compiled/service_at_location_list.json');
    expect(validateLinkItem(links.json().contents[0])).toBe(true);
    const one = await app.inject({ method: 'GET', url: `/api/hsds/service_at_locations/${link?.id}` });
    const validateLink = schema('compiled/service_at_location.json');
    expect(validateLink(one.json()), JSON.stringify(validateLink.errors)).toBe(true);
    expect(one.json()).toMatchObject({ service: { id: service?.id }, location: { id: link?.location_id } });
  });
});
