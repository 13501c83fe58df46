/**
 * Ruta's own identity-document codes (see ../shared/docs/domain.md §2). External systems use other codes
 * (SISPRO, DIAN, SIRE); those mappings live beside the integrations that need them.
 */
export const DOCUMENT_TYPES = ['CC', 'TI', 'RC', 'CE', 'PEP', 'PPT', 'PA', 'SC2', 'FOREIGN_ID'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

interface DocumentRule {
  /** Characters allowed after normalization. */
  charset: 'digits' | 'alphanumeric';
  /** Outside these lengths the number is refused. */
  minLength: number;
  maxLength: number;
  /** Lengths we have seen in practice; another length is accepted with a warning (the rule is not verified). */
  usualLengths?: readonly number[];
}

/**
 * Only what is certain is enforced (a cédula is numeric, a passport alphanumeric); lengths that public sources
 * do not confirm only warn, so a caseworker is never blocked by our guess.
 */
export const DOCUMENT_RULES: Record<DocumentType, DocumentRule> = {
  CC: { charset: 'digits', minLength: 3, maxLength: 12, usualLengths: [6, 7, 8, 10] },
  TI: { charset: 'digits', minLength: 6, maxLength: 11, usualLengths: [10, 11] },
  RC: { charset: 'alphanumeric', minLength: 6, maxLength: 12, usualLengths: [10, 11] },
  CE: { charset: 'digits', minLength: 3, maxLength: 10, usualLengths: [6, 7] },
  PEP: { charset: 'digits', minLength: 6, maxLength: 20, usualLengths: [15] },
  PPT: { charset: 'digits', minLength: 5, maxLength: 12, usualLengths: [7, 8] },
  PA: { charset: 'alphanumeric', minLength: 5, maxLength: 20 },
  SC2: { charset: 'alphanumeric', minLength: 4, maxLength: 20 },
  FOREIGN_ID: { charset: 'alphanumeric', minLength: 3, maxLength: 30 },
};
