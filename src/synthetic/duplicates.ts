/**
 * A small seeded population with planted duplicates, for testing and evaluating entity resolution
 * (`src/domain/entity-resolution/`): every record carries the id of the true person (its cluster), so blocking,
 * clustering and the metrics of `evaluation.ts` can be checked against the truth.
 *
 * Duplicates differ from their original the way lists from different organizations of a network do: surnames
 * written in the other order or given name and surname transposed, accents lost, a keyboard typo, the second
 * surname left out, a familiar form of the given name, day and month swapped, the document filed under another
 * type or not given at all. The mutations are the synthetic registry's own (`mutations.ts`), applied one to three
 * per duplicate.
 *
 * Deliberately smaller than the registry generator (`generate.ts`): a few hundred names, no households, no
 * addresses; everything is derived from the seed, so the same seed gives the same records on every machine.
 */
import type { DocumentType } from '../domain/registry/document-types';
import { nicknamesFor, stripAccents, swapDayMonth, typo } from './mutations';
import { Random } from './random';

export const DUPLICATE_MUTATIONS = [
  'surnamesSwapped',
  'givenAndSurnameTransposed',
  'accentsLost',
  'typo',
  'secondSurnameMissing',
  'hypocorism',
  'dayMonthSwapped',
  'documentOtherType',
  'documentMissing',
] as const;
export type DuplicateMutation = (typeof DUPLICATE_MUTATIONS)[number];

export interface SyntheticPerson {
  /** Position in the output. */
  recordId: number;
  /** The true person: equal for an original and its duplicates. */
  clusterId: number;
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  /** ISO date. */
  birthDate: string;
  sex: 'F' | 'M';
  /** DIVIPOLA code. */
  municipality: string;
  documents: Array<{ type: DocumentType; number: string }>;
  /** Empty for an original; what was changed for a duplicate. */
  mutations: DuplicateMutation[];
}

export interface DuplicateOptions {
  count: number;
  /** Share of records that are a duplicate of another record (0 to 0.9). Default 0.2. */
  duplicateRate?: number;
  seed: number | string;
}

const FEMALE = [
  'María',
  'Lucía',
  'Andrea',
  'Carolina',
  'Catalina',
  'Valentina',
  'Daniela',
  'Gabriela',
  'Camila',
  'Natalia',
  'Patricia',
  'Teresa',
  'Victoria',
  'Isabel',
  'Margarita',
  'Mariana',
  'Marcela',
  'Juliana',
  'Salomé',
  'Estefanía',
  'Beatriz',
  'Susana',
  'Yolanda',
  'Ximena',
  'Luz',
  'Sandra',
  'Paola',
  'Diana',
  'Yesenia',
  'Ángela',
];
const MALE = [
  'José',
  'Francisco',
  'Luis',
  'Antonio',
  'Guillermo',
  'Jesús',
  'Alberto',
  'Roberto',
  'Alejandro',
  'Eduardo',
  'Enrique',
  'Rafael',
  'Ricardo',
  'Manuel',
  'Fernando',
  'Gustavo',
  'Daniel',
  'Juan',
  'Santiago',
  'Sebastián',
  'Camilo',
  'Andrés',
  'Jorge',
  'Julián',
  'Nicolás',
  'Tomás',
  'Pedro',
  'Hernando',
  'Óscar',
  'Wílmer',
];
const SURNAMES = [
  'Rodríguez',
  'Gómez',
  'González',
  'Martínez',
  'García',
  'López',
  'Hernández',
  'Sánchez',
  'Ramírez',
  'Pérez',
  'Díaz',
  'Muñoz',
  'Rojas',
  'Moreno',
  'Jiménez',
  'Vargas',
  'Castro',
  'Gutiérrez',
  'Ortiz',
  'Álvarez',
  'Ruiz',
  'Torres',
  'Suárez',
  'Romero',
  'Quintero',
  'Vásquez',
  'Giraldo',
  'Zúñiga',
  'Castaño',
  'Mejía',
  'Cárdenas',
  'Ospina',
  'Valencia',
  'Restrepo',
  'Arango',
  'Peña',
  'Córdoba',
  'Guerrero',
  'Salazar',
  'Beltrán',
  'Yépez',
  'Cruz',
  'Herrera',
  'Medina',
  'Aguilar',
  'Chávez',
  'Rincón',
  'Londoño',
  'Bermúdez',
  'Ibáñez',
];
const MUNICIPALITIES = [
  '11001',
  '05001',
  '76001',
  '08001',
  '13001',
  '68001',
  '54001',
  '73001',
  '66001',
  '17001',
];

