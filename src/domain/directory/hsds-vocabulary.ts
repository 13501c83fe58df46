import { v5 as uuidv5 } from 'uuid';
import { POPULATION_GROUPS } from '../registry/vocabulary';
import { SERVICE_CATEGORY_CODES, SERVICE_SEXES, type ServiceCategory } from './taxonomy';

/**
 * The taxonomies Ruta publishes in an HSDS package for what HSDS has no field of its own for: the service
 * category, the eligibility restrictions, the service levels and the organization's kind, plus DIVIPOLA for a
 * location's municipality. Every id is a UUID v5 of a fixed namespace and a stable name, so two exports of the
 * same directory carry the same ids and another system can recognise Ruta's terms.
 */
export const RUTA_HSDS_NAMESPACE = '4f1c2a4e-8a41-5b0e-9c53-2f6d1e7a9b10';

export function stableId(...parts: string[]): string {
  return uuidv5(parts.join('\u001f'), RUTA_HSDS_NAMESPACE);
}

export const RUTA_TAXONOMIES = {
  category: {
    name: 'ruta-service-category',
    description: 'Categorías de servicio de la red Ruta (cada una atiende una dimensión de la integración).',
  },
  eligibility: {
    name: 'ruta-eligibility',
    description:
      'Restricciones de elegibilidad de Ruta: grupo poblacional (population_group:…) y sexo (sex:…) de quien puede recibir el servicio.',
  },
  serviceLevel: {
    name: 'ruta-service-level',
    description:
      'Niveles de servicio de Ruta, con el número en el valor del atributo: cupos por mes, días para aceptar y días para completar una remisión.',
  },
  organizationKind: {
    name: 'ruta-organization-kind',
    description: 'Tipo de organización en la red Ruta.',
  },
  divipola: {
    name: 'divipola',
    description:
      'División Político-Administrativa de Colombia (DANE): código de cinco dígitos del municipio.',
    uri: 'https://geoportal.dane.gov.co/geovisores/territorio/consulta-divipola-division-politico-administrativa-de-colombia/',
  },
} as const;

export type RutaTaxonomy = keyof typeof RUTA_TAXONOMIES;

export const taxonomyId = (taxonomy: RutaTaxonomy) => stableId('taxonomy', RUTA_TAXONOMIES[taxonomy].name);
export const termId = (taxonomy: RutaTaxonomy, code: string) =>
  stableId('term', RUTA_TAXONOMIES[taxonomy].name, code);

/** Spanish and English names of the categories: the term names Ruta writes, and names it recognises on import. */
export const CATEGORY_NAMES: Record<ServiceCategory, { es: string; en: string }> = {
  health_affiliation: { es: 'Afiliación a salud', en: 'Health insurance enrolment' },
  sisben_registration: { es: 'Encuesta Sisbén', en: 'Sisbén registration' },
  sexual_reproductive_health: { es: 'Salud sexual y reproductiva', en: 'Sexual and reproductive health' },
  mental_health: { es: 'Salud mental', en: 'Mental health' },
  school_enrolment: { es: 'Matrícula escolar', en: 'School enrolment' },
  child_care: { es: 'Atención a la primera infancia', en: 'Child care' },
  migratory_regularization: { es: 'Regularización migratoria', en: 'Migratory regularization' },
  legal_advice: { es: 'Asesoría jurídica', en: 'Legal advice' },
  degree_recognition: { es: 'Convalidación de títulos', en: 'Degree recognition' },
  housing_subsidy: { es: 'Subsidio de vivienda', en: 'Housing subsidy' },
  temporary_shelter: { es: 'Alojamiento temporal', en: 'Temporary shelter' },
  food_aid: { es: 'Asistencia alimentaria', en: 'Food aid' },
  job_placement: { es: 'Intermediación laboral', en: 'Job placement' },
  vocational_training: { es: 'Formación para el trabajo', en: 'Vocational training' },
  entrepreneurship_training: { es: 'Formación en emprendimiento', en: 'Entrepreneurship training' },
  microcredit: { es: 'Microcrédito', en: 'Microcredit' },
  cultural_exchange: { es: 'Intercambio cultural', en: 'Cultural exchange' },
  psychosocial_support: { es: 'Apoyo psicosocial', en: 'Psychosocial support' },
  other: { es: 'Otro servicio', en: 'Other service' },
};

/**
 * Words that identify a category in another system's term names (accent-free, lower case), most specific first:
 * the first whose words all appear in the name wins.
 */
const CATEGORY_KEYWORDS: Array<[ServiceCategory, string[]]> = [
  ['sexual_reproductive_health', ['reproductiv']],
  ['mental_health', ['salud mental']],
  ['mental_health', ['mental health']],
  ['psychosocial_support', ['psicosocial']],
  ['psychosocial_support', ['psychosocial']],
  ['sisben_registration', ['sisben']],
  ['health_affiliation', ['afiliacion', 'salud']],
  ['health_affiliation', ['health insurance']],
  ['migratory_regularization', ['regulariza']],
  ['legal_advice', ['juridic']],
  ['legal_advice', ['legal']],
  ['degree_recognition', ['convalida']],
  ['degree_recognition', ['degree recognition']],
  ['school_enrolment', ['matricula']],
  ['school_enrolment', ['school']],
  ['child_care', ['primera infancia']],
  ['child_care', ['child care']],
  ['child_care', ['childcare']],
  ['housing_subsidy', ['vivienda']],
  ['housing_subsidy', ['housing']],
  ['temporary_shelter', ['albergue']],
  ['temporary_shelter', ['alojamiento']],
  ['temporary_shelter', ['shelter']],
  ['food_aid', ['aliment']],
  ['food_aid', ['food']],
  ['entrepreneurship_training', ['emprend']],
  ['entrepreneurship_training', ['entrepreneur']],
  ['microcredit', ['microcredit']],
  ['microcredit', ['credito']],
  ['job_placement', ['empleo']],
  ['job_placement', ['laboral']],
  ['job_placement', ['employment']],
  ['job_placement', ['job']],
  ['vocational_training', ['formacion']],
  ['vocational_training', ['vocational']],
  ['vocational_training', ['training']],
  ['cultural_exchange', ['cultur']],
];

