/**
 * The synthetic registry: households of returning Colombians, Venezuelan migrants and refugees, other migrants and
 * the host community, streamed person by person, with duplicates planted at later positions and the truth on
 * every record.
 *
 * Design (see README):
 * - Household h is built from its own random stream, derived from (seed, h). Any household can therefore be rebuilt
 *   later, which is how a duplicate gets its source without the generator keeping the persons it has emitted.
 * - Document numbers are `band start + keyed permutation(slot × HOUSEHOLD_CAPACITY + h)`: unique per type by
 *   construction, random-looking, and the same when the household is rebuilt.
 * - The stream decides at each position between the next original and a duplicate of an earlier original, with an
 *   error-diffusion schedule that keeps every prefix within a record or two of the requested duplicate rate and
 *   never depends on the requested size. So the output of size N is a prefix of the output of any larger size.
 */
import { readFileSync } from 'node:fs';
import type { DocumentType } from '../../src/domain/registry/document-types';
import {
  type IdentityDocument,
  type MutationEnvironment,
  type MutationName,
  mutateRecord,
} from './mutations';
import { IndexPermutation, mix32, Random, WeightedChoice } from './random';
import { NameSampler, type Sex } from './vocabulary';

export type { IdentityDocument, MutationName } from './mutations';
export type { Sex } from './vocabulary';

import { POPULATION_GROUPS } from '../domain/registry/vocabulary';

export { POPULATION_GROUPS };
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

export const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'other_relative',
  'non_relative',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface PersonRecord {
  /** Opaque, unique, deterministic. */
  id: string;
  /** The id of the original record of this real-world person: equal to `id` for originals. */
  truthId: string;
  /** Mutations that made this record from its original; empty for originals. */
  mutations: MutationName[];
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  sex: Sex;
  /** YYYY-MM-DD. */
  birthDate: string;
  birthDateEstimated: boolean;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  populationGroup: PopulationGroup;
  /** DIVIPOLA, 5 digits. */
  municipalityCode: string;
  documents: IdentityDocument[];
  /** E.164. */
  phone: string | null;
  householdId: string;
  relationshipToHead: Relationship;
}

export interface GeneratorOptions {
  seed: number | string;
  /** Number of records to emit, duplicates included. */
  size: number;
  /** Share of the records that are duplicates of an earlier original (default 0.1). */
  duplicateRate?: number;
}

export const MIN_SIZE = 1;
export const MAX_SIZE = 3_000_000;
export const MAX_DUPLICATE_RATE = 0.5;
export const DEFAULT_DUPLICATE_RATE = 0.1;
/** Ages and "current" documents are as of this date, so output never depends on the clock. */
export const REFERENCE_DATE = '2025-06-30';

/** Households are numbered below this; it sizes the document-number key space (≈ 3.6 M persons). */
const HOUSEHOLD_CAPACITY = 2 ** 20;
const MAX_MEMBERS = 8;
/** A duplicate's source is at least this many originals back, so it is never next to it. */
const MIN_SOURCE_LAG = 3;
/** Share of duplicate events whose source lies among the last LOCAL_WINDOW originals (same registration drive). */
const LOCAL_SOURCE_SHARE = 0.25;
const LOCAL_WINDOW = 500;
/** Share of duplicate events that re-register a whole household (when the source lives with others). */
const HOUSEHOLD_DUPLICATE_SHARE = 0.1;

const STREAM_SCHEDULE = 1;
const STREAM_HOUSEHOLD = 2;
const STREAM_PERMUTATION = 3;

const REFERENCE_YEAR = 2025;
const REFERENCE_MONTH = 6;
const REFERENCE_DAY = 30;

// ---------------------------------------------------------------------------------------------------------------
// Validation.

