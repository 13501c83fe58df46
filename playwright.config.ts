import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { DEMO_PASSWORD } from './e2e/support';

// Browser journeys against the real server (`node bin/ruta.js serve`) serving the built web app from dist/web.
// Build it first (`npx vite build`); `npm test` does. Debian's Chromium is used: never download browsers here.

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Each run starts from an empty embedded database (the server migrates it and seeds the demo network),
// or from a fresh PostgreSQL database when `npm test` runs against PostgreSQL. Playwright loads this file in
// its runner and again in each worker: the runner creates the folder, workers inherit its path, and the
// runner deletes it on exit, after it has stopped the server.
// The same goes for the state folder, where the administrator's enrolment (the `setup` project) leaves the
// TOTP secret that the other journeys sign in with.
function temporaryFolder(variable: string, prefix: string): string {
  const existing = process.env[variable];
  if (existing) return existing;
  const created = mkdtempSync(join(tmpdir(), prefix));
  process.env[variable] = created;
  process.on('exit', () => rmSync(created, { recursive: true, force: true }));
  return created;
}
const dataDir = temporaryFolder('RUTA_E2E_DATA_DIR', 'ruta-e2e-');
temporaryFolder('RUTA_E2E_STATE_DIR', 'ruta-e2e-state-');

const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } };

export default defineConfig({
  testDir: 'e2e',
  // Files run two at a time against the one server: every journey makes its own users and records, so none
  // depends on another's data. Tests within a file stay in order.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: '.test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'es-CO',
    // Recording traces slows every journey; CI reports the failure's message and screenshot instead.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
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
    // The administrator's first sign-in (enrolment in two-step verification) happens once, before the rest.
    { name: 'setup', testMatch: /\.setup\.ts$/, use: desktop },
    { name: 'chromium', dependencies: ['setup'], use: desktop },
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
      // Every demo user signs in with this password (the journeys know it).
      SEED_DEMO_PASSWORD: DEMO_PASSWORD,
      // All journeys come from one IP: the per-IP sign-in limit (60 a minute by default) is not what they test.
      // The per-email lockout still applies, and has its own journey.
      SIGN_IN_RATE_LIMIT: '10000',
    },
  },
});
