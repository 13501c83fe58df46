import { type DatabaseHandle, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { Config } from './config';

/** Opens the configured database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL). */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
}

/** Opens the database and brings its schema up to date; the caller closes it. */
export async function openMigratedDatabase(
  config: Config,
): Promise<{ database: DatabaseHandle; applied: string[] }> {
  const database = await openConfiguredDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    return { database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
