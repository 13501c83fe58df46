/**
 * The six work conditions an allied employer must meet before the network sends it anyone (Plan Retorno seed):
 * legally constituted, formal contracts, social security affiliation, at least the legal minimum wage, safe
 * working conditions and no discrimination. Names as the API speaks them; the columns are their snake_case.
 */
export const EMPLOYER_CHECKS = [
  'legalRegistration',
  'formalContracts',
  'socialSecurity',
  'minimumWageOrMore',
  'safeConditions',
  'nonDiscrimination',
] as const;
export type EmployerCheck = (typeof EMPLOYER_CHECKS)[number];

export const EMPLOYER_STANDINGS = ['verified', 'expired', 'failed_checks', 'never_verified'] as const;
export type EmployerStanding = (typeof EMPLOYER_STANDINGS)[number];

export type VerificationChecks = Record<EmployerCheck, boolean>;

export interface LatestVerification {
  checks: VerificationChecks;
  /** Last day (YYYY-MM-DD, Colombian calendar) the verification holds, included. */
  validUntil: string;
}

/** The conditions a verification found unmet, in the fixed order of EMPLOYER_CHECKS. */
export function failedChecks(checks: VerificationChecks): EmployerCheck[] {
  return EMPLOYER_CHECKS.filter((check) => !checks[check]);
}

/**
 * An employer's standing on a day, from its latest verification only: verified when that verification passed all
 * six checks and is valid on `today` (its last day included); failed checks when any condition was unmet
 * (whatever the date: a failed visit is never "expired"); expired when it passed but its date has gone; never
 * verified without any verification. Earlier verifications never count: a newer failed one replaces a good one.
 */
export function employerStanding(latest: LatestVerification | null, today: string): EmployerStanding {
  if (!latest) return 'never_verified';
  if (failedChecks(latest.checks).length > 0) return 'failed_checks';
  return latest.validUntil >= today ? 'verified' : 'expired';
}

/** Whether an employer in this standing may receive candidates. */
export const mayReceiveCandidates = (standing: EmployerStanding) => standing === 'verified';

/** The last day a verification made on `today` may be valid until: one year ahead. */
export function latestValidUntil(today: string): string {
  return addMonthsToDay(today, 12);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar day some months later, clamped to the end of a shorter month (31 January + 1 month = 28 or 29
 * February; 29 February + 12 months = 28 February).
 */
export function addMonthsToDay(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(date, lastDay))}`;
}
