import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedApplicationCommands, applyApplicationCommand } from './application-pipeline';
import {
  addMonthsToDay,
  EMPLOYER_CHECKS,
  employerStanding,
  failedChecks,
  latestValidUntil,
  mayReceiveCandidates,
  type VerificationChecks,
} from './employer-standing';
import { minimumMonthlyWageOn } from './minimum-wage';

const allPass: VerificationChecks = {
  legalRegistration: true,
  formalContracts: true,
  socialSecurity: true,
  minimumWageOrMore: true,
  safeConditions: true,
  nonDiscrimination: true,
};

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const checks = fc.record(
  Object.fromEntries(EMPLOYER_CHECKS.map((check) => [check, fc.boolean()])) as Record<
    keyof VerificationChecks,
    fc.Arbitrary<boolean>
  >,
);

describe('employer standing', () => {
  it('is never verified without a verification', () => {
    expect(employerStanding(null, '2026-12-07')).toBe('never_verified');
  });

  it('is verified through the last valid day, included, and expired the day after', () => {
    const latest = { checks: allPass, validUntil: '2026-12-07' };
    expect(employerStanding(latest, '2026-12-06')).toBe('verified');
    expect(employerStanding(latest, '2026-12-07')).toBe('verified');
    expect(employerStanding(latest, '2026-12-08')).toBe('expired');
  });

  it('names each unmet condition, and one is enough to fail', () => {
    for (const check of EMPLOYER_CHECKS) {
      const one = { ...allPass, [check]: false };
      expect(failedChecks(one)).toEqual([check]);
      expect(employerStanding({ checks: one, validUntil: '2030-01-01' }, '2026-12-07')).toBe('failed_checks');
    }
  });

  it('lets candidates through only when every check passed and the date holds', () => {
    fc.assert(
      fc.property(checks, day, day, (c, validUntil, today) => {
        const standing = employerStanding({ checks: c, validUntil }, today);
        const expected = EMPLOYER_CHECKS.every((k) => c[k]) && validUntil >= today;
        expect(mayReceiveCandidates(standing)).toBe(expected);
        if (standing === 'expired') expect(validUntil < today && failedChecks(c)).toEqual([]);
      }),
    );
  });
});

describe('calendar months', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsToDay('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDay('2026-09-15', 6)).toBe('2027-03-15');
    expect(latestValidUntil('2026-12-07')).toBe('2027-12-07');
  });

  it('always lands later, in the month asked, never past its day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const end = addMonthsToDay(start, months);
        expect(end > start).toBe(true);
        const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
        const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
        expect(y2 * 12 + m2 - (y1 * 12 + m1)).toBe(months);
        expect(d2 <= d1).toBe(true);
      }),
    );
  });
});

describe('application pipeline', () => {
  it('goes applied → interview → hired, and closes for good', () => {
    expect(applyApplicationCommand('applied', 'interview')).toEqual({ ok: true, status: 'interview' });
    expect(applyApplicationCommand('interview', 'interview')).toEqual({ ok: true, status: 'interview' });
    expect(applyApplicationCommand('interview', 'hire')).toEqual({ ok: true, status: 'hired' });
    expect(applyApplicationCommand('applied', 'hire')).toEqual({ ok: false });
    for (const closed of ['hired', 'not_hired', 'withdrawn'] as const)
      expect(allowedApplicationCommands(closed)).toEqual([]);
  });
});

describe('minimum wage', () => {
  it('follows the decree of each year and keeps the last one known', () => {
    expect(minimumMonthlyWageOn('2025-12-31')).toBe(1_423_500);
    expect(minimumMonthlyWageOn('2026-01-01')).toBe(1_750_905);
    expect(minimumMonthlyWageOn('2027-06-01')).toBe(1_750_905);
  });
});
