import { checkDocumentNumber } from '../document-number';
import { DOCUMENT_TYPES, type DocumentType } from '../document-types';
import { foldName } from '../names';
import { normalizePhone } from '../phone';
import type { ColumnMapping, ImportField } from './mapping';

export const POPULATION_GROUPS = [
  'returnee',
  'venezuelan_migrant',
  'refugee_or_asylum_seeker',
  'host_community',
  'other',
] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

/** A row ready to be registered: values validated and normalized. */
export interface ImportDraft {
  givenName1: string;
  givenName2: string | null;
  surname1: string;
  surname2: string | null;
  birthDate: string | null;
  sexAtBirth: 'female' | 'male' | 'intersex' | 'not_stated' | null;
  nationalities: string[];
  populationGroup: PopulationGroup;
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  neighbourhood: string | null;
  municipalityCode: string | null;
  documents: Array<{ type: DocumentType; number: string; normalized: string }>;
}

/** One problem in one cell; `messageKey` is in the API catalogue under `import.row`. */
export interface RowError {
  field: ImportField | 'row';
  messageKey: string;
}

export type MunicipalityLookup = (text: string) => { code: string } | 'unknown' | 'ambiguous';

export interface RowContext {
  /** Resolves a DIVIPOLA code or a municipality's name. */
  municipality: MunicipalityLookup;
  /** Turns a country name or code into ISO alpha-2, or null. */
  country: (text: string) => string | null;
  /** For files without a population column. */
  defaultPopulationGroup: PopulationGroup | null;
  /** YYYY-MM-DD; birth dates after it are refused. */
  today: string;
}

const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'van',
  'von',
]);

/**
 * Splits "De la Cruz Pérez" into first and second surname (or "María José" into given names), keeping particles
 * with the word they introduce.
 */
export function splitNames(text: string): [string, string | null] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let end = 0;
  while (end < words.length - 1 && PARTICLES.has(foldName(words[end] as string))) end++;
  end++;
  const first = words.slice(0, end).join(' ');
  const rest = words.slice(end).join(' ');
  return [first, rest || null];
}

const DOCUMENT_TYPE_NAMES: Array<[RegExp, DocumentType]> = [
  [/^(cc|c c|cedula|cedula de ciudadania|cedula ciudadania|13)$/, 'CC'],
  [/^(ti|t i|tarjeta de identidad|12)$/, 'TI'],
  [/^(rc|r c|registro civil|nuip|11)$/, 'RC'],
  [/^(ce|c e|cedula de extranjeria|22)$/, 'CE'],
  [/^(pep|permiso especial de permanencia)$/, 'PEP'],
  [/^(ppt|pt|permiso por proteccion temporal|permiso de proteccion temporal)$/, 'PPT'],
  [/^(pa|pasaporte|passport|41)$/, 'PA'],
  [/^(sc2|sc 2|sc|salvoconducto|salvoconducto sc 2)$/, 'SC2'],
  [/^(foreign id|documento extranjero|otro|otro documento|de|42)$/, 'FOREIGN_ID'],
];

