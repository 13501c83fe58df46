/**
 * Spreadsheet import throughput: N generated persons as the CSV an office would upload, imported through the real
 * import service (parsing, validation, row fingerprints, document matching, the duplicate check, audit entries,
 * batches committed with the job's progress) into a fresh database; and, as the baseline, raw COPY of the same
 * persons and their documents into another fresh database: the fastest the engine can take those rows.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { v7 as uuidv7 } from 'uuid';
import { type DatabaseHandle, openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemoNetwork } from '../../src/demo/seed-demo';
import { normalizeDocumentNumber } from '../../src/domain/registry/document-number';
import type { Actor } from '../../src/modules/identity/actor';
import { nameColumns } from '../../src/modules/registry/name-columns';
import { createServices } from '../../src/server/services';
import {
  csvField,
  csvLine,
  generatePersons,
  PERSON_COLUMNS,
  type PersonRecord,
  recordLine,
} from '../../src/synthetic';
import { urlForDatabase, withMaintenanceClient } from '../../src/testing/postgres-admin';
import type { BenchOptions, Scenario } from '../run';
import { printTable } from '../stats';

const DEFAULT_SIZE = 10_000;
const SEED = 2026;
const SEX = { F: 'female', M: 'male' } as const;
const run = promisify(execFile);

interface Fresh {
  database: DatabaseHandle;
  url: string | null;
  drop: () => Promise<void>;
}

/** A new, migrated database with the demo network (the import needs an office and a user). */
async function freshDatabase(options: BenchOptions, label: string): Promise<Fresh> {
  let database: DatabaseHandle;
  let url: string | null = null;
  let drop = async () => {};
  if (options.engine === 'postgres') {
    const maintenance = options.databaseUrl as string;
    const name = `ruta_bench_${label}_${process.pid}`;
    await withMaintenanceClient(maintenance, async (client) => {
      await client.query(`drop database if exists ${name}`);
      await client.query(`create database ${name}`);
    });
    url = urlForDatabase(maintenance, name);
    database = await openDatabase({ url, maxConnections: 4 });
    drop = async () => {
      await withMaintenanceClient(maintenance, (client) => client.query(`drop database if exists ${name}`));
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrateToLatest(database.db);
  await seedDemoNetwork(database.db, { password: 'bench-password-2026' });
  return { database, url, drop };
}

function generate(size: number): { csv: Buffer; records: PersonRecord[] } {
  const records = [...generatePersons({ seed: SEED, size })];
  const lines = [csvLine(PERSON_COLUMNS), ...records.map((record) => recordLine(record, false))];
  return { csv: Buffer.from(lines.join(''), 'utf8'), records };
}

async function caseworkerOf(database: DatabaseHandle): Promise<Actor> {
  const user = await database.db
    .selectFrom('app_user')
    .innerJoin('user_office', 'user_office.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.organization_id', 'user_office.office_id'])
    .where('app_user.email', '=', 'gestor@ruta.example')
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    role: 'caseworker',
    organizationId: user.organization_id,
    officeIds: [user.office_id],
    via: 'session',
    scopes: ['read', 'write'],
    context: { ip: null, userAgent: 'bench', requestId: null },
  } as unknown as Actor;
}

/** The import as an office runs it: upload, the suggested mapping, skipInvalid, until the job ends. */
async function measureImport(options: BenchOptions, csv: Buffer, size: number) {
  const fresh = await freshDatabase(options, 'import');
  try {
    const services = createServices({ database: fresh.database, appVersion: 'bench' });
    const actor = await caseworkerOf(fresh.database);
    const uploadStarted = performance.now();
    const { job } = await services.imports.upload(actor, {
      officeId: actor.officeIds[0] as string,
      fileName: 'personas.csv',
      bytes: csv,
    });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    for (const field of ['givenName1', 'surname1', 'documents', 'birthDate', 'populationGroup'] as const) {
      if (!job.mapping.includes(field))
        throw new Error(`the suggested mapping lacks ${field}: ${job.mapping}`);
    }
    await services.imports.setMapping(actor, job.id, { mapping: job.mapping });
    const started = performance.now();
    await services.imports.start(actor, job.id, { mode: 'skipInvalid' });
    await services.imports.idle();
    const seconds = (performance.now() - started) / 1000;
    const done = await services.imports.get(actor, job.id);
    if (done.status !== 'succeeded' || done.processedRows !== size)
      throw new Error(`import ended ${done.status} after ${done.processedRows} rows (${done.errorCode})`);
    return { uploadSeconds, seconds, job: done };
  } finally {
    await fresh.database.close();
    await fresh.drop();
  }
}

const COPY_PERSON_COLUMNS = [
  'id',
  'given_name_1',
  'given_name_2',
  'surname_1',
  'surname_2',
  'search_name',
  'name_keys',
  'sex_at_birth',
  'birth_date',
  'birth_date_estimated',
  'nationalities',
  'population_group',
  'phone_e164',
  'municipality_code',
  'registered_office_id',
];
const COPY_DOCUMENT_COLUMNS = ['id', 'person_id', 'document_type', 'number', 'number_normalized'];

const arrayLiteral = (values: string[]) =>
  `{${values.map((v) => `"${v.replaceAll('"', '\\"')}"`).join(',')}}`;

