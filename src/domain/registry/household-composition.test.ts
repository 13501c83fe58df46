import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, householdComposition } from './household-composition';

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
