import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'ruta-serve-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['bin/ruta.js', 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', WEB_DIST_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

/** The first start migrates and seeds the demo's people, which takes a while on a busy 2-core machine. */
async function waitForHealth(port: number): Promise<Response> {
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    try {
      return await fetch(`http://127.0.0.1:${port}/api/health`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('server did not answer');
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ruta serve on embedded PGlite', () => {
  it('migrates and seeds on first start, prints the URL, and shuts down cleanly on SIGINT', {
    timeout: 120_000,
  }, async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const first = startServer(port);
    const health = await waitForHealth(port);
    expect(health.status).toBe(200);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain('Demo network created');
    first.child.kill('SIGINT');
    const [code] = await once(first.child, 'exit');
    expect(code).toBe(0);

    // The second start finds its data: nothing to migrate, nothing to seed.
    const second = startServer(port);
    expect((await waitForHealth(port)).status).toBe(200);
    expect(second.output()).not.toContain('Demo network created');
    second.child.kill('SIGTERM');
    const [secondCode] = await once(second.child, 'exit');
    expect(secondCode).toBe(0);
  });
});
