import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { unzipSync } from 'fflate';
import { HSDS_MAX_ZIP_BYTES } from '../modules/directory/hsds-package';
import { openMigratedDatabase } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { AppError } from '../server/http/problem';
import { createServices } from '../server/services';

function zipFile(value: string): string {
  if (!/\.zip$/i.test(value)) throw new InvalidArgumentError('must be a .zip file.');
  const path = resolve(value);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InvalidArgumentError(`${value} does not exist.`);
  if (statSync(path).size > HSDS_MAX_ZIP_BYTES) throw new InvalidArgumentError('is larger than 50 MB.');
  return path;
}

function outTarget(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must name a folder or a .zip file.');
  const path = resolve(value);
  if (/\.zip$/i.test(value)) {
    if (existsSync(path) && statSync(path).isDirectory())
      throw new InvalidArgumentError(`${value} is a folder.`);
  } else if (existsSync(path) && !statSync(path).isDirectory()) {
    throw new InvalidArgumentError(`${value} is a file; give a folder or a name ending in .zip.`);
  }
  return path;
}

function configFor(dataDir: string | undefined) {
  return loadConfig({ ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) });
}

/** `ruta hsds export|import`: the directory's HSDS 3.0 package from and into the database, without the server. */
export function registerHsdsCommands(program: Command): void {
  const hsds = program
    .command('hsds')
    .description('Exchange the service directory as Open Referral HSDS 3.0.');

  hsds
    .command('export')
    .description(
      'Write the directory as an HSDS data package: a .zip file, or a folder of CSVs and datapackage.json.',
    )
    .requiredOption('--out <folder|file.zip>', 'where to write the package', outTarget)
    .option(
      '--data-dir <dir>',
      'PGlite data folder when DATABASE_URL is not set (default: DATA_DIR or ./data)',
    )
    .action(async (options: { out: string; dataDir?: string }) => {
      const { database } = await openMigratedDatabase(configFor(options.dataDir));
      try {
        const { bytes } = await createServices({ database }).hsds.buildPackage();
        if (/\.zip$/i.test(options.out)) {
          mkdirSync(dirname(options.out), { recursive: true });
          writeFileSync(options.out, bytes);
        } else {
          mkdirSync(options.out, { recursive: true });
          for (const [name, content] of Object.entries(unzipSync(bytes)))
            writeFileSync(join(options.out, name), content);
        }
        console.log(`HSDS package written to ${options.out}`);
      } finally {
        await database.close();
      }
    });

  hsds
    .command('import')
    .description(
      'Import an HSDS data package (.zip) into the directory, all or nothing, as the owner of a personal API token with write scope (an administrator or coordinator).',
    )
    .argument('<file.zip>', 'the package', zipFile)
    .option('--token <token>', 'personal API token (default: RUTA_API_TOKEN)')
    .option(
      '--data-dir <dir>',
      'PGlite data folder when DATABASE_URL is not set (default: DATA_DIR or ./data)',
    )
    .action(async (file: string, options: { token?: string; dataDir?: string }) => {
      const token = options.token ?? process.env.RUTA_API_TOKEN;
      if (!token) throw new InvalidArgumentError('give --token or set RUTA_API_TOKEN.');
      const { database } = await openMigratedDatabase(configFor(options.dataDir));
      try {
        const services = createServices({ database });
        const actor = await services.identity.resolveApiToken(token, {
          ip: null,
          userAgent: 'ruta-cli',
          requestId: null,
        });
        if (!actor?.scopes.includes('write'))
          throw new Error('the token is unknown, expired or has no write scope.');
        const result = await services.hsds.importPackage(actor, new Uint8Array(readFileSync(file)), 'en');
        for (const [table, count] of Object.entries(result.counts)) {
          console.log(
            `${table.padEnd(20)} created ${String(count.created).padStart(6)}  updated ${count.updated}`,
          );
        }
        for (const note of result.warnings) {
          console.log(
            `note: ${[note.file, note.row, note.field].filter((p) => p !== null).join(':')} ${note.message}`,
          );
        }
      } catch (error) {
        if (error instanceof AppError && error.code === 'hsdsPackage') {
          const errors = (error.extensions?.errors ?? []) as Array<{ path: string; message: string }>;
          for (const item of errors) process.stderr.write(`${item.path}: ${item.message}\n`);
          throw new Error(`the package was refused (${error.params?.count} errors); nothing was imported.`);
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}
