import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { seedDemoNetwork } from '../../demo/seed-demo';
import type { Role } from '../../domain/identity/roles';
import { TEST_PASSWORD } from '../../testing/sessions';
import { createAuditService } from '../audit/service';
import type { Actor } from '../identity/actor';
import { createImportService } from './import-service';
import { createRegistryService } from './service';

const dataDir = mkdtempSync(join(tmpdir(), 'ruta-import-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const ROWS = 120;
const BATCH = 10;

async function withServices<T>(run: (services: ReturnType<typeof build>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await run(build(database));
  } finally {
    await database.close();
  }
}

function build(database: Awaited<ReturnType<typeof openDatabase>>) {
  const audit = createAuditService({ db: database.db });
  const imports = createImportService({
    db: database.db,
    audit,
    registry: createRegistryService({ db: database.db, audit }),
    batchSize: BATCH,
  });
  return { db: database.db, imports };
}

/** A file of ROWS persons with the given surname; every 10th row has an impossible birth date. */
function file(surname: string): Uint8Array {
  const lines = ['Nombres;Apellidos;Tipo de documento;Número de documento;Fecha de nacimiento'];
  for (let i = 0; i < ROWS; i++) {
    const date = i % 10 === 9 ? '31/02/1990' : `${String((i % 28) + 1).padStart(2, '0')}/05/1990`;
    lines.push(
      `Persona ${i};${surname};CC;${surname === 'Choque' ? 61 : 62}${String(i).padStart(6, '0')};${date}`,
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function queueJob(surname: string, mode: 'allOrNothing' | 'skipInvalid') {
  return withServices(async ({ db, imports }) => {
    const user = await db
      .selectFrom('app_user')
      .innerJoin('user_office', 'user_office.user_id', 'app_user.id')
      .select(['app_user.id', 'app_user.organization_id', 'user_office.office_id'])
      .where('app_user.email', '=', 'gestor@ruta.example')
      .executeTakeFirstOrThrow();
    const actor = {
      userId: user.id,
      role: 'caseworker' as Role,
      organizationId: user.organization_id,
      officeIds: [user.office_id],
      via: 'session',
      scopes: ['read', 'write'],
      context: { ip: '127.0.0.1', userAgent: 'test', requestId: 'crash-test' },
    } as Actor;
    const { job } = await imports.upload(actor, {
      officeId: user.office_id,
      fileName: 'f.csv',
      bytes: file(surname),
    });
    await imports.setMapping(actor, job.id, { mapping: job.mapping, defaultPopulationGroup: 'returnee' });
    // Queued as start() leaves it, without letting this process run it: the child will.
    await db
      .updateTable('import_job')
      .set({ status: 'queued', mode, started_by_role: 'caseworker' })
      .where('id', '=', job.id)
      .execute();
    return job.id;
  });
}

/** Runs the waiting jobs in a child process and kills it with SIGKILL once `rows` rows are reported processed. */
async function killImporterAfter(rows: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/testing/crash-importer.ts', dataDir, String(BATCH)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    if (Number(line) >= rows) child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
}

async function state(jobId: string, surname: string) {
  return withServices(async ({ db }) => {
    const job = await db
      .selectFrom('import_job')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    const persons = await db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('surname_1', '=', surname)
      .executeTakeFirstOrThrow();
    const keys = await db
      .selectFrom('import_row_key')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    return { job, persons: persons.count, keys: keys.count };
  });
}

async function resume() {
  await withServices(async ({ imports }) => {
    await imports.resumeInterrupted();
    await imports.idle();
  });
}

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  await seedDemoNetwork(database.db, { password: TEST_PASSWORD });
  await database.close();
}, 120_000);

// SIGKILL in the middle of a job, on the embedded engine (PostgreSQL's own crash safety is not ours to test).
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('an import killed mid-job', () => {
  it('allOrNothing: leaves nothing, and the restarted job imports everything once', {
    timeout: 120_000,
  }, async () => {
    // Every row valid: the job reaches its one long transaction.
    const id = await queueJob('Choque', 'allOrNothing');
    await withServices(async ({ db }) => {
      // Make the invalid dates valid for this file, so the job runs to the write phase.
      await db
        .updateTable('import_job')
        .set({ mapping: JSON.stringify(['givenNames', 'surnames', 'documentType', 'documentNumber', null]) })
        .where('id', '=', id)
        .execute();
    });
    await killImporterAfter(3 * BATCH);
    const killed = await state(id, 'Choque');
    expect(killed.job.status).toBe('running');
    expect(killed.persons).toBe(0);
    expect(killed.keys).toBe(0);
    await resume();
    const done = await state(id, 'Choque');
    expect(done.job).toMatchObject({ status: 'succeeded', created_rows: ROWS, processed_rows: ROWS });
    expect(done.persons).toBe(ROWS);
  });

  it('skipInvalid: leaves whole batches with their progress, and resumes after the last one', {
    timeout: 120_000,
  }, async () => {
    const id = await queueJob('Reanuda', 'skipInvalid');
    await killImporterAfter(3 * BATCH);
    const killed = await state(id, 'Reanuda');
    expect(killed.job.status).toBe('running');
    expect(killed.job.processed_rows % BATCH).toBe(0);
    expect(killed.job.processed_rows).toBeGreaterThanOrEqual(3 * BATCH);
    expect(killed.job.processed_rows).toBeLessThan(ROWS);
    // What was committed is exactly what the job's counters say.
    expect(killed.persons).toBe(killed.job.created_rows);
    expect(killed.job.rejected_rows).toBe(killed.job.processed_rows / 10);
    await resume();
    const done = await state(id, 'Reanuda');
    expect(done.job).toMatchObject({ status: 'succeeded', processed_rows: ROWS, rejected_rows: ROWS / 10 });
    expect(done.persons).toBe(ROWS - ROWS / 10);
    expect(done.job.created_rows).toBe(ROWS - ROWS / 10);
  });
});
