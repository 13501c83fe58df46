/**
 * The online match at scale (issue 9): N persons with planted duplicates (`src/synthetic/duplicates.ts`) loaded
 * with their stored match keys, then 500 held-out duplicates matched one at a time as a registration would be
 * (`onlineMatch`: key lookup through the GIN index, scoring with the active model — the default one here — and
 * explanations). Reports load time, p50/p95/p99 latency and recall@10: the held-out record's original among the
 * ten best candidates. The held-out duplicates are not loaded, so each query looks for a record that exists.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/postgres \
 *     npm run bench -- entity-resolution-online --size 300000 --engine postgres
 *
 * At 3 million, give Node more heap if it runs short: NODE_OPTIONS=--max-old-space-size=8192.
 */
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { type DatabaseHandle, openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { computeMatchKeys, keyHash } from '../../src/modules/entity-resolution/keys-compute';
import { onlineMatch } from '../../src/modules/entity-resolution/online-match';
import { generateDuplicates, type SyntheticPerson } from '../../src/synthetic/duplicates';
import { seededRandom } from '../../src/synthetic/random';
import { urlForDatabase, withMaintenanceClient } from '../../src/testing/postgres-admin';
import type { BenchOptions, Scenario } from '../run';
import { percentile, printTable } from '../stats';

const DEFAULT_SIZE = 100_000;
const QUERIES = 500;
const WARM_UP = 20;
const BATCH = 5_000;

async function freshDatabase(options: BenchOptions) {
  let database: DatabaseHandle;
  let drop = async () => {};
  if (options.engine === 'postgres') {
    const maintenance = options.databaseUrl as string;
    const name = `ruta_bench_er_online_${process.pid}`;
    await withMaintenanceClient(maintenance, async (client) => {
      await client.query(`drop database if exists ${name}`);
      await client.query(`create database ${name}`);
    });
    database = await openDatabase({ url: urlForDatabase(maintenance, name), maxConnections: 2 });
    drop = async () => {
      await withMaintenanceClient(maintenance, (client) => client.query(`drop database if exists ${name}`));
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrateToLatest(database.db);
  return { database, drop };
}

const sourceOf = (p: SyntheticPerson) => ({
  givenName1: p.givenName1,
  givenName2: p.givenName2,
  surname1: p.surname1,
  surname2: p.surname2,
  birthDate: p.birthDate,
  sexAtBirth: p.sex === 'F' ? 'female' : 'male',
  municipalityCode: p.municipality,
  documents: p.documents,
});

/** Persons and keys of one batch: one statement per table, one array per column (as imports do). */
async function loadBatch(db: Kysely<Database>, batch: SyntheticPerson[], ids: string[], officeId: string) {
  const col = <T>(f: (p: SyntheticPerson, i: number) => T) => batch.map(f);
  await sql`insert into person (id, given_name_1, given_name_2, surname_1, surname_2, search_name, sex_at_birth,
      birth_date, population_group, municipality_code, registered_office_id)
    select id, g1, g2, s1, s2, lower(g1 || ' ' || s1), sex, bd, 'returnee', mc, ${officeId}::uuid
    from unnest(${ids}::uuid[], ${col((p) => p.givenName1)}::text[], ${col((p) => p.givenName2)}::text[],
      ${col((p) => p.surname1)}::text[], ${col((p) => p.surname2)}::text[],
      ${col((p) => (p.sex === 'F' ? 'female' : 'male'))}::text[], ${col((p) => p.birthDate)}::date[],
      ${col((p) => p.municipality)}::text[]) as t(id, g1, g2, s1, s2, sex, bd, mc)`.execute(db);
  // identity_document is left out: the online match reads documents from the keys, and the registry's unique
  // (type, number) would refuse the planted duplicates that kept their original's document.
  const keys = batch.map((p) => computeMatchKeys(sourceOf(p)));
  // Keys contain no tab: each person's arrays travel as one tab-joined text, split by PostgreSQL.
  const joined = (f: (k: (typeof keys)[number]) => string[]) => keys.map((k) => f(k).join('\t'));
  await sql`insert into person_match_keys (person_id, keys_version, given_names, surnames, phonetic,
      document_digits, prepared)
    select id, 1, string_to_array(gn, E'\\t'), string_to_array(sn, E'\\t'), string_to_array(ph, E'\\t'),
      string_to_array(dd, E'\\t'), pr::jsonb
    from unnest(${ids}::uuid[], ${joined((k) => k.givenNames)}::text[], ${joined((k) => k.surnames)}::text[],
      ${joined((k) => k.phonetic)}::text[], ${joined((k) => k.documentDigits)}::text[],
      ${keys.map((k) => JSON.stringify(k.prepared))}::text[]) as t(id, gn, sn, ph, dd, pr)`.execute(db);
  await sql`insert into person_match_blocking (person_id, key_hashes)
    select id, string_to_array(kh, ',')::integer[]
    from unnest(${ids}::uuid[], ${keys.map((k) => k.keyHashes.join(','))}::text[]) as t(id, kh)`.execute(db);
  return keys.reduce((n, k) => n + k.keyHashes.length, 0);
}

/**
 * The alternative layout, measured on the same data when BENCH_ER_BTREE=1: one row per (key, person) with a B-tree
 * on both, read by index-only scans. Reports its size, build time and the lookup alone (the part that differs).
 */
async function btreeComparison(db: Kysely<Database>, queries: SyntheticPerson[]) {
  const started = performance.now();
  await sql`create table bench_match_key as
    select unnest(key_hashes) as hash, person_id from person_match_blocking`.execute(db);
  await sql`create index bench_match_key_idx on bench_match_key (hash, person_id)`.execute(db);
  await sql`vacuum analyze bench_match_key`.execute(db);
  const buildSeconds = (performance.now() - started) / 1000;
  const size = await sql<{ mb: number }>`
    select pg_total_relation_size('bench_match_key') / 1048576.0 as mb`.execute(db);
  const lookup = async (table: 'btree' | 'gin', hashes: number[]) => {
    const t = performance.now();
    if (table === 'btree') {
      await sql`select h.hash, c.person_id from unnest(${hashes}::integer[]) as h(hash)
        cross join lateral (select person_id from bench_match_key k where k.hash = h.hash limit 301) as c`.execute(
        db,
      );
    } else {
      await sql`select h.hash, c.person_id from unnest(${hashes}::integer[]) as h(hash)
        cross join lateral (
          select person_id from person_match_blocking where key_hashes @> array[h.hash] limit 301
        ) as c`.execute(db);
    }
    return performance.now() - t;
  };
  const btree: number[] = [];
  const gin: number[] = [];
  for (const query of queries) {
    const hashes = [...new Set(computeMatchKeys(sourceOf(query)).queryKeys.map(keyHash))];
    btree.push(await lookup('btree', hashes));
    gin.push(await lookup('gin', hashes));
  }
  const result = {
    btree_build_seconds: Number(buildSeconds.toFixed(1)),
    btree_total_mb: Math.round(Number(size.rows[0]?.mb ?? 0)),
    btree_lookup_p50_ms: percentile(btree, 50),
    btree_lookup_p95_ms: percentile(btree, 95),
    gin_lookup_p50_ms: percentile(gin, 50),
    gin_lookup_p95_ms: percentile(gin, 95),
  };
  printTable('Lookup alone: one row per key (B-tree) against the GIN index', [result]);
  return result;
}

export const entityResolutionOnlineScenario: Scenario = {
  name: 'entity-resolution-online',
  description:
    'Online match of 500 held-out planted duplicates against --size persons with stored keys: latency, recall@10',
  async run(options: BenchOptions) {
    const size = options.size ?? DEFAULT_SIZE;
    const { database, drop } = await freshDatabase(options);
    const { db } = database;
    try {
      const generated = performance.now();
      // A few more records than loaded: the held-out duplicates are drawn from the extra share.
      const records = generateDuplicates({ count: size + QUERIES, seed: 'er-online' });
      const generateSeconds = (performance.now() - generated) / 1000;
      const originalOf = new Map<number, number>();
      for (const r of records) if (r.mutations.length === 0) originalOf.set(r.clusterId, r.recordId);
      const random = seededRandom(9);
      const heldOut = new Set<number>();
      const order = records.filter((r) => r.mutations.length > 0 && originalOf.has(r.clusterId));
      while (heldOut.size < QUERIES && heldOut.size < order.length) {
        heldOut.add((order[Math.floor(random() * order.length)] as SyntheticPerson).recordId);
      }
      const loaded = records.filter((r) => !heldOut.has(r.recordId)).slice(0, size);
      const loadedIds = new Set(loaded.map((r) => r.recordId));
      const queries = records.filter(
        (r) => heldOut.has(r.recordId) && loadedIds.has(originalOf.get(r.clusterId) as number),
      );

      const organizationId = uuidv7();
      const officeId = uuidv7();
      await db
        .insertInto('organization')
        .values({ id: organizationId, name: 'Red de prueba', short_name: 'Prueba', kind: 'public_entity' })
        .execute();
      await db
        .insertInto('office')
        .values({
          id: officeId,
          organization_id: organizationId,
          name: 'Oficina de prueba',
          kind: 'migrant_assistance_office',
          municipality_code: '11001',
        })
        .execute();

      console.log(
        `Loading ${loaded.length.toLocaleString('en')} persons with their match keys (${generateSeconds.toFixed(1)} s to generate)…`,
      );
      // Bulk load as one would restore a registry: the GIN index is built once after the rows are in.
      await sql`drop index person_match_blocking_keys`.execute(db);
      const loadStarted = performance.now();
      // Only the originals of the held-out duplicates need their ids kept (3 million would cost memory).
      const wanted = new Set(queries.map((q) => originalOf.get(q.clusterId) as number));
      const personIdOf = new Map<number, string>();
      let keyCount = 0;
      for (let start = 0; start < loaded.length; start += BATCH) {
        const batch = loaded.slice(start, start + BATCH);
        const ids = batch.map((r) => {
          const id = uuidv7();
          if (wanted.has(r.recordId)) personIdOf.set(r.recordId, id);
          return id;
        });
        keyCount += await loadBatch(db, batch, ids, officeId);
        if ((start / BATCH) % 40 === 39) {
          console.log(`  ${(start + batch.length).toLocaleString('en')} persons…`);
        }
      }
      const rowsSeconds = (performance.now() - loadStarted) / 1000;
      const indexStarted = performance.now();
      if (options.engine === 'postgres') await sql`set maintenance_work_mem = '1GB'`.execute(db);
      await sql`create index person_match_blocking_keys on person_match_blocking using gin (key_hashes)`.execute(
        db,
      );
      await sql`analyze person_match_keys`.execute(db);
      await sql`analyze person_match_blocking`.execute(db);
      await sql`analyze person`.execute(db);
      const indexSeconds = (performance.now() - indexStarted) / 1000;
      const size_ = await sql<{ table_mb: number; blocking_mb: number; index_mb: number }>`
        select pg_total_relation_size('person_match_keys') / 1048576.0 as table_mb,
          pg_relation_size('person_match_blocking') / 1048576.0 as blocking_mb,
          pg_relation_size('person_match_blocking_keys') / 1048576.0 as index_mb`.execute(db);

      // The plan of one lookup, so a regression to a sequential scan shows in the output.
      const sample = computeMatchKeys(sourceOf(queries[0] as SyntheticPerson));
      const plan = await sql<Record<string, string>>`explain (analyze, buffers)
        select h.hash, c.person_id from unnest(${[...new Set(sample.queryKeys.map(keyHash))]}::integer[]) as h(hash)
        cross join lateral (
          select person_id from person_match_blocking where key_hashes @> array[h.hash] limit 301
        ) as c`.execute(db);
      console.log(plan.rows.map((row) => Object.values(row)[0]).join('\n'));

      const times: number[] = [];
      const parts = {
        keys: [] as number[],
        lookup: [] as number[],
        fetch: [] as number[],
        score: [] as number[],
      };
      const scored: number[] = [];
      let found1 = 0;
      let found10 = 0;
      for (let q = 0; q < queries.length + WARM_UP; q++) {
        const query = queries[q % queries.length] as SyntheticPerson;
        const started = performance.now();
        const timing = { keysMs: 0, lookupMs: 0, fetchMs: 0, scoreMs: 0, scored: 0 };
        const result = await onlineMatch(db, sourceOf(query), { timings: timing });
        const elapsed = performance.now() - started;
        if (q < WARM_UP) continue;
        times.push(elapsed);
        parts.keys.push(timing.keysMs);
        parts.lookup.push(timing.lookupMs);
        parts.fetch.push(timing.fetchMs);
        parts.score.push(timing.scoreMs);
        scored.push(timing.scored);
        const original = personIdOf.get(originalOf.get(query.clusterId) as number);
        const rank = result.findIndex((c) => c.personId === original);
        if (rank === 0) found1++;
        if (rank >= 0 && rank < 10) found10++;
      }
      const n = times.length;
      const figures = {
        persons: loaded.length,
        keys_per_person: Number((keyCount / loaded.length).toFixed(1)),
        load_seconds: Number((rowsSeconds + indexSeconds).toFixed(1)),
        load_rows_seconds: Number(rowsSeconds.toFixed(1)),
        gin_index_seconds: Number(indexSeconds.toFixed(1)),
        keys_table_mb: Math.round(Number(size_.rows[0]?.table_mb ?? 0)),
        blocking_table_mb: Math.round(Number(size_.rows[0]?.blocking_mb ?? 0)),
        gin_index_mb: Math.round(Number(size_.rows[0]?.index_mb ?? 0)),
        queries: n,
        p50_ms: percentile(times, 50),
        p95_ms: percentile(times, 95),
        p99_ms: percentile(times, 99),
        mean_candidates_scored: Number((scored.reduce((a, b) => a + b, 0) / n).toFixed(1)),
        p50_parts_ms: {
          keys: percentile(parts.keys, 50),
          lookup: percentile(parts.lookup, 50),
          fetch: percentile(parts.fetch, 50),
          score: percentile(parts.score, 50),
        },
        p95_parts_ms: {
          keys: percentile(parts.keys, 95),
          lookup: percentile(parts.lookup, 95),
          fetch: percentile(parts.fetch, 95),
          score: percentile(parts.score, 95),
        },
        recall_at_1: Number((found1 / n).toFixed(4)),
        recall_at_10: Number((found10 / n).toFixed(4)),
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      };
      printTable(`Online match, ${options.engine}, ${loaded.length.toLocaleString('en')} persons`, [
        {
          'load s (rows + GIN)': `${figures.load_rows_seconds} + ${figures.gin_index_seconds}`,
          'keys/person': figures.keys_per_person,
          'keys / blocking / GIN MB': `${figures.keys_table_mb} / ${figures.blocking_table_mb} / ${figures.gin_index_mb}`,
          'p50 ms': figures.p50_ms,
          'p95 ms': figures.p95_ms,
          'p99 ms': figures.p99_ms,
          'candidates scored': figures.mean_candidates_scored,
          'recall@1': figures.recall_at_1,
          'recall@10': figures.recall_at_10,
        },
      ]);
      if (process.env.BENCH_ER_BTREE === '1') Object.assign(figures, await btreeComparison(db, queries));
      return figures;
    } finally {
      await database.close();
      await drop();
    }
  },
};
