/**
 * Synthetic persons and households for Ruta's migrant-assistance registry: deterministic, streaming, with planted
 * duplicates and the truth on every record. See README.md.
 */
import { performance } from 'node:perf_hooks';
import { CsvWriter, PERSON_COLUMNS, recordLine, TRUTH_COLUMNS } from './csv';
import { type GeneratorOptions, generatePersons, validateOptions } from './generate';

export {
  CsvWriter,
  csvField,
  csvLine,
  encodeDocuments,
  PERSON_COLUMNS,
  recordLine,
  TRUTH_COLUMNS,
} from './csv';
export {
  ageAtReference,
  allMunicipalityCodes,
  DEFAULT_DUPLICATE_RATE,
  type GeneratorOptions,
  generatePersons,
  type IdentityDocument,
  MAX_DUPLICATE_RATE,
  MAX_SIZE,
  MIN_SIZE,
  type MutationName,
  type PersonRecord,
  POPULATION_GROUPS,
  type PopulationGroup,
  pairwiseScores,
  REFERENCE_DATE,
  RELATIONSHIPS,
  type Relationship,
  type Sex,
  type StreamSummary,
  TruthClusters,
  validateOptions,
} from './generate';
export { MUTATION_NAMES, MUTATION_WEIGHTS } from './mutations';
export { givenName, surname, vocabularySizes } from './vocabulary';

export interface CsvOptions extends GeneratorOptions {
  /** When given, the truth (id, truthId, mutations) goes to this file and the main file carries no truth. */
  truthPath?: string;
}

export interface CsvReport {
  records: number;
  originals: number;
  duplicates: number;
  households: number;
  /** One-time set-up: vocabulary and tables, before the first record. */
  setupSeconds: number;
  /** From the first record to the file closed. */
  seconds: number;
  recordsPerSecond: number;
  bytes: number;
  peakRssBytes: number;
}

/**
 * Streams the persons to `path` as CSV. Without `truthPath`, each row carries its truthId and mutations; with it,
 * the main file is what an entity-resolution system may see and the truth file is for scoring it.
 */
export async function generateToCsv(path: string, options: CsvOptions): Promise<CsvReport> {
  validateOptions(options);
  const main = new CsvWriter(path);
  const truth = options.truthPath ? new CsvWriter(options.truthPath) : null;
  main.addFields(truth ? PERSON_COLUMNS : [...PERSON_COLUMNS, ...TRUTH_COLUMNS]);
  truth?.addFields(['id', ...TRUTH_COLUMNS]);
  const setupStarted = performance.now();
  const stream = generatePersons(options);
  let step = stream.next();
  const started = performance.now();
  while (!step.done) {
    const record = step.value;
    if (main.add(recordLine(record, truth === null))) await main.flush();
    if (truth?.add(`${record.id},${record.truthId},${record.mutations.join('|')}\r\n`)) await truth.flush();
    step = stream.next();
  }
  await main.close();
  await truth?.close();
  const seconds = (performance.now() - started) / 1000;
  const summary = step.value;
  return {
    ...summary,
    setupSeconds: (started - setupStarted) / 1000,
    seconds,
    recordsPerSecond: summary.records / seconds,
    bytes: main.bytes + (truth?.bytes ?? 0),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