/** Lower case, accents and punctuation removed, spaces collapsed: how names are compared. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Our category for another system's taxonomy term: its code when it is one of ours, else its name when it is one
 * of our category names (Spanish or English) or carries one of their key words; null when nothing matches.
 */
export function categoryForTerm(term: {
  code?: string | null;
  name?: string | null;
}): ServiceCategory | null {
  const code = term.code?.trim().toLowerCase();
  if (code && (SERVICE_CATEGORY_CODES as string[]).includes(code)) return code as ServiceCategory;
  const name = normalizeName(term.name ?? '');
  if (!name) return null;
  for (const category of SERVICE_CATEGORY_CODES) {
    const names = CATEGORY_NAMES[category];
    if (normalizeName(names.es) === name || normalizeName(names.en) === name) return category;
  }
  const words = ` ${name} `;
  for (const [category, keywords] of CATEGORY_KEYWORDS) {
    if (keywords.every((keyword) => words.includes(keyword))) return category;
  }
  return null;
}

export const POPULATION_GROUP_NAMES: Record<(typeof POPULATION_GROUPS)[number], string> = {
  returnee: 'Colombianos retornados',
  venezuelan_migrant: 'Migrantes venezolanos',
  refugee_or_asylum_seeker: 'Refugiados o solicitantes de asilo',
  host_community: 'Comunidad de acogida',
  other: 'Otro grupo poblacional',
};

export const SEX_NAMES: Record<(typeof SERVICE_SEXES)[number], string> = {
  female: 'Mujeres',
  male: 'Hombres',
  intersex: 'Personas intersexuales',
};

export const SERVICE_LEVELS = {
  capacity_per_month: 'Cupos por mes',
  acceptance_days: 'Días para aceptar una remisión',
  completion_days: 'Días para completar una remisión',
} as const;

export type ServiceLevel = keyof typeof SERVICE_LEVELS;

export const ORGANIZATION_KINDS = {
  public_entity: 'Entidad pública',
  ngo: 'Organización no gubernamental',
  international_organization: 'Organismo internacional',
  employer: 'Empleador',
  financial_institution: 'Entidad financiera',
  training_institution: 'Institución de formación',
  other: 'Otra organización (importada, aún no está en la red)',
} as const;

export type OrganizationKind = keyof typeof ORGANIZATION_KINDS;

/** Every term of Ruta's own taxonomies (DIVIPOLA terms are written for the municipalities used only). */
export function rutaTerms(): Array<{ taxonomy: RutaTaxonomy; code: string; name: string }> {
  return [
    ...SERVICE_CATEGORY_CODES.map((code) => ({
      taxonomy: 'category' as const,
      code,
      name: CATEGORY_NAMES[code].es,
    })),
    ...POPULATION_GROUPS.map((group) => ({
      taxonomy: 'eligibility' as const,
      code: `population_group:${group}`,
      name: POPULATION_GROUP_NAMES[group],
    })),
    ...SERVICE_SEXES.map((sex) => ({
      taxonomy: 'eligibility' as const,
      code: `sex:${sex}`,
      name: SEX_NAMES[sex],
    })),
    ...(Object.keys(SERVICE_LEVELS) as ServiceLevel[]).map((code) => ({
      taxonomy: 'serviceLevel' as const,
      code,
      name: SERVICE_LEVELS[code],
    })),
    ...(Object.keys(ORGANIZATION_KINDS) as OrganizationKind[]).map((code) => ({
      taxonomy: 'organizationKind' as const,
      code,
      name: ORGANIZATION_KINDS[code],
    })),
  ];
}

/** Language codes Ruta records on services, with the names written in languages.csv. */
export const LANGUAGE_NAMES: Record<string, string> = {
  es: 'Español',
  en: 'Inglés',
  pt: 'Portugués',
  fr: 'Francés',
  guc: 'Wayuunaiki',
};

/** An ISO 639 code for a language named in another system (by code, or a known Spanish or English name). */
export function languageCode(code: string | null, name: string | null): string | null {
  const cleaned = code?.trim().toLowerCase();
  if (cleaned && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(cleaned)) return cleaned.split('-')[0] as string;
  const normalized = normalizeName(name ?? '');
  const known: Record<string, string> = {
    espanol: 'es',
    spanish: 'es',
    castellano: 'es',
    ingles: 'en',
    english: 'en',
    portugues: 'pt',
    portuguese: 'pt',
    frances: 'fr',
    french: 'fr',
    wayuunaiki: 'guc',
  };
  return known[normalized] ?? null;
}
