import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/database';
import { buildApp } from '../server/app';
import { type Config, loadConfig } from '../server/config';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
}

/**
 * The whole application on a database of its own, not listening; drive it with `app.inject`. Pass `register`
 * to add routes before the app is sealed (e.g. to exercise the error handling). `app.close()` drops the database.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; register?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    ...options.env,
  });
  const database = await createTestDatabase();
  const app = await buildApp({ config, database });
  options.register?.(app);
  await app.ready();
  return { app, database, config };
}
