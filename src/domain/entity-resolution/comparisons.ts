import type { DocumentType } from '../registry/document-types';
import { canonicalGivenNames } from './hypocorisms';
import {
  type BirthDate,
  type NamePart,
  type NormalizedDocument,
  normalizeDocument,
  normalizeName,
  normalizeSex,
  parseBirthDate,
  splitFullName,
} from './normalize';
import { spanishPhoneticKey } from './spanish-phonetic';

/**
 * Comparisons: for a pair of persons, one small integer per field saying how well that field agrees (its
 * "comparison level", as Splink calls it). The vector of levels is what the Fellegi–Sunter model weighs.
 *
 * Level 0 of every field is "null": one side does not have the value, and the model gives it no weight. Above
 * it, levels go from disagreement to full agreement, so a higher index always means more agreement; a pair
 * takes the highest level whose test it passes (the same as Splink testing levels from the top and stopping at
 * the first that holds).
 *
 * Persons are prepared once (`preparePerson`: normalization, phonetic keys, hypocorism forms) and then compared
 * many times; `compareInto` writes levels into a typed array and allocates nothing per pair (Jaro–Winkler uses
 * module-level scratch buffers), because a batch compares millions of candidate pairs.
 */

// ---------------------------------------------------------------------------------------------------------
// Jaro–Winkler

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * Jaro similarity (Jaro 1989): the share of characters matching within a window of half the longer length,
 * penalised by half the transpositions among them. 1 for equal strings, 0 when nothing matches.
 * Compares UTF-16 code units; our inputs are folded to ASCII letters, so that is one unit per letter.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const code = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const t = halfTranspositions / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro–Winkler (Winkler 1990): Jaro raised for a common prefix of up to 4 characters, by 0.1 per character,
 * when Jaro is above 0.7 (Winkler's boost threshold, as in the usual implementations). Names typed wrong are
 * usually wrong late in the word, which is why the prefix counts.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

// ---------------------------------------------------------------------------------------------------------
// Prepared persons

/** A person as lists bring it. Either separate name fields or one full name (split by `splitFullName`). */
export interface PersonInput {
  givenName1?: string | null;
  givenName2?: string | null;
  surname1?: string | null;
  surname2?: string | null;
  /** Used only when no separate name field is given. */
  fullName?: string | null;
  fullNameOrder?: 'given-first' | 'surname-first';
  /** ISO, Colombian day-first, compact or year only: see `parseBirthDate`. */
  birthDate?: string | null;
  sex?: string | null;
  /** DIVIPOLA municipality code (5 digits: 2 of the department, 3 of the municipality). */
  municipality?: string | null;
  documents?: ReadonlyArray<{ type?: DocumentType | null; number: string }>;
}

/** What the comparisons read, computed once per person. Empty string / 0 means "not known". */
export interface PreparedPerson {
  given1: string;
  given2: string;
  /** Given-name cores joined by a space. */
  givenAll: string;
  given1Phonetic: string;
  givenAllPhonetic: string;
  /** Each given name followed by what the hypocorism table says it stands for (empty when no name). */
  given1Canon: readonly string[];
  given2Canon: readonly string[];
  surname1: string;
  surname2: string;
  surnamesAll: string;
  surname1Phonetic: string;
  surnamesAllPhonetic: string;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  /** 0 unknown, 1 F, 2 M, 3 X. */
  sex: number;
  municipality: string;
  documents: readonly NormalizedDocument[];
  /**
   * Distinct phonetic keys of the name words, sorted: given names through the hypocorism table first (Pepe
   * counts as José), then surnames. What the name blocking rules combine, in pairs and triples.
   */
  nameTokens: readonly string[];
}

const core = (part: NamePart | null) => part?.core ?? '';

export function preparePerson(input: PersonInput): PreparedPerson {
  const hasFields = Boolean(input.givenName1 || input.givenName2 || input.surname1 || input.surname2);
  const name =
    !hasFields && input.fullName ? splitFullName(input.fullName, input.fullNameOrder) : normalizeName(input);
  let given1 = core(name.given1);
  let given2 = core(name.given2);
  if (!given1 && given2) [given1, given2] = [given2, ''];
  let surname1 = core(name.surname1);
  let surname2 = core(name.surname2);
  if (!surname1 && surname2) [surname1, surname2] = [surname2, ''];
  const givenAll = given2 ? `${given1} ${given2}` : given1;
  const surnamesAll = surname2 ? `${surname1} ${surname2}` : surname1;
  const phon = (text: string) => text.split(' ').map(spanishPhoneticKey).join(' ');
  const birth: BirthDate | null = parseBirthDate(input.birthDate);
  const sex = normalizeSex(input.sex);
  const municipality = (input.municipality ?? '').replace(/\D/g, '');
  const documents = (input.documents ?? [])
    .map((doc) => normalizeDocument(doc.number, doc.type ?? null))
    .filter((doc) => doc.key.length > 0);
  const given1Canon = given1 ? canonicalGivenNames(given1) : [];
  const given2Canon = given2 ? canonicalGivenNames(given2) : [];
  const surname1Phonetic = spanishPhoneticKey(surname1);
  const tokens: string[] = [];
  const addToken = (token: string) => {
    if (token && !tokens.includes(token)) tokens.push(token);
  };
  if (given1) addToken(spanishPhoneticKey(given1Canon[1] ?? given1));
  if (given2) addToken(spanishPhoneticKey(given2Canon[1] ?? given2));
  addToken(surname1Phonetic);
  if (surname2) addToken(spanishPhoneticKey(surname2));
  tokens.sort();
  return {
    given1,
    given2,
    givenAll,
    given1Phonetic: spanishPhoneticKey(given1),
    givenAllPhonetic: phon(givenAll),
    given1Canon,
    given2Canon,
    surname1,
    surname2,
    surnamesAll,
    surname1Phonetic,
    surnamesAllPhonetic: phon(surnamesAll),
    birthYear: birth?.year ?? 0,
    birthMonth: birth?.month ?? 0,
    birthDay: birth?.day ?? 0,
    sex: sex === 'F' ? 1 : sex === 'M' ? 2 : sex === 'X' ? 3 : 0,
    municipality,
    documents,
    nameTokens: tokens,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Fields and levels

/** Similarity bands, as in Splink's default name comparisons. */
export const JW_HIGH = 0.92;
export const JW_LOW = 0.85;

/**
 * The fields of the comparison vector and their levels, from level 0 (null) upward. The labels are stable keys
 * for the review UI to translate and for explanations; the order IS the level index.
 */
export const FIELDS = [
  {
    name: 'givenNames',
    levels: [
      'null',
      'different',
      'sharedName', // one given name in common, in another position ("Juan Carlos" / "Carlos")
      'hypocorism', // Pepe / José
      'phonetic',
      'jw85',
      'jw92',
      'exactFirst', // first given name equal, the second missing on one side
      'exact',
    ],
  },
  {
    name: 'surnames',
    levels: [
      'null',
      'different',
      'phonetic',
      'jw85',
      'jw92',
      'missingSecond', // first surname equal, the second missing on one side
      'swapped', // the same surnames in the other order, or one side's only surname is the other's second
      'exact',
    ],
  },
  // Given names written in the surname fields and the other way round ("Pérez Juan" / "Juan Pérez").
  { name: 'transposed', levels: ['null', 'no', 'yes'] },
  {
    name: 'birthDate',
    levels: [
      'null',
      'different',
      'yearClose', // years within one (also: only years known, and they agree)
      'typo', // two parts equal, the third one digit off (or two digits swapped)
      'swappedDayMonth',
      'exact',
    ],
  },
  {
    name: 'document',
    levels: [
      'null',
      'conflict', // same type, different numbers: a veto against merging
      'unrelated', // no type in common, no number in common
      'nearDigits', // same type, one digit changed or two adjacent digits swapped
      'sameDigitsOtherType', // the number under another (or an unknown) type: a CC typed as a PPT
      'exact',
    ],
  },
  { name: 'sex', levels: ['null', 'different', 'same'] },
  // DIVIPOLA: the first two digits are the department.
  { name: 'municipality', levels: ['null', 'different', 'sameDepartment', 'same'] },
] as const satisfies ReadonlyArray<{ name: string; levels: readonly string[] }>;

export type FieldName = (typeof FIELDS)[number]['name'];
export const FIELD_COUNT = FIELDS.length;
export const FIELD_INDEX: Readonly<Record<FieldName, number>> = Object.fromEntries(
  FIELDS.map((field, index) => [field.name, index]),
) as Record<FieldName, number>;
/** How many levels each field has, null included. */
export const LEVEL_COUNTS: readonly number[] = FIELDS.map((field) => field.levels.length);

function levelOf<F extends FieldName>(field: F, label: (typeof FIELDS)[number]['levels'][number]): number {
  const spec = FIELDS[FIELD_INDEX[field]] as { levels: readonly string[] };
  const index = spec.levels.indexOf(label);
  if (index < 0) throw new Error(`unknown level ${label} of ${field}`);
  return index;
}

/** Level indices by field, for code that tests a level by name. */
export const LEVEL = {
  givenNames: {
    null: 0,
    different: levelOf('givenNames', 'different'),
    sharedName: levelOf('givenNames', 'sharedName'),
    hypocorism: levelOf('givenNames', 'hypocorism'),
    phonetic: levelOf('givenNames', 'phonetic'),
    jw85: levelOf('givenNames', 'jw85'),
    jw92: levelOf('givenNames', 'jw92'),
    exactFirst: levelOf('givenNames', 'exactFirst'),
    exact: levelOf('givenNames', 'exact'),
  },
  surnames: {
    null: 0,
    different: levelOf('surnames', 'different'),
    phonetic: levelOf('surnames', 'phonetic'),
    jw85: levelOf('surnames', 'jw85'),
    jw92: levelOf('surnames', 'jw92'),
    missingSecond: levelOf('surnames', 'missingSecond'),
    swapped: levelOf('surnames', 'swapped'),
    exact: levelOf('surnames', 'exact'),
  },
  transposed: { null: 0, no: 1, yes: 2 },
  birthDate: {
    null: 0,
    different: levelOf('birthDate', 'different'),
    yearClose: levelOf('birthDate', 'yearClose'),
    typo: levelOf('birthDate', 'typo'),
    swappedDayMonth: levelOf('birthDate', 'swappedDayMonth'),
    exact: levelOf('birthDate', 'exact'),
  },
  document: {
    null: 0,
    conflict: levelOf('document', 'conflict'),
    unrelated: levelOf('document', 'unrelated'),
    nearDigits: levelOf('document', 'nearDigits'),
    sameDigitsOtherType: levelOf('document', 'sameDigitsOtherType'),
    exact: levelOf('document', 'exact'),
  },
  sex: { null: 0, different: 1, same: 2 },
  municipality: { null: 0, different: 1, sameDepartment: 2, same: 3 },
} as const;

// ---------------------------------------------------------------------------------------------------------
// Field comparisons

function sharesWord(a: PreparedPerson, b: PreparedPerson): boolean {
  return (
    a.given1 === b.given2 ||
    (a.given2 !== '' && (a.given2 === b.given1 || a.given2 === b.given2)) ||
    (b.given2 !== '' && a.given1 === b.given2)
  );
}

/** Two different words standing for one name through the hypocorism table (canon lists start with the word). */
function hypocorismPair(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0 || a[0] === b[0]) return false;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

function hypocorismAgreement(a: PreparedPerson, b: PreparedPerson): boolean {
  return (
    hypocorismPair(a.given1Canon, b.given1Canon) ||
    hypocorismPair(a.given1Canon, b.given2Canon) ||
    hypocorismPair(a.given2Canon, b.given1Canon) ||
    hypocorismPair(a.given2Canon, b.given2Canon)
  );
}

export function compareGivenNames(a: PreparedPerson, b: PreparedPerson): number {
  const L = LEVEL.givenNames;
  if (!a.given1 || !b.given1) return L.null;
  if (a.givenAll === b.givenAll) return L.exact;
  const bothSecond = a.given2 !== '' && b.given2 !== '';
  if (!bothSecond && a.given1 === b.given1) return L.exactFirst;
  // With a second given name on one side only, compare first given names: the missing one is not a difference.
  const left = bothSecond ? a.givenAll : a.given1;
  const right = bothSecond ? b.givenAll : b.given1;
  const similarity = jaroWinkler(left, right);
  if (similarity >= JW_HIGH) return L.jw92;
  if (similarity >= JW_LOW) return L.jw85;
  const phonLeft = bothSecond ? a.givenAllPhonetic : a.given1Phonetic;
  const phonRight = bothSecond ? b.givenAllPhonetic : b.given1Phonetic;
  if (phonLeft === phonRight) return L.phonetic;
  if (hypocorismAgreement(a, b)) return L.hypocorism;
  if (sharesWord(a, b)) return L.sharedName;
  return L.different;
}

export function compareSurnames(a: PreparedPerson, b: PreparedPerson): number {
  const L = LEVEL.surnames;
  if (!a.surname1 || !b.surname1) return L.null;
  if (a.surname1 === b.surname1 && a.surname2 === b.surname2) return L.exact;
  if (a.surname2 && b.surname2 && a.surname1 === b.surname2 && a.surname2 === b.surname1) return L.swapped;
  if (
    (!a.surname2 && b.surname2 && a.surname1 === b.surname2) ||
    (!b.surname2 && a.surname2 && b.surname1 === a.surname2)
  ) {
    return L.swapped;
  }
  const bothSecond = a.surname2 !== '' && b.surname2 !== '';
  if (!bothSecond && a.surname1 === b.surname1) return L.missingSecond;
  const left = bothSecond ? a.surnamesAll : a.surname1;
  const right = bothSecond ? b.surnamesAll : b.surname1;
  const similarity = jaroWinkler(left, right);
  if (similarity >= JW_HIGH) return L.jw92;
  if (similarity >= JW_LOW) return L.jw85;
  const phonLeft = bothSecond ? a.surnamesAllPhonetic : a.surname1Phonetic;
  const phonRight = bothSecond ? b.surnamesAllPhonetic : b.surname1Phonetic;
  if (phonLeft === phonRight) return L.phonetic;
  return L.different;
}

const close = (x: string, y: string) => x === y || jaroWinkler(x, y) >= JW_HIGH;

/**
 * Given name and first surname written in each other's fields. Only "yes" when the names do not already agree
 * the normal way, so the level adds evidence the name levels missed instead of counting the same agreement twice.
 */
export function compareTransposed(a: PreparedPerson, b: PreparedPerson): number {
  const L = LEVEL.transposed;
  if (!a.given1 || !b.given1 || !a.surname1 || !b.surname1) return L.null;
  if (a.given1 === b.given1 || a.surname1 === b.surname1) return L.no;
  return close(a.given1, b.surname1) && close(a.surname1, b.given1) ? L.yes : L.no;
}

/** One digit changed or two adjacent digits swapped between two numbers written with `width` digits. */
function digitTypo(x: number, y: number, width: number): boolean {
  if (x === y) return false;
  let differing = 0;
  let first = -1;
  let xs = x;
  let ys = y;
  const dx: number[] = DIGITS_X;
  const dy: number[] = DIGITS_Y;
  for (let i = 0; i < width; i++) {
    dx[i] = xs % 10;
    dy[i] = ys % 10;
    xs = Math.floor(xs / 10);
    ys = Math.floor(ys / 10);
    if (dx[i] !== dy[i]) {
      if (differing === 0) first = i;
      differing++;
    }
  }
  if (xs !== ys) return false;
  if (differing === 1) return true;
  return differing === 2 && dx[first] === dy[first + 1] && dx[first + 1] === dy[first];
}
const DIGITS_X: number[] = [0, 0, 0, 0];
const DIGITS_Y: number[] = [0, 0, 0, 0];

export function compareBirthDates(a: PreparedPerson, b: PreparedPerson): number {
  const L = LEVEL.birthDate;
  if (!a.birthYear || !b.birthYear) return L.null;
  const full = a.birthMonth > 0 && b.birthMonth > 0;
  const yearsClose = Math.abs(a.birthYear - b.birthYear) <= 1;
  if (!full) return yearsClose ? L.yearClose : L.different;
  const sameYear = a.birthYear === b.birthYear;
  const sameMonth = a.birthMonth === b.birthMonth;
  const sameDay = a.birthDay === b.birthDay;
  if (sameYear && sameMonth && sameDay) return L.exact;
  if (sameYear && a.birthMonth === b.birthDay && a.birthDay === b.birthMonth) return L.swappedDayMonth;
  if (
    (sameYear && sameMonth && digitTypo(a.birthDay, b.birthDay, 2)) ||
    (sameYear && sameDay && digitTypo(a.birthMonth, b.birthMonth, 2)) ||
    (sameMonth && sameDay && digitTypo(a.birthYear, b.birthYear, 4))
  ) {
    return L.typo;
  }
  return yearsClose ? L.yearClose : L.different;
}

/** Same length and one character changed, or two adjacent characters swapped. */
function oneEditSameLength(x: string, y: string): boolean {
  if (x.length !== y.length || x === y) return false;
  let first = -1;
  let differing = 0;
  for (let i = 0; i < x.length; i++) {
    if (x.charCodeAt(i) !== y.charCodeAt(i)) {
      if (differing === 0) first = i;
      differing++;
      if (differing > 2) return false;
    }
  }
  if (differing === 1) return true;
  return x[first] === y[first + 1] && x[first + 1] === y[first];
}

export function compareDocuments(a: PreparedPerson, b: PreparedPerson): number {
  const L = LEVEL.document;
  if (a.documents.length === 0 || b.documents.length === 0) return L.null;
  let best = L.unrelated;
  let conflict = false;
  for (const x of a.documents) {
    for (const y of b.documents) {
      const sameType = x.type !== null && x.type === y.type;
      if (x.key === y.key) {
        // Both types unknown and the same number: as good as we can know it is the same document.
        if (sameType || (x.type === null && y.type === null)) return L.exact;
        if (best < L.sameDigitsOtherType) best = L.sameDigitsOtherType;
      } else if (sameType) {
        if (oneEditSameLength(x.key, y.key)) {
          if (best < L.nearDigits) best = L.nearDigits;
        } else conflict = true;
      }
    }
  }
  // Agreement on one document outweighs a conflict on another (an old PEP renewed as a PPT keeps no number).
  if (best > L.unrelated) return best;
  return conflict ? L.conflict : L.unrelated;
}

export function compareSex(a: PreparedPerson, b: PreparedPerson): number {
  if (!a.sex || !b.sex) return LEVEL.sex.null;
  return a.sex === b.sex ? LEVEL.sex.same : LEVEL.sex.different;
}

export function compareMunicipality(a: PreparedPerson, b: PreparedPerson): number {
  const L = LEVEL.municipality;
  if (!a.municipality || !b.municipality) return L.null;
  if (a.municipality === b.municipality) return L.same;
  if (
    a.municipality.length === 5 &&
    b.municipality.length === 5 &&
    a.municipality.slice(0, 2) === b.municipality.slice(0, 2)
  ) {
    return L.sameDepartment;
  }
  return L.different;
}

/** Writes the levels of one pair at `out[offset .. offset + FIELD_COUNT)`. No allocation per pair. */
export function compareInto(a: PreparedPerson, b: PreparedPerson, out: Uint8Array, offset = 0): void {
  out[offset] = compareGivenNames(a, b);
  out[offset + 1] = compareSurnames(a, b);
  out[offset + 2] = compareTransposed(a, b);
  out[offset + 3] = compareBirthDates(a, b);
  out[offset + 4] = compareDocuments(a, b);
  out[offset + 5] = compareSex(a, b);
  out[offset + 6] = compareMunicipality(a, b);
}

/** The comparison vector of one pair (allocates; for tests, the review UI and the online match). */
export function compare(a: PreparedPerson, b: PreparedPerson): Uint8Array {
  const out = new Uint8Array(FIELD_COUNT);
  compareInto(a, b, out);
  return out;
}

/** True when the pair must never be merged automatically: two different documents of the same type. */
export function isVeto(vector: ArrayLike<number>, offset = 0): boolean {
  return vector[offset + FIELD_INDEX.document] === LEVEL.document.conflict;
}

/**
 * The value whose frequency adjusts the weight of an exact agreement (term-frequency adjustment): two persons
 * called "María" agreeing says less than two called "Yoselin". Only the name fields have one.
 */
export function termFrequencyValue(field: number, person: PreparedPerson): string | null {
  if (field === FIELD_INDEX.givenNames) return person.givenAll || null;
  if (field === FIELD_INDEX.surnames) return person.surnamesAll || null;
  return null;
}
