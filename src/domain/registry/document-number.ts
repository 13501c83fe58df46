import { DOCUMENT_RULES, type DocumentType } from './document-types';

export type DocumentNumberProblem = 'empty' | 'characters' | 'tooShort' | 'tooLong';
export type DocumentNumberWarning = 'unusualLength';

export interface CheckedDocumentNumber {
  /** Upper-case letters and digits only: how the number is stored, compared and searched. */
  normalized: string;
  problems: DocumentNumberProblem[];
  warnings: DocumentNumberWarning[];
}

/** Strips the formatting people type (dots, spaces, dashes) so "1.020.304.050" and "1020304050" are one number. */
export function normalizeDocumentNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-_/,]/g, '');
}

export function checkDocumentNumber(type: DocumentType, raw: string): CheckedDocumentNumber {
  const rule = DOCUMENT_RULES[type];
  const normalized = normalizeDocumentNumber(raw);
  const problems: DocumentNumberProblem[] = [];
  const warnings: DocumentNumberWarning[] = [];
  if (normalized.length === 0) return { normalized, problems: ['empty'], warnings };
  const allowed = rule.charset === 'digits' ? /^\d+$/ : /^[A-Z0-9]+$/;
  if (!allowed.test(normalized)) problems.push('characters');
  if (normalized.length < rule.minLength) problems.push('tooShort');
  if (normalized.length > rule.maxLength) problems.push('tooLong');
  if (problems.length === 0 && rule.usualLengths && !rule.usualLengths.includes(normalized.length)) {
    warnings.push('unusualLength');
  }
  return { normalized, problems, warnings };
}
