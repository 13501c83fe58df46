import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { signIn, type TestSession } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';
import { createAuditService } from '../audit/service';
import { createImportService } from './import-service';
import { createRegistryService } from './service';

let app: FastifyInstance;
let database: DatabaseHandle;
let caseworker: TestSession;
let coordinator: TestSession;
let reception: TestSession;
let centreId: string;
let airportId: string;

const HEADER =
  'Primer nombre;Primer apellido;Tipo de documento;No. documento;Fecha de nacimiento;Teléfono;Municipio;Observaciones';

/** A semicolon CSV with BOM as Excel exports it, one row per [name, surname, document, birth date]. */
function csvFile(rows: Array<[string, string, string, string]>): Buffer {
  const lines = rows.map(([name, surname, document, birth]) =>
    [name, surname, 'CC', document, birth, '300 123 4567', 'Barranquilla', 'ok'].join(';'),
  );
  return Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
}

async function upload(
  session: TestSession,
  body: Buffer,
  fileName = 'personas.csv',
  officeId = centreId,
  type = 'text/csv',
) {
  return session.request({
    method: 'POST',
    url: '/api/v1/imports',
    query: { officeId, fileName },
    headers: { 'content-type': type },
    payload: body,
  });
}

/** Uploads, keeps the suggested mapping with a default population group, and returns the job id. */
async function prepared(session: TestSession, body: Buffer, type = 'text/csv') {
  const uploaded = await upload(session, body, 'personas.csv', centreId, type);
  expect(uploaded.statusCode).toBe(201);
  const { job } = uploaded.json();
  const mapped = await session.request({
    method: 'PUT',
    url: `/api/v1/imports/${job.id}/mapping`,
    payload: { mapping: job.mapping, defaultPopulationGroup: 'venezuelan_migrant' },
  });
  expect(mapped.statusCode).toBe(200);
  return job.id as string;
}

async function runToEnd(session: TestSession, id: string, mode: 'allOrNothing' | 'skipInvalid') {
  const started = await session.request({
    method: 'POST',
    url: `/api/v1/imports/${id}/start`,
    payload: { mode },
  });
  expect(started.statusCode).toBe(202);
  for (;;) {
    const job = (await session.request({ method: 'GET', url: `/api/v1/imports/${id}` })).json();
    if (!['queued', 'running'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function countBySurname(surname: string) {
  const row = await database.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('surname_1', '=', surname)
    .executeTakeFirstOrThrow();
  return row.count;
}

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
  const office = (name: string) =>
    database.db.selectFrom('office').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  centreId = (await office('Centro Intégrate Barranquilla')).id;
  airportId = (await office('Puesto de control migratorio – Aeropuerto El Dorado')).id;
  caseworker = (await signIn(app, 'gestor@ruta.example')).session;
  coordinator = (await signIn(app, 'coordinadora@ruta.example')).session;
  reception = (await signIn(app, 'recepcion@ruta.example')).session;
});
afterAll(() => app.close());

describe('upload and mapping', () => {
  it('reads a semicolon CSV with BOM, suggests a mapping, and offers the saved one next time', async () => {
    const first = await upload(caseworker, csvFile([['Ana', 'Mapeo', '52100200', '1990-01-02']]));
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.mappingSource).toBe('suggested');
    expect(body.job.columns[0]).toBe('Primer nombre');
    expect(body.job.mapping).toEqual([
      'givenName1',
      'surname1',
      'documentType',
      'documentNumber',
      'birthDate',
      'phone',
      'municipality',
      null,
    ]);
    expect(body.samples[0]).toEqual(['Ana']);
    const changed = [...body.job.mapping.slice(0, 5), null, 'municipality', null];
    const saved = await caseworker.request({
      method: 'PUT',
      url: `/api/v1/imports/${body.job.id}/mapping`,
      payload: { mapping: changed, defaultPopulationGroup: 'returnee' },
    });
    expect(saved.statusCode).toBe(200);

    const again = (await upload(coordinator, csvFile([['Otra', 'Mapeo', '52100201', '1990-01-03']]))).json();
    expect(again.mappingSource).toBe('saved');
    expect(again.job.mapping).toEqual(changed);
    expect(again.job.defaultPopulationGroup).toBe('returnee');
  });

  it('refuses a mapping that gives one field to two columns, naming the field, in the caller’s language', async () => {
    const { job } = (await upload(caseworker, csvFile([['Ana', 'Mapeo', '52100200', '1990-01-02']]))).json();
    const mapping = ['givenName1', 'givenName1', null, null, null, null, null, null];
    const response = await caseworker.request({
      method: 'PUT',
      url: `/api/v1/imports/${job.id}/mapping`,
      headers: { 'accept-language': 'en' },
      payload: { mapping },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      { in: 'body', path: 'mapping', message: 'Each field can be given to one column only.' },
      {
        in: 'body',
        path: 'mapping',
        message: 'Choose the column with the surname (first surname or surnames).',
      },
    ]);
  });

  it('refuses an empty or unreadable file naming the file, and a file over the size limit', async () => {
    const empty = await upload(caseworker, Buffer.from('\r\n\r\n'));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      { in: 'body', path: 'file', message: 'El archivo no tiene filas.' },
    ]);
    const broken = await upload(
      caseworker,
      Buffer.from('PK\u0003\u0004 not a workbook'),
      'roto.xlsx',
      centreId,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].path).toBe('file');
    const huge = await upload(caseworker, Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(huge.statusCode).toBe(413);
  });
});

