import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/database';
import { urlForDatabase, withMaintenanceClient } from './postgres-admin';

/**
 * A migrated database of its own for one test file: a PGlite copy of the suite's snapshot, or a PostgreSQL
 * database cloned from the run's template when TEST_DATABASE_URL is set. Closing it drops the copy.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshotPath'))]);
    return openDatabase({ dataDir: 'memory://', snapshot });
  }
  const prefix = inject('postgresRunPrefix');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await withMaintenanceClient(url, (client) =>
    client.query(`create database ${name} template ${prefix}template`),
  );
  const database = await openDatabase({ url: urlForDatabase(url, name), maxConnections: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await withMaintenanceClient(url, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}
