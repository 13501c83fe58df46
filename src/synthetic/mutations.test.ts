import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDocumentNumber } from '../../src/domain/registry/document-number';
import {
  formatDocumentNumber,
  type IdentityDocument,
  MUTATION_NAMES,
  type MutableIdentity,
  type MutationEnvironment,
  mistypeDigit,
  mutateRecord,
  particleVariants,
  shiftBirthYear,
  stripAccents,
  swapDayMonth,
  typo,
} from './mutations';
import { Random } from './random';

/** Levenshtein distance over UTF-16 code units (names here are NFC, one unit per letter). */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

const nameArbitrary = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzáéíóúñü'), { minLength: 0, maxLength: 14 })
  .chain((letters) =>
    fc.constantFrom(
      letters.join(''),
      letters.join('').toUpperCase(),
      `de la ${letters.join('')}`,
      letters.join('').replace(/^./, (c) => c.toUpperCase()),
    ),
  );

const dateArbitrary = fc
  .record({
    year: fc.integer({ min: 1920, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1;
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

describe('accent stripping', () => {
  it('is idempotent, keeps the length, and leaves nothing outside ASCII for Spanish letters', () => {
    fc.assert(
      fc.property(nameArbitrary, (name) => {
        const stripped = stripAccents(name);
        expect(stripAccents(stripped)).toBe(stripped);
        expect(stripped.length).toBe(name.length);
        expect(stripped).toMatch(/^[\u0020-\u007e]*$/);
      }),
    );
    expect(stripAccents('Muñoz Peña Núñez Ibargüen')).toBe('Munoz Pena Nunez Ibarguen');
  });
});

describe('typos', () => {
  it('change a name by edit distance exactly 1, or 2 for a transposition, and only its letters', () => {
    fc.assert(
      fc.property(
        nameArbitrary,
        fc.integer(),
        fc.constantFrom('substitution', 'deletion', 'insertion', 'transposition' as const),
        (name, seed, kind) => {
          const result = typo(name, Random.derive(seed), kind);
          const letters = [...name].filter((c) => /\p{Letter}/u.test(c)).length;
          if (letters < 3) {
            expect(result).toBeNull();
            return;
          }
          if (result === null) return; // e.g. no two different adjacent letters to swap
          expect(result.kind).toBe(kind);
          expect(editDistance(name, result.text)).toBe(kind === 'transposition' ? 2 : 1);
          // Spaces are never touched: the words stay the same in number.
          expect(result.text.split(' ').length).toBe(name.split(' ').length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('day/month swap', () => {
  it('applies only when both parts can be a month and differ, gives a valid date, and undoes itself', () => {
    fc.assert(
      fc.property(dateArbitrary, (date) => {
        const [, month, day] = date.split('-').map(Number) as [number, number, number];
        const swapped = swapDayMonth(date);
        if (day > 12 || day === month) {
          expect(swapped).toBeNull();
          return;
        }
        expect(swapped).not.toBeNull();
        expect(swapped).not.toBe(date);
        expect(swapDayMonth(swapped as string)).toBe(date);
        const [y, m, d] = (swapped as string).split('-').map(Number) as [number, number, number];
        expect(new Date(Date.UTC(y, m - 1, d)).getUTCDate()).toBe(d);
      }),
    );
  });

  it('moves a birth year by one and keeps the date valid (29 February)', () => {
    expect(shiftBirthYear('2000-02-29', 1)).toBe('2001-02-28');
    expect(shiftBirthYear('1990-06-15', -1)).toBe('1989-06-15');
    fc.assert(
      fc.property(dateArbitrary, fc.constantFrom(1, -1), (date, delta) => {
        const shifted = shiftBirthYear(date, delta);
        expect(Number(shifted.slice(0, 4)) - Number(date.slice(0, 4))).toBe(delta);
        expect(shifted.slice(5, 7)).toBe(date.slice(5, 7));
      }),
    );
  });
});

describe('document numbers', () => {
  const documentArbitrary = fc.oneof(
    fc.stringMatching(/^[1-9]\d{5,14}$/).map((number): IdentityDocument => ({ type: 'CC', number })),
    fc
      .stringMatching(/^[VE][1-9]\d{5,7}$/)
      .map((number): IdentityDocument => ({ type: 'FOREIGN_ID', number })),
    fc.stringMatching(/^A[O-V]\d{6}$/).map((number): IdentityDocument => ({ type: 'PA', number })),
  );

  it('formatted as people type them, normalize back to the same number', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.integer(), (document, seed) => {
        const formatted = formatDocumentNumber(document, Random.derive(seed));
        expect(normalizeDocumentNumber(formatted)).toBe(document.number);
      }),
    );
  });

  it('with one digit wrong, differ in exactly one position and keep their length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{5,14}$/), fc.integer(), (number, seed) => {
        const wrong = mistypeDigit(number, Random.derive(seed)) as string;
        expect(wrong.length).toBe(number.length);
        expect([...wrong].filter((c, i) => c !== number[i]).length).toBe(1);
        expect(wrong[0]).toBe(number[0]);
      }),
    );
  });
});

describe('particles', () => {
  it('offers the typed variants of a particle surname, never the surname itself', () => {
    expect(particleVariants('de la Cruz').sort()).toEqual(['Cruz', 'De la Cruz', 'Delacruz']);
    expect(particleVariants('De Freitas')).toContain('Freitas');
    expect(particleVariants('Pérez')).toEqual([]);
  });
});

describe('mutateRecord', () => {
  const environment: MutationEnvironment = {
    newPhone: (random) => `+57300${random.int(1_000_000, 9_999_999)}`,
    newMunicipality: (_random, current) => (current === '11001' ? '05001' : '11001'),
    latestBirthDate: '2025-06-30',
  };
  const source: MutableIdentity = {
    givenName1: 'José',
    givenName2: 'María',
    surname1: 'de la Peña',
    surname2: 'Muñoz',
    birthDate: '1990-03-07',
    birthDateEstimated: false,
    municipalityCode: '08001',
    documents: [{ type: 'PEP', number: '180500012345678' }],
    phone: '+573001234567',
  };
  const held: IdentityDocument[] = [
    { type: 'PEP', number: '180500012345678' },
    { type: 'PPT', number: '4567890' },
  ];

  it('applies one to four mutations, lists only those that changed something, and leaves the source alone', () => {
    const before = JSON.stringify(source);
    const seen = new Set<string>();
    for (let seed = 0; seed < 3000; seed++) {
      const { record, mutations } = mutateRecord(source, held, 'VE', Random.derive(seed), environment);
      expect(mutations.length).toBeGreaterThanOrEqual(1);
      expect(mutations.length).toBeLessThanOrEqual(4);
      expect(new Set(mutations).size).toBe(mutations.length);
      expect(JSON.stringify(record)).not.toBe(before);
      for (const name of mutations) seen.add(name);
      if (mutations.includes('otherDocumentType'))
        expect(record.documents.map((d) => d.type)).toEqual(['PPT']);
      if (mutations.includes('dayMonthSwapped')) expect(record.birthDate.slice(5)).toMatch(/^(07-03|01-01)$/);
    }
    expect(JSON.stringify(source)).toBe(before);
    // Every mutation can happen to this record (it has accents, a particle, a nickname, two documents…).
    expect([...seen].sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it('never applies an excluded mutation', () => {
    for (let seed = 0; seed < 500; seed++) {
      const { mutations } = mutateRecord(source, held, 'VE', Random.derive(seed), environment, [
        'moved',
        'typo',
      ]);
      expect(mutations).not.toContain('moved');
      expect(mutations).not.toContain('typo');
    }
  });
});
