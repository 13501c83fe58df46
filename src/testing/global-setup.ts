import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { databaseNameFor, urlForDatabase, withMaintenanceClient } from './postgres-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-folder snapshot each test file starts from. */
    pgliteSnapshotPath: string;
    /** PostgreSQL: prefix of this run's databases; `<prefix>template` is the migrated template. */
    postgresRunPrefix: string;
  }
}

/**
 * Migrates one database before the suite (initdb in WASM takes seconds), so each test file starts from a copy:
 * a PGlite snapshot, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const prefix = databaseNameFor(`${randomBytes(4).toString('hex')}_`);
    const template = `${prefix}template`;
    await withMaintenanceClient(url, (client) => client.query(`create database ${template}`));
    const database = await openDatabase({ url: urlForDatabase(url, template), maxConnections: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('postgresRunPrefix', prefix);
    project.provide('pgliteSnapshotPath', '');
    return () =>
      withMaintenanceClient(url, async (client) => {
        const made = await client.query<{ datname: string }>(
          'select datname from pg_database where starts_with(datname, $1)',
          [prefix],
        );
        for (const { datname } of made.rows) {
          await client.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
        }
      });
  }

  const dir = mkdtempSync(join(tmpdir(), 'ruta-test-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const snapshot = await database.dumpSnapshot?.();
  await database.close();
  if (!snapshot) throw new Error('The embedded database gave no snapshot.');
  const snapshotPath = join(dir, 'migrated.tar');
  writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', snapshotPath);
  project.provide('postgresRunPrefix', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