export function validateOptions(options: GeneratorOptions): Required<GeneratorOptions> {
  const { seed, size } = options;
  const duplicateRate = options.duplicateRate ?? DEFAULT_DUPLICATE_RATE;
  if (
    typeof seed === 'number' ? !Number.isSafeInteger(seed) : typeof seed !== 'string' || seed.length === 0
  ) {
    throw new RangeError('seed must be a safe integer or a non-empty string');
  }
  if (!Number.isSafeInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new RangeError(`size must be an integer from ${MIN_SIZE} to ${MAX_SIZE.toLocaleString('en')}`);
  }
  if (!(duplicateRate >= 0 && duplicateRate <= MAX_DUPLICATE_RATE)) {
    throw new RangeError(`duplicateRate must be between 0 and ${MAX_DUPLICATE_RATE}`);
  }
  return { seed, size, duplicateRate };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates without Date objects (fast, and no time zone can shift a birthday).

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function formatDate(year: number, month: number, day: number): string {
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** Completed years at REFERENCE_DATE. */
export function ageAtReference(birthDate: string): number {
  const year = Number(birthDate.slice(0, 4));
  const month = Number(birthDate.slice(5, 7));
  const day = Number(birthDate.slice(8, 10));
  const birthdayPassed = month < REFERENCE_MONTH || (month === REFERENCE_MONTH && day <= REFERENCE_DAY);
  return REFERENCE_YEAR - year - (birthdayPassed ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Geography.

const MUNICIPALITIES_CSV = new URL('../../src/reference/divipola/municipalities.csv', import.meta.url);

let municipalityCodes: string[] | undefined;

/** All DIVIPOLA municipality codes of the reference file. */
export function allMunicipalityCodes(): string[] {
  if (!municipalityCodes) {
    const lines = readFileSync(MUNICIPALITIES_CSV, 'utf8').split(/\r?\n/).slice(1);
    municipalityCodes = lines
      .map((line) => line.slice(0, line.indexOf(',')))
      .filter((code) => /^\d{5}$/.test(code));
  }
  return municipalityCodes;
}

/**
 * Where Venezuelan migrants live, in rough thousands (Migración Colombia's public city figures, rounded and
 * partly estimated; see README): Bogotá first, then Medellín's and Cúcuta's metro areas, the Caribbean coast, Cali,
 * the border departments (La Guajira, Norte de Santander, Arauca) and Nariño's border crossing.
 */
const MIGRANT_MUNICIPALITY_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['11001', 600],
  ['05001', 230],
  ['05088', 40],
  ['05360', 25],
  ['05266', 12],
  ['05615', 10],
  ['05045', 5],
  ['05154', 4],
  ['54001', 200],
  ['54874', 55],
  ['54405', 20],
  ['54498', 10],
  ['54810', 12],
  ['54261', 6],
  ['08001', 150],
  ['08758', 70],
  ['08433', 20],
  ['08573', 6],
  ['08638', 6],
  ['08296', 6],
  ['76001', 140],
  ['76520', 12],
  ['76364', 8],
  ['76109', 4],
  ['76834', 5],
  ['13001', 90],
  ['13430', 3],
  ['13836', 6],
  ['68001', 75],
  ['68276', 25],
  ['68307', 20],
  ['68547', 15],
  ['68081', 10],
  ['47001', 70],
  ['47189', 8],
  ['47288', 3],
  ['44001', 60],
  ['44430', 70],
  ['44847', 20],
  ['44279', 6],
  ['44650', 5],
  ['44560', 5],
  ['20001', 55],
  ['20011', 8],
  ['20013', 4],
  ['25754', 35],
  ['25286', 8],
  ['25473', 10],
  ['25430', 6],
  ['25269', 8],
  ['25899', 6],
  ['25175', 6],
  ['25290', 5],
  ['25307', 4],
  ['66001', 25],
  ['66170', 8],
  ['52001', 12],
  ['52356', 15],
  ['52835', 3],
  ['81001', 40],
  ['81736', 15],
  ['81065', 8],
  ['81794', 6],
  ['50001', 25],
  ['73001', 20],
  ['17001', 10],
  ['63001', 10],
  ['41001', 10],
  ['23001', 20],
  ['70001', 15],
  ['85001', 15],
  ['15001', 6],
  ['15759', 5],
  ['15238', 4],
  ['19001', 8],
  ['18001', 3],
  ['27001', 2],
  ['99001', 5],
  ['94001', 3],
  ['91001', 1],
  ['86001', 3],
  ['86568', 2],
  ['88001', 1],
];

/** Returnees settle mostly on the Caribbean coast and the border (domain.md §1: Atlántico 19%, N. Santander 12%). */
const RETURNEE_DEPARTMENT_FACTORS: Record<string, number> = {
  '08': 2.2,
  '13': 1.6,
  '47': 1.6,
  '20': 1.5,
  '23': 1.6,
  '70': 1.6,
  '44': 1.3,
  '54': 1.3,
  '11': 0.6,
  '05': 0.7,
  '76': 0.8,
};

/** Migrants in transit (the "other" group) gather at the Darién route (Necoclí, Turbo, Acandí) and at Ipiales. */
const TRANSIT_EXTRA_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['05490', 220],
  ['05837', 60],
  ['27006', 40],
  ['52356', 120],
];

/** Share of each table spread evenly over all 1,122 municipalities, so every code can appear. */
const LONG_TAIL_SHARE = 0.1;

function municipalityChoice(table: ReadonlyArray<readonly [string, number]>): WeightedChoice<string> {
  const codes = allMunicipalityCodes();
  const known = new Set(codes);
  const weights = new Map<string, number>();
  let listed = 0;
  for (const [code, weight] of table) {
    if (!known.has(code)) throw new Error(`municipality ${code} is not in the DIVIPOLA reference file`);
    weights.set(code, (weights.get(code) ?? 0) + weight);
    listed += weight;
  }
  const spread = (listed * LONG_TAIL_SHARE) / (1 - LONG_TAIL_SHARE) / codes.length;
  for (const code of codes) weights.set(code, (weights.get(code) ?? 0) + spread);
  return WeightedChoice.fromEntries([...weights]);
}

// ---------------------------------------------------------------------------------------------------------------
// Document number bands.

interface Band {
  start: number;
  size: number;
  permutation: IndexPermutation;
  format: (value: number, extra: number) => string;
}

type BandName =
  | 'NUIP'
  | 'CC8F'
  | 'CC8M'
  | 'CC7'
  | 'CC6'
  | 'CE6'
  | 'CE7'
  | 'PPT7'
  | 'PPT8'
  | 'PEP'
  | 'PA_CO'
  | 'PA_VE'
  | 'PA_OTHER'
  | 'SC2'
  | 'VE_FOREIGNER';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CO_PASSPORT_SERIES = 'OPQRSTUV';
/** Venezuelan cédulas grow with the holder's age: one band per five-year birth cohort from 1925. */
const VE_COHORT_FIRST_YEAR = 1925;
const VE_COHORTS = 20;
const VE_COHORT_WIDTH = 2_000_000;

const plain = (value: number) => String(value);

const BAND_SPECS: Record<BandName, { start: number; size: number; format: Band['format'] }> = {
  // The NUIP: one lifelong number on the registro civil, the tarjeta de identidad and the 10-digit cédula.
  NUIP: { start: 1_000_000_000, size: 200_000_000, format: plain },
  CC8F: { start: 20_000_000, size: 50_000_000, format: plain },
  CC8M: { start: 70_000_000, size: 30_000_000, format: plain },
  CC7: { start: 1_000_000, size: 9_000_000, format: plain },
  CC6: { start: 100_000, size: 900_000, format: plain },
  CE6: { start: 100_000, size: 900_000, format: plain },
  CE7: { start: 1_000_000, size: 9_000_000, format: plain },
  PPT7: { start: 1_000_000, size: 9_000_000, format: plain },
  PPT8: { start: 10_000_000, size: 20_000_000, format: plain },
  // 15 digits: the issue year and month, then an 11-digit serial (synthetic layout; the real one is unverified).
  PEP: {
    start: 0,
    size: 1_000_000_000,
    format: (value, issued) => `${issued}${String(value).padStart(11, '0')}`,
  },
  PA_CO: {
    start: 0,
    size: CO_PASSPORT_SERIES.length * 1_000_000,
    format: (value) =>
      `A${CO_PASSPORT_SERIES[Math.floor(value / 1_000_000)]}${String(value % 1_000_000).padStart(6, '0')}`,
  },
  PA_VE: { start: 100_000_000, size: 900_000_000, format: plain },
  PA_OTHER: {
    start: 0,
    size: 26 * 100_000_000,
    format: (value) =>
      `${LETTERS[Math.floor(value / 100_000_000)]}${String(value % 100_000_000).padStart(8, '0')}`,
  },
  SC2: {
    start: 0,
    size: 10_000_000,
    format: (value, year) => `${TWO_DIGITS[year % 100]}${String(value).padStart(7, '0')}`,
  },
  VE_FOREIGNER: { start: 80_000_000, size: 10_000_000, format: (value) => `E${value}` },
};

class DocumentNumbers {
  private readonly bands: Band[] = [];
  private readonly indexOf = new Map<string, number>();
  /** Numbers taken from each band by the household being built. */
  private readonly slots: Uint16Array;
  private household = 0;

  constructor(seedWord: number) {
    const add = (name: string, spec: { start: number; size: number; format: Band['format'] }) => {
      const key = mix32(seedWord ^ mix32(STREAM_PERMUTATION * 1000 + this.bands.length + 1));
      this.indexOf.set(name, this.bands.length);
      this.bands.push({ ...spec, permutation: new IndexPermutation(spec.size, key) });
    };
    for (const [name, spec] of Object.entries(BAND_SPECS)) add(name, spec);
    for (let cohort = 0; cohort < VE_COHORTS; cohort++) {
      add(`VE${cohort}`, {
        start: 1_000_000 + cohort * VE_COHORT_WIDTH,
        size: VE_COHORT_WIDTH,
        format: (value) => `V${value}`,
      });
    }
    this.slots = new Uint16Array(this.bands.length);
  }

  /** Band indices for names, resolved once (the hot path works on indices). */
  resolve(names: readonly string[]): number[] {
    return names.map((name) => {
      const index = this.indexOf.get(name);
      if (index === undefined) throw new Error(`unknown band ${name}`);
      return index;
    });
  }

  /** Starts a household: slot counters restart, so a rebuilt household gets the same numbers. */
  beginHousehold(household: number): void {
    this.household = household;
    this.slots.fill(0);
  }

  /**
   * The next number of the first band in `bands` that still has room for this household: key = slot × capacity +
   * household, which is unique across households and slots, and must fall inside the band.
   */
  take(bands: readonly number[], extra = 0): string | null {
    for (const index of bands) {
      const band = this.bands[index] as Band;
      const slot = this.slots[index] as number;
      const key = slot * HOUSEHOLD_CAPACITY + this.household;
      if (key >= band.size) continue;
      this.slots[index] = slot + 1;
      return band.format(band.start + band.permutation.map(key), extra);
    }
    return null;
  }
}

/** The band lists each document draws from, first choice first, resolved to indices once per generator. */
function bandLists(numbers: DocumentNumbers) {
  const veCohorts: number[][] = [];
  for (let cohort = 0; cohort < VE_COHORTS; cohort++) {
    // A cohort's band full for this household: the neighbouring cohorts' numbers look just as plausible.
    const order = [cohort, cohort + 1, cohort - 1, cohort + 2, cohort - 2].filter(
      (c) => c >= 0 && c < VE_COHORTS,
    );
    veCohorts.push(numbers.resolve(order.map((c) => `VE${c}`)));
  }
  return {
    SC2: numbers.resolve(['SC2']),
    CE: numbers.resolve(['CE6', 'CE7']),
    NUIP: numbers.resolve(['NUIP']),
    CC8: { F: numbers.resolve(['CC8F', 'CC8M']), M: numbers.resolve(['CC8M', 'CC8F']) },
    CC7: { F: numbers.resolve(['CC7', 'CC8F']), M: numbers.resolve(['CC7', 'CC8M']) },
    CC6: { F: numbers.resolve(['CC6', 'CC7', 'CC8F']), M: numbers.resolve(['CC6', 'CC7', 'CC8M']) },
    PA_CO: numbers.resolve(['PA_CO']),
    VE_FOREIGNER: numbers.resolve(['VE_FOREIGNER']),
    PPT: numbers.resolve(['PPT7', 'PPT8']),
    PEP: numbers.resolve(['PEP']),
    PA_VE: numbers.resolve(['PA_VE']),
    PA_OTHER: numbers.resolve(['PA_OTHER']),
    veCohort: (birthYear: number) =>
      veCohorts[
        Math.min(VE_COHORTS - 1, Math.max(0, Math.floor((birthYear - VE_COHORT_FIRST_YEAR) / 5)))
      ] as number[],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Distributions.

const GROUP_CHOICE = WeightedChoice.fromEntries<PopulationGroup>([
  ['venezuelan_migrant', 0.58],
  ['returnee', 0.17],
  ['host_community', 0.17],
  ['refugee_or_asylum_seeker', 0.03],
  ['other', 0.05],
]);

/** Household sizes 1–8, mean ≈ 3.5 (migrant households are larger than Colombia's 3.0 average). */
const HOUSEHOLD_SIZE_CHOICE = new WeightedChoice([1, 2, 3, 4, 5, 6, 7, 8], [15, 18, 20, 19, 13, 8, 4, 3]);

/** Year of arrival in Colombia (or of return), peaking in 2018–2019. */
const ARRIVAL_YEAR_CHOICE = new WeightedChoice(
  [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
  [3, 6, 14, 20, 17, 6, 9, 9, 8, 6, 2],
);

/** Head of household's age: young adults dominate migrant households. */
const HEAD_AGE_CHOICE = (() => {
  const ages: number[] = [];
  const weights: number[] = [];
  const bands: Array<[number, number, number]> = [
    [18, 24, 16],
    [25, 34, 34],
    [35, 44, 25],
    [45, 54, 13],
    [55, 64, 8],
    [65, 85, 4],
  ];
  for (const [from, to, share] of bands) {
    for (let age = from; age <= to; age++) {
      ages.push(age);
      weights.push(share / (to - from + 1));
    }
  }
  return new WeightedChoice(ages, weights);
})();

const OTHER_RELATIONSHIP_CHOICE = WeightedChoice.fromEntries<Relationship>([
  ['child', 74],
  ['parent', 6],
  ['sibling', 7],
  ['grandchild', 5],
  ['other_relative', 5],
  ['non_relative', 3],
]);

/** Nationalities of the "other" group: Venezuelans in transit and other migrants crossing toward the Darién. */
const OTHER_NATIONALITY_CHOICE = WeightedChoice.fromEntries([
  ['VE', 35],
  ['EC', 15],
  ['HT', 12],
  ['PE', 6],
  ['CU', 6],
  ['CL', 5],
  ['BR', 3],
  ['US', 3],
  ['ES', 3],
  ['AR', 2],
  ['MX', 2],
  ['PA', 2],
  ['DO', 2],
  ['SV', 1],
  ['HN', 1],
  ['CN', 1],
  ['IN', 1],
]);
const REFUGEE_OTHER_NATIONALITY_CHOICE = WeightedChoice.fromEntries([
  ['CU', 30],
  ['NI', 20],
  ['HT', 15],
  ['EC', 15],
  ['SV', 10],
  ['HN', 10],
]);
/** Nationalities whose names are not Hispanic in form: a second surname is rare there. */
const SINGLE_SURNAME_NATIONALITIES = new Set(['HT', 'BR', 'US', 'CN', 'IN']);

const CO_MOBILE_PREFIXES = [
  '300',
  '301',
  '302',
  '304',
  '305',
  '310',
  '311',
  '312',
  '313',
  '314',
  '315',
  '316',
  '317',
  '318',
  '319',
  '320',
  '321',
  '322',
  '323',
  '324',
  '350',
  '351',
];
const VE_MOBILE_PREFIXES = ['412', '414', '416', '424', '426'];

function colombianMobile(random: Random): string {
  return `+57${random.pick(CO_MOBILE_PREFIXES)}${random.int(1_000_000, 9_999_999)}`;
}

function venezuelanMobile(random: Random): string {
  return `+58${random.pick(VE_MOBILE_PREFIXES)}${random.int(1_000_000, 9_999_999)}`;
}

/** Second given names written with a particle, as registries show them ("María del Carmen", "José de Jesús"). */
const FEMALE_PARTICLE_SECOND_NAMES = ['del Carmen', 'de los Ángeles', 'del Pilar', 'del Socorro', 'de Jesús'];
const MALE_PARTICLE_SECOND_NAMES = ['de Jesús', 'del Carmen'];

// ---------------------------------------------------------------------------------------------------------------
// Households.

interface MemberDraft {
  record: PersonRecord;
  /** Every document the person holds; the record presents some of them. */
  held: IdentityDocument[];
}

/** The documents a person holds, and the ones the registration shows. */
class DocumentList {
  readonly held: IdentityDocument[] = [];
  readonly presented: IdentityDocument[] = [];

  add(type: DocumentType, number: string | null, present: boolean): void {
    if (number === null) return;
    const document = { type, number };
    this.held.push(document);
    if (present) this.presented.push(document);
  }
}

interface HouseholdContext {
  index: number;
  householdId: string;
  municipalityCode: string;
  arrivalYear: number;
  /** Set by the head's draft; a minor without a phone often gives the head's. */
  headPhone: string | null;
}

interface Person {
  sex: Sex;
  age: number;
  birthYear: number;
  birthDate: string;
  estimated: boolean;
  nationality: string;
  group: PopulationGroup;
  relationship: Relationship;
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
}

/**
 * Chance that only the birth year is known: rare for Colombians (registro civil), more common for migrants, and
 * common for recent arrivals without papers.
 */
function estimatedChance(nationality: string, arrivalYear: number): number {
  if (nationality === 'CO') return 0.008;
  return arrivalYear >= 2023 ? 0.12 : 0.025;
}

function cohortOf(birthYear: number): 0 | 1 | 2 {
  return birthYear < 1975 ? 0 : birthYear < 2005 ? 1 : 2;
}

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A letter prefix and `width` Crockford base-32 digits (no I, L, O, U: nothing to misread). */
function opaqueId(prefix: string, value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = BASE32[rest & 31] + out;
    rest >>>= 5;
  }
  return prefix + out;
}

/** Everything a seed fixes: permutations, samplers and tables. Built once per generator. */
export class RegistryGenerator {
  readonly seed: number | string;
  private readonly seedWord: number;
  private readonly names: NameSampler;
  private readonly numbers: DocumentNumbers;
  private readonly bands: ReturnType<typeof bandLists>;
  private readonly personIds: IndexPermutation;
  private readonly householdIds: IndexPermutation;
  private readonly migrantPlaces: WeightedChoice<string>;
  private readonly returneePlaces: WeightedChoice<string>;
  private readonly transitPlaces: WeightedChoice<string>;
  readonly environment: MutationEnvironment;

  constructor(seed: number | string) {
    this.seed = seed;
    this.seedWord = Random.derive(seed).nextUint32();
    this.names = new NameSampler();
    this.numbers = new DocumentNumbers(this.seedWord);
    this.bands = bandLists(this.numbers);
    this.personIds = new IndexPermutation(2 ** 24, mix32(this.seedWord ^ 0x1d));
    this.householdIds = new IndexPermutation(2 ** 22, mix32(this.seedWord ^ 0x2e));
    this.migrantPlaces = municipalityChoice(MIGRANT_MUNICIPALITY_WEIGHTS);
    this.returneePlaces = municipalityChoice(
      MIGRANT_MUNICIPALITY_WEIGHTS.map(
        ([code, weight]) => [code, weight * (RETURNEE_DEPARTMENT_FACTORS[code.slice(0, 2)] ?? 1)] as const,
      ),
    );
    this.transitPlaces = municipalityChoice([...MIGRANT_MUNICIPALITY_WEIGHTS, ...TRANSIT_EXTRA_WEIGHTS]);
    this.environment = {
      newPhone: (random, nationality) =>
        nationality === 'VE' && random.chance(0.2) ? venezuelanMobile(random) : colombianMobile(random),
      newMunicipality: (random, current) => {
        for (let attempt = 0; attempt < 8; attempt++) {
          const code = this.migrantPlaces.sample(random);
          if (code !== current) return code;
        }
        return current === '11001' ? '05001' : '11001';
      },
      latestBirthDate: REFERENCE_DATE,
    };
  }

  /** Id of original member `member` of household `household`. */
  originalPersonId(household: number, member: number): string {
    return opaqueId('P', this.personIds.map(household * MAX_MEMBERS + member), 5);
  }

  duplicatePersonId(index: number): string {
    return opaqueId('P', this.personIds.map(2 ** 23 + index), 5);
  }

  originalHouseholdId(household: number): string {
    return opaqueId('H', this.householdIds.map(household), 5);
  }

  duplicateHouseholdId(index: number): string {
    return opaqueId('H', this.householdIds.map(HOUSEHOLD_CAPACITY + index), 5);
  }

  /** Builds household `index` from its own stream: the same members every time. */
  household(index: number): MemberDraft[] {
    if (index >= HOUSEHOLD_CAPACITY) throw new RangeError('household capacity exceeded');
    const random = Random.derive(this.seedWord, STREAM_HOUSEHOLD, index);
    this.numbers.beginHousehold(index);
    const group = GROUP_CHOICE.sample(random);
    const size = HOUSEHOLD_SIZE_CHOICE.sample(random);
    const arrivalYear = ARRIVAL_YEAR_CHOICE.sample(random);
    const places =
      group === 'returnee'
        ? this.returneePlaces
        : group === 'other'
          ? this.transitPlaces
          : this.migrantPlaces;
    const municipalityCode = places.sample(random);
    const householdId = this.originalHouseholdId(index);

    const headNationality =
      group === 'venezuelan_migrant'
        ? 'VE'
        : group === 'returnee' || group === 'host_community'
          ? 'CO'
          : group === 'refugee_or_asylum_seeker'
            ? random.chance(0.8)
              ? 'VE'
              : REFUGEE_OTHER_NATIONALITY_CHOICE.sample(random)
            : OTHER_NATIONALITY_CHOICE.sample(random);

    const hasSpouse = size >= 2 && random.chance(0.62);
    // Without a partner, migrant households are mostly headed by women.
    const headSex: Sex = hasSpouse ? (random.chance(0.42) ? 'F' : 'M') : random.chance(0.62) ? 'F' : 'M';
    const headAge = HEAD_AGE_CHOICE.sample(random);
    const members: Person[] = [];
    const head = this.person(random, {
      sex: headSex,
      age: headAge,
      nationality: headNationality,
      group,
      relationship: 'head',
      estimatedChance: estimatedChance(headNationality, arrivalYear),
    });
    members.push(head);
    let spouse: Person | null = null;
    if (hasSpouse) {
      const spouseSex: Sex = headSex === 'F' ? 'M' : 'F';
      const gap = random.normal(headSex === 'M' ? -2.5 : 2.5, 4.5);
      const spouseAge = Math.max(18, Math.min(90, Math.round(headAge + gap)));
      const spouseNationality =
        group === 'venezuelan_migrant'
          ? random.chance(0.15)
            ? 'CO'
            : 'VE'
          : group === 'returnee'
            ? random.chance(0.45)
              ? 'VE'
              : 'CO'
            : headNationality;
      spouse = this.person(random, {
        sex: spouseSex,
        age: spouseAge,
        nationality: spouseNationality,
        group: this.groupFor(group, spouseNationality, spouseAge),
        relationship: 'spouse',
        estimatedChance: estimatedChance(spouseNationality, arrivalYear),
      });
      members.push(spouse);
    }
    const mother = headSex === 'F' ? head : spouse;
    const father = headSex === 'M' ? head : spouse;
    const parentAge = mother?.age ?? head.age;

    while (members.length < size) {
      let relationship = OTHER_RELATIONSHIP_CHOICE.sample(random);
      if (relationship === 'parent' && head.age > 62) relationship = 'other_relative';
      if (relationship === 'grandchild' && head.age < 38) relationship = 'child';
      const age = this.relativeAge(random, relationship, head.age, parentAge);
      const nationality = this.relativeNationality(
        random,
        group,
        relationship,
        headNationality,
        spouse,
        age,
        arrivalYear,
      );
      const sex: Sex =
        relationship === 'parent' ? (random.chance(0.68) ? 'F' : 'M') : random.chance(0.49) ? 'F' : 'M';
      const person = this.person(random, {
        sex,
        age,
        nationality,
        group: this.groupFor(group, nationality, age),
        relationship,
        estimatedChance: estimatedChance(nationality, arrivalYear),
      });
      this.inheritSurnames(random, person, head, father, mother);
      members.push(person);
    }

    const context: HouseholdContext = { index, householdId, municipalityCode, arrivalYear, headPhone: null };
    return members.map((person, member) => this.toDraft(random, person, member, context));
  }

  private groupFor(householdGroup: PopulationGroup, nationality: string, age: number): PopulationGroup {
    if (householdGroup === 'venezuelan_migrant' && nationality === 'CO' && age >= 18) return 'returnee';
    if (householdGroup === 'returnee' && nationality === 'VE' && age >= 18) return 'venezuelan_migrant';
    return householdGroup;
  }

  private relativeAge(
    random: Random,
    relationship: Relationship,
    headAge: number,
    parentAge: number,
  ): number {
    switch (relationship) {
      case 'child': {
        const ageAtBirth = random.int(16, Math.max(16, Math.min(44, parentAge)));
        return Math.max(0, parentAge - ageAtBirth);
      }
      case 'parent':
        return Math.min(95, headAge + random.int(18, 38));
      case 'sibling':
        return Math.max(0, headAge + random.int(-12, 12));
      case 'grandchild':
        return random.int(0, Math.min(17, headAge - 36));
      case 'other_relative':
        return random.int(0, 75);
      default:
        return random.int(18, 60);
    }
  }

  private relativeNationality(
    random: Random,
    group: PopulationGroup,
    relationship: Relationship,
    headNationality: string,
    spouse: Person | null,
    age: number,
    arrivalYear: number,
  ): string {
    const bornAfterArrival = REFERENCE_YEAR - age >= arrivalYear;
    if (group === 'host_community') return 'CO';
    if (group === 'venezuelan_migrant') {
      if ((relationship === 'child' || relationship === 'grandchild') && bornAfterArrival) return 'CO';
      if (relationship === 'child' && spouse?.nationality === 'CO') return random.chance(0.4) ? 'CO' : 'VE';
      if (relationship === 'non_relative') return random.chance(0.2) ? 'CO' : 'VE';
      return 'VE';
    }
    if (group === 'returnee') {
      if (relationship === 'parent' || relationship === 'sibling') return 'CO';
      if (relationship === 'child' || relationship === 'grandchild') {
        if (bornAfterArrival) return 'CO';
        return random.chance(spouse?.nationality === 'VE' ? 0.45 : 0.15) ? 'VE' : 'CO';
      }
      return random.chance(0.3) ? 'VE' : 'CO';
    }
    if (group === 'other' && headNationality === 'VE' && relationship === 'child' && age < 10) {
      // Children born on the way south and back: Chile, Peru, Brazil.
      const draw = random.float();
      return draw < 0.2 ? 'CL' : draw < 0.32 ? 'PE' : draw < 0.38 ? 'BR' : 'VE';
    }
    return headNationality;
  }

  private person(
    random: Random,
    base: {
      sex: Sex;
      age: number;
      nationality: string;
      group: PopulationGroup;
      relationship: Relationship;
      /** Chance that only the birth year is known. */
      estimatedChance: number;
    },
  ): Person {
    // A birthday uniform over the year that ends at the reference date, so the age is exact: between
    // (reference − age − 1 year, + 1 day) and (reference − age years).
    const latest = daysFromCivil(REFERENCE_YEAR - base.age, REFERENCE_MONTH, REFERENCE_DAY);
    const earliest = daysFromCivil(REFERENCE_YEAR - base.age - 1, REFERENCE_MONTH, REFERENCE_DAY) + 1;
    const [birthYear, month, day] = civilFromDays(
      earliest + Math.floor(random.float() * (latest - earliest + 1)),
    );
    let birthDate = formatDate(birthYear, month, day);
    let age = base.age;
    // Someone without papers gives a year, and the form records 1 January: ages and documents follow that date.
    const estimated = random.chance(base.estimatedChance);
    if (estimated) {
      birthDate = `${birthYear}-01-01`;
      age = ageAtReference(birthDate);
    }
    const cohort = cohortOf(birthYear);
    const givenName1 = this.names.givenName(random, base.sex, cohort);
    let givenName2: string | null = null;
    const wantsSecond = random.chance(
      givenName1 === 'María' || givenName1 === 'José' || givenName1 === 'Juan' ? 0.85 : 0.58,
    );
    if (wantsSecond) {
      const particleDraw = random.float();
      if (base.sex === 'F' && givenName1 === 'María' && particleDraw < 0.1) givenName2 = 'José';
      else if (base.sex === 'F' && particleDraw < 0.05)
        givenName2 = random.pick(FEMALE_PARTICLE_SECOND_NAMES);
      else if (base.sex === 'M' && particleDraw < 0.02) givenName2 = random.pick(MALE_PARTICLE_SECOND_NAMES);
      else {
        for (let attempt = 0; attempt < 4 && (givenName2 === null || givenName2 === givenName1); attempt++) {
          givenName2 = this.names.givenName(random, base.sex, cohort);
        }
        if (givenName2 === givenName1) givenName2 = null;
      }
    }
    // Fields listed one by one: an object spread here costs more than the rest of the person together.
    return {
      sex: base.sex,
      nationality: base.nationality,
      group: base.group,
      relationship: base.relationship,
      age,
      birthYear,
      birthDate,
      estimated,
      givenName1,
      givenName2,
      surname1: this.names.surname(random),
      surname2: this.names.surname(random),
    };
  }

  /**
   * Spanish naming: a child's first surname is the father's first, the second is the mother's first. A child of a
   * single mother often carries both of hers; a stepchild carries another father's.
   */
  private inheritSurnames(
    random: Random,
    person: Person,
    head: Person,
    father: Person | null,
    mother: Person | null,
  ) {
    switch (person.relationship) {
      case 'child':
        if (father && mother && random.chance(0.88)) {
          person.surname1 = father.surname1;
          person.surname2 = mother.surname1;
        } else if (mother && !father) {
          if (random.chance(0.55)) {
            person.surname1 = mother.surname1;
            person.surname2 = mother.surname2 ?? this.names.surname(random);
          } else {
            person.surname2 = mother.surname1;
          }
        } else if (father && !mother) {
          person.surname1 = father.surname1;
        } else if (mother) {
          person.surname2 = mother.surname1;
        }
        break;
      case 'parent':
        if (person.sex === 'M') person.surname1 = head.surname1;
        else if (head.surname2) person.surname1 = head.surname2;
        break;
      case 'sibling':
        if (random.chance(0.8)) {
          person.surname1 = head.surname1;
          person.surname2 = head.surname2;
        } else if (random.chance(0.5)) person.surname1 = head.surname1;
        else if (head.surname2) person.surname2 = head.surname2;
        break;
      case 'grandchild':
        if (random.chance(0.5)) person.surname1 = head.surname1;
        else person.surname2 = head.surname1;
        break;
      case 'other_relative':
        if (random.chance(0.6)) person.surname1 = head.surname1;
        break;
      default:
        break;
    }
  }

  private toDraft(random: Random, person: Person, member: number, household: HouseholdContext): MemberDraft {
    const { nationality, age } = person;
    const hispanic = !SINGLE_SURNAME_NATIONALITIES.has(nationality);
    let surname2 = person.surname2;
    if (!hispanic ? random.chance(0.75) : random.chance(0.1)) surname2 = null;

    const { held, presented } = this.documentsFor(random, person, household.arrivalYear);

    let phone: string | null = null;
    if (age >= 18 || (age >= 14 && random.chance(0.25))) {
      if (random.chance(age >= 65 ? 0.55 : age >= 18 ? 0.8 : 1)) {
        const venezuelanShare = nationality === 'VE' ? (household.arrivalYear >= 2023 ? 0.3 : 0.06) : 0;
        phone = random.chance(venezuelanShare) ? venezuelanMobile(random) : colombianMobile(random);
      }
    }
    if (member === 0) household.headPhone = phone;
    else if (phone === null && age < 18 && household.headPhone && random.chance(0.35))
      phone = household.headPhone;

    const id = this.originalPersonId(household.index, member);
    const record: PersonRecord = {
      id,
      truthId: id,
      mutations: [],
      givenName1: person.givenName1,
      givenName2: person.givenName2,
      surname1: person.surname1,
      surname2,
      sex: person.sex,
      birthDate: person.birthDate,
      birthDateEstimated: person.estimated,
      nationality,
      populationGroup: person.group,
      municipalityCode: household.municipalityCode,
      documents: presented,
      phone,
      householdId: household.householdId,
      relationshipToHead: person.relationship,
    };
    return { record, held };
  }

  /**
   * Documents by nationality and age (domain.md §2): RC under 7, TI 7–17, CC from 18 (10-digit NUIP for those born
   * since 1985, 8-digit by sex before, 7 or 6 digits for the oldest); PPT, PEP, Venezuelan cédula and passport for
   * Venezuelans; SC-2 for asylum seekers, CE for recognized refugees and residents; passports for other nationals.
   */
  private documentsFor(random: Random, person: Person, arrivalYear: number): DocumentList {
    const documents = new DocumentList();
    const numbers = this.numbers;
    const bands = this.bands;
    const { age, birthYear, nationality, group } = person;

    if (group === 'refugee_or_asylum_seeker') {
      if (random.chance(0.85)) {
        documents.add('SC2', numbers.take(bands.SC2, random.int(2019, 2025)), random.chance(0.93));
      } else {
        documents.add('CE', numbers.take(bands.CE), random.chance(0.93));
      }
    }

    if (nationality === 'CO') {
      const showPrimary = random.chance(0.95) && documents.presented.length === 0;
      if (age < 7) {
        documents.add('RC', numbers.take(bands.NUIP), showPrimary);
      } else if (age < 18) {
        const nuip = numbers.take(bands.NUIP);
        documents.add('TI', nuip, showPrimary);
        // The same NUIP was on the child's registro civil: an older registration may show it.
        documents.add('RC', nuip, false);
      } else if (birthYear >= 1985) {
        const nuip = numbers.take(bands.NUIP);
        documents.add('CC', nuip, showPrimary);
        if (age <= 21) documents.add('TI', nuip, false);
      } else if (birthYear >= 1950) {
        documents.add('CC', numbers.take(bands.CC8[person.sex]), showPrimary);
      } else if (birthYear >= 1940) {
        documents.add('CC', numbers.take(bands.CC7[person.sex]), showPrimary);
      } else {
        documents.add('CC', numbers.take(bands.CC6[person.sex]), showPrimary);
      }
      if (age >= 18 && random.chance(group === 'returnee' ? 0.3 : 0.06)) {
        documents.add('PA', numbers.take(bands.PA_CO), random.chance(0.1));
      }
      // Colombians who lived in Venezuela carried its foreigners' cédula (E-8x.xxx.xxx).
      if (age >= 18 && group === 'returnee' && random.chance(0.35)) {
        documents.add('FOREIGN_ID', numbers.take(bands.VE_FOREIGNER), random.chance(0.03));
      }
      return documents;
    }

    if (nationality === 'VE') {
      const regularized = group === 'venezuelan_migrant' || group === 'returnee';
      const pptChance =
        group === 'refugee_or_asylum_seeker'
          ? 0.1
          : group === 'other'
            ? 0.05
            : arrivalYear <= 2021
              ? 0.78
              : 0.45;
      const hasPpt = random.chance(pptChance);
      const hasPep =
        regularized && arrivalYear <= 2020 && birthYear <= 2020 && random.chance(hasPpt ? 0.6 : 0.35);
      const hasCedula = age >= 9 && random.chance(0.9);
      const hasPassport = random.chance(age >= 18 ? 0.25 : 0.1);
      const hasCe = regularized && age >= 18 && random.chance(0.02);
      // The first document held, in the order below, is the one shown (a PPT before a PEP before a cédula…).
      let showNext = documents.presented.length === 0 && random.chance(0.95);
      if (hasPpt) {
        documents.add('PPT', numbers.take(bands.PPT), showNext);
        showNext = false;
      }
      if (hasPep) {
        documents.add('PEP', numbers.take(bands.PEP, random.int(17, 21) * 100 + random.int(1, 12)), showNext);
        showNext = false;
      }
      if (hasCe) {
        documents.add('CE', numbers.take(bands.CE), showNext);
        showNext = false;
      }
      if (hasCedula) {
        // Often shown next to the permit as well.
        const alongside = documents.presented.length > 0 && random.chance(0.12);
        documents.add('FOREIGN_ID', numbers.take(bands.veCohort(birthYear)), showNext || alongside);
        showNext = false;
      }
      if (hasPassport) documents.add('PA', numbers.take(bands.PA_VE), showNext);
      return documents;
    }

    // Other nationalities: a passport mostly, sometimes a cédula de extranjería.
    const shows = random.chance(0.92) && documents.presented.length === 0;
    if (random.chance(0.85)) documents.add('PA', numbers.take(bands.PA_OTHER), shows);
    if (age >= 18 && group !== 'refugee_or_asylum_seeker' && random.chance(0.08)) {
      documents.add('CE', numbers.take(bands.CE), documents.presented.length === 0 && shows);
    }
    return documents;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The stream.

/** A growable array of household start ordinals, so a source person is found by binary search. */
class Ordinals {
  private values = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index] as number;
  }

  /** The index of the last start ≤ ordinal. */
  householdOf(ordinal: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.values[middle] as number) <= ordinal) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

export interface StreamSummary {
  records: number;
  originals: number;
  duplicates: number;
  households: number;
}

/**
 * Streams `size` records in a fixed order: the same seed and size give the same records, byte for byte, and a
 * smaller size gives a prefix of a larger one. Memory stays flat: one household at a time, one array of household
 * starts (4 bytes per household), and the members of at most one re-registered household waiting to be emitted.
 */
export function* generatePersons(
  options: GeneratorOptions,
): Generator<PersonRecord, StreamSummary, undefined> {
  const { seed, size, duplicateRate } = validateOptions(options);
  const generator = new RegistryGenerator(seed);
  const schedule = Random.derive(seed, STREAM_SCHEDULE);
  const starts = new Ordinals();
  let household: MemberDraft[] = [];
  let cursor = 0;
  let householdIndex = -1;
  let originals = 0;
  let duplicates = 0;
  let duplicateHouseholds = 0;
  let credit = 0;
  const waiting: PersonRecord[] = [];

  const duplicateOf = (
    draft: MemberDraft,
    householdId: string,
    relationship: Relationship,
    canMove: boolean,
  ): PersonRecord => {
    const source = draft.record;
    const { record, mutations } = mutateRecord(
      source,
      draft.held,
      source.nationality,
      schedule,
      generator.environment,
      canMove ? [] : ['moved'],
    );
    record.id = generator.duplicatePersonId(duplicates++);
    record.truthId = source.id;
    record.mutations = mutations;
    record.householdId = householdId;
    record.relationshipToHead = relationship;
    return record;
  };

  const planDuplicate = (): PersonRecord[] => {
    const eligible = originals - MIN_SOURCE_LAG + 1;
    if (eligible <= 0) return [];
    const local = schedule.chance(LOCAL_SOURCE_SHARE);
    const from = local ? Math.max(0, eligible - LOCAL_WINDOW) : 0;
    const ordinal = from + schedule.below(eligible - from);
    const sourceHousehold = starts.householdOf(ordinal);
    const members = generator.household(sourceHousehold);
    const member = ordinal - starts.at(sourceHousehold);
    const householdDone =
      sourceHousehold + 1 < starts.length && starts.at(sourceHousehold + 1) <= originals - MIN_SOURCE_LAG + 1;
    if (members.length > 1 && householdDone && schedule.chance(HOUSEHOLD_DUPLICATE_SHARE)) {
      // The whole family registers again at another office: a new household, each member with own mistakes, and
      // sometimes a new address for all of them.
      const householdId = generator.duplicateHouseholdId(duplicateHouseholds++);
      const moved = schedule.chance(0.35) ? generator.environment.newMunicipality(schedule, '') : null;
      return members.map((draft) => {
        const record = duplicateOf(draft, householdId, draft.record.relationshipToHead, false);
        if (moved && record.municipalityCode !== moved) {
          record.municipalityCode = moved;
          if (!record.mutations.includes('moved')) record.mutations.push('moved');
        }
        return record;
      });
    }
    const draft = members[member] as MemberDraft;
    const adult = ageAtReference(draft.record.birthDate) >= 18;
    // An adult registered again elsewhere usually opens a household of their own; a child is added to the family's.
    if (adult && schedule.chance(0.65)) {
      return [duplicateOf(draft, generator.duplicateHouseholdId(duplicateHouseholds++), 'head', true)];
    }
    // Added again to the family's own household: same place as the family.
    return [duplicateOf(draft, draft.record.householdId, draft.record.relationshipToHead, false)];
  };

  for (let position = 0; position < size; position++) {
    // Every position earns its share of duplicates, including those a re-registered household fills.
    credit += duplicateRate;
    const next = waiting.shift();
    if (next) {
      yield next;
      continue;
    }
    // Error diffusion with a random threshold: duplicates land at random positions, yet every prefix holds within
    // about one household of `duplicateRate` of them.
    if (credit > schedule.float()) {
      const made = planDuplicate();
      const first = made.shift();
      if (first) {
        credit -= made.length + 1;
        waiting.push(...made);
        yield first;
        continue;
      }
    }
    if (cursor >= household.length) {
      householdIndex++;
      household = generator.household(householdIndex);
      starts.push(originals);
      cursor = 0;
    }
    const draft = household[cursor++] as MemberDraft;
    originals++;
    yield draft.record;
  }
  return { records: size, originals, duplicates, households: householdIndex + 1 };
}

/** Collects the truth as clusters (truthId → record ids), for pairwise precision, recall and F1. */
export class TruthClusters {
  private readonly members = new Map<string, string[]>();

  add(record: Pick<PersonRecord, 'id' | 'truthId'>): void {
    const cluster = this.members.get(record.truthId);
    if (cluster) cluster.push(record.id);
    else this.members.set(record.truthId, [record.id]);
  }

  clusters(): ReadonlyMap<string, readonly string[]> {
    return this.members;
  }

  /** Pairs of records that are the same person: Σ n(n−1)/2 over clusters. */
  truePairCount(): number {
    let pairs = 0;
    for (const ids of this.members.values()) pairs += (ids.length * (ids.length - 1)) / 2;
    return pairs;
  }
}

/**
 * Pairwise precision, recall and F1 of a predicted clustering against the truth, from the contingency table, in
 * O(records): true pairs Σ C(n,2) over truth clusters, predicted pairs over predicted clusters, and pairs both agree
 * on over their intersections.
 */
export function pairwiseScores(
  truthIdOf: ReadonlyMap<string, string>,
  predictedClusterOf: ReadonlyMap<string, string>,
): {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  agreedPairs: number;
} {
  const pairs = (counts: Map<string, number>) => {
    let total = 0;
    for (const n of counts.values()) total += (n * (n - 1)) / 2;
    return total;
  };
  const truth = new Map<string, number>();
  const predicted = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [id, truthId] of truthIdOf) {
    const cluster = predictedClusterOf.get(id) ?? `singleton:${id}`;
    truth.set(truthId, (truth.get(truthId) ?? 0) + 1);
    predicted.set(cluster, (predicted.get(cluster) ?? 0) + 1);
    const key = `${truthId}\u0000${cluster}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  const truePairs = pairs(truth);
  const predictedPairs = pairs(predicted);
  const agreedPairs = pairs(both);
  const precision = predictedPairs === 0 ? 1 : agreedPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : agreedPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, agreedPairs };
}
