import { normalizeDocumentNumber } from '../registry/document-number';
import { DOCUMENT_RULES, DOCUMENT_TYPES, type DocumentType } from '../registry/document-types';
import { foldName } from '../registry/names';
import { CANONICAL_GIVEN_NAMES } from './hypocorisms';

/**
 * Normalization for entity resolution: turns what lists bring (a full name in one cell, "C.C. 1.023.456.789",
 * "15/03/1990", "F") into the comparable parts the comparisons read. Pure functions, no I/O, the same result on
 * every engine because they run in TypeScript and their output is what gets stored.
 *
 * Folding reuses the registry's `foldName` (accents, case and punctuation removed), so the keys here and the
 * registry's search agree on what a word is.
 */

/** Folded words of a text: accent-stripped, lower case, no punctuation. */
export function tokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return foldName(text).split(' ').filter(Boolean);
}

/**
 * Words that join a surname to its core ("de la Cruz", "del Valle", "de los Ríos", "Ortega y Gasset") or a
 * given name to its second part ("María del Carmen"). They tell no one apart, so the core leaves them out; they
 * are kept for display.
 *
 * "San", "Santa" and "Santo" are NOT particles: "San Martín" and "Martín" are different surnames, and "Santa
 * María" is not "María". They stay in the core, which is written without spaces ("sanmartin") so that
 * "San Martín" and "Sanmartín" agree.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'lo',
  'y',
  'e',
  'i',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'van',
  'von',
  'der',
]);

/** One given name or surname, as written and as compared. */
export interface NamePart {
  /** Folded words, particles included: "de la cruz". */
  folded: string;
  /** Folded words without particles, joined without spaces: "cruz", "sanmartin". What comparisons read. */
  core: string;
  /** Particles before the core, for display: ["de", "la"]. */
  particles: string[];
}

const namePartCache = new Map<string, NamePart | null>();

/**
 * Splits one name field into its core and its particles. A field of particles only keeps them as its core.
 * Results are cached by text (names repeat: a million records hold a few tens of thousands of distinct ones), so
 * the returned object is shared and must not be modified.
 */
export function namePart(text: string | null | undefined): NamePart | null {
  if (!text) return null;
  let part = namePartCache.get(text);
  if (part === undefined) {
    if (namePartCache.size >= 200_000) namePartCache.clear();
    part = computeNamePart(text);
    namePartCache.set(text, part);
  }
  return part;
}

function computeNamePart(text: string): NamePart | null {
  const words = tokens(text);
  if (words.length === 0) return null;
  const coreWords = words.filter((word) => !PARTICLES.has(word));
  const particles = words.filter((word) => PARTICLES.has(word));
  return {
    folded: words.join(' '),
    core: (coreWords.length > 0 ? coreWords : words).join(''),
    particles: coreWords.length > 0 ? particles : [],
  };
}

/** A person's name as the comparisons read it. */
export interface NormalizedName {
  given1: NamePart | null;
  given2: NamePart | null;
  surname1: NamePart | null;
  surname2: NamePart | null;
}

/**
 * Groups the words of a full name into name units: a particle belongs to the word after it ("de la cruz" is one
 * unit); a particle at the end belongs to the word before it.
 */
function nameUnits(words: string[]): string[] {
  const units: string[] = [];
  let pending: string[] = [];
  for (const word of words) {
    if (PARTICLES.has(word)) {
      pending.push(word);
      continue;
    }
    units.push([...pending, word].join(' '));
    pending = [];
  }
  if (pending.length > 0) {
    if (units.length > 0) units[units.length - 1] = `${units[units.length - 1]} ${pending.join(' ')}`;
    else units.push(pending.join(' '));
  }
  return units;
}

/** Whether a unit reads as a given name: its core is one of the common given names we know. */
function looksGiven(unit: string): boolean {
  const part = namePart(unit);
  return part !== null && (CANONICAL_GIVEN_NAMES.has(part.core) || COMMON_GIVEN_NAMES.has(part.core));
}

/**
 * Frequent given names beyond the canonical forms of the hypocorism table, used only to decide how to split a
 * three-word full name. Colombian first names; a list of clues, not of every name.
 */
