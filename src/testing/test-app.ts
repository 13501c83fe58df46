import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/database';
import { seedDemoNetwork } from '../demo/seed-demo';
import { buildApp } from '../server/app';
import { type Config, loadConfig } from '../server/config';
import { TEST_PASSWORD } from './sessions';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
}

/**
 * The whole application on a database of its own, not listening; drive it with `app.inject`. Pass `register`
 * to add routes before the app is sealed (e.g. to exercise the error handling), and `seedDemo` for the demo
 * network with every demo user's password set to TEST_PASSWORD. `app.close()` drops the database.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    register?: (app: FastifyInstance) => void;
    seedDemo?: boolean;
    /** The time services see, for reminders and due times. */
    clock?: () => Date;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    SIGN_IN_RATE_LIMIT: '10000',
    WEB_DIST_DIR: '/nonexistent',
    ...options.env,
  });
  const database = await createTestDatabase();
  if (options.seedDemo) await seedDemoNetwork(database.db, { password: TEST_PASSWORD });
  const app = await buildApp({ config, database, clock: options.clock });
  options.register?.(app);
  await app.ready();
  return { app, database, config };
}
