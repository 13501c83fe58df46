/**
 * How a second registration of the same person goes wrong in practice. Each function is pure (given its Random),
 * so the property tests can check it alone; `mutateRecord` picks one to four of them, applies them in a fixed
 * order and records exactly the ones that changed something.
 */
import type { DocumentType } from '../../src/domain/registry/document-types';
import type { Random } from './random';
import { hasParticle } from './vocabulary';

export const MUTATION_NAMES = [
  // Documents.
  'otherDocumentType',
  'documentMissing',
  'documentFormatted',
  'documentDigitWrong',
  // Dates.
  'birthDateEstimated',
  'dayMonthSwapped',
  'birthYearOffByOne',
  // Contact and place.
  'phoneChanged',
  'moved',
  // Name structure.
  'nickname',
  'givenNamesJoined',
  'secondGivenNameMissing',
  'secondSurnameMissing',
  'particleVariant',
  'surnamesSwapped',
  'givenAndSurnameTransposed',
  // Letters.
  'typo',
  'accentsLost',
  'upperCase',
] as const;
export type MutationName = (typeof MUTATION_NAMES)[number];

export interface IdentityDocument {
  type: DocumentType;
  number: string;
}

/** The fields a mutation may touch (a subset of the generated person record). */
export interface MutableIdentity {
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  birthDate: string;
  birthDateEstimated: boolean;
  municipalityCode: string;
  documents: IdentityDocument[];
  phone: string | null;
}

/** What the generator lends the mutations: fresh phones and places drawn from its own distributions. */
export interface MutationEnvironment {
  newPhone(random: Random, nationality: string): string;
  newMunicipality(random: Random, current: string): string;
  /** No mutation writes a birth date after this one (YYYY-MM-DD): registries refuse dates in the future. */
  latestBirthDate: string;
}

/** Relative weight of each mutation among those that apply to a record (see README for the observed rates). */
export const MUTATION_WEIGHTS: Record<MutationName, number> = {
  otherDocumentType: 10,
  documentMissing: 5,
  documentFormatted: 6,
  documentDigitWrong: 4,
  birthDateEstimated: 3,
  dayMonthSwapped: 5,
  birthYearOffByOne: 5,
  phoneChanged: 10,
  moved: 6,
  nickname: 8,
  givenNamesJoined: 3,
  secondGivenNameMissing: 8,
  secondSurnameMissing: 8,
  particleVariant: 25,
  surnamesSwapped: 5,
  givenAndSurnameTransposed: 3,
  typo: 18,
  accentsLost: 12,
  upperCase: 8,
};

/** Pairs that would undo or hide each other. */
const EXCLUSIVE: Array<[MutationName, MutationName]> = [
  ['documentMissing', 'otherDocumentType'],
  ['documentMissing', 'documentFormatted'],
  ['documentMissing', 'documentDigitWrong'],
  ['birthDateEstimated', 'dayMonthSwapped'],
  ['givenNamesJoined', 'secondGivenNameMissing'],
  ['secondSurnameMissing', 'surnamesSwapped'],
  ['secondSurnameMissing', 'particleVariant'],
];

// ---------------------------------------------------------------------------------------------------------------
// Letters.

