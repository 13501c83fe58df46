import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields } from './field-changes';

describe('diffFields', () => {
  it('keeps only the fields that changed, with both values', () => {
    expect(
      diffFields({ role: 'caseworker', name: 'Ana' }, { role: 'office_coordinator', name: 'Ana' }),
    ).toEqual({
      before: { role: 'caseworker' },
      after: { role: 'office_coordinator' },
    });
  });

  it('compares arrays by value and reports added or removed fields', () => {
    expect(diffFields({ offices: ['a', 'b'] }, { offices: ['a', 'b'] })).toBeNull();
    expect(diffFields({}, { email: 'x@y.co' })).toEqual({
      before: { email: undefined },
      after: { email: 'x@y.co' },
    });
  });

  it('finds no change between a record and itself', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        expect(diffFields(record, structuredClone(record))).toBeNull();
      }),
    );
  });
});
