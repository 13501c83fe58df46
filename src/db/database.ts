import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Closes the pool and, in embedded mode, shuts PGlite down cleanly so its data folder stays consistent. */
  close(): Promise<void>;
  /** Embedded mode only: a snapshot of the data folder another PGlite instance can start from. */
  dumpSnapshot?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent Ruta runs on embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder (ignored with `url`); `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  /** A PGlite data-folder snapshot to start from (tests clone a migrated database this way). */
  snapshot?: Blob | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
  /**
   * PostgreSQL closed a connection the pool held idle (a server restart, an administrator's termination). The
   * pool drops that connection and opens another on the next query; by default this only prints a warning.
   */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
}

function warnIdleConnectionError(error: Error): void {
  process.emitWarning(`PostgreSQL closed an idle connection of the pool: ${error.message}`);
}

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * One set of type parsers for both engines, so results look the same on PGlite and PostgreSQL:
 * `date` stays an ISO string (no time-zone shifts) and `bigint` (e.g. `count(*)`) becomes a number.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    // biome-ignore lint/suspicious/noExplicitAny: pg's own overloads are not expressible here.
    return pg.types.getTypeParser(oid, format as any);
  },
} as pg.CustomTypesConfig;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: typeParsers,
    });
    // Without a listener, an idle connection's error is an uncaught exception that stops the process.
    pool.on('error', options.onIdleConnectionError ?? warnIdleConnectionError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    // The contrib extensions the migrations create (PostgreSQL ships them in its contrib package). Names are
    // folded in TypeScript, so unaccent is not needed.
    extensions: { pg_trgm },
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
  });
  // PGlite has a single connection: every caller (app, migrations, jobs) must share this one-connection pool.
  // A direct pglite.query() during a pooled transaction can silently lose writes.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, types: typeParsers });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
    dumpSnapshot: () => pglite.dumpDataDir('none'),
  };
}