/** Removes every diacritic, ñ and ü included, as upper-case-only and ASCII-only systems do ("MUNOZ", "PENA"). */
export function stripAccents(text: string): string {
  if (!/[\u00a0-\uffff]/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC');
}

/** Neighbours on the Latin American Spanish keyboard (ñ sits right of l). */
const KEY_ROWS = ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm'];
const KEY_NEIGHBOURS: Record<string, string> = (() => {
  const map: Record<string, string> = {};
  KEY_ROWS.forEach((row, r) => {
    [...row].forEach((key, c) => {
      let near = '';
      for (const [dr, dc] of [
        [0, -1],
        [0, 1],
        [-1, 0],
        [-1, 1],
        [1, -1],
        [1, 0],
      ] as const) {
        const neighbour = KEY_ROWS[r + dr]?.[c + dc];
        if (neighbour) near += neighbour;
      }
      map[key] = near;
    });
  });
  return map;
})();

export type TypoKind = 'substitution' | 'deletion' | 'insertion' | 'transposition';

const LETTER = /\p{Letter}/u;

function matchCase(letter: string, model: string): string {
  return model === model.toUpperCase() && model !== model.toLowerCase() ? letter.toUpperCase() : letter;
}

/**
 * One keyboard slip inside the letters of a name (never touching spaces or apostrophes): a neighbouring key instead
 * of the right one, a key missed, a neighbouring key hit too, or two different adjacent letters swapped. The edit
 * distance to the original is exactly 1 (2 for a transposition, which is 1 in Damerau's sense). Null when the text
 * has fewer than three letters or no slip of that kind fits.
 */
export function typo(text: string, random: Random, kind?: TypoKind): { text: string; kind: TypoKind } | null {
  const chars = [...text];
  const letterPositions: number[] = [];
  chars.forEach((char, i) => {
    if (LETTER.test(char)) letterPositions.push(i);
  });
  if (letterPositions.length < 3) return null;
  const chosen: TypoKind =
    kind ??
    random.pick<TypoKind>([
      'substitution',
      'substitution',
      'substitution',
      'deletion',
      'deletion',
      'insertion',
      'insertion',
      'transposition',
      'transposition',
    ]);
  const baseOf = (char: string) => stripAccents(char).toLowerCase();
  if (chosen === 'transposition') {
    const pairs = letterPositions.filter(
      (position) => LETTER.test(chars[position + 1] ?? '') && chars[position] !== chars[position + 1],
    );
    if (pairs.length === 0) return null;
    const at = random.pick(pairs);
    const left = chars[at] as string;
    const right = chars[at + 1] as string;
    chars[at] = matchCase(right.toLowerCase(), left);
    chars[at + 1] = matchCase(left.toLowerCase(), right);
    // Case stays with the position, so a swapped initial still reads as a name ("Pérez" → "Éprez").
    if (chars.join('') === text) return null;
    return { text: chars.join(''), kind: chosen };
  }
  if (chosen === 'deletion') {
    // People rarely drop the first letter of a word; they drop the ones inside it.
    const inner = letterPositions.filter((position) => LETTER.test(chars[position - 1] ?? ''));
    chars.splice(random.pick(inner), 1);
    return { text: chars.join(''), kind: chosen };
  }
  const at = random.pick(letterPositions);
  const original = chars[at] as string;
  const neighbours = KEY_NEIGHBOURS[baseOf(original)] ?? 'aeiou';
  const replacement = matchCase(random.pick([...neighbours]), original);
  if (chosen === 'substitution') {
    if (replacement === original) return null;
    chars[at] = replacement;
    return { text: chars.join(''), kind: chosen };
  }
  chars.splice(at + (random.chance(0.5) ? 1 : 0), 0, replacement);
  return { text: chars.join(''), kind: chosen };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates.

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] as number);
}

/** "2001-03-07" → "2001-07-03": only when both parts can be a month and they differ (otherwise nothing changes). */
export function swapDayMonth(date: string): string | null {
  const [year, month, day] = date.split('-');
  if (!year || !month || !day) return null;
  if (Number(day) > 12 || day === month) return null;
  if (!isValidDate(Number(year), Number(day), Number(month))) return null;
  return `${year}-${day}-${month}`;
}

