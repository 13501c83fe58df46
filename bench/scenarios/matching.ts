/**
 * Matching at scale: N job seekers (persons with a job-seeker profile, spread over the demo network's offices) and V
 * open vacancies of verified employers, with CIUO-08 unit groups drawn from the occupation table (a few families
 * far more common than the rest, as in real demand). Times, through the matching service as the API calls it,
 * (1) a person's top 20 vacancies and (2) a vacancy's top 50 candidates (the administrator: every office's people,
 * the largest pool), over about 200 samples each.
 */
import { performance } from 'node:perf_hooks';
import { type Insertable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { type DatabaseHandle, openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { seedDemoNetwork } from '../../src/demo/seed-demo';
import { AVAILABILITY } from '../../src/domain/employment/matching';
import { EDUCATION_LEVELS } from '../../src/domain/employment/vocabulary';
import type { Actor } from '../../src/modules/identity/actor';
import { createServices } from '../../src/server/services';
import { seededRandom } from '../../src/synthetic/random';
import { urlForDatabase, withMaintenanceClient } from '../../src/testing/postgres-admin';
import type { BenchOptions, Scenario } from '../run';
import { percentile, printTable } from '../stats';

const DEFAULT_SIZE = 100_000;
const DEFAULT_VACANCIES = 10_000;
const EMPLOYERS = 200;
const BATCH = 2_000;
const SAMPLES = 200;
const SKILLS = [
  'costura',
  'patronaje',
  'corte',
  'atención al cliente',
  'ventas',
  'manejo de caja',
  'soldadura',
  'lectura de planos',
  'conducción',
  'cocina',
  'panadería',
  'ofimática',
  'inventarios',
  'cosecha',
  'ordeño',
  'mantenimiento eléctrico',
  'construcción',
  'enfermería básica',
  'cuidado de niños',
  'peluquería',
];

async function freshDatabase(options: BenchOptions) {
  let database: DatabaseHandle;
  let drop = async () => {};
  if (options.engine === 'postgres') {
    const maintenance = options.databaseUrl as string;
    const name = `ruta_bench_matching_${process.pid}`;
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

function actorOf(user: { id: string; role: string; organization_id: string }, officeIds: string[]): Actor {
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organization_id,
    officeIds,
    territoryCodes: [],
    via: 'session',
    scopes: ['read', 'write'],
    context: { ip: null, userAgent: 'bench', requestId: null },
  } as Actor;
}

export const matchingScenario: Scenario = {
  name: 'matching',
  description:
    "Matching: a person's top 20 vacancies and a vacancy's top 50 candidates (--size seekers, --vacancies)",
  async run(options: BenchOptions) {
    const size = options.size ?? DEFAULT_SIZE;
    const vacancyCount = options.vacancies ?? DEFAULT_VACANCIES;
    const { database, drop } = await freshDatabase(options);
    const { db } = database;
    try {
      const random = seededRandom(2026);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
      // Unit groups, with a skewed popularity: the first families in a shuffled order are drawn far more often.
      const units = (
        await db.selectFrom('occupation').select('code').where('level', '=', 4).orderBy('code').execute()
      ).map((o) => o.code);
      const popular = [...units].sort(() => random() - 0.5);
      const drawUnit = () => popular[Math.floor(popular.length * random() ** 2)] as string;
      const sibling = (code: string) => {
        const family = units.filter((u) => u.startsWith(code.slice(0, 2)));
        return pick(family);
      };
      const municipalities = (await db.selectFrom('municipality').select('code').execute()).map(
        (m) => m.code,
      );
      // Most seekers and vacancies in a few big cities, the rest anywhere.
      const cities = ['08001', '11001', '05001', '76001', '13001', '54001', '68001', '08758'].filter((c) =>
        municipalities.includes(c),
      );
      const drawMunicipality = () => (random() < 0.7 ? pick(cities) : pick(municipalities));
      const drawSkills = (n: number) => [...new Set(Array.from({ length: n }, () => pick(SKILLS)))];
      const offices = (await db.selectFrom('office').select('id').orderBy('name').execute()).map((o) => o.id);
      const admin = await db
        .selectFrom('app_user')
        .select(['id', 'role', 'organization_id'])
        .where('role', '=', 'network_admin')
        .executeTakeFirstOrThrow();
      const caseworker = await db
        .selectFrom('app_user')
        .select(['id', 'role', 'organization_id'])
        .where('email', '=', 'gestor@ruta.example')
        .executeTakeFirstOrThrow();
      const caseworkerOffices = (
        await db.selectFrom('user_office').select('office_id').where('user_id', '=', caseworker.id).execute()
      ).map((o) => o.office_id);

      console.log(
        `Loading ${size.toLocaleString('en')} job seekers and ${vacancyCount.toLocaleString('en')} vacancies…`,
      );
      const loadStarted = performance.now();
      const caseworkerPersons: string[] = [];
      for (let start = 0; start < size; start += BATCH) {
        const persons: Insertable<Database['person']>[] = [];
        const links: Insertable<Database['person_office']>[] = [];
        const profiles: Insertable<Database['job_seeker_profile']>[] = [];
        for (let i = start; i < Math.min(size, start + BATCH); i++) {
          const id = uuidv7();
          const officeId = offices[i % offices.length] as string;
          if (caseworkerOffices.includes(officeId) && caseworkerPersons.length < SAMPLES)
            caseworkerPersons.push(id);
          persons.push({
            id,
            given_name_1: `Persona${i}`,
            surname_1: 'Buscadora',
            search_name: `persona${i} buscadora`,
            population_group: 'returnee',
            registered_office_id: officeId,
          });
          links.push({ person_id: id, office_id: officeId });
          const first = drawUnit();
          const codes = [
            first,
            ...(random() < 0.4 ? [sibling(first)] : []),
            ...(random() < 0.15 ? [drawUnit()] : []),
          ];
          profiles.push({
            person_id: id,
            ciuo_codes: [...new Set(codes)],
            skills: drawSkills(1 + Math.floor(random() * 4)),
            education_level: pick(EDUCATION_LEVELS.slice(2, 9)),
            experience_months: Math.floor(random() * 120),
            municipality_code: drawMunicipality(),
            availability: pick(AVAILABILITY),
            seeking: random() < 0.9,
          });
        }
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('person').values(persons).execute();
          await trx.insertInto('person_office').values(links).execute();
          await trx.insertInto('job_seeker_profile').values(profiles).execute();
        });
      }
      const employers = [];
      const verifications = [];
      for (let i = 0; i < EMPLOYERS; i++) {
        const id = uuidv7();
        employers.push({
          id,
          name: `Empleador de prueba ${i}`,
          short_name: `Empleador ${i}`,
          kind: 'employer',
        });
        verifications.push({
          id: uuidv7(),
          organization_id: id,
          legal_registration: true,
          formal_contracts: true,
          social_security: true,
          minimum_wage_or_more: true,
          safe_conditions: true,
          // A few employers failed a check: their vacancies are never suggested.
          non_discrimination: i % 20 !== 0,
          verified_by: admin.id,
          verified_at: new Date('2026-06-01T15:00:00Z'),
          valid_until: '2099-12-31',
        });
      }
      await db.insertInto('organization').values(employers).execute();
      await db.insertInto('employer_verification').values(verifications).execute();
      const vacancyIds: string[] = [];
      for (let start = 0; start < vacancyCount; start += BATCH) {
        const vacancies = [];
        for (let i = start; i < Math.min(vacancyCount, start + BATCH); i++) {
          const id = uuidv7();
          vacancyIds.push(id);
          vacancies.push({
            id,
            organization_id: (employers[i % EMPLOYERS] as { id: string }).id,
            title: `Vacante ${i}`,
            ciuo_code: drawUnit(),
            required_skills: drawSkills(Math.floor(random() * 4)),
            education_level: random() < 0.3 ? null : pick(EDUCATION_LEVELS.slice(2, 8)),
            experience_months: pick([0, 6, 12, 24, 36]),
            municipality_code: drawMunicipality(),
            contract_type: pick(['indefinite', 'fixed_term', 'work_or_labour']),
            monthly_wage: 1_750_905 + Math.floor(random() * 2_000_000),
            positions: 1 + Math.floor(random() * 5),
            opens_on: '2026-01-01',
            status: random() < 0.85 ? 'open' : 'closed',
            posted_by: admin.id,
          });
        }
        await db.insertInto('vacancy').values(vacancies).execute();
      }
      await sql`analyze`.execute(db);
      const loadSeconds = (performance.now() - loadStarted) / 1000;

      const services = createServices({ database, appVersion: 'bench' });
      const caseworkerActor = actorOf(caseworker, caseworkerOffices);
      const adminActor = actorOf(admin, []);

      const personTimes: number[] = [];
      let personResults = 0;
      for (const personId of caseworkerPersons.slice(0, SAMPLES)) {
        const started = performance.now();
        const result = await services.matching.vacanciesFor(caseworkerActor, personId, { limit: 20 }, 'es');
        personTimes.push(performance.now() - started);
        personResults += result.vacancies.length;
      }
      const vacancyTimes: number[] = [];
      let vacancyResults = 0;
      const sampled = Array.from({ length: Math.min(SAMPLES, vacancyIds.length) }, () => pick(vacancyIds));
      for (const vacancyId of sampled) {
        const started = performance.now();
        const result = await services.matching.candidates(adminActor, vacancyId, { limit: 50 }, 'es');
        vacancyTimes.push(performance.now() - started);
        vacancyResults += result.candidates.length;
      }
      const figures = {
        seekers: size,
        vacancies: vacancyCount,
        loadSeconds: Number(loadSeconds.toFixed(1)),
        personTop20: {
          samples: personTimes.length,
          p50Ms: percentile(personTimes, 50),
          p95Ms: percentile(personTimes, 95),
          meanResults: Number((personResults / Math.max(1, personTimes.length)).toFixed(1)),
        },
        vacancyTop50: {
          samples: vacancyTimes.length,
          p50Ms: percentile(vacancyTimes, 50),
          p95Ms: percentile(vacancyTimes, 95),
          meanResults: Number((vacancyResults / Math.max(1, vacancyTimes.length)).toFixed(1)),
        },
      };
      printTable(
        `Matching, ${size.toLocaleString('en')} seekers × ${vacancyCount.toLocaleString('en')} vacancies`,
        [
          { query: "person's top 20 vacancies", ...figures.personTop20 },
          { query: "vacancy's top 50 candidates", ...figures.vacancyTop50 },
        ],
      );
      return figures;
    } finally {
      await database.close();
      await drop();
    }
  },
};