const COMMON_GIVEN_NAMES: ReadonlySet<string> = new Set([
  'ana',
  'andrea',
  'andres',
  'camilo',
  'camila',
  'carmen',
  'david',
  'diana',
  'diego',
  'elena',
  'esteban',
  'eugenia',
  'fabian',
  'felipe',
  'fernanda',
  'isabel',
  'ivan',
  'jorge',
  'jose',
  'josefa',
  'julian',
  'juliana',
  'laura',
  'lucia',
  'luisa',
  'marcela',
  'mario',
  'miguel',
  'natalia',
  'pablo',
  'paola',
  'patricia',
  'paula',
  'sebastian',
  'sofia',
  'valentina',
  'yesenia',
]);

/**
 * Splits a full name written in one field into two given names and two surnames, Colombian order.
 *
 * The heuristic, in name units (a particle joins the next word, see `nameUnits`):
 * - 1 unit: a given name only.
 * - 2 units: given name, surname ("Juan Pérez").
 * - 3 units: one given name and two surnames ("Juan Pérez Gómez"), unless the second unit is a common given
 *   name, then two given names and one surname ("Juan Carlos Pérez"). Names that are also surnames (Mercedes,
 *   Rosario) may be split wrongly; the comparisons' transposition and missing-second-surname levels absorb
 *   part of that.
 * - 4 units: two given names, two surnames.
 * - 5 or more: the last two are the surnames and the rest the given names (the second given name gets all the
 *   middle units: "María del Pilar Antonia").
 *
 * `surname-first` reads lists that write "PÉREZ GÓMEZ JUAN CARLOS": the first two units are the surnames when
 * there are three or more, the first one when there are two.
 */
export function splitFullName(
  fullName: string,
  order: 'given-first' | 'surname-first' = 'given-first',
): NormalizedName {
  const units = nameUnits(tokens(fullName));
  let given: string[] = [];
  let surnames: string[] = [];
  if (order === 'given-first') {
    if (units.length <= 1) given = units;
    else if (units.length === 2) [given, surnames] = [[units[0] as string], [units[1] as string]];
    else if (units.length === 3) {
      const twoGiven = looksGiven(units[1] as string) && !looksGiven(units[2] as string);
      [given, surnames] = twoGiven
        ? [units.slice(0, 2), units.slice(2)]
        : [units.slice(0, 1), units.slice(1)];
    } else {
      given = units.slice(0, units.length - 2);
      surnames = units.slice(units.length - 2);
    }
  } else if (units.length <= 1) given = units;
  else if (units.length === 2) [surnames, given] = [[units[0] as string], [units[1] as string]];
  else {
    surnames = units.slice(0, 2);
    given = units.slice(2);
  }
  return {
    given1: namePart(given[0]),
    given2: namePart(given.slice(1).join(' ')),
    surname1: namePart(surnames[0]),
    surname2: namePart(surnames[1]),
  };
}

/** The name when the list already has separate fields. */
export function normalizeName(name: {
  givenName1?: string | null;
  givenName2?: string | null;
  surname1?: string | null;
  surname2?: string | null;
}): NormalizedName {
  return {
    given1: namePart(name.givenName1),
    given2: namePart(name.givenName2),
    surname1: namePart(name.surname1),
    surname2: namePart(name.surname2),
  };
}

/** A document as compared: Ruta's type code (or null when neither the list nor the prefix said) and its key. */
export interface NormalizedDocument {
  type: DocumentType | null;
  /** Digits for numeric types (no leading zeros); upper-case letters and digits for the others. */
  key: string;
}

/**
 * Prefixes people write before a number, mapped to Ruta's type codes. Longest first so "cedula de
 * extranjeria" wins over "cedula".
 */
const PREFIXES: Array<[RegExp, DocumentType | null]> = [
  [/^c(?:e|é)dula\s+de\s+extranjer(?:i|í)a/i, 'CE'],
  [/^c(?:e|é)dula(?:\s+de\s+ciudadan(?:i|í)a)?/i, 'CC'],
  [/^tarjeta\s+de\s+identidad/i, 'TI'],
  [/^registro\s+civil/i, 'RC'],
  [/^pasaporte/i, 'PA'],
  [/^p\.?\s?p\.?\s?t\.?(?![a-z])/i, 'PPT'],
  [/^p\.?\s?e\.?\s?p\.?(?![a-z])/i, 'PEP'],
  [/^nuip(?![a-z])/i, null],
  [/^c\.?\s?c\.?(?![a-z])/i, 'CC'],
  [/^t\.?\s?i\.?(?![a-z])/i, 'TI'],
  [/^c\.?\s?e\.?(?![a-z])/i, 'CE'],
  [/^r\.?\s?c\.?(?![a-z])/i, 'RC'],
  [/^p\.?\s?a\.?(?![a-z])/i, 'PA'],
];

