import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, checkMaternity, type Maternity, maternityApplies, maternityLastDay } from './maternity';

const today = '2026-05-10';

describe('maternityApplies', () => {
  it('counts a pregnancy until 30 days after the expected delivery date', () => {
    const pregnant: Maternity = { status: 'pregnant', since: null, until: '2026-05-01' };
    expect(maternityApplies(pregnant, '2026-05-31')).toBe(true);
    expect(maternityApplies(pregnant, '2026-06-01')).toBe(false);
  });

  it('counts a lactation until its end date, or the day before the child turns two', () => {
    expect(maternityApplies({ status: 'lactating', since: '2025-01-15', until: null }, '2027-01-14')).toBe(
      true,
    );
    expect(maternityApplies({ status: 'lactating', since: '2025-01-15', until: null }, '2027-01-15')).toBe(
      false,
    );
    expect(maternityApplies({ status: 'lactating', since: '2025-01-15', until: '2025-08-01' }, today)).toBe(
      false,
    );
  });

  it('does not count before its start, nor without a bounding date', () => {
    expect(maternityApplies({ status: 'lactating', since: '2026-06-01', until: null }, today)).toBe(false);
    expect(maternityApplies({ status: 'pregnant', since: null, until: null }, today)).toBe(false);
    expect(maternityApplies(null, today)).toBe(false);
  });

  it('never applies after its last day', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('pregnant' as const, 'lactating' as const),
        fc.option(day),
        fc.option(day),
        day,
        (status, since, until, on) => {
          const maternity = { status, since, until };
          const last = maternityLastDay(maternity);
          if (last === null || on > last) expect(maternityApplies(maternity, on)).toBe(false);
        },
      ),
    );
  });
});

describe('checkMaternity', () => {
  it('accepts a pregnancy with its expected delivery date and a lactation with the child’s birth date', () => {
    expect(checkMaternity({ status: 'pregnant', since: null, until: '2026-09-01' }, 'female', today)).toEqual(
      [],
    );
    expect(
      checkMaternity({ status: 'lactating', since: '2026-01-20', until: null }, 'female', today),
    ).toEqual([]);
  });

  it('records it only for women by sex at birth, naming the field sent', () => {
    const pregnant: Maternity = { status: 'pregnant', since: null, until: '2026-09-01' };
    expect(checkMaternity(pregnant, 'male', today)).toEqual([
      { path: 'maternity.status', problem: 'femaleOnly' },
    ]);
    expect(checkMaternity(pregnant, null, today)).toEqual([
      { path: 'maternity.status', problem: 'femaleOnly' },
    ]);
    expect(checkMaternity(pregnant, 'male', today, false)).toEqual([
      { path: 'sexAtBirth', problem: 'femaleOnly' },
    ]);
  });

  it('refuses impossible dates', () => {
    const problems = (m: Maternity) =>
      checkMaternity(m, 'female', today).map((p) => `${p.path}:${p.problem}`);
    expect(problems({ status: 'pregnant', since: null, until: null })).toEqual([
      'maternity.until:deliveryDateRequired',
    ]);
    expect(problems({ status: 'pregnant', since: null, until: addDays(today, 301) })).toEqual([
      'maternity.until:deliveryTooFar',
    ]);
    expect(problems({ status: 'pregnant', since: null, until: addDays(today, -31) })).toEqual([
      'maternity.until:deliveryPast',
    ]);
    expect(problems({ status: 'lactating', since: null, until: null })).toEqual([
      'maternity.since:lactationDateRequired',
    ]);
    expect(problems({ status: 'lactating', since: '2026-06-01', until: null })).toEqual([
      'maternity.since:sinceInFuture',
    ]);
    expect(problems({ status: 'lactating', since: '2026-01-01', until: '2025-12-01' })).toEqual([
      'maternity.until:untilBeforeSince',
    ]);
    expect(problems({ status: 'lactating', since: '2023-01-01', until: null })).toEqual([
      'maternity.until:lactationEnded',
    ]);
  });

  it('whatever it accepts applies today', () => {
    const day = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('pregnant' as const, 'lactating' as const),
        fc.option(day),
        fc.option(day),
        (status, since, until) => {
          const maternity = { status, since, until };
          if (checkMaternity(maternity, 'female', today).length === 0) {
            expect(maternityApplies(maternity, today)).toBe(true);
          }
        },
      ),
    );
  });
});
