import { dictionary } from '@zxcvbn-ts/language-common';
import spanishCommon from '../../reference/common-passwords-es.json' with { type: 'json' };

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes anything, but a megabyte password would be a cheap way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail' | 'repetitive';

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const COMMON = new Set<string>(
  [...((dictionary as Record<string, string[]>)['passwords-common'] ?? []), ...spanishCommon.passwords].map(
    normalize,
  ),
);

/**
 * Checks a new password against the policy: at least 12 characters, not a common password (alone or with digits
 * and symbols around it, as in "Colombia2024!"), not the user's email, not one character repeated.
 */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return ['tooShort'];
  if (length > MAX_PASSWORD_LENGTH) return ['tooLong'];
  const problems: PasswordProblem[] = [];
  const normalized = normalize(password);
  const core = normalized.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (
    COMMON.has(normalized) ||
    (core.length > 0 && COMMON.has(core)) ||
    COMMON.has(normalized.replace(/\s+/g, ''))
  ) {
    problems.push('common');
  }
  const localPart = context.email ? normalize(context.email.split('@')[0] ?? '') : '';
  if (localPart.length >= 4 && normalized.includes(localPart)) problems.push('containsEmail');
  if (new Set(normalized).size <= 2) problems.push('repetitive');
  return problems;
}
