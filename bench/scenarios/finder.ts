import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemoNetwork } from '../../src/demo/seed-demo';
import { NEED_DIMENSIONS } from '../../src/domain/characterization/vocabulary';
import { SERVICE_CATEGORY_CODES } from '../../src/domain/directory/taxonomy';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { seededRandom } from '../../src/synthetic/random';
import type { BenchOptions, Scenario } from '../run';
import { percentile, printTable } from '../stats';

const DEFAULT_SIZE = 2_000;
const MAX_REQUESTS = 300;
/** Where the services are: the cities the network works in, and a few smaller municipalities. */
const MUNICIPALITIES = [
  '08001',
  '08758',
  '54001',
  '54874',
  '11001',
  '05001',
  '76001',
  '44001',
  '13001',
  '68001',
];
const WORDS = ['empleo', 'salud', 'ppt', 'vivienda', 'formacion', 'asesoria'];

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

function measure(dir: string, file: string): Asset {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * What a first visit to /servicios downloads (JS and CSS): the entry page's scripts, preloads and stylesheets,
 * then the finder's lazy chunks (layout and search page) with the dependencies Vite lists for them.
 */
export function finderPageAssets(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const entryFile = entry.find((file) => /assets\/index-[^/]+\.js$/.test(file));
  if (!entryFile) throw new Error(`no entry script in ${dist}/index.html`);
  const code = readFileSync(join(dist, entryFile), 'utf8');
  const deps = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(code)?.[1] ?? '[]') as string[];
  const lazy = new Set<string>();
  for (const chunk of ['finder-layout', 'finder-page']) {
    const call = new RegExp(
      `import\\("\\./(${chunk}-[\\w-]+\\.js)"\\)[^]*?__vite__mapDeps\\(\\[([\\d,]*)\\]\\)`,
    ).exec(code);
    if (!call) throw new Error(`the entry does not load ${chunk} lazily`);
    lazy.add(`assets/${call[1]}`);
    for (const index of (call[2] ?? '').split(',').filter(Boolean)) lazy.add(deps[Number(index)] as string);
  }
  const shell = [...new Set(entry)].map((file) => measure(dist, file));
  const finder = [...lazy].filter((file) => !entry.includes(file)).map((file) => measure(dist, file));
  const all = readdirSync(join(dist, 'assets'))
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => measure(dist, `assets/${file}`));
  return { shell, finder, all };
}

