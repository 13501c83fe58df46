/** Failed sign-ins allowed before the first lockout. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 60 * 60;

/**
 * How long an email stays locked after its n-th consecutive failure: nothing for the first five, then one
 * minute, doubling with each further failure up to an hour.
 */
export function lockoutSeconds(consecutiveFailures: number): number {
  if (consecutiveFailures < FREE_ATTEMPTS) return 0;
  const doublings = consecutiveFailures - FREE_ATTEMPTS;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(doublings, 16));
}
