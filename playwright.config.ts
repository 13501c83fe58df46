import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Browser journeys against the real server (`node bin/ruta.js serve`) serving the built web app from dist/web.
// Build it first (`npx vite build`); `npm test` does. Debian's Chromium is used: never download browsers here.

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Each run starts from an empty embedded database (the server migrates it and seeds the demo network),
// or from a fresh PostgreSQL database when `npm test` runs against PostgreSQL. Playwright loads this file in
// its runner and again in each worker: the runner creates the folder, workers inherit its path, and the
// runner deletes it on exit, after it has stopped the server.
const DATA_DIR_VARIABLE = 'RUTA_E2E_DATA_DIR';
let dataDir = process.env[DATA_DIR_VARIABLE];
if (!dataDir) {
  const created = mkdtempSync(join(tmpdir(), 'ruta-e2e-'));
  dataDir = created;
  process.env[DATA_DIR_VARIABLE] = created;
  process.on('exit', () => rmSync(created, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: '.test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'es-CO',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // No internet on the build machines: keep Chromium from reaching for it.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: 'node bin/ruta.js serve',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Never inherit a developer's DATABASE_URL: empty means the embedded database in DATA_DIR.
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
    },
  },
});
