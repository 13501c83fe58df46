import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemoNetwork } from '../../src/demo/seed-demo';
import { ARGON2_PARAMETERS } from '../../src/modules/identity/password-hashing';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { BenchOptions, Scenario } from '../run';
import { percentile, printTable } from '../stats';

const PASSWORD = 'bench-password-2026';
const CONCURRENCY = 50;

async function timed(request: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await request();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`unexpected ${response.status}`);
  return performance.now() - start;
}

/** Health checks in a loop while `until` is pending: how long other requests wait during a sign-in storm. */
async function probeHealth(base: string, until: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  until.finally(() => {
    done = true;
  });
  while (!done) samples.push(await timed(() => fetch(`${base}/api/health`)));
  return samples;
}

export const signInScenario: Scenario = {
  name: 'sign-in',
  description: `Sign-in latency with ${CONCURRENCY} concurrent sign-ins (argon2id), and health latency meanwhile`,
  async run({ size, engine, databaseUrl }: BenchOptions) {
    const rounds = size ?? 10;
    const database = await openDatabase(
      engine === 'postgres' ? { url: databaseUrl } : { dataDir: 'memory://' },
    );
    await migrateToLatest(database.db);
    await seedDemoNetwork(database.db, { password: PASSWORD });
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      SIGN_IN_RATE_LIMIT: '100000',
      WEB_DIST_DIR: '/nonexistent',
    });
    const app = await buildApp({ config, database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const signIn = () =>
        timed(() =>
          fetch(`${base}/api/v1/auth/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'gestor@ruta.example', password: PASSWORD }),
          }),
        );
      await signIn(); // warm-up
      const idleHealth: number[] = [];
      for (let i = 0; i < 50; i++) idleHealth.push(await timed(() => fetch(`${base}/api/health`)));

      const signInLatencies: number[] = [];
      const started = performance.now();
      const storm = (async () => {
        for (let round = 0; round < rounds; round++) {
          signInLatencies.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, signIn))));
        }
      })();
      const busyHealth = await probeHealth(base, storm);
      await storm;
      const seconds = (performance.now() - started) / 1000;

      const figures = {
        concurrency: CONCURRENCY,
        sign_ins: signInLatencies.length,
        sign_ins_per_s: Math.round(signInLatencies.length / seconds),
        p50_ms: percentile(signInLatencies, 50),
        p95_ms: percentile(signInLatencies, 95),
        p99_ms: percentile(signInLatencies, 99),
        health_p95_idle_ms: percentile(idleHealth, 95),
        health_p95_during_ms: percentile(busyHealth, 95),
        health_samples_during: busyHealth.length,
        argon2: {
          memory_kib: ARGON2_PARAMETERS.memoryCost,
          passes: ARGON2_PARAMETERS.timeCost,
          lanes: ARGON2_PARAMETERS.parallelism,
        },
      };
      printTable(`Sign-in on ${engine}: ${rounds} rounds of ${CONCURRENCY} concurrent sign-ins`, [
        { measure: 'sign-in p50 (ms)', value: figures.p50_ms },
        { measure: 'sign-in p95 (ms)', value: figures.p95_ms },
        { measure: 'sign-in p99 (ms)', value: figures.p99_ms },
        { measure: 'sign-ins per second', value: figures.sign_ins_per_s },
        { measure: 'health p95 idle (ms) [baseline]', value: figures.health_p95_idle_ms },
        { measure: 'health p95 during storm (ms)', value: figures.health_p95_during_ms },
      ]);
      return figures;
    } finally {
      await app.close();
    }
  },
};