describe('preview', () => {
  it('shows each row’s errors by field and the likely existing records with score and reasons', async () => {
    const registered = await caseworker.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        officeId: centreId,
        givenName1: 'Lucía',
        surname1: 'Previsión',
        birthDate: '1988-04-05',
        populationGroup: 'venezuelan_migrant',
        documents: [{ type: 'CC', number: '52300400' }],
      },
    });
    expect(registered.statusCode).toBe(201);
    const id = await prepared(
      caseworker,
      csvFile([
        ['Lucia', 'Prevision', '52.300.400', '05/04/1988'],
        ['Mario', 'Previsión', '52300401', '31/02/1990'],
      ]),
    );
    const preview = (
      await caseworker.request({ method: 'GET', url: `/api/v1/imports/${id}/preview` })
    ).json();
    expect(preview).toMatchObject({ totalRows: 2, invalidRows: 1 });
    expect(preview.rows[0].errors).toEqual([]);
    expect(preview.rows[0].candidates[0]).toMatchObject({
      reasons: expect.arrayContaining(['sameDocument', 'sameName', 'sameBirthDate']),
      person: { displayName: 'Lucía Previsión' },
    });
    expect(preview.rows[0].candidates[0].score).toBeGreaterThanOrEqual(0.95);
    expect(preview.rows[1]).toMatchObject({
      rowNumber: 3,
      person: null,
      errors: [{ field: 'birthDate', message: 'No es una fecha válida. Use DD/MM/AAAA o AAAA-MM-DD.' }],
    });
  });
});

