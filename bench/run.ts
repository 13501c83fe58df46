/**
 * `npm run bench -- <scenario> [--size N] [--vacancies V] [--engine pglite|postgres]`. Each scenario prints a readable table and,
 * as its last line, one JSON object with its figures and those of its baseline, measured in the same run.
 * Benchmarks measure; tests never assert on timings.
 */
import { parseArgs } from 'node:util';
import { assessmentScenario } from './scenarios/assessment';
import { entityResolutionScenario } from './scenarios/entity-resolution';
import { entityResolutionOnlineScenario } from './scenarios/entity-resolution-online';
import { finderScenario } from './scenarios/finder';
import { importScenario } from './scenarios/import';
import { matchingScenario } from './scenarios/matching';
import { searchScenario } from './scenarios/search';
import { signInScenario } from './scenarios/sign-in';

export interface BenchOptions {
  size: number | undefined;
  engine: 'pglite' | 'postgres';
  databaseUrl: string | undefined;
  /** Scenarios with a second population (matching: how many vacancies). */
  vacancies?: number | undefined;
}

export interface Scenario {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<Record<string, unknown>>;
}

const SCENARIOS: Scenario[] = [
  signInScenario,
  searchScenario,
  importScenario,
  assessmentScenario,
  finderScenario,
  matchingScenario,
  entityResolutionScenario,
  entityResolutionOnlineScenario,
];

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string' },
    vacancies: { type: 'string' },
    engine: { type: 'string', default: 'pglite' },
    list: { type: 'boolean', default: false },
  },
});

if (values.list || positionals.length === 0) {
  console.log('Scenarios:');
  for (const scenario of SCENARIOS) console.log(`  ${scenario.name.padEnd(16)} ${scenario.description}`);
  process.exit(values.list ? 0 : 2);
}

const engine = values.engine;
if (engine !== 'pglite' && engine !== 'postgres')
  fail(`--engine must be pglite or postgres (got "${engine}")`);
const size = values.size === undefined ? undefined : Number(values.size);
if (size !== undefined && (!Number.isInteger(size) || size < 1))
  fail(`--size must be a positive whole number (got "${values.size}")`);
const vacancies = values.vacancies === undefined ? undefined : Number(values.vacancies);
if (vacancies !== undefined && (!Number.isInteger(vacancies) || vacancies < 1))
  fail(`--vacancies must be a positive whole number (got "${values.vacancies}")`);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (engine === 'postgres' && !databaseUrl)
  fail('--engine postgres needs BENCH_DATABASE_URL (an empty database it may fill)');

for (const name of positionals) {
  const scenario =
    SCENARIOS.find((candidate) => candidate.name === name) ?? fail(`unknown scenario "${name}"; see --list`);
  const figures = await scenario.run({ size, engine, databaseUrl, vacancies });
  console.log(JSON.stringify({ scenario: scenario.name, engine, ...figures }));
}
