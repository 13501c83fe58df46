import { seedDemo } from '../demo/seed-demo';
import { startOutboxDispatcher } from '../modules/notifications/dispatcher';
import { createLogTransport, createSmtpTransport } from '../modules/notifications/transport';
import { buildApp } from './app';
import { openMigratedDatabase } from './bootstrap';
import { type Config, loadConfig } from './config';

/**
 * Starts Ruta: migrates, seeds the demo network into an empty database when SEED_DEMO allows, listens, and
 * closes the database cleanly on SIGINT/SIGTERM so PGlite's data folder is never left half-written.
 */
export async function startServer(config: Config = loadConfig()): Promise<void> {
  const { database, applied } = await openMigratedDatabase(config);
  const demo = config.SEED_DEMO ? await seedDemo(database, { password: config.SEED_DEMO_PASSWORD }) : null;
  const app = await buildApp({ config, database });
  // Notifications written by the requests leave from here, in the background (see src/modules/notifications).
  const outbox = startOutboxDispatcher({
    db: database.db,
    transport: config.SMTP_URL
      ? createSmtpTransport({ url: config.SMTP_URL, from: config.MAIL_FROM })
      : createLogTransport(app.log),
    logger: app.log,
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      app.log.warn(`${signal} received again; exiting now`);
      process.exit(1);
    }
    closing = true;
    app.log.info(`${signal} received; closing`);
    outbox
      .stop()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'error while closing');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${config.PORT}`;
  const where =
    database.engine === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Ruta is running at ${url}`,
    `  Database: ${where}${applied.length ? `, applied ${applied.length} migration(s)` : ''}`,
    `  API documentation: ${url}/api/docs`,
  ];
  if (demo?.seeded) {
    lines.push(
      `  Demo network created: ${demo.organizations} organizations, ${demo.offices} offices, ${demo.people} people.`,
    );
    lines.push(
      '  Demo sign-ins (shown only now; the administrator sets up two-step verification at first sign-in):',
    );
    for (const login of demo.logins)
      lines.push(`    ${login.role.padEnd(20)} ${login.email.padEnd(28)} ${login.password}`);
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  startServer().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
