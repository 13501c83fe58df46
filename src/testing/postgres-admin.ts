import pg from 'pg';

const PREFIX = 'ruta_test_';

/** Databases made by a test run share a prefix so the run's teardown can find and drop them. */
export function databaseNameFor(suffix: string): string {
  return `${PREFIX}${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** Runs statements (CREATE/DROP DATABASE) on the maintenance database named by TEST_DATABASE_URL. */
export async function withMaintenanceClient<T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function urlForDatabase(url: string, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}
