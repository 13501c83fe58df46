/**
 * Pregnancy and lactation, as recorded on a woman's own record, so the household composition counts them on any
 * given day without anyone typing them twice. Health data: sensitive under Ley 1581 art. 5.
 */

export const MATERNITY_STATUSES = ['pregnant', 'lactating'] as const;
export type MaternityStatus = (typeof MATERNITY_STATUSES)[number];

export interface Maternity {
  status: MaternityStatus;
  /** Pregnant: when the pregnancy was known or began (optional). Lactating: the child's birth date. */
  since: string | null;
  /** Pregnant: the expected delivery date. Lactating: when breastfeeding is expected to end (optional). */
  until: string | null;
}

/** Days a pregnancy still counts after its expected delivery date (late births, records not yet updated). */
export const PREGNANCY_GRACE_DAYS = 30;
/** Breastfeeding is counted until the child turns two (WHO and Colombian guidance) unless an end date is given. */
export const LACTATION_YEARS = 2;
/** A pregnancy lasts about 40 weeks: an expected delivery date further than this is a typing mistake. */
export const MAX_DAYS_TO_DELIVERY = 300;

/** The day `days` days after a YYYY-MM-DD day (negative for before). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The same day `years` later (28 February for a 29th in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const date = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The last day the status counts, or null when nothing bounds it (a lactation with neither date). */
export function maternityLastDay(maternity: Maternity): string | null {
  if (maternity.status === 'pregnant') {
    return maternity.until ? addDays(maternity.until, PREGNANCY_GRACE_DAYS) : null;
  }
  if (maternity.until) return maternity.until;
  return maternity.since ? addDays(addYears(maternity.since, LACTATION_YEARS), -1) : null;
}

/**
 * Whether the status applies on a day: from `since` (when given) to its last day. A pregnancy past its expected
 * delivery date plus the grace no longer counts, nor a lactation past its end (or the child's second birthday).
 */
export function maternityApplies(maternity: Maternity | null, day: string): boolean {
  if (!maternity) return false;
  if (maternity.since && day < maternity.since) return false;
  const last = maternityLastDay(maternity);
  return last !== null && day <= last;
}

export type MaternityProblem =
  | { path: 'maternity.status' | 'sexAtBirth'; problem: 'femaleOnly' }
  | { path: 'maternity.until'; problem: 'deliveryDateRequired' | 'deliveryTooFar' | 'deliveryPast' }
  | { path: 'maternity.until'; problem: 'lactationEnded' | 'untilBeforeSince' }
  | { path: 'maternity.since'; problem: 'sinceInFuture' | 'lactationDateRequired' };

/**
 * What is wrong with recording this status for a person of this sex at birth today. `sentMaternity` tells
 * whether the status itself was sent, so a change of sex at birth alone is blamed on that field instead.
 */
export function checkMaternity(
  maternity: Maternity | null,
  sexAtBirth: string | null,
  today: string,
  sentMaternity = true,
): MaternityProblem[] {
  if (!maternity) return [];
  if (sexAtBirth !== 'female') {
    return [{ path: sentMaternity ? 'maternity.status' : 'sexAtBirth', problem: 'femaleOnly' }];
  }
  if (!sentMaternity) return [];
  const problems: MaternityProblem[] = [];
  if (maternity.since && maternity.since > today) {
    problems.push({ path: 'maternity.since', problem: 'sinceInFuture' });
  }
  if (maternity.since && maternity.until && maternity.until < maternity.since) {
    problems.push({ path: 'maternity.until', problem: 'untilBeforeSince' });
  } else if (maternity.status === 'pregnant') {
    if (!maternity.until) problems.push({ path: 'maternity.until', problem: 'deliveryDateRequired' });
    else if (maternity.until > addDays(today, MAX_DAYS_TO_DELIVERY)) {
      problems.push({ path: 'maternity.until', problem: 'deliveryTooFar' });
    } else if (addDays(maternity.until, PREGNANCY_GRACE_DAYS) < today) {
      problems.push({ path: 'maternity.until', problem: 'deliveryPast' });
    }
  } else {
    if (!maternity.since && !maternity.until) {
      problems.push({ path: 'maternity.since', problem: 'lactationDateRequired' });
    } else if (maternity.until && maternity.until < today) {
      problems.push({ path: 'maternity.until', problem: 'lactationEnded' });
    } else if (
      !maternity.until &&
      maternity.since &&
      maternity.since <= today &&
      !maternityApplies(maternity, today)
    ) {
      problems.push({ path: 'maternity.until', problem: 'lactationEnded' });
    }
  }
  return problems;
}
