/**
 * Integration index at scale: N households, each with a completed baseline and follow-up of the shipped household
 * instrument (deterministic random answers). Measures (1) one job that scores every household's latest
 * application with the domain function and writes the scores back in batches, and (2) the programme indicator
 * (share of households at the top level per office vs target) as the service answers it.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { type DatabaseHandle, openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemoNetwork } from '../../src/demo/seed-demo';
import { InstrumentDefinition, topLevel } from '../../src/domain/assessment/instrument';
import { scoreApplication } from '../../src/domain/assessment/scoring';
import type { Actor } from '../../src/modules/identity/actor';
import { createServices } from '../../src/server/services';
import { seededRandom } from '../../src/synthetic/random';
import { urlForDatabase, withMaintenanceClient } from '../../src/testing/postgres-admin';
import type { BenchOptions, Scenario } from '../run';
import { percentile, printTable } from '../stats';

const DEFAULT_SIZE = 10_000;
const BATCH = 2_000;
const JOB_BATCH = 5_000;
const INDICATOR_RUNS = 30;

async function freshDatabase(options: BenchOptions) {
  let database: DatabaseHandle;
  let drop = async () => {};
  if (options.engine === 'postgres') {
    const maintenance = options.databaseUrl as string;
    const name = `ruta_bench_assessment_${process.pid}`;
    await withMaintenanceClient(maintenance, async (client) => {
      await client.query(`drop database if exists ${name}`);
      await client.query(`create database ${name}`);
    });
    database = await openDatabase({ url: urlForDatabase(maintenance, name), maxConnections: 4 });
    drop = async () => {
      await withMaintenanceClient(maintenance, (client) => client.query(`drop database if exists ${name}`));
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrateToLatest(database.db);
  await seedDemoNetwork(database.db, { password: 'bench-password-2026' });
  return { database, drop };
}

export const assessmentScenario: Scenario = {
  name: 'assessment',
  description:
    "Integration index: score every household's latest application in one job; the indicator query",
  async run(options: BenchOptions) {
    const size = options.size ?? DEFAULT_SIZE;
    const { database, drop } = await freshDatabase(options);
    const { db } = database;
    try {
      const version = await db
        .selectFrom('assessment_instrument_version as v')
        .innerJoin('assessment_instrument as i', 'i.id', 'v.instrument_id')
        .select(['v.id', 'v.definition'])
        .where('i.key', '=', 'hogar_integracion')
        .where('v.status', '=', 'active')
        .executeTakeFirstOrThrow();
      const definition = InstrumentDefinition.parse(version.definition);
      const top = topLevel(definition).id;
      const officeIds = (await db.selectFrom('office').select('id').orderBy('name').execute()).map(
        (o) => o.id,
      );
      const user = await db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'gestor@ruta.example')
        .executeTakeFirstOrThrow();
      const random = seededRandom(2026);
      const pick = () =>
        Object.fromEntries(
          definition.dimensions.flatMap((d) =>
            d.questions.map((q) => {
              const options = definition.scales.find((s) => s.id === q.scale)?.options ?? [];
              return [q.id, options[Math.floor(random() * options.length)]?.value as string];
            }),
          ),
        );

      console.log(`Loading ${size.toLocaleString('en')} households with a baseline and a follow-up…`);
      const loadStarted = performance.now();
      for (let start = 0; start < size; start += BATCH) {
        const households: Array<{ id: string; registered_office_id: string }> = [];
        const applications: Array<Record<string, unknown>> = [];
        for (let i = start; i < Math.min(size, start + BATCH); i++) {
          const id = uuidv7();
          const officeId = officeIds[i % officeIds.length] as string;
          households.push({ id, registered_office_id: officeId });
          for (const [kind, day] of [
            ['baseline', '2026-03-01'],
            ['follow_up', '2026-09-01'],
          ] as const) {
            applications.push({
              id: uuidv7(),
              instrument_version_id: version.id,
              instrument_key: 'hogar_integracion',
              subject_type: 'household',
              household_id: id,
              office_id: officeId,
              programme: i % 3 === 0 ? 'palante' : null,
              kind,
              respondent: 'caseworker',
              status: 'completed',
              answers: JSON.stringify(pick()),
              started_by: user.id,
              completed_by: user.id,
              completed_at: new Date(`${day}T15:00:00Z`),
              latest: kind === 'follow_up',
            });
          }
        }
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('household').values(households).execute();
          await trx
            .insertInto('assessment_application')
            .values(applications as never)
            .execute();
        });
      }
      await sql`analyze`.execute(db);
      const loadSeconds = (performance.now() - loadStarted) / 1000;

      // The job: every household's latest completed application, scored by the domain, written back in batches.
      const jobStarted = performance.now();
      let after = '00000000-0000-0000-0000-000000000000';
      let scored = 0;
      for (;;) {
        const rows = await sql<{ id: string; household_id: string; answers: Record<string, string> }>`
          select distinct on (household_id) id, household_id, answers
          from assessment_application
          where status = 'completed' and household_id is not null and instrument_key = 'hogar_integracion'
            and household_id > ${after}
          order by household_id, completed_at desc
          limit ${JOB_BATCH}`.execute(db);
        if (rows.rows.length === 0) break;
        const ids: string[] = [];
        const overall: Array<number | null> = [];
        const levels: Array<string | null> = [];
        const tops: boolean[] = [];
        const dimensions: string[] = [];
        for (const row of rows.rows) {
          const result = scoreApplication(definition, row.answers);
          ids.push(row.id);
          overall.push(result.overall);
          levels.push(result.levelId);
          tops.push(result.levelId === top);
          dimensions.push(JSON.stringify(result.dimensions));
        }
        await sql`
          update assessment_application a
          set overall_score = v.overall, level_id = v.level, top_level = v.top, dimension_scores = v.dims::jsonb
          from (select unnest(${ids}::uuid[]) as id, unnest(${overall}::float8[]) as overall,
                       unnest(${levels}::text[]) as level, unnest(${tops}::boolean[]) as top,
                       unnest(${dimensions}::text[]) as dims) v
          where a.id = v.id`.execute(db);
        scored += rows.rows.length;
        after = rows.rows[rows.rows.length - 1]?.household_id as string;
      }
      const jobSeconds = (performance.now() - jobStarted) / 1000;
      await sql`analyze assessment_application`.execute(db);

      const services = createServices({ database, appVersion: 'bench' });
      const analyst = await db
        .selectFrom('app_user')
        .select(['id', 'organization_id'])
        .where('role', '=', 'analyst')
        .executeTakeFirstOrThrow();
      const actor = {
        userId: analyst.id,
        role: 'analyst',
        organizationId: analyst.organization_id,
        officeIds: [],
        territoryCodes: [],
        via: 'session',
        scopes: ['read'],
        context: { ip: null, userAgent: 'bench', requestId: null },
      } as Actor;
      const times: number[] = [];
      let rowsOut = 0;
      let households = 0;
      for (let i = 0; i < INDICATOR_RUNS; i++) {
        const started = performance.now();
        const indicator = await services.assessment.indicator(actor, { instrumentKey: 'hogar_integracion' });
        times.push(performance.now() - started);
        rowsOut = indicator.rows.length;
        households = indicator.rows.reduce((sum, row) => sum + row.households, 0);
      }
      const figures = {
        households: size,
        applications: size * 2,
        loadSeconds: Number(loadSeconds.toFixed(1)),
        scored,
        jobSeconds: Number(jobSeconds.toFixed(2)),
        indicatorRows: rowsOut,
        indicatorHouseholds: households,
        indicatorP50Ms: Number(percentile(times, 50).toFixed(1)),
        indicatorP95Ms: Number(percentile(times, 95).toFixed(1)),
      };
      printTable(`Integration index, ${size.toLocaleString('en')} households on ${options.engine}`, [
        {
          measure: 'score latest applications (one job)',
          value: `${figures.jobSeconds} s (${scored} scored)`,
        },
        { measure: 'indicator p50', value: `${figures.indicatorP50Ms} ms` },
        { measure: 'indicator p95', value: `${figures.indicatorP95Ms} ms` },
        { measure: 'load (not measured work)', value: `${figures.loadSeconds} s` },
      ]);
      return figures;
    } finally {
      await database.close();
      await drop();
    }
  },
};
