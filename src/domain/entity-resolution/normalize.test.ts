import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDocumentNumber } from '../registry/document-number';
import {
  namePart,
  normalizeDocument,
  normalizeName,
  normalizeSex,
  PARTICLES,
  parseBirthDate,
  splitFullName,
  tokens,
} from './normalize';

const cores = (name: ReturnType<typeof splitFullName>) => [
  name.given1?.core ?? null,
  name.given2?.core ?? null,
  name.surname1?.core ?? null,
  name.surname2?.core ?? null,
];

describe('tokens', () => {
  it('folds accents, case and punctuation', () => {
    expect(tokens('  JOSÉ  Ñúñez-Pérez ')).toEqual(['jose', 'nunez', 'perez']);
    expect(tokens(null)).toEqual([]);
  });
});

describe('namePart', () => {
  it('keeps the particles for display and leaves them out of the core', () => {
    expect(namePart('de la Cruz')).toEqual({ folded: 'de la cruz', core: 'cruz', particles: ['de', 'la'] });
    expect(namePart('Del Río')?.core).toBe('rio');
    expect(namePart('de los Ríos')?.core).toBe('rios');
    expect(namePart('De Las Casas')?.core).toBe('casas');
    expect(namePart('Ortega y Gasset')?.core).toBe('ortegagasset');
  });

  it('keeps San and Santa in the core, without spaces', () => {
    expect(namePart('San Martín')?.core).toBe('sanmartin');
    expect(namePart('Sanmartín')?.core).toBe('sanmartin');
    expect(namePart('Santa María')?.core).toBe('santamaria');
  });

  it('keeps a field of particles only as its core, and gives null for nothing', () => {
    expect(namePart('De')?.core).toBe('de');
    expect(namePart('  ')).toBeNull();
  });

  it('never puts a particle in a core that has other words', () => {
    const word = fc.constantFrom('cruz', 'valle', 'rio', 'perez', 'san', 'martin', ...PARTICLES);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const part = namePart(words.join(' '));
        const nonParticles = words.filter((w) => !PARTICLES.has(w));
        if (nonParticles.length > 0) expect(part?.core).toBe(nonParticles.join(''));
        expect(part?.folded).toBe(words.join(' '));
      }),
    );
  });
});

describe('splitFullName', () => {
  it('reads two, three and four units in Colombian order', () => {
    expect(cores(splitFullName('Juan Pérez'))).toEqual(['juan', null, 'perez', null]);
    expect(cores(splitFullName('Juan Pérez Gómez'))).toEqual(['juan', null, 'perez', 'gomez']);
    expect(cores(splitFullName('Juan Carlos Pérez'))).toEqual(['juan', 'carlos', 'perez', null]);
    expect(cores(splitFullName('María José Gómez'))).toEqual(['maria', 'jose', 'gomez', null]);
    expect(cores(splitFullName('Ana María de la Cruz Rodríguez'))).toEqual([
      'ana',
      'maria',
      'cruz',
      'rodriguez',
    ]);
    expect(cores(splitFullName('María del Carmen Pérez Gómez'))).toEqual([
      'maria',
      'carmen',
      'perez',
      'gomez',
    ]);
  });

  it('gives the middle units to the second given name when there are five or more', () => {
    expect(cores(splitFullName('María Pilar Antonia Pérez Gómez'))).toEqual([
      'maria',
      'pilarantonia',
      'perez',
      'gomez',
    ]);
  });

  it('reads lists written surnames first', () => {
    expect(cores(splitFullName('PÉREZ GÓMEZ JUAN CARLOS', 'surname-first'))).toEqual([
      'juan',
      'carlos',
      'perez',
      'gomez',
    ]);
    expect(cores(splitFullName('PÉREZ JUAN', 'surname-first'))).toEqual(['juan', null, 'perez', null]);
  });

  it('handles one unit and a trailing particle', () => {
    expect(cores(splitFullName('Yoselin'))).toEqual(['yoselin', null, null, null]);
    expect(cores(splitFullName('Juan Pérez de'))).toEqual(['juan', null, 'perez', null]);
  });

  it('keeps every non-particle word somewhere, in order', () => {
    const word = fc.constantFrom('juan', 'carlos', 'perez', 'gomez', 'cruz', 'yoselin', 'de', 'la', 'del');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 7 }), (words) => {
        const name = splitFullName(words.join(' '));
        const parts = [name.given1, name.given2, name.surname1, name.surname2].filter((p) => p !== null);
        expect(parts.map((p) => p?.folded).join(' ')).toBe(words.join(' '));
      }),
    );
  });
});

