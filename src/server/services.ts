import type { DatabaseHandle } from '../db/database';
import { createSystemService } from '../modules/system/service';

export interface ServiceDeps {
  database: DatabaseHandle;
  appVersion: string;
}

/** Builds every module's service with its dependencies passed explicitly (no global database). */
export function createServices({ database, appVersion }: ServiceDeps) {
  return {
    system: createSystemService({ db: database.db, engine: database.engine, appVersion }),
  };
}

export type Services = ReturnType<typeof createServices>;