/** The same day one year earlier or later; 29 February becomes the 28th in a common year. */
export function shiftBirthYear(date: string, delta: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = year + delta;
  const safeDay = isValidDate(shifted, month, day) ? day : day - 1;
  return `${String(shifted).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents.

function groupFromRight(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/**
 * A document number as people type it: "1.020.304.050", "1020 304 050", "V-23.456.789", "as 123456". The
 * registry's normalization (upper case, no dots, spaces or dashes) gives back the original number.
 */
export function formatDocumentNumber(document: IdentityDocument, random: Random): string {
  const { number } = document;
  const letters = number.match(/^[A-Z]+/)?.[0] ?? '';
  const digits = number.slice(letters.length);
  const style = random.below(3);
  if (letters.length > 0 && /^\d+$/.test(digits)) {
    if (style === 0) return `${letters}-${groupFromRight(digits, '.')}`;
    if (style === 1) return `${letters} ${digits}`;
    return `${letters.toLowerCase()}${digits}`;
  }
  if (!/^\d+$/.test(number)) return number.toLowerCase();
  if (number.length > 12) return number.replace(/(\d{5})(?=\d)/g, '$1 ');
  if (style === 0 || style === 1) return groupFromRight(number, '.');
  return groupFromRight(number, ' ');
}

/** One digit typed wrong (never the first, so the length stays); null when the number has no other digit. */
export function mistypeDigit(number: string, random: Random): string | null {
  const positions: number[] = [];
  for (let i = 1; i < number.length; i++) if (/\d/.test(number.charAt(i))) positions.push(i);
  if (positions.length === 0) return null;
  const at = random.pick(positions);
  const current = Number(number.charAt(at));
  const replacement = (current + 1 + random.below(9)) % 10;
  return number.slice(0, at) + String(replacement) + number.slice(at + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Names.

/** Hypocorisms heard in Colombia and Venezuela, written by hand; keys are the formal names. */
export const NICKNAMES: Record<string, readonly string[]> = {
  José: ['Pepe', 'Chepe', 'Cheo'],
  Francisco: ['Pacho', 'Pancho', 'Paco', 'Kiko'],
  Luis: ['Lucho'],
  Antonio: ['Toño', 'Tony'],
  Ignacio: ['Nacho'],
  Guillermo: ['Memo', 'Guille'],
  Guadalupe: ['Lupe', 'Lupita'],
  María: ['Maru', 'Mari', 'Mary'],
  Jesús: ['Chucho', 'Chuy', 'Chus'],
  Alberto: ['Beto'],
  Roberto: ['Beto', 'Rober'],
  Humberto: ['Beto'],
  Alejandro: ['Alejo', 'Álex'],
  Alejandra: ['Aleja', 'Ale'],
  Eduardo: ['Lalo', 'Edu'],
  Enrique: ['Quique', 'Kike'],
  Rafael: ['Rafa', 'Fello'],
  Ricardo: ['Richi', 'Richard'],
  Manuel: ['Manolo', 'Manu'],
  Fernando: ['Nando', 'Fercho'],
  Gustavo: ['Tavo'],
  Ramón: ['Moncho'],
  Gregorio: ['Goyo'],
  Rosario: ['Chayo'],
  Dolores: ['Lola'],
  Concepción: ['Concha', 'Conchita'],
  Mercedes: ['Meche'],
  Consuelo: ['Chelo'],
  Isabel: ['Chabela', 'Isa'],
  Margarita: ['Magola', 'Marga'],
  Carolina: ['Caro'],
  Catalina: ['Cata'],
  Valentina: ['Vale'],
  Daniela: ['Dani'],
  Daniel: ['Dani'],
  Gabriela: ['Gaby'],
  Juan: ['Juancho'],
  Santiago: ['Santi'],
  Sebastián: ['Sebas'],
  Camilo: ['Cami'],
  Camila: ['Cami'],
  Ernesto: ['Neto'],
  Rodolfo: ['Fito'],
  Leonardo: ['Leo'],
  Natalia: ['Naty', 'Nata'],
  Patricia: ['Paty'],
  Josefina: ['Chepa', 'Pepa'],
  Socorro: ['Coco'],
  Teresa: ['Tere'],
  Victoria: ['Vicky'],
  Elizabeth: ['Eli', 'Liz'],
  Graciela: ['Chela'],
  Federico: ['Fede'],
  Andrés: ['Andy'],
  Jorge: ['Coque'],
  Jaime: ['Jimmy'],
  Mariana: ['Mari'],
  Marcela: ['Marce'],
  Alexander: ['Álex'],
  Cristina: ['Cris'],
  Cristian: ['Cris'],
  Nicolás: ['Nico'],
  Tomás: ['Tomy'],
  Benjamín: ['Benja'],
  Pedro: ['Perucho'],
  Gilberto: ['Gil'],
  Hernando: ['Nando'],
  Orlando: ['Lando'],
  Rogelio: ['Roge'],
  Reinaldo: ['Rey'],
  Juliana: ['Juli'],
  Julián: ['Juli'],
  Salomé: ['Salo'],
  Estefanía: ['Tefa', 'Fanny'],
  Stefany: ['Tefa'],
  Yolanda: ['Yoli'],
  Beatriz: ['Betty'],
  Susana: ['Susy'],
  Lucía: ['Lucy'],
  Andrea: ['Andre'],
  Alfredo: ['Fredy'],
  Wilfredo: ['Fredy', 'Wil'],
};

export function nicknamesFor(name: string | null): readonly string[] {
  if (!name) return [];
  return NICKNAMES[name] ?? [];
}

/**
 * The ways a particle surname is typed by someone else: the particle dropped ("Cruz"), glued on ("Delacruz"),
 * capitalized ("De la Cruz"); for capitalized foreign particles, lower-cased or glued ("de Freitas", "Defreitas").
 */
export function particleVariants(surname: string): string[] {
  if (!hasParticle(surname)) return [];
  const words = surname.replace("D'", "D' ").split(' ');
  const last = words[words.length - 1] as string;
  const particle = words.slice(0, -1).join(' ').replace("D' ", "D'");
  const glued = particle.replace(/[ ']/g, '') + last.toLowerCase();
  const out = new Set<string>([
    last,
    glued.charAt(0).toUpperCase() + glued.slice(1).toLowerCase(),
    surname.charAt(0) === surname.charAt(0).toLowerCase()
      ? surname.charAt(0).toUpperCase() + surname.slice(1)
      : surname.charAt(0).toLowerCase() + surname.slice(1),
  ]);
  out.delete(surname);
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// Composition.

interface MutationContext {
  presented: IdentityDocument[];
  held: readonly IdentityDocument[];
  nationality: string;
  random: Random;
  environment: MutationEnvironment;
}

const NAME_FIELDS = ['givenName1', 'givenName2', 'surname1', 'surname2'] as const;
type NameField = (typeof NAME_FIELDS)[number];

function unpresentedDocuments(context: MutationContext): IdentityDocument[] {
  return context.held.filter(
    (doc) => !context.presented.some((shown) => shown.type === doc.type && shown.number === doc.number),
  );
}

function applies(name: MutationName, person: MutableIdentity, context: MutationContext): boolean {
  switch (name) {
    case 'otherDocumentType':
      return unpresentedDocuments(context).some(
        (doc) => !person.documents.some((shown) => shown.type === doc.type),
      );
    case 'documentMissing':
    case 'documentFormatted':
      return person.documents.length > 0;
    case 'documentDigitWrong':
      return person.documents.some((doc) => /\d.*\d/.test(doc.number));
    case 'birthDateEstimated':
      return !person.birthDateEstimated && !person.birthDate.endsWith('-01-01');
    case 'dayMonthSwapped': {
      const swapped = swapDayMonth(person.birthDate);
      return swapped !== null && swapped <= context.environment.latestBirthDate;
    }
    case 'birthYearOffByOne':
    case 'phoneChanged':
    case 'moved':
    case 'typo':
    case 'upperCase':
    case 'givenAndSurnameTransposed':
      return true;
    case 'nickname':
      return nicknamesFor(person.givenName1).length > 0 || nicknamesFor(person.givenName2).length > 0;
    case 'givenNamesJoined':
    case 'secondGivenNameMissing':
      return person.givenName2 !== null;
    case 'secondSurnameMissing':
      return person.surname2 !== null;
    case 'particleVariant':
      return hasParticle(person.surname1) || (person.surname2 !== null && hasParticle(person.surname2));
    case 'surnamesSwapped':
      return person.surname2 !== null && person.surname2 !== person.surname1;
    case 'accentsLost':
      // Every non-ASCII letter of a Latin name carries a diacritic (á, ñ, ü, ç): a cheap test for "has accents".
      return NAME_FIELDS.some((field) => {
        const value = person[field];
        return value !== null && /[\u00a0-\uffff]/.test(value);
      });
  }
}

function snapshot(person: MutableIdentity): string {
  let documents = '';
  for (const doc of person.documents) documents += `${doc.type}:${doc.number};`;
  return `${person.givenName1}|${person.givenName2}|${person.surname1}|${person.surname2}|${person.birthDate}|${person.birthDateEstimated}|${person.municipalityCode}|${person.phone}|${documents}`;
}

/** Applies one mutation in place; returns whether the record changed. */
function apply(name: MutationName, person: MutableIdentity, context: MutationContext): boolean {
  const { random } = context;
  const before = snapshot(person);
  switch (name) {
    case 'otherDocumentType': {
      const options = unpresentedDocuments(context).filter(
        (doc) => !person.documents.some((shown) => shown.type === doc.type),
      );
      if (options.length === 0) return false;
      person.documents = [{ ...random.pick(options) }];
      break;
    }
    case 'documentMissing':
      person.documents = [];
      break;
    case 'documentFormatted': {
      const index = random.below(person.documents.length);
      const doc = person.documents[index] as IdentityDocument;
      person.documents = person.documents.map((d, i) =>
        i === index ? { type: d.type, number: formatDocumentNumber(doc, random) } : d,
      );
      break;
    }
    case 'documentDigitWrong': {
      const index = random.below(person.documents.length);
      const doc = person.documents[index] as IdentityDocument;
      const wrong = mistypeDigit(doc.number, random);
      if (wrong === null) return false;
      person.documents = person.documents.map((d, i) => (i === index ? { type: d.type, number: wrong } : d));
      break;
    }
    case 'birthDateEstimated':
      person.birthDate = `${person.birthDate.slice(0, 4)}-01-01`;
      person.birthDateEstimated = true;
      break;
    case 'dayMonthSwapped': {
      const swapped = swapDayMonth(person.birthDate);
      if (swapped === null) return false;
      person.birthDate = swapped;
      break;
    }
    case 'birthYearOffByOne': {
      const later = shiftBirthYear(person.birthDate, 1);
      const useLater = random.chance(0.5) && later <= context.environment.latestBirthDate;
      person.birthDate = useLater ? later : shiftBirthYear(person.birthDate, -1);
      break;
    }
    case 'phoneChanged':
      person.phone =
        person.phone !== null && random.chance(0.35)
          ? null
          : context.environment.newPhone(random, context.nationality);
      break;
    case 'moved':
      person.municipalityCode = context.environment.newMunicipality(random, person.municipalityCode);
      break;
    case 'nickname': {
      const field: NameField = nicknamesFor(person.givenName1).length > 0 ? 'givenName1' : 'givenName2';
      person[field] = random.pick(nicknamesFor(person[field]));
      break;
    }
    case 'givenNamesJoined':
      person.givenName1 = `${person.givenName1} ${person.givenName2}`;
      person.givenName2 = null;
      break;
    case 'secondGivenNameMissing':
      person.givenName2 = null;
      break;
    case 'secondSurnameMissing':
      person.surname2 = null;
      break;
    case 'particleVariant': {
      const field: NameField = hasParticle(person.surname1) ? 'surname1' : 'surname2';
      person[field] = random.pick(particleVariants(person[field] as string));
      break;
    }
    case 'surnamesSwapped': {
      const first = person.surname1;
      person.surname1 = person.surname2 as string;
      person.surname2 = first;
      break;
    }
    case 'givenAndSurnameTransposed': {
      const { givenName1, givenName2 } = person;
      person.givenName1 = person.surname1;
      person.givenName2 = person.surname2;
      person.surname1 = givenName1;
      person.surname2 = givenName2;
      break;
    }
    case 'typo': {
      const fields = NAME_FIELDS.filter((field) => (person[field]?.length ?? 0) >= 3);
      const weights = fields.map((field) => (field === 'givenName1' || field === 'surname1' ? 3 : 1));
      let point = random.float() * weights.reduce((a, b) => a + b, 0);
      let field = fields[0] as NameField;
      for (let i = 0; i < fields.length; i++) {
        point -= weights[i] as number;
        field = fields[i] as NameField;
        if (point < 0) break;
      }
      const slipped = typo(person[field] as string, random);
      if (slipped === null) return false;
      person[field] = slipped.text;
      break;
    }
    case 'accentsLost':
      for (const field of NAME_FIELDS) {
        const value = person[field];
        if (value !== null) person[field] = stripAccents(value);
      }
      break;
    case 'upperCase':
      for (const field of NAME_FIELDS) {
        const value = person[field];
        if (value !== null) person[field] = value.toUpperCase();
      }
      break;
  }
  return snapshot(person) !== before;
}

/** How many mutations a duplicate carries: mostly one or two, as in registries, sometimes up to four. */
const MUTATION_COUNT_WEIGHTS = [0.45, 0.35, 0.15, 0.05];

/**
 * Copies `source`, applies one to four applicable mutations in the canonical order of MUTATION_NAMES (documents,
 * dates, contact, structure, letters: so that upper-casing comes after a nickname was put in), and returns the
 * mutations that actually changed the record. Never returns an empty list: when nothing chosen changed anything,
 * the phone changes.
 */
export function mutateRecord<T extends MutableIdentity>(
  source: T,
  held: readonly IdentityDocument[],
  nationality: string,
  random: Random,
  environment: MutationEnvironment,
  excluded: readonly MutationName[] = [],
): { record: T; mutations: MutationName[] } {
  const record: T = { ...source, documents: source.documents.map((doc) => ({ ...doc })) };
  const context: MutationContext = { presented: source.documents, held, nationality, random, environment };
  let wanted = 1;
  let point = random.float();
  for (let i = 0; i < MUTATION_COUNT_WEIGHTS.length; i++) {
    point -= MUTATION_COUNT_WEIGHTS[i] as number;
    wanted = i + 1;
    if (point < 0) break;
  }
  const chosen = new Set<MutationName>();
  // The copy does not change while choosing, so what applies is computed once.
  const applicable = MUTATION_NAMES.filter(
    (name) => !excluded.includes(name) && applies(name, record, context),
  );
  while (chosen.size < wanted) {
    const options = applicable.filter(
      (name) =>
        !chosen.has(name) &&
        !EXCLUSIVE.some(([a, b]) => (a === name && chosen.has(b)) || (b === name && chosen.has(a))),
    );
    if (options.length === 0) break;
    let total = 0;
    for (const name of options) total += MUTATION_WEIGHTS[name];
    let draw = random.float() * total;
    let pick = options[0] as MutationName;
    for (const name of options) {
      draw -= MUTATION_WEIGHTS[name];
      pick = name;
      if (draw < 0) break;
    }
    chosen.add(pick);
  }
  const applied: MutationName[] = [];
  for (const name of MUTATION_NAMES) {
    if (chosen.has(name) && applies(name, record, context) && apply(name, record, context))
      applied.push(name);
  }
  if (applied.length === 0) {
    record.phone = environment.newPhone(random, nationality);
    if (record.phone === source.phone) record.phone = null;
    applied.push('phoneChanged');
  }
  return { record, mutations: applied };
}
