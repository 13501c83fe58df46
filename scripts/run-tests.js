#!/usr/bin/env node
// `npm test`: unit and HTTP tests (Vitest), then the browser journeys (Playwright on Debian's Chromium).
// Ends with one line `N passed, N failed` and writes the counts to .test-results/totals-<engine>.json for .ci/run.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const RESULTS_DIR = '.test-results';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const inCI = process.env.CI === 'true' || process.env.CI === '1';
const postgresUrl = process.env.TEST_DATABASE_URL;
const engine = postgresUrl ? 'postgres' : 'pglite';
// `TEST_JOURNEYS=0` runs Vitest only: CI runs the journeys once, on PGlite, and the HTTP tests on both engines.
const journeys = process.env.TEST_JOURNEYS !== '0';

mkdirSync(RESULTS_DIR, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = 0;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

// 1. Unit, property and HTTP integration tests.
const vitestReport = join(RESULTS_DIR, `vitest-${engine}.json`);
rmSync(vitestReport, { force: true });
if (run('npx', ['vitest', 'run'], { VITEST_JSON_REPORT: vitestReport }) !== 0) failedSteps++;
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  totals.failed += 1;
}
const failedTests = vitest ? failedVitestTests(vitest) : [];

// 2. Browser journeys.
if (!journeys) {
  console.log('Browser journeys not run here (TEST_JOURNEYS=0).');
} else if (!existsSync(chromium)) {
  if (inCI) {
    console.error(`Chromium is missing at ${chromium}: browser tests cannot run in CI.`);
    totals.failed += 1;
    failedSteps++;
  } else {
    console.log(
      `Browser tests skipped: Chromium not found at ${chromium} (install Debian's chromium package).`,
    );
  }
} else if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
  totals.failed += 1;
  failedSteps++;
} else {
  const e2eReport = join(RESULTS_DIR, 'e2e.json');
  rmSync(e2eReport, { force: true });
  const e2eDatabase = postgresUrl ? await createE2eDatabase(postgresUrl) : null;
  try {
    const env = { CHROMIUM_PATH: chromium, ...(e2eDatabase ? { E2E_DATABASE_URL: e2eDatabase.url } : {}) };
    if (run('npx', ['playwright', 'test'], env) !== 0) failedSteps++;
  } finally {
    await e2eDatabase?.drop();
  }
  const e2e = readJson(e2eReport);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    failedTests.push(...failedJourneys(e2e));
  } else {
    totals.failed += 1;
  }
}

// A step can fail with every test passed (Vitest's unhandled errors, a server that would not start): count it,
// before the totals are written for .ci/run.
if (failedSteps > 0 && totals.failed === 0) totals.failed = failedSteps;
writeFileSync(join(RESULTS_DIR, `totals-${engine}.json`), JSON.stringify({ ...totals, failedTests }));
console.log(`\nTests on ${engine}:`);
for (const name of failedTests) console.log(`  failed: ${name}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 || failedSteps > 0 ? 1 : 0);

/** "file › describe › test" of each failed Vitest test, so the last lines of a CI log name them. */
function failedVitestTests(report) {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName}`),
  );
}

/** The same for Playwright's JSON report: suites nest, and a test failed when its last result did. */
function failedJourneys(report) {
  const names = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') names.push([...path, spec.title].join(' › '));
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return names;
}

/** The browser journeys start from an empty database, seeded with the demo network on first start. */
async function createE2eDatabase(maintenanceUrl) {
  const name = `ruta_e2e_${randomBytes(4).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: maintenanceUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
