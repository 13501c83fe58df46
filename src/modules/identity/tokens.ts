import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Random secrets handed to clients (session cookies, API tokens, recovery codes); only their hashes are stored. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'ruta_pat_';

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret(32)}`;
}

/** Ten recovery codes like `k7qm-2xwp-9d4h`, easy to read aloud and type, from an alphabet with no look-alikes. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = '23456789abcdefghjkmnpqrstuvwxyz';
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, '');
}
