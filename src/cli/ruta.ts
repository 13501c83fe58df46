import { Command, InvalidArgumentError } from 'commander';
import { seedDemo } from '../demo/seed-demo';
import { openMigratedDatabase } from '../server/bootstrap';
import { type Config, ConfigError, loadConfig } from '../server/config';
import { startServer } from '../server/main';
import { APP_VERSION } from '../server/version';
import { registerHsdsCommands } from './hsds';

function parsePort(value: string): string {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError('must be a whole number from 1 to 65535.');
  }
  return value;
}

/** Command-line options override the environment, and go through the same validation. */
function configWith(overrides: Record<string, string | undefined>): Config {
  return loadConfig({
    ...process.env,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v)),
  });
}

const program = new Command()
  .name('ruta')
  .description('Ruta: case management for migrant assistance networks.')
  .version(APP_VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('Migrate the database, seed the demo network on first start, and serve the app and the API.')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', parsePort)
  .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set (default: DATA_DIR or ./data)')
  .action(async (options: { port?: string; dataDir?: string }) => {
    await startServer(configWith({ PORT: options.port, DATA_DIR: options.dataDir }));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit.')
  .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set (default: DATA_DIR or ./data)')
  .action(async (options: { dataDir?: string }) => {
    const { database, applied } = await openMigratedDatabase(configWith({ DATA_DIR: options.dataDir }));
    await database.close();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is already up to date.');
  });

program
  .command('seed-demo')
  .description('Create the demo network in an empty database (does nothing if data exists).')
  .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set (default: DATA_DIR or ./data)')
  .action(async (options: { dataDir?: string }) => {
    const { database } = await openMigratedDatabase(configWith({ DATA_DIR: options.dataDir }));
    try {
      const config = configWith({ DATA_DIR: options.dataDir });
      const result = await seedDemo(database, { password: config.SEED_DEMO_PASSWORD });
      if (!result.seeded) {
        console.log('The database already has data; the demo network was not added.');
        return;
      }
      console.log(
        `Demo network created: ${result.organizations} organizations, ${result.offices} offices, ${result.people} people.`,
      );
      console.log('Demo sign-ins (shown only now):');
      for (const login of result.logins)
        console.log(`  ${login.role.padEnd(20)} ${login.email.padEnd(28)} ${login.password}`);
    } finally {
      await database.close();
    }
  });

registerHsdsCommands(program);

program.parseAsync().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`ruta: ${message}\n`);
  process.exit(1);
});
