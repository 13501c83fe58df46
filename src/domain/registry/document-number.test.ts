import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocumentNumber, normalizeDocumentNumber } from './document-number';
import { DOCUMENT_TYPES } from './document-types';

describe('document numbers', () => {
  it('reads a cédula typed with dots or spaces as the same number', () => {
    expect(checkDocumentNumber('CC', '1.020.304.050')).toEqual({
      normalized: '1020304050',
      problems: [],
      warnings: [],
    });
    expect(checkDocumentNumber('CC', ' 1020 304 050 ').normalized).toBe('1020304050');
  });

  it('refuses letters in a cédula and accepts them in a passport', () => {
    expect(checkDocumentNumber('CC', '10203AB').problems).toEqual(['characters']);
    expect(checkDocumentNumber('PA', 'ab-123456').problems).toEqual([]);
    expect(checkDocumentNumber('PA', 'ab-123456').normalized).toBe('AB123456');
  });

  it('warns, without refusing, on a length not usual for the type', () => {
    expect(checkDocumentNumber('PPT', '123456789')).toMatchObject({
      problems: [],
      warnings: ['unusualLength'],
    });
    expect(checkDocumentNumber('PEP', '123456789012345')).toMatchObject({ problems: [], warnings: [] });
  });

  it('refuses empty, too short and too long numbers', () => {
    expect(checkDocumentNumber('CC', ' . ').problems).toEqual(['empty']);
    expect(checkDocumentNumber('CC', '12').problems).toEqual(['tooShort']);
    expect(checkDocumentNumber('CC', '1234567890123').problems).toEqual(['tooLong']);
  });

  it('normalizes idempotently and never keeps separators', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const once = normalizeDocumentNumber(raw);
        expect(normalizeDocumentNumber(once)).toBe(once);
        expect(once).not.toMatch(/[\s.\-_/,]/);
      }),
    );
  });

  it('accepts, for every type, what it normalizes from a valid number with separators', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_TYPES), fc.stringMatching(/^[1-9]\d{9}$/), (type, digits) => {
        const spaced = digits.replace(/(\d{3})(?=\d)/g, '$1.');
        expect(checkDocumentNumber(type, spaced).normalized).toBe(digits);
      }),
    );
  });
});
