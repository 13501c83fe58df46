import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, householdComposition } from './household-composition';
import { MATERNITY_STATUSES, type Maternity, maternityLastDay } from './maternity';

describe('ageOn', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('2020-06-15', '2025-06-14')).toBe(4);
    expect(ageOn('2020-06-15', '2025-06-15')).toBe(5);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('householdComposition', () => {
  it('derives the programme groups from the members', () => {
    const composition = householdComposition(
      [
        { birthDate: '2023-01-10', disability: [] },
        { birthDate: '2015-05-01', disability: [1, 1, 3, 1, 1, 1] },
        { birthDate: '1960-01-01', disability: [2, 2, null, null, null, null] },
        { birthDate: '1990-09-09', disability: [] },
        { birthDate: null, disability: [] },
      ],
      '2026-11-23',
    );
    expect(composition).toEqual({
      members: 5,
      childrenUnder5: 1,
      schoolAge: 1,
      olderAdults: 1,
      withDisability: 1,
      unknownAge: 1,
      pregnantOrLactating: 0,
    });
  });

  it('never counts a member in two age groups', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.date({ min: new Date('1920-01-01'), max: new Date('2026-11-23'), noInvalidDate: true }),
          ),
          {
            maxLength: 12,
          },
        ),
        (dates) => {
          const members = dates.map((date) => ({
            birthDate: date ? date.toISOString().slice(0, 10) : null,
            disability: [],
          }));
          const c = householdComposition(members, '2026-11-23');
          expect(c.childrenUnder5 + c.schoolAge + c.olderAdults + c.unknownAge).toBeLessThanOrEqual(
            c.members,
          );
        },
      ),
    );
  });
});

describe('pregnant or lactating members', () => {
  const today = '2026-11-23';
  const woman = (maternity: Maternity | null, sexAtBirth: string | null = 'female') => ({
    birthDate: '1995-03-03',
    disability: [],
    sexAtBirth,
    maternity,
  });

  it('counts the statuses that apply today, from the members’ own records', () => {
    const c = householdComposition(
      [
        woman({ status: 'pregnant', since: null, until: '2027-02-10' }),
        woman({ status: 'lactating', since: '2025-12-01', until: null }),
        // Expected delivery 31 days ago: past the 30-day grace.
        woman({ status: 'pregnant', since: null, until: '2026-10-23' }),
        // The child turned two yesterday.
        woman({ status: 'lactating', since: '2024-11-22', until: null }),
        woman({ status: 'lactating', since: '2026-01-01', until: '2026-11-22' }),
        woman(null),
      ],
      today,
    );
    expect(c.pregnantOrLactating).toBe(2);
    expect(c.members).toBe(6);
  });

  it('keeps a pregnancy for 30 days after the expected date, and a lactation to its last day', () => {
    expect(
      householdComposition([woman({ status: 'pregnant', since: null, until: '2026-10-24' })], today)
        .pregnantOrLactating,
    ).toBe(1);
    expect(
      householdComposition([woman({ status: 'lactating', since: null, until: today })], today)
        .pregnantOrLactating,
    ).toBe(1);
    expect(
      householdComposition([woman({ status: 'lactating', since: '2024-11-23', until: null })], today)
        .pregnantOrLactating,
    ).toBe(0);
  });

  it('never counts a member whose sex at birth is not female', () => {
    const status: Maternity = { status: 'pregnant', since: null, until: '2027-01-01' };
    expect(
      householdComposition([woman(status, 'male'), woman(status, null)], today).pregnantOrLactating,
    ).toBe(0);
  });

  const day = fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const maternity = fc.option(
    fc.record({
      status: fc.constantFrom(...MATERNITY_STATUSES),
      since: fc.option(day),
      until: fc.option(day),
    }),
  );
  const member = fc.record({
    birthDate: fc.option(day),
    disability: fc.array(fc.option(fc.integer({ min: 1, max: 4 })), { maxLength: 6 }),
    sexAtBirth: fc.option(fc.constantFrom('female', 'male', 'intersex', 'not_stated')),
    maternity,
  });

  it('never counts more than the female members, and every count is bounded by the members', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), day, (members, today) => {
        const c = householdComposition(members, today);
        const female = members.filter((m) => m.sexAtBirth === 'female').length;
        expect(c.pregnantOrLactating).toBeLessThanOrEqual(female);
        for (const value of Object.values(c)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(c.members);
        }
      }),
    );
  });

  it('never counts an expired status', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), day, (members, today) => {
        const expired = members.map((m) => {
          const last = m.maternity ? maternityLastDay(m.maternity) : null;
          return last !== null && last < today;
        });
        const live = members.filter((_, i) => !expired[i]);
        expect(householdComposition(members, today).pregnantOrLactating).toBe(
          householdComposition(live, today).pregnantOrLactating,
        );
      }),
    );
  });
});
