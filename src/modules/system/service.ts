import type { Kysely } from 'kysely';
import type { Engine } from '../../db/database';
import type { Database } from '../../db/schema';
import { pingDatabase, readSchemaVersion } from './queries';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; engine: Engine };
  schemaVersion: string | null;
  version: string;
}

export interface SystemServiceDeps {
  db: Kysely<Database>;
  engine: Engine;
  appVersion: string;
}

export function createSystemService({ db, engine, appVersion }: SystemServiceDeps) {
  return {
    /** Whether the database answers, and which schema version it is at. Never throws. */
    async readHealth(): Promise<Health> {
      try {
        await pingDatabase(db);
        const schemaVersion = await readSchemaVersion(db);
        return { status: 'ok', database: { reachable: true, engine }, schemaVersion, version: appVersion };
      } catch {
        return {
          status: 'unavailable',
          database: { reachable: false, engine },
          schemaVersion: null,
          version: appVersion,
        };
      }
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