const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((total, asset) => total + asset[key], 0);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export const finderScenario: Scenario = {
  name: 'finder',
  description:
    'Public service finder: JS+CSS bytes a first visit to /servicios loads from the build, and the public search API p50/p95 over a seeded directory',
  async run({ size, engine, databaseUrl }: BenchOptions) {
    // 1. Page weight, from the build (`npm run build`, or BENCH_WEB_DIR).
    const dist = resolve(process.env.BENCH_WEB_DIR ?? 'dist/web');
    const assets = finderPageAssets(dist);
    const page = {
      shell_raw_kb: kb(sum(assets.shell, 'raw')),
      shell_gzip_kb: kb(sum(assets.shell, 'gzip')),
      finder_raw_kb: kb(sum(assets.finder, 'raw')),
      finder_gzip_kb: kb(sum(assets.finder, 'gzip')),
      total_raw_kb: kb(sum(assets.shell, 'raw') + sum(assets.finder, 'raw')),
      total_gzip_kb: kb(sum(assets.shell, 'gzip') + sum(assets.finder, 'gzip')),
      whole_app_gzip_kb: kb(sum(assets.all, 'gzip')),
    };
    printTable(
      `JS+CSS a first visit to /servicios loads (${dist})`,
      [
        ...assets.shell.map((a) => ({ ...a, part: 'entry (shared)' })),
        ...assets.finder.map((a) => ({ ...a, part: 'finder (lazy)' })),
      ].map((a) => ({ part: a.part, file: a.file, raw_kb: kb(a.raw), gzip_kb: kb(a.gzip) })),
    );
    printTable('Page weight', [
      { measure: 'entry shared with sign-in (gzip kB)', value: page.shell_gzip_kb },
      { measure: "finder's own chunks (gzip kB)", value: page.finder_gzip_kb },
      { measure: '/servicios total (raw kB)', value: page.total_raw_kb },
      { measure: '/servicios total (gzip kB)', value: page.total_gzip_kb },
      { measure: 'whole app, every chunk (gzip kB) [baseline]', value: page.whole_app_gzip_kb },
    ]);

    // 2. The public search API over a directory of `size` synthetic services plus the demo network's.
    const services = size ?? DEFAULT_SIZE;
    const requests = Math.min(MAX_REQUESTS, services);
    const database = await openDatabase(
      engine === 'postgres' ? { url: databaseUrl } : { dataDir: 'memory://' },
    );
    await migrateToLatest(database.db);
    await seedDemoNetwork(database.db);
    const random = seededRandom(20261206);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
    const organizationIds = (await database.db.selectFrom('organization').select('id').execute()).map(
      (o) => o.id,
    );
    const locations = MUNICIPALITIES.map((code) => ({
      id: uuidv7(),
      organization_id: pick(organizationIds),
      name: `Sede ${code}`,
      address_1: 'Calle 1 # 2-3',
      municipality_code: code,
    }));
    await database.db.insertInto('directory_location').values(locations).execute();
    for (let start = 0; start < services; start += 500) {
      const batch = Array.from({ length: Math.min(500, services - start) }, (_, i) => {
        const n = start + i;
        const where = random();
        return {
          id: uuidv7(),
          organization_id: pick(organizationIds),
          name: `Servicio ${n} de ${pick(WORDS)}`,
          description: `Atención de ${pick(WORDS)} y ${pick(WORDS)} para personas migrantes y retornadas.`,
          category: pick(SERVICE_CATEGORY_CODES),
          status: random() < 0.9 ? 'active' : 'inactive',
          application_process: 'Acérquese con su documento.',
          fees_description: 'Gratuito.',
          // A tenth national, the others limited to one municipality; a third of those also at a place there.
          municipality_codes: where < 0.1 ? [] : [pick(MUNICIPALITIES)],
        };
      });
      await database.db.insertInto('directory_service').values(batch).execute();
      const placed = batch.filter((service) => service.municipality_codes.length > 0 && random() < 0.33);
      if (placed.length > 0) {
        await database.db
          .insertInto('directory_service_at_location')
          .values(
            placed.map((service) => ({
              id: uuidv7(),
              service_id: service.id,
              location_id: locations[MUNICIPALITIES.indexOf(service.municipality_codes[0] as string)]
                ?.id as string,
            })),
          )
          .execute();
      }
    }
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      PUBLIC_RATE_LIMIT: '100000',
      WEB_DIST_DIR: '/nonexistent',
    });
    const app = await buildApp({ config, database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const query = () => {
        const params = new URLSearchParams({ municipality: pick(MUNICIPALITIES) });
        const kind = random();
        if (kind < 0.6) params.set('need', pick(NEED_DIMENSIONS));
        else if (kind < 0.8) params.set('q', pick(WORDS));
        if (random() < 0.2) params.set('page', '2');
        return `${base}/api/v1/public/services?${params}`;
      };
      const get = async (url: string) => {
        const start = performance.now();
        const response = await fetch(url, { headers: { 'accept-language': 'es-CO' } });
        const body = await response.arrayBuffer();
        if (!response.ok) throw new Error(`unexpected ${response.status} for ${url}`);
        return { ms: performance.now() - start, bytes: body.byteLength };
      };
      for (let i = 0; i < 5; i++) await get(query()); // warm-up
      const search: number[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < requests; i++) {
        const { ms, bytes } = await get(query());
        search.push(ms);
        sizes.push(bytes);
      }
      const health: number[] = [];
      for (let i = 0; i < Math.min(50, requests); i++) health.push((await get(`${base}/api/health`)).ms);
      const api = {
        services,
        requests,
        search_p50_ms: percentile(search, 50),
        search_p95_ms: percentile(search, 95),
        page_p50_bytes: percentile(sizes, 50),
        health_p50_ms: percentile(health, 50),
      };
      printTable(`Public search on ${engine}: ${requests} searches over ${services} synthetic services`, [
        { measure: 'search p50 (ms)', value: api.search_p50_ms },
        { measure: 'search p95 (ms)', value: api.search_p95_ms },
        { measure: 'answer size p50 (bytes, uncompressed)', value: api.page_p50_bytes },
        { measure: 'health p50 (ms) [baseline]', value: api.health_p50_ms },
      ]);
      return { page, api };
    } finally {
      await app.close();
    }
  },
};
