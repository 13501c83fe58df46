import { colombianDate } from '../calendar';
import { addBusinessDays, addCalendarDays } from './business-days';
import type { ReferralStatus } from './state-machine';

/**
 * The service-level times of a referral, from the service's acceptance and completion days.
 *
 * - To accept (or decline): `acceptance_days` BUSINESS days (Monday to Friday, not a Colombian public holiday)
 *   after the day it was sent, as Colombian administrative answers are counted; due at the end of that day in
 *   Colombia (23:59:59.999 UTC−5). A referral sent on a Friday with 2 days is due on Tuesday night.
 * - To complete: `completion_days` CALENDAR days after the day it was accepted (courses and services run through
 *   weekends and holidays), due at the end of that day. No completion days, no completion deadline.
 */
export function endOfColombianDay(day: string): Date {
  return new Date(`${day}T23:59:59.999-05:00`);
}

export function acceptDueAt(sentAt: Date, acceptanceDays: number): Date {
  return endOfColombianDay(addBusinessDays(colombianDate(sentAt), acceptanceDays));
}

export function completeDueAt(acceptedAt: Date, completionDays: number | null): Date | null {
  if (!completionDays) return null;
  return endOfColombianDay(addCalendarDays(colombianDate(acceptedAt), completionDays));
}

/** Waiting for the partner's answer past its time, or accepted/in progress past the completion time. */
export function isReferralOverdue(
  referral: { status: ReferralStatus; acceptDueAt: Date; completeDueAt: Date | null },
  now: Date,
): boolean {
  if (referral.status === 'sent') return now.getTime() > referral.acceptDueAt.getTime();
  if (referral.status === 'accepted' || referral.status === 'in_progress')
    return referral.completeDueAt !== null && now.getTime() > referral.completeDueAt.getTime();
  return false;
}