export function readDocumentType(text: string): DocumentType | null {
  const folded = foldName(text.replace(/[._]/g, ' '));
  if ((DOCUMENT_TYPES as readonly string[]).includes(text.trim().toUpperCase()))
    return text.trim().toUpperCase() as DocumentType;
  for (const [pattern, type] of DOCUMENT_TYPE_NAMES) if (pattern.test(folded)) return type;
  return null;
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** A date as offices type it: 2025-06-30, 30/06/2025, 30-06-2025, 30.06.2025 (day first, as in Colombia). */
export function readDate(text: string): string | null {
  const value = text.trim().replace(/[ T]\d{1,2}:\d{2}.*$/, '');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return validDate(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

const SEXES: Record<string, ImportDraft['sexAtBirth']> = {
  f: 'female',
  femenino: 'female',
  mujer: 'female',
  female: 'female',
  m: 'male',
  masculino: 'male',
  hombre: 'male',
  male: 'male',
  h: 'male',
  i: 'intersex',
  intersexual: 'intersex',
  intersex: 'intersex',
  'no informa': 'not_stated',
  'no responde': 'not_stated',
  not_stated: 'not_stated',
  'not stated': 'not_stated',
};

const POPULATION_NAMES: Array<[RegExp, PopulationGroup]> = [
  [/^(returnee|retornad[oa]s?|colombian[oa] retornad[oa]|poblacion retornada)$/, 'returnee'],
  [
    /^(venezuelan migrant|venezuelan_migrant|migrante|migrante venezolan[oa]|venezolan[oa]|poblacion migrante)$/,
    'venezuelan_migrant',
  ],
  [
    /^(refugee or asylum seeker|refugee_or_asylum_seeker|refugiad[oa]|solicitante de asilo|refugiad[oa] o solicitante de asilo)$/,
    'refugee_or_asylum_seeker',
  ],
  [/^(host community|host_community|comunidad de acogida|acogida|comunidad receptora)$/, 'host_community'],
  [/^(other|otr[oa])$/, 'other'],
];

export function readPopulationGroup(text: string): PopulationGroup | null {
  const folded = foldName(text.replaceAll('_', ' '));
  for (const [pattern, group] of POPULATION_NAMES)
    if (pattern.test(folded) || pattern.test(text)) return group;
  return null;
}

/** "CC:1020304050|PA:AT123456", the generator's and Ruta's own export format for several documents. */
function readDocumentList(text: string): Array<{ type: string; number: string }> | null {
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
  const documents: Array<{ type: string; number: string }> = [];
  for (const part of parts) {
    const match = /^([^:]+):(.+)$/.exec(part);
    if (!match) return null;
    documents.push({ type: (match[1] as string).trim(), number: (match[2] as string).trim() });
  }
  return documents;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads one spreadsheet row through the mapping: every value is checked and normalized; each problem names its
 * field, so the preview and the error file can say exactly what to fix.
 */
export function mapRow(
  values: readonly string[],
  mapping: ColumnMapping,
  context: RowContext,
): { draft: ImportDraft | null; errors: RowError[] } {
  const cell: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, index) => {
    const value = (values[index] ?? '').trim();
    if (field && value) cell[field] = value;
  });
  const errors: RowError[] = [];
  const fail = (field: ImportField | 'row', key: string) =>
    errors.push({ field, messageKey: `import.row.${key}` });
  const name = (field: ImportField, value: string | null | undefined) => {
    const clean = value?.replace(/\s+/g, ' ').trim() || null;
    if (clean && clean.length > 80) fail(field, 'tooLong');
    return clean;
  };

  const [given1, given2] = cell.givenNames ? splitNames(cell.givenNames) : [null, null];
  const givenName1 = name('givenName1', cell.givenName1 ?? given1);
  const givenName2 = name('givenName2', cell.givenName2 ?? given2);
  const [last1, last2] = cell.surnames ? splitNames(cell.surnames) : [null, null];
  const surname1 = name('surname1', cell.surname1 ?? last1);
  const surname2 = name('surname2', cell.surname2 ?? last2);
  if (!givenName1) fail(mapping.includes('givenNames') ? 'givenNames' : 'givenName1', 'required');
  if (!surname1) fail(mapping.includes('surnames') ? 'surnames' : 'surname1', 'required');

  let birthDate: string | null = null;
  if (cell.birthDate) {
    birthDate = readDate(cell.birthDate);
    if (!birthDate) fail('birthDate', 'date');
    else if (birthDate > context.today) {
      fail('birthDate', 'dateInFuture');
      birthDate = null;
    }
  }

  let sexAtBirth: ImportDraft['sexAtBirth'] = null;
  if (cell.sexAtBirth) {
    sexAtBirth = SEXES[foldName(cell.sexAtBirth)] ?? SEXES[cell.sexAtBirth.trim()] ?? null;
    if (!sexAtBirth) fail('sexAtBirth', 'sex');
  }

  const nationalities: string[] = [];
  if (cell.nationality) {
    for (const part of cell.nationality
      .split(/[,/|;]| y /)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const code = context.country(part);
      if (code) {
        if (!nationalities.includes(code)) nationalities.push(code);
      } else fail('nationality', 'country');
    }
  }

  let populationGroup: PopulationGroup | null = context.defaultPopulationGroup;
  if (cell.populationGroup) {
    populationGroup = readPopulationGroup(cell.populationGroup);
    if (!populationGroup) fail('populationGroup', 'populationGroup');
  } else if (!populationGroup) fail('populationGroup', 'required');

  let phone: string | null = null;
  if (cell.phone) {
    phone = normalizePhone(cell.phone);
    if (!phone) fail('phone', 'phone');
  }

  let email: string | null = null;
  if (cell.email) {
    email = cell.email.toLowerCase();
    if (!EMAIL.test(email) || email.length > 320) fail('email', 'email');
  }

  let municipalityCode: string | null = null;
  if (cell.municipality) {
    // Excel drops the leading zero of codes like 08001 (Barranquilla).
    const text = /^\d{4}$/.test(cell.municipality) ? `0${cell.municipality}` : cell.municipality;
    const found = context.municipality(text);
    if (found === 'unknown') fail('municipality', 'municipalityUnknown');
    else if (found === 'ambiguous') fail('municipality', 'municipalityAmbiguous');
    else municipalityCode = found.code;
  }

  const rawDocuments: Array<{ type: string; number: string; field: ImportField }> = [];
  if (cell.documentNumber || cell.documentType) {
    if (!cell.documentNumber) fail('documentNumber', 'required');
    else if (!cell.documentType) fail('documentType', 'required');
    else rawDocuments.push({ type: cell.documentType, number: cell.documentNumber, field: 'documentNumber' });
  }
  if (cell.documents) {
    const list = readDocumentList(cell.documents);
    if (!list) fail('documents', 'documentList');
    else rawDocuments.push(...list.map((d) => ({ ...d, field: 'documents' as const })));
  }
  const documents: ImportDraft['documents'] = [];
  for (const raw of rawDocuments) {
    const type = readDocumentType(raw.type);
    if (!type) {
      fail(raw.field === 'documents' ? 'documents' : 'documentType', 'documentType');
      continue;
    }
    const checked = checkDocumentNumber(type, raw.number);
    if (checked.problems.length) {
      fail(raw.field, `document.${checked.problems[0]}`);
      continue;
    }
    if (raw.number.length > 40) {
      fail(raw.field, 'tooLong');
      continue;
    }
    if (!documents.some((d) => d.type === type && d.normalized === checked.normalized))
      documents.push({ type, number: raw.number, normalized: checked.normalized });
  }

  const text = (field: ImportField, max: number) => {
    const value = cell[field] ?? null;
    if (value && value.length > max) fail(field, 'tooLong');
    return value;
  };
  const addressLine = text('addressLine', 200);
  const neighbourhood = text('neighbourhood', 120);

  if (errors.length || !givenName1 || !surname1 || !populationGroup) return { draft: null, errors };
  return {
    draft: {
      givenName1,
      givenName2,
      surname1,
      surname2,
      birthDate,
      sexAtBirth,
      nationalities,
      populationGroup,
      phone,
      email,
      addressLine,
      neighbourhood,
      municipalityCode,
      documents,
    },
    errors,
  };
}

/**
 * The draft as one canonical string: two rows that would register the same values give the same string, however
 * they were formatted, so re-importing a file (or a re-typed copy) is recognized row by row.
 */
export function canonicalDraft(draft: ImportDraft): string {
  const fold = (value: string | null) => (value ? foldName(value) : '');
  return JSON.stringify([
    fold(draft.givenName1),
    fold(draft.givenName2),
    fold(draft.surname1),
    fold(draft.surname2),
    draft.birthDate ?? '',
    draft.sexAtBirth ?? '',
    [...draft.nationalities].sort(),
    draft.populationGroup,
    draft.phone ?? '',
    draft.email ?? '',
    draft.addressLine ?? '',
    draft.neighbourhood ?? '',
    draft.municipalityCode ?? '',
    draft.documents.map((d) => `${d.type}:${d.normalized}`).sort(),
  ]);
}
