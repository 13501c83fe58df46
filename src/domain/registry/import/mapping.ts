import { foldName } from '../names';

/** What a spreadsheet column can be imported as. `givenNames`/`surnames` hold both names in one cell. */
export const IMPORT_FIELDS = [
  'givenName1',
  'givenName2',
  'givenNames',
  'surname1',
  'surname2',
  'surnames',
  'documentType',
  'documentNumber',
  'documents',
  'birthDate',
  'sexAtBirth',
  'nationality',
  'populationGroup',
  'phone',
  'email',
  'addressLine',
  'neighbourhood',
  'municipality',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One entry per column, in column order: the field it fills, or null to leave it out. */
export type ColumnMapping = Array<ImportField | null>;

/** Header names seen in offices' spreadsheets (folded: no accents, lower case, punctuation as spaces). */
const SYNONYMS: Record<ImportField, string[]> = {
  givenName1: ['primer nombre', 'nombre 1', 'nombre1', 'first name', 'firstname', 'given name', 'givenname1'],
  givenName2: ['segundo nombre', 'nombre 2', 'nombre2', 'middle name', 'second name', 'givenname2'],
  givenNames: ['nombres', 'nombre', 'names', 'given names'],
  surname1: [
    'primer apellido',
    'apellido 1',
    'apellido1',
    'apellido paterno',
    'last name',
    'lastname',
    'surname',
    'first surname',
    'surname1',
  ],
  surname2: ['segundo apellido', 'apellido 2', 'apellido2', 'apellido materno', 'second surname', 'surname2'],
  surnames: ['apellidos', 'surnames', 'apellido'],
  documentType: [
    'tipo de documento',
    'tipo documento',
    'tipo doc',
    'tipo de identificacion',
    'tipo identificacion',
    'tipo id',
    'document type',
    'documenttype',
  ],
  documentNumber: [
    'numero de documento',
    'numero documento',
    'no documento',
    'no de documento',
    'n documento',
    'nro documento',
    'num documento',
    'documento',
    'cedula',
    'numero de identificacion',
    'identificacion',
    'document number',
    'documentnumber',
    'id number',
  ],
  documents: ['documents', 'documentos'],
  birthDate: [
    'fecha de nacimiento',
    'fecha nacimiento',
    'f nacimiento',
    'nacimiento',
    'birth date',
    'birthdate',
    'date of birth',
    'dob',
  ],
  sexAtBirth: ['sexo', 'sexo al nacer', 'sex', 'sex at birth'],
  nationality: ['nacionalidad', 'nationality', 'pais de nacionalidad'],
  populationGroup: [
    'tipo de poblacion',
    'poblacion',
    'grupo poblacional',
    'tipo poblacion',
    'population group',
    'populationgroup',
  ],
  phone: ['telefono', 'celular', 'movil', 'telefono celular', 'numero de celular', 'phone', 'mobile', 'tel'],
  email: ['correo', 'correo electronico', 'email', 'e mail', 'mail'],
  addressLine: ['direccion', 'direccion de residencia', 'address'],
  neighbourhood: ['barrio', 'barrio vereda', 'neighbourhood', 'neighborhood'],
  municipality: [
    'municipio',
    'municipio de residencia',
    'ciudad',
    'codigo municipio',
    'divipola',
    'codigo divipola',
    'municipality',
    'municipalitycode',
    'municipality code',
    'city',
  ],
};

/** Words that, inside a longer header, point to one field ("Teléfono de contacto", "Fecha nac."). */
const CONTAINS: Array<[RegExp, ImportField]> = [
  [/\btipo\b.*\b(doc|documento|identificacion|id)\b/, 'documentType'],
  [/\b(documento|cedula|identificacion)\b/, 'documentNumber'],
  [/\bnac(imiento)?\b.*|\bfecha nac/, 'birthDate'],
  [/\b(telefono|celular|movil|whatsapp)\b/, 'phone'],
  [/\bcorreo\b|\bemail\b/, 'email'],
  [/\bprimer apellido\b/, 'surname1'],
  [/\bsegundo apellido\b/, 'surname2'],
  [/\bprimer nombre\b/, 'givenName1'],
  [/\bsegundo nombre\b/, 'givenName2'],
  [/\bapellidos\b/, 'surnames'],
  [/\bnombres\b/, 'givenNames'],
  [/\bmunicipio\b|\bciudad\b/, 'municipality'],
  [/\bdireccion\b/, 'addressLine'],
  [/\bbarrio\b/, 'neighbourhood'],
  [/\bnacionalidad\b/, 'nationality'],
  [/\bpoblacion\b/, 'populationGroup'],
  [/\bsexo\b/, 'sexAtBirth'],
];

const EXACT = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const synonym of SYNONYMS[field]) {
    EXACT.set(synonym, field);
    EXACT.set(synonym.replaceAll(' ', ''), field);
  }
}

function fold(header: string): string {
  return foldName(header.replace(/([a-z])([A-Z0-9])/g, '$1 $2'));
}

/** The field a header most likely names, or null. */
export function guessField(header: string): ImportField | null {
  const folded = fold(header);
  const exact = EXACT.get(folded) ?? EXACT.get(folded.replaceAll(' ', ''));
  if (exact) return exact;
  for (const [pattern, field] of CONTAINS) if (pattern.test(folded)) return field;
  return null;
}

/** A mapping from the header names: each field to the first column that names it, at most once. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/**
 * Identifies a spreadsheet layout by its headers (folded, in order), so a mapping saved for one month's file is
 * offered again for the next month's.
 */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(fold).join('|');
}

export type MappingProblem = 'fieldTwice' | 'givenNameMissing' | 'surnameMissing' | 'wrongLength';

/** What keeps a mapping from being usable: the same field on two columns, or no column for the names. */
export function checkMapping(mapping: ColumnMapping, columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length !== columnCount) problems.push('wrongLength');
  const fields = mapping.filter((field): field is ImportField => field !== null);
  if (new Set(fields).size !== fields.length) problems.push('fieldTwice');
  if (!fields.includes('givenName1') && !fields.includes('givenNames')) problems.push('givenNameMissing');
  if (!fields.includes('surname1') && !fields.includes('surnames')) problems.push('surnameMissing');
  return problems;
}
