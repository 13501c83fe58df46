/**
 * node --import tsx src/synthetic/throughput.ts [--size 1000000] [--seed 1]
 *
 * Generation speed alone (no CSV): records per second after the one-time set-up (vocabulary, tables), and the
 * peak resident memory. Benchmarks measure; tests never assert on timings.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generatePersons } from './generate';
import { vocabularySizes } from './vocabulary';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } },
});
const size = Number(values.size);
if (!Number.isSafeInteger(size) || size < 1) {
  process.stderr.write(`throughput: --size must be a positive integer, got "${values.size}"\n`);
  process.exit(2);
}
const setupStarted = performance.now();
vocabularySizes();
const stream = generatePersons({ seed: values.seed, size });
const first = stream.next();
const setupSeconds = (performance.now() - setupStarted) / 1000;
const started = performance.now();
let records = first.done ? 0 : 1;
let duplicates = 0;
for (const record of stream) {
  records++;
  if (record.mutations.length > 0) duplicates++;
}
const seconds = (performance.now() - started) / 1000;
const peakRss = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    records,
    duplicates,
    setupSeconds: Number(setupSeconds.toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round((records - 1) / seconds),
    peakRssMiB: Number(peakRss.toFixed(1)),
  }),
);
