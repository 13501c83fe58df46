import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, colombianHolidays, isBusinessDay } from './business-days';
import { acceptDueAt, completeDueAt, isReferralOverdue } from './sla';

describe('Colombian business days', () => {
  it('knows the holidays of 2026, moved holidays on Mondays and Easter-based ones', () => {
    const holidays = colombianHolidays(2026);
    for (const day of [
      '2026-01-01',
      '2026-01-12', // Reyes (6 January) moved to Monday
      '2026-03-23', // San José
      '2026-04-02', // Jueves Santo
      '2026-04-03', // Viernes Santo
      '2026-05-18', // Ascensión
      '2026-06-08', // Corpus Christi
      '2026-06-15', // Sagrado Corazón
      '2026-07-20',
      '2026-08-07',
      '2026-12-08',
      '2026-12-25',
    ])
      expect(holidays.has(day), day).toBe(true);
    expect(holidays.has('2026-01-06')).toBe(false);
    expect(isBusinessDay('2026-12-07')).toBe(true);
    expect(isBusinessDay('2026-12-05')).toBe(false); // Saturday
  });

  it('skips weekends and holidays when counting', () => {
    expect(addBusinessDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addBusinessDays('2026-12-07', 1)).toBe('2026-12-09'); // Tuesday the 8th is a holiday
    expect(addBusinessDays('2026-12-24', 1)).toBe('2026-12-28');
  });

  it('always lands on a business day, never before the start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (start, days) => {
          const day = start.toISOString().slice(0, 10);
          const due = addBusinessDays(day, days);
          expect(isBusinessDay(due)).toBe(true);
          expect(due > day).toBe(true);
        },
      ),
    );
  });
});

describe('referral service-level times', () => {
  it('gives the partner its acceptance days in business days, to the end of the day in Colombia', () => {
    // Friday 4 December 2026, 15:00 in Bogotá.
    const sent = new Date('2026-12-04T20:00:00Z');
    expect(acceptDueAt(sent, 2).toISOString()).toBe('2026-12-10T04:59:59.999Z'); // Wednesday 9th, the 8th is a holiday
    // Friday 21:00 in Bogotá is already Saturday in UTC; the day counted is Colombia's.
    expect(acceptDueAt(new Date('2026-12-05T02:00:00Z'), 1).toISOString()).toBe('2026-12-08T04:59:59.999Z');
  });

  it('gives completion days in calendar days from acceptance, or no deadline', () => {
    expect(completeDueAt(new Date('2026-12-07T15:00:00Z'), 30)?.toISOString()).toBe(
      '2027-01-07T04:59:59.999Z',
    );
    expect(completeDueAt(new Date('2026-12-07T15:00:00Z'), null)).toBeNull();
  });

  it('flags a referral waiting past its acceptance time, or open past its completion time', () => {
    const acceptDue = new Date('2026-12-10T04:59:59.999Z');
    const after = new Date('2026-12-10T05:00:00Z');
    expect(isReferralOverdue({ status: 'sent', acceptDueAt: acceptDue, completeDueAt: null }, after)).toBe(
      true,
    );
    expect(
      isReferralOverdue({ status: 'sent', acceptDueAt: acceptDue, completeDueAt: null }, acceptDue),
    ).toBe(false);
    expect(
      isReferralOverdue({ status: 'accepted', acceptDueAt: acceptDue, completeDueAt: null }, after),
    ).toBe(false);
    expect(
      isReferralOverdue({ status: 'in_progress', acceptDueAt: acceptDue, completeDueAt: acceptDue }, after),
    ).toBe(true);
    expect(
      isReferralOverdue({ status: 'completed', acceptDueAt: acceptDue, completeDueAt: acceptDue }, after),
    ).toBe(false);
  });
});
