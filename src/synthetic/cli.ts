/**
 * node --import tsx src/synthetic/cli.ts --size N --seed S --out persons.csv [--duplicate-rate 0.1]
 *   [--truth-out truth.csv]
 *
 * Streams the synthetic registry to CSV and prints records per second and the peak resident memory.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DUPLICATE_RATE, generateToCsv, MAX_DUPLICATE_RATE, MAX_SIZE, MIN_SIZE } from './index';

const USAGE =
  'usage: node --import tsx src/synthetic/cli.ts --size N --seed S --out FILE.csv [--duplicate-rate R] [--truth-out FILE.csv]';

function fail(message: string): never {
  process.stderr.write(`generator: ${message}\n`);
  process.exit(2);
}

export interface CliArguments {
  size: number;
  seed: number | string;
  out: string;
  duplicateRate: number;
  truthOut: string | undefined;
}

/** Parses and checks the arguments; throws an Error whose message is one line fit for the user. */
export function parseCliArguments(argv: string[]): CliArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        size: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'duplicate-rate': { type: 'string' },
        'truth-out': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error((error as Error).message.split('\n')[0]);
  }
  if (values.help) throw new Error(USAGE);
  const size = values.size;
  if (typeof size !== 'string') throw new Error(`--size is required (${MIN_SIZE} to ${MAX_SIZE})`);
  if (!/^\d[\d_]*$/.test(size)) throw new Error(`--size must be a whole number, got "${size}"`);
  const sizeNumber = Number(size.replaceAll('_', ''));
  if (sizeNumber < MIN_SIZE || sizeNumber > MAX_SIZE) {
    throw new Error(`--size must be from ${MIN_SIZE} to ${MAX_SIZE}, got ${sizeNumber}`);
  }
  const seed = values.seed;
  if (typeof seed !== 'string' || seed.trim() === '')
    throw new Error('--seed is required (an integer or a word)');
  const seedValue = /^-?\d+$/.test(seed) && Number.isSafeInteger(Number(seed)) ? Number(seed) : seed;
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new Error('--out is required (the CSV file to write)');
  const rate = values['duplicate-rate'];
  let duplicateRate = DEFAULT_DUPLICATE_RATE;
  if (rate !== undefined) {
    duplicateRate = Number(rate);
    if (typeof rate !== 'string' || rate.trim() === '' || !Number.isFinite(duplicateRate)) {
      throw new Error(`--duplicate-rate must be a number, got "${rate}"`);
    }
    if (duplicateRate < 0 || duplicateRate > MAX_DUPLICATE_RATE) {
      throw new Error(`--duplicate-rate must be from 0 to ${MAX_DUPLICATE_RATE}, got ${duplicateRate}`);
    }
  }
  const truthOut = values['truth-out'];
  if (truthOut !== undefined && (typeof truthOut !== 'string' || truthOut === '' || truthOut === out)) {
    throw new Error('--truth-out must name a file other than --out');
  }
  return { size: sizeNumber, seed: seedValue, out, duplicateRate, truthOut: truthOut as string | undefined };
}

async function main(): Promise<void> {
  let args: CliArguments;
  try {
    args = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    fail((error as Error).message);
  }
  const report = await generateToCsv(args.out, {
    seed: args.seed,
    size: args.size,
    duplicateRate: args.duplicateRate,
    truthPath: args.truthOut,
  }).catch((error: Error) => fail(error.message.split('\n')[0] ?? 'write failed'));
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `wrote ${report.records.toLocaleString('en')} records (${report.duplicates.toLocaleString('en')} duplicates, ` +
      `${report.households.toLocaleString('en')} households) to ${args.out}${args.truthOut ? ` and ${args.truthOut}` : ''}`,
  );
  console.log(
    `set-up ${report.setupSeconds.toFixed(2)} s, then ${report.seconds.toFixed(2)} s: ` +
      `${Math.round(report.recordsPerSecond).toLocaleString('en')} records/s, ` +
      `${mib(report.bytes)} MiB written, peak RSS ${mib(report.peakRssBytes)} MiB`,
  );
}

// Run only as a program, not when a test imports parseCliArguments.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