/** "No.", "N°", "#", ":" between the type and the number. */
const NUMBER_MARK = /^[\s.:#°º-]*(?:(?:no|nro|num|núm|n°|nº)\.?\s+|(?:no|nro|num|núm|n°|nº)\.)?[\s.:#°º-]*/i;

/**
 * A document number without its prefix and separators: "C.C. 1.023.456.789" → CC "1023456789".
 *
 * - A type prefix is only taken off when something separates it from the number or the rest is all digits, so
 *   a passport "PA12345X" keeps its letters but "CC1023456789" loses "CC".
 * - Numeric types (CC, TI, CE, PEP, PPT per the registry's rules) keep digits only, and lose leading zeros:
 *   spreadsheets store the number as a number and drop them, so "0012345" and "12345" must agree. If a numeric
 *   type's number still contains letters after the prefix (a PPT or PEP typed with its letters), the letters
 *   are kept, upper case: dropping them could make two different documents equal.
 * - Other types keep upper-case letters and digits, as the registry stores them (`normalizeDocumentNumber`).
 */
export function normalizeDocument(raw: string, declaredType?: DocumentType | null): NormalizedDocument {
  let text = raw.normalize('NFKC').trim();
  let prefixType: DocumentType | null = null;
  for (const [pattern, type] of PREFIXES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    // Glued to the number ("CC1023456789"), a prefix is only taken off when the rest is all digits and the list
    // did not declare another type ("CE12345" as a passport number keeps its letters).
    const separated = /^[\s.:#°º-]/.test(rest);
    const glued = /^\d[\d\s.,-]*$/.test(rest) && (declaredType == null || declaredType === type);
    if (!separated && !glued) continue;
    prefixType = type;
    text = rest.replace(NUMBER_MARK, '');
    break;
  }
  // "N° 98765" with no type before it: the mark goes, but only when digits follow ("NO1234" may be a passport).
  if (prefixType === null) text = text.replace(/^(?:n[°º]|no\.|nro\.?|#)\s*(?=\d)/i, '');
  const type = declaredType ?? prefixType;
  const alnum = normalizeDocumentNumber(text).replace(/[^A-Z0-9]/g, '');
  const numeric = type === null ? /^\d+$/.test(alnum) : DOCUMENT_RULES[type].charset === 'digits';
  if (numeric && /^\d+$/.test(alnum)) return { type, key: alnum.replace(/^0+(?=\d)/, '') };
  return { type, key: alnum };
}

/** Whether a string is one of Ruta's document type codes. */
export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** Sex as lists write it, reduced to F, M, X (another) or null (not said). */
export function normalizeSex(raw: string | null | undefined): 'F' | 'M' | 'X' | null {
  const words = tokens(raw);
  const word = words[0];
  if (!word) return null;
  // "No binario" is another sex; "No informa", "No sabe" say nothing.
  if (word === 'no') return words[1] === 'binario' ? 'X' : null;
  if (['f', 'femenino', 'mujer', 'female', 'woman', 'fem'].includes(word)) return 'F';
  if (['m', 'h', 'masculino', 'hombre', 'male', 'man', 'masc'].includes(word)) return 'M';
  if (['x', 'otro', 'other', 'intersexual', 'intersex', 'nobinario'].includes(word)) return 'X';
  return null;
}

/** A birth date in parts; month and day are 0 when only the year is known. */
export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1880 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/**
 * Reads a birth date: ISO "1990-03-15" (what the registry stores), "19900315", Colombian "15/03/1990" or
 * "15-03-1990" (day first, as forms in Colombia write it), or a year alone "1990". Anything else, or an
 * impossible date, is null: a wrong date compared as if it were right would mislead the model.
 */
export function parseBirthDate(raw: string | null | undefined): BirthDate | null {
  const text = raw?.trim();
  if (!text) return null;
  let match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return validDate(year, month, day) ? { year, month, day } : null;
  }
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return validDate(year, month, day) ? { year, month, day } : null;
  }
  match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    return year >= 1880 && year <= 2200 ? { year, month: 0, day: 0 } : null;
  }
  return null;
}
