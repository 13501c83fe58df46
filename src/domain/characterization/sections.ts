/**
 * The sections of a characterization, in the order the form asks them, and what counts as answered. Pure
 * functions over the answers document (validated by the module's zod schemas) so the server and tests agree.
 */
export const SECTIONS = [
  'education',
  'work',
  'health',
  'migration',
  'housing',
  'children',
  'vulnerabilities',
  'lifeProject',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface CharacterizationDocument {
  answers: Record<string, unknown>;
  occupations: ReadonlyArray<{ ciuoCode: string; yearsExperience?: number | null }>;
  sensitive?: Record<string, unknown> | null;
}

/** A value someone typed or chose: not null, not an empty string, not an empty list or object. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value as object).some(isAnswered);
  return true;
}

/** Whether each section has at least one answer (the form's progress). Occupations belong to "work". */
export function answeredSections(document: CharacterizationDocument): Record<Section, boolean> {
  const { answers } = document;
  return {
    education: isAnswered(answers.education),
    work: isAnswered(answers.work) || document.occupations.length > 0,
    health: isAnswered(answers.health),
    migration: isAnswered(answers.migration),
    housing: isAnswered(answers.housing),
    children: isAnswered(answers.children),
    vulnerabilities: isAnswered(answers.vulnerabilities) || isAnswered(document.sensitive ?? null),
    lifeProject: isAnswered(answers.lifeProject),
  };
}

/**
 * The document as flat `section.field` keys, for the audit log's before/after. Lists are kept whole; the
 * sensitive answers appear only as "recorded" or absent, so the audit log does not copy them.
 */
export function flattenForAudit(document: CharacterizationDocument): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(document.answers)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        if (isAnswered(fieldValue)) flat[`${section}.${field}`] = fieldValue;
      }
    } else if (isAnswered(value)) {
      flat[section] = value;
    }
  }
  if (document.occupations.length) {
    flat['work.occupations'] = document.occupations.map((o) => `${o.ciuoCode}:${o.yearsExperience ?? ''}`);
  }
  for (const [field, value] of Object.entries(document.sensitive ?? {})) {
    if (isAnswered(value)) flat[`sensitive.${field}`] = 'recorded';
  }
  return flat;
}

/** The sections whose answers differ between two versions (all answered ones for a first version). */
export function changedSections(
  before: CharacterizationDocument | null,
  after: CharacterizationDocument,
): Section[] {
  const keysBefore = before ? flattenForAudit(before) : {};
  const keysAfter = flattenForAudit(after);
  const changed = new Set<Section>();
  for (const key of new Set([...Object.keys(keysBefore), ...Object.keys(keysAfter)])) {
    if (JSON.stringify(keysBefore[key]) === JSON.stringify(keysAfter[key])) continue;
    const head = key.split('.')[0] as string;
    changed.add(head === 'sensitive' ? 'vulnerabilities' : (head as Section));
  }
  if (before && JSON.stringify(before.sensitive ?? null) !== JSON.stringify(after.sensitive ?? null)) {
    changed.add('vulnerabilities');
  }
  return SECTIONS.filter((section) => changed.has(section));
}