/** The same persons as COPY input: one CSV for person, one for identity_document (one owner per document). */
function copyFiles(records: PersonRecord[], officeId: string) {
  let persons = '';
  let documents = '';
  const seen = new Set<string>();
  for (const record of records) {
    const id = uuidv7();
    const names = nameColumns(record);
    const row = [
      id,
      record.givenName1,
      record.givenName2 ?? '',
      record.surname1,
      record.surname2 ?? '',
      names.search_name,
      arrayLiteral(names.name_keys),
      SEX[record.sex],
      record.birthDate,
      String(record.birthDateEstimated),
      `{${record.nationality}}`,
      record.populationGroup,
      record.phone ?? '',
      record.municipalityCode,
      officeId,
    ];
    persons += `${row.map(csvField).join(',')}\n`;
    for (const document of record.documents) {
      const normalized = normalizeDocumentNumber(document.number);
      const key = `${document.type}:${normalized}`;
      if (seen.has(key)) continue;
      seen.add(key);
      documents += `${[uuidv7(), id, document.type, document.number, normalized].map(csvField).join(',')}\n`;
    }
  }
  return { persons, documents, documentCount: seen.size };
}

/** Raw COPY of the same rows: psql's \copy on PostgreSQL (its start-up included), COPY FROM a blob on PGlite. */
async function measureCopy(options: BenchOptions, records: PersonRecord[]) {
  const fresh = await freshDatabase(options, 'copy');
  const office = await fresh.database.db
    .selectFrom('office')
    .select('id')
    .where('name', '=', 'Centro Intégrate Barranquilla')
    .executeTakeFirstOrThrow();
  const files = copyFiles(records, office.id);
  const personCopy = `person (${COPY_PERSON_COLUMNS.join(', ')})`;
  const documentCopy = `identity_document (${COPY_DOCUMENT_COLUMNS.join(', ')})`;
  try {
    if (options.engine === 'postgres') {
      await fresh.database.close();
      const folder = mkdtempSync(join(tmpdir(), 'ruta-bench-copy-'));
      try {
        writeFileSync(join(folder, 'person.csv'), files.persons);
        writeFileSync(join(folder, 'document.csv'), files.documents);
        const started = performance.now();
        await run('psql', [
          '-v',
          'ON_ERROR_STOP=1',
          '-q',
          fresh.url as string,
          '-c',
          `\\copy ${personCopy} from '${join(folder, 'person.csv')}' with (format csv)`,
          '-c',
          `\\copy ${documentCopy} from '${join(folder, 'document.csv')}' with (format csv)`,
        ]);
        return { seconds: (performance.now() - started) / 1000, documents: files.documentCount };
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    // PGlite: start a raw instance from this database's files, so COPY can read from a blob.
    const snapshot = await (fresh.database.dumpSnapshot as () => Promise<Blob>)();
    await fresh.database.close();
    const pglite = await PGlite.create({ loadDataDir: snapshot, extensions: { pg_trgm } });
    try {
      const started = performance.now();
      await pglite.query(`copy ${personCopy} from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([files.persons]),
      });
      await pglite.query(`copy ${documentCopy} from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([files.documents]),
      });
      const seconds = (performance.now() - started) / 1000;
      const counted = await pglite.query<{ count: number }>('select count(*)::int as count from person');
      if (counted.rows[0]?.count !== records.length) throw new Error('COPY did not load every person');
      return { seconds, documents: files.documentCount };
    } finally {
      await pglite.close();
    }
  } finally {
    await fresh.drop();
  }
}

export const importScenario: Scenario = {
  name: 'import',
  description:
    'Spreadsheet import through the import service (validation, duplicate check, audit) vs raw COPY',
  async run(options: BenchOptions) {
    const size = options.size ?? DEFAULT_SIZE;
    console.log(`Generating ${size.toLocaleString('en')} persons…`);
    const { csv, records } = generate(size);
    console.log(`Importing on ${options.engine}…`);
    const imported = await measureImport(options, csv, size);
    console.log('COPY baseline…');
    const copied = await measureCopy(options, records);
    const figures = {
      size,
      file_mb: Math.round((csv.length / 1024 / 1024) * 10) / 10,
      upload_s: Math.round(imported.uploadSeconds * 100) / 100,
      import_s: Math.round(imported.seconds * 100) / 100,
      rows_per_s: Math.round(size / imported.seconds),
      created: imported.job.createdRows,
      matched: imported.job.matchedRows,
      skipped: imported.job.skippedRows,
      rejected: imported.job.rejectedRows,
      flagged: imported.job.flaggedRows,
      copy_s: Math.round(copied.seconds * 100) / 100,
      copy_rows_per_s: Math.round(size / copied.seconds),
      copy_documents: copied.documents,
    };
    const share = Math.round((figures.rows_per_s / figures.copy_rows_per_s) * 1000) / 10;
    printTable(`Import of ${size.toLocaleString('en')} generated persons on ${options.engine}`, [
      { measure: 'upload: read the file, suggest a mapping (s)', value: figures.upload_s },
      { measure: 'import job, skipInvalid (s)', value: figures.import_s },
      { measure: 'import rows per second', value: figures.rows_per_s },
      {
        measure: 'registered / matched by document / already imported',
        value: `${figures.created} / ${figures.matched} / ${figures.skipped}`,
      },
      {
        measure: 'rejected / flagged as likely duplicates',
        value: `${figures.rejected} / ${figures.flagged}`,
      },
      { measure: 'COPY persons + documents (s) [baseline]', value: figures.copy_s },
      { measure: 'COPY rows per second [baseline]', value: figures.copy_rows_per_s },
      { measure: 'import as % of COPY', value: share },
    ]);
    return { ...figures, import_share_of_copy_pct: share };
  },
};