describe('normalizeName', () => {
  it('normalizes separate fields', () => {
    const name = normalizeName({ givenName1: 'JOSÉ', surname1: 'de la Cruz', surname2: null });
    expect(name.given1?.core).toBe('jose');
    expect(name.surname1?.particles).toEqual(['de', 'la']);
    expect(name.surname2).toBeNull();
  });
});

describe('normalizeDocument', () => {
  it.each([
    ['C.C. 1.023.456.789', null, 'CC', '1023456789'],
    ['CC 1023456789', null, 'CC', '1023456789'],
    ['cc1023456789', null, 'CC', '1023456789'],
    ['C.C. No. 1.023.456.789', null, 'CC', '1023456789'],
    ['Cédula de ciudadanía: 52 123 456', null, 'CC', '52123456'],
    ['Cédula de extranjería 123456', null, 'CE', '123456'],
    ['T.I. 1.001.234.567', null, 'TI', '1001234567'],
    ['PPT 1234567', null, 'PPT', '1234567'],
    ['PEP 123456789012345', null, 'PEP', '123456789012345'],
    ['ppt-ab12345', null, 'PPT', 'AB12345'],
    ['Pasaporte: ab-123456', null, 'PA', 'AB123456'],
    ['0012345', 'CC', 'CC', '12345'],
    ['1.023.456.789', 'CC', 'CC', '1023456789'],
    ['CE12345', 'PA', 'PA', 'CE12345'],
    ['N° 98765', 'TI', 'TI', '98765'],
    ['123 456', null, null, '123456'],
  ] as const)('reads %s (declared %s) as %s %s', (raw, declared, type, key) => {
    expect(normalizeDocument(raw, declared)).toEqual({ type, key });
  });

  it('agrees with the registry on numbers typed without a prefix', () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{5,10}$/);
    fc.assert(
      fc.property(digits, fc.constantFrom('.', ' ', '-', ''), (number, separator) => {
        const typed = number.replace(/(\d{3})(?=\d)/g, `$1${separator}`);
        expect(normalizeDocument(typed, 'CC').key).toBe(normalizeDocumentNumber(typed));
        expect(normalizeDocument(`C.C. ${typed}`).key).toBe(number);
      }),
    );
  });
});

describe('normalizeSex', () => {
  it('reads the usual spellings', () => {
    expect(normalizeSex('Femenino')).toBe('F');
    expect(normalizeSex('MUJER')).toBe('F');
    expect(normalizeSex('m')).toBe('M');
    expect(normalizeSex('Hombre')).toBe('M');
    expect(normalizeSex('Otro')).toBe('X');
    expect(normalizeSex('No binario')).toBe('X');
    expect(normalizeSex('No informa')).toBeNull();
    expect(normalizeSex('')).toBeNull();
    expect(normalizeSex('?')).toBeNull();
  });
});

describe('parseBirthDate', () => {
  it('reads ISO, Colombian day-first, compact and year-only dates', () => {
    expect(parseBirthDate('1990-03-15')).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseBirthDate('15/03/1990')).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseBirthDate('5-3-1990')).toEqual({ year: 1990, month: 3, day: 5 });
    expect(parseBirthDate('19900315')).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseBirthDate('1990')).toEqual({ year: 1990, month: 0, day: 0 });
    expect(parseBirthDate('1990-03-15T00:00:00Z')).toEqual({ year: 1990, month: 3, day: 15 });
  });

  it('refuses impossible dates', () => {
    expect(parseBirthDate('1990-02-30')).toBeNull();
    expect(parseBirthDate('31/04/1990')).toBeNull();
    expect(parseBirthDate('1990-13-01')).toBeNull();
    expect(parseBirthDate('ayer')).toBeNull();
    expect(parseBirthDate(null)).toBeNull();
  });

  it('reads back every valid ISO date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const parsed = parseBirthDate(iso);
          expect(parsed).toEqual({
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          });
          const [y, m, d] = iso.split('-');
          expect(parseBirthDate(`${d}/${m}/${y}`)).toEqual(parsed);
        },
      ),
    );
  });
});
