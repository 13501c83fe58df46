import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { insertOrganization } from '../modules/identity/queries';
import { openDatabase } from './database';
import { migrateToLatest, readSchemaVersion } from './migrate';

const dataDir = mkdtempSync(join(tmpdir(), 'ruta-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the writer, lets it commit `commits` rows, kills it with SIGKILL mid-stream; returns the committed ids. */
async function killWriterAfter(commits: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/crash-writer.ts', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const committed: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'ready') continue;
    committed.push(line);
    if (committed.length === commits) child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  return committed;
}

// A property of the embedded engine: PostgreSQL's own crash safety is not ours to test.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  'embedded database after SIGKILL during writes',
  () => {
    it('reopens with every committed write and accepts new ones', { timeout: 120_000 }, async () => {
      const firstRun = await killWriterAfter(25);
      const secondRun = await killWriterAfter(25);

      const database = await openDatabase({ dataDir });
      try {
        await migrateToLatest(database.db);
        expect(await readSchemaVersion(database.db)).not.toBeNull();
        const ids = (await database.db.selectFrom('organization').select('id').execute()).map(
          (row) => row.id,
        );
        const present = new Set(ids);
        for (const id of [...firstRun, ...secondRun])
          expect(present.has(id), `committed row ${id} lost`).toBe(true);
        await insertOrganization(database.db, {
          id: '00000000-0000-7000-8000-000000000001',
          name: 'After the crash',
          short_name: 'after-crash',
          kind: 'ngo',
        });
      } finally {
        await database.close();
      }
    });
  },
);