describe('importing', () => {
  const rows: Array<[string, string, string, string]> = [
    ['Carmen', 'Todonada', '52400100', '1980-01-01'],
    ['Julio', 'Todonada', '52400101', '1981-13-01'],
    ['Rosa', 'Todonada', '52400102', '1982-03-03'],
  ];

  it('allOrNothing with one bad row imports nothing and lists the bad row in the error file', async () => {
    const id = await prepared(caseworker, csvFile(rows));
    const job = await runToEnd(caseworker, id, 'allOrNothing');
    expect(job).toMatchObject({
      status: 'failed',
      errorCode: 'invalidRows',
      createdRows: 0,
      rejectedRows: 1,
    });
    expect(await countBySurname('Todonada')).toBe(0);
    const file = await caseworker.request({ method: 'GET', url: `/api/v1/imports/${id}/errors` });
    expect(file.body).toContain('Fila;Primer nombre');
    expect(file.body).toContain('3;Julio;Todonada');
  });

  it('skipInvalid imports the good rows, audits them, and the error file says what is wrong with the bad one', async () => {
    const id = await prepared(caseworker, csvFile(rows));
    const job = await runToEnd(caseworker, id, 'skipInvalid');
    expect(job).toMatchObject({
      status: 'succeeded',
      totalRows: 3,
      processedRows: 3,
      createdRows: 2,
      rejectedRows: 1,
    });
    expect(await countBySurname('Todonada')).toBe(2);
    // Imported persons are found like registered ones: their name keys were written with them.
    const found = await caseworker.request({
      method: 'GET',
      url: '/api/v1/persons',
      query: { q: 'Todonda' },
    });
    expect(found.json().items).toHaveLength(2);
    const file = await caseworker.request({
      method: 'GET',
      url: `/api/v1/imports/${id}/errors`,
      headers: { 'accept-language': 'en' },
    });
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['content-disposition']).toContain('attachment');
    const lines = file.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`Row;${HEADER};Errors`);
    expect(lines[1]).toContain('Birth date: Not a valid date.');
    const ids = await database.db
      .selectFrom('person')
      .select('id')
      .where('surname_1', '=', 'Todonada')
      .execute();
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'changes'])
      .where(
        'record_id',
        'in',
        ids.map((row) => row.id),
      )
      .execute();
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ action: 'person.registered', actor_role: 'caseworker' });
    expect(audited[0]?.changes).toMatchObject({ after: { importJobId: id } });
  });

  it('re-importing the same file creates no one twice, and a registered document is matched', async () => {
    const again = await runToEnd(caseworker, await prepared(caseworker, csvFile(rows)), 'skipInvalid');
    expect(again).toMatchObject({ status: 'succeeded', createdRows: 0, skippedRows: 2, rejectedRows: 1 });
    // Another spelling of Carmen with her document, and a row repeated within the file.
    const other = await runToEnd(
      caseworker,
      await prepared(
        caseworker,
        csvFile([
          ['CARMEN', 'TODONADA', '52.400.100', '02/02/1980'],
          ['Nuevo', 'Todonada', '52400199', '1990-01-01'],
          ['Nuevo', 'Todonada', '52400199', '1990-01-01'],
        ]),
      ),
      'allOrNothing',
    );
    expect(other).toMatchObject({ status: 'succeeded', createdRows: 1, matchedRows: 1, skippedRows: 1 });
    expect(await countBySurname('Todonada')).toBe(3);
  });

  it('imports an Excel workbook, with dates and numbers as Excel stores them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personas');
    sheet.addRow([
      'Nombres',
      'Apellidos',
      'Tipo documento',
      'Cédula',
      'Fecha de nacimiento',
      'Tipo de población',
    ]);
    sheet.addRow([
      'María José',
      'De la Cruz Libro',
      'Cédula de ciudadanía',
      52500100,
      new Date(Date.UTC(1975, 6, 20)),
      'Retornada',
    ]);
    sheet.addRow(['Pedro', 'Libro', 'PPT', '5250010', '1999-12-31', 'migrante venezolano']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const uploaded = (await upload(caseworker, bytes, 'personas.xlsx', centreId, type)).json();
    expect(uploaded.job).toMatchObject({ format: 'xlsx', totalRows: 2 });
    expect(uploaded.job.mapping).toEqual([
      'givenNames',
      'surnames',
      'documentType',
      'documentNumber',
      'birthDate',
      'populationGroup',
    ]);
    const job = await runToEnd(caseworker, uploaded.job.id, 'allOrNothing');
    expect(job).toMatchObject({ status: 'succeeded', createdRows: 2 });
    const maria = await database.db
      .selectFrom('person')
      .selectAll()
      .where('surname_1', '=', 'De la Cruz')
      .where('surname_2', '=', 'Libro')
      .executeTakeFirstOrThrow();
    expect(maria).toMatchObject({
      given_name_1: 'María',
      given_name_2: 'José',
      birth_date: '1975-07-20',
      population_group: 'returnee',
    });
  });

  it('lists the office’s recent imports and refuses to start one twice', async () => {
    const list = (await coordinator.request({ method: 'GET', url: '/api/v1/imports' })).json();
    expect(list.items.length).toBeGreaterThanOrEqual(5);
    const done = list.items.find((job: { status: string }) => job.status === 'succeeded');
    const twice = await caseworker.request({
      method: 'POST',
      url: `/api/v1/imports/${done.id}/start`,
      payload: { mode: 'skipInvalid' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:ruta:problem:import-state');
  });
});

describe('cancelling', () => {
  it('cancels a draft, which can then no longer start', async () => {
    const { job } = (await upload(caseworker, csvFile(rows2()))).json();
    const cancelled = await caseworker.request({ method: 'POST', url: `/api/v1/imports/${job.id}/cancel` });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const start = await caseworker.request({
      method: 'POST',
      url: `/api/v1/imports/${job.id}/start`,
      payload: { mode: 'skipInvalid' },
    });
    expect(start.statusCode).toBe(409);
    expect(await countBySurname('Acceso')).toBe(0);
  });
});

describe('who may import', () => {
  it('refuses reception officers, other offices’ imports and roles without records', async () => {
    expect((await upload(reception, csvFile(rows2()), 'x.csv', airportId)).statusCode).toBe(403);
    expect((await upload(coordinator, csvFile(rows2()), 'x.csv', airportId)).statusCode).toBe(403);
    const { job } = (await upload(caseworker, csvFile(rows2()))).json();
    expect((await reception.request({ method: 'GET', url: `/api/v1/imports/${job.id}` })).statusCode).toBe(
      403,
    );
    expect(
      (await reception.request({ method: 'GET', url: `/api/v1/imports/${job.id}/errors` })).statusCode,
    ).toBe(403);
    const { session: analyst } = await signIn(app, 'analista@ruta.example');
    expect((await analyst.request({ method: 'GET', url: '/api/v1/imports' })).statusCode).toBe(403);
    expect(
      (
        await caseworker.request({
          method: 'GET',
          url: '/api/v1/imports/00000000-0000-7000-8000-000000000001',
        })
      ).statusCode,
    ).toBe(404);
  });
});

function rows2(): Array<[string, string, string, string]> {
  return [['Ana', 'Acceso', '52600100', '1990-01-01']];
}

describe('a failure in the middle of an allOrNothing job', () => {
  it('leaves nothing: every batch was in the one transaction that failed', async () => {
    const audit = createAuditService({ db: database.db });
    const imports = createImportService({
      db: database.db,
      audit,
      registry: createRegistryService({ db: database.db, audit }),
      batchSize: 2,
      onBatch: (_id, processed) => {
        if (processed >= 4) throw new Error('disk full');
      },
    });
    const many = Array.from({ length: 7 }, (_, i): [string, string, string, string] => [
      `Persona${i}`,
      'Falla',
      `5270010${i}`,
      '1990-01-01',
    ]);
    const id = await prepared(caseworker, csvFile(many));
    const { job } = await (async () => {
      // Queue it through this service instance (the app's own would run it without the fault).
      await database.db
        .updateTable('import_job')
        .set({ status: 'queued', mode: 'allOrNothing' })
        .where('id', '=', id)
        .execute();
      await imports.resumeInterrupted();
      await imports.idle();
      return { job: (await caseworker.request({ method: 'GET', url: `/api/v1/imports/${id}` })).json() };
    })();
    expect(job).toMatchObject({ status: 'failed', errorCode: 'internal', createdRows: 0 });
    expect(await countBySurname('Falla')).toBe(0);
  });
});
