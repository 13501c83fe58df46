import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withMaintenanceClient } from '../testing/postgres-admin';
import { openDatabase } from './database';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the PostgreSQL pool', () => {
  it('survives the server closing an idle connection, and answers the next query on a new one', async () => {
    const dropped: Error[] = [];
    const database = await openDatabase({
      url,
      maxConnections: 1,
      onIdleConnectionError: (error) => dropped.push(error),
    });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      const pid = rows[0]?.pid;
      await withMaintenanceClient(url as string, (client) =>
        client.query('select pg_terminate_backend($1)', [pid]),
      );
      await expect.poll(() => dropped.length).toBe(1);
      const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      expect(again.rows[0]?.pid).not.toBe(pid);
    } finally {
      await database.close();
    }
  });
});