/** Draws a rank with weight 1/(rank+1): common names are common, as in the registry generator. */
function zipfPick<T>(random: Random, items: readonly T[]): T {
  let total = 0;
  for (let i = 0; i < items.length; i++) total += 1 / (i + 1);
  let draw = random.float() * total;
  for (let i = 0; i < items.length; i++) {
    draw -= 1 / (i + 1);
    if (draw < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function newPerson(random: Random, clusterId: number, usedDocuments: Set<string>): SyntheticPerson {
  const sex = random.chance(0.5) ? 'F' : 'M';
  const names = sex === 'F' ? FEMALE : MALE;
  const givenName1 = zipfPick(random, names);
  let givenName2: string | null = random.chance(0.6) ? zipfPick(random, names) : null;
  if (givenName2 === givenName1) givenName2 = null;
  const surname1 = zipfPick(random, SURNAMES);
  let surname2: string | null = random.chance(0.9) ? zipfPick(random, SURNAMES) : null;
  if (surname2 === surname1) surname2 = null;
  const year = random.int(1940, 2010);
  const birthDate = `${year}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}`;
  const documents: SyntheticPerson['documents'] = [];
  if (random.chance(0.92)) {
    const type: DocumentType = year > 2007 ? 'TI' : random.chance(0.08) ? 'PPT' : 'CC';
    let number = '';
    do {
      number = String(
        random.int(type === 'PPT' ? 1_000_000 : 10_000_000, type === 'PPT' ? 9_999_999 : 1_199_999_999),
      );
    } while (usedDocuments.has(number));
    usedDocuments.add(number);
    documents.push({ type, number });
  }
  return {
    recordId: 0,
    clusterId,
    givenName1,
    givenName2,
    surname1,
    surname2,
    birthDate,
    sex,
    municipality: zipfPick(random, MUNICIPALITIES),
    documents,
    mutations: [],
  };
}

/** Applies one mutation to the copy; false when it does not apply (nothing changed). */
function applyMutation(name: DuplicateMutation, p: SyntheticPerson, random: Random): boolean {
  switch (name) {
    case 'surnamesSwapped': {
      if (!p.surname2) return false;
      [p.surname1, p.surname2] = [p.surname2, p.surname1];
      return true;
    }
    case 'givenAndSurnameTransposed': {
      [p.givenName1, p.surname1] = [p.surname1, p.givenName1];
      return true;
    }
    case 'accentsLost': {
      const fields = [p.givenName1, p.givenName2, p.surname1, p.surname2];
      const stripped = fields.map((field) => (field === null ? null : stripAccents(field)));
      if (stripped.every((field, i) => field === fields[i])) return false;
      [p.givenName1, p.givenName2, p.surname1, p.surname2] = stripped as [
        string,
        string | null,
        string,
        string | null,
      ];
      return true;
    }
    case 'typo': {
      const onSurname = random.chance(0.5);
      const slip = typo(onSurname ? p.surname1 : p.givenName1, random);
      if (!slip) return false;
      if (onSurname) p.surname1 = slip.text;
      else p.givenName1 = slip.text;
      return true;
    }
    case 'secondSurnameMissing': {
      if (!p.surname2) return false;
      p.surname2 = null;
      return true;
    }
    case 'hypocorism': {
      const forms = nicknamesFor(p.givenName1);
      if (forms.length === 0) return false;
      p.givenName1 = random.pick(forms);
      return true;
    }
    case 'dayMonthSwapped': {
      const swapped = swapDayMonth(p.birthDate);
      if (!swapped) return false;
      p.birthDate = swapped;
      return true;
    }
    case 'documentOtherType': {
      const doc = p.documents[0];
      if (!doc) return false;
      const others = (['CC', 'TI', 'CE', 'PPT'] as const).filter((type) => type !== doc.type);
      p.documents = [{ type: random.pick(others), number: doc.number }];
      return true;
    }
    case 'documentMissing': {
      if (p.documents.length === 0) return false;
      p.documents = [];
      return true;
    }
  }
}

/** Share of duplicates coming from a list without documents (besides the `documentMissing` change itself). */
export const LIST_WITHOUT_DOCUMENTS = 0.25;

function duplicateOf(original: SyntheticPerson, random: Random): SyntheticPerson {
  const copy: SyntheticPerson = {
    ...original,
    documents: original.documents.map((doc) => ({ ...doc })),
    mutations: [],
  };
  const wanted = random.int(1, 3);
  for (let attempt = 0; attempt < 12 && copy.mutations.length < wanted; attempt++) {
    const name = random.pick(DUPLICATE_MUTATIONS);
    if (copy.mutations.includes(name)) continue;
    // A document cannot both move to another type and be missing.
    if (name === 'documentOtherType' && copy.mutations.includes('documentMissing')) continue;
    if (name === 'documentMissing' && copy.mutations.includes('documentOtherType')) continue;
    if (applyMutation(name, copy, random)) copy.mutations.push(name);
  }
  // Many lists carry no document column at all (a roster, an arrival notice): a share of duplicates lose theirs on
  // top of their other changes, so the names and dates must find them alone.
  if (
    copy.documents.length > 0 &&
    copy.mutations.length < 3 &&
    !copy.mutations.includes('documentOtherType') &&
    !copy.mutations.includes('documentMissing') &&
    random.chance(LIST_WITHOUT_DOCUMENTS)
  ) {
    copy.documents = [];
    copy.mutations.push('documentMissing');
  }
  if (copy.mutations.length === 0) {
    // Every name in the lists has three letters or more, so a typo always fits one of them.
    const slip = typo(copy.surname1, random);
    if (slip) copy.surname1 = slip.text;
    else copy.givenName1 = typo(copy.givenName1, random)?.text ?? `${copy.givenName1}h`;
    copy.mutations.push('typo');
  }
  copy.mutations.sort((a, b) => DUPLICATE_MUTATIONS.indexOf(a) - DUPLICATE_MUTATIONS.indexOf(b));
  return copy;
}

/**
 * `count` records; about `duplicateRate` of them are duplicates of another record, in random order. Cluster ids
 * are 0..(originals − 1); each duplicate copies an original (never another duplicate), with 1–3 mutations.
 */
export function generateDuplicates(options: DuplicateOptions): SyntheticPerson[] {
  const { count, seed } = options;
  const rate = options.duplicateRate ?? 0.2;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (!(rate >= 0 && rate <= 0.9)) throw new RangeError('duplicateRate must be between 0 and 0.9');
  const random = Random.derive(seed, 0x0d0b);
  // At least one original whenever there are records, so every duplicate has someone to copy.
  const duplicates = Math.min(Math.round(count * rate), Math.max(0, count - 1));
  const originals = count - duplicates;
  const usedDocuments = new Set<string>();
  const records: SyntheticPerson[] = [];
  for (let c = 0; c < originals; c++) records.push(newPerson(random, c, usedDocuments));
  for (let d = 0; d < duplicates; d++) {
    const original = records[random.below(originals)] as SyntheticPerson;
    records.push(duplicateOf(original, random));
  }
  // Fisher–Yates, so duplicates are not all at the end.
  for (let i = records.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [records[i], records[j]] = [records[j] as SyntheticPerson, records[i] as SyntheticPerson];
  }
  records.forEach((record, index) => {
    record.recordId = index;
  });
  return records;
}
