import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compare,
  compareBirthDates,
  compareDocuments,
  compareGivenNames,
  compareInto,
  compareMunicipality,
  compareSex,
  compareSurnames,
  compareTransposed,
  FIELD_COUNT,
  FIELD_INDEX,
  FIELDS,
  isVeto,
  jaro,
  jaroWinkler,
  LEVEL,
  LEVEL_COUNTS,
  type PersonInput,
  preparePerson,
  termFrequencyValue,
} from './comparisons';

const person = (input: PersonInput) => preparePerson(input);
const named = (givenName1: string, givenName2: string | null, surname1: string, surname2: string | null) =>
  person({ givenName1, givenName2, surname1, surname2 });
const born = (birthDate: string) => person({ givenName1: 'a', surname1: 'b', birthDate });
const withDocs = (...documents: NonNullable<PersonInput['documents']>) =>
  person({ givenName1: 'a', surname1: 'b', documents });

describe('Jaro–Winkler', () => {
  it('gives the published values', () => {
    // Winkler's and the usual textbook examples.
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  const text = fc.string({ unit: fc.constantFrom(...'abcdefghij'), maxLength: 80 });

  it('is symmetric, in [0, 1], 1 only for equal strings, and at least Jaro', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const jw = jaroWinkler(a, b);
        expect(jw).toBeCloseTo(jaroWinkler(b, a), 12);
        expect(jw).toBeGreaterThanOrEqual(0);
        expect(jw).toBeLessThanOrEqual(1 + 1e-12);
        expect(jw).toBeGreaterThanOrEqual(jaro(a, b));
        if (a !== b) expect(jaro(a, b)).toBeLessThan(1);
      }),
    );
  });

  it('does not depend on earlier calls (the scratch buffers are cleared)', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const first = jaroWinkler(a, b);
        jaroWinkler(c, `${c}${a}${b}`);
        expect(jaroWinkler(a, b)).toBe(first);
      }),
    );
  });
});

describe('given names', () => {
  const L = LEVEL.givenNames;
  it.each([
    [['Juan', 'Carlos'], ['JUAN', 'carlos'], L.exact],
    [['Juan', 'Carlos'], ['Juan', null], L.exactFirst],
    [['Jhonatan', null], ['Jonathan', null], L.jw92],
    [['Yesenia', null], ['Yecenia', null], L.jw92],
    [['Ximena', null], ['Jimena', null], L.jw85],
    [['Cecilia', null], ['Sesilia', null], L.phonetic],
    [['Pepe', null], ['José', null], L.hypocorism],
    [['Pacho', null], ['Francisco', 'Javier'], L.hypocorism],
    [['Carlos', null], ['Juan', 'Carlos'], L.sharedName],
    [['Pedro', null], ['María', null], L.different],
    [[null, null], ['María', null], L.null],
  ] as const)('%j vs %j', (a, b, level) => {
    const left = person({ givenName1: a[0], givenName2: a[1], surname1: 'x' });
    const right = person({ givenName1: b[0], givenName2: b[1], surname1: 'x' });
    expect(compareGivenNames(left, right)).toBe(level);
    expect(compareGivenNames(right, left)).toBe(level);
  });
});

describe('surnames', () => {
  const L = LEVEL.surnames;
  it.each([
    [['Pérez', 'Gómez'], ['PEREZ', 'gomez'], L.exact],
    [['de la Cruz', 'Ríos'], ['Cruz', 'de los Ríos'], L.exact],
    [['Pérez', 'Gómez'], ['Gómez', 'Pérez'], L.swapped],
    [['Gómez', null], ['Pérez', 'Gómez'], L.swapped],
    [['Pérez', 'Gómez'], ['Pérez', null], L.missingSecond],
    [['Rodríguez', 'Gómez'], ['Rodrígues', 'Gómez'], L.jw92],
    [['Vásquez', null], ['Basques', null], L.phonetic],
    [['Pérez', null], ['Ramírez', null], L.different],
    [['Castro', null], ['Castaño', null], L.jw85],
    [[null, null], ['Pérez', null], L.null],
  ] as const)('%j vs %j', (a, b, level) => {
    const left = person({ givenName1: 'x', surname1: a[0], surname2: a[1] });
    const right = person({ givenName1: 'x', surname1: b[0], surname2: b[1] });
    expect(compareSurnames(left, right)).toBe(level);
    expect(compareSurnames(right, left)).toBe(level);
  });
});

describe('transposed given name and surname', () => {
  it('sees a given name written as the surname and the other way round', () => {
    expect(compareTransposed(named('Pérez', null, 'Juan', null), named('Juan', null, 'Pérez', null))).toBe(
      LEVEL.transposed.yes,
    );
    expect(compareTransposed(named('Peres', null, 'Juan', null), named('Juan', null, 'Pérez', null))).toBe(
      LEVEL.transposed.yes,
    );
    expect(compareTransposed(named('Juan', null, 'Pérez', null), named('Juan', null, 'Pérez', null))).toBe(
      LEVEL.transposed.no,
    );
    expect(compareTransposed(named('Ana', null, 'Gómez', null), named('Juan', null, 'Pérez', null))).toBe(
      LEVEL.transposed.no,
    );
  });
});

describe('birth dates', () => {
  const L = LEVEL.birthDate;
  it.each([
    ['1990-03-15', '15/03/1990', L.exact],
    ['1990-03-05', '1990-05-03', L.swappedDayMonth],
    ['1990-03-15', '1990-03-16', L.typo],
    ['1990-03-15', '1990-03-51', L.null], // impossible date: not known
    ['1990-03-12', '1990-03-21', L.typo], // two digits swapped
    ['1990-03-15', '1980-03-15', L.typo], // one digit of the year
    ['1990-03-15', '1909-03-15', L.typo],
    ['1990-03-15', '1991-07-02', L.yearClose],
    ['1990', '1990-07-02', L.yearClose],
    ['1990-03-15', '1995-07-02', L.different],
    ['1990-03-15', '1990-07-28', L.yearClose], // same year, nothing else
    ['1990-03-15', '1988-03-15', L.different],
  ] as const)('%s vs %s', (a, b, level) => {
    expect(compareBirthDates(born(a), born(b))).toBe(level);
    expect(compareBirthDates(born(b), born(a))).toBe(level);
  });
});

describe('documents', () => {
  const L = LEVEL.document;
  it('grades documents and flags a same-type conflict as a veto', () => {
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: 'C.C. 1.023.456.789' }),
        withDocs({ type: 'CC', number: '1023456789' }),
      ),
    ).toBe(L.exact);
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: '1023456789' }),
        withDocs({ type: 'PPT', number: '1023456789' }),
      ),
    ).toBe(L.sameDigitsOtherType);
    expect(
      compareDocuments(withDocs({ type: 'CC', number: '1023456789' }), withDocs({ number: '1023456789' })),
    ).toBe(L.sameDigitsOtherType);
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: '1023456789' }),
        withDocs({ type: 'CC', number: '1023456798' }),
      ),
    ).toBe(L.nearDigits);
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: '1023456789' }),
        withDocs({ type: 'CC', number: '1023456780' }),
      ),
    ).toBe(L.nearDigits);
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: '1023456789' }),
        withDocs({ type: 'CC', number: '52123456' }),
      ),
    ).toBe(L.conflict);
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: '1023456789' }),
        withDocs({ type: 'PPT', number: '7654321' }),
      ),
    ).toBe(L.unrelated);
    expect(compareDocuments(withDocs(), withDocs({ type: 'CC', number: '1' }))).toBe(L.null);
    // Agreement on a PPT outweighs a conflicting CC.
    expect(
      compareDocuments(
        withDocs({ type: 'CC', number: '111111' }, { type: 'PPT', number: '7654321' }),
        withDocs({ type: 'CC', number: '999999' }, { type: 'PPT', number: '7654321' }),
      ),
    ).toBe(L.exact);
    const vector = compare(
      withDocs({ type: 'CC', number: '1023456789' }),
      withDocs({ type: 'CC', number: '52123456' }),
    );
    expect(isVeto(vector)).toBe(true);
  });
});

describe('sex and municipality', () => {
  it('compares sex and DIVIPOLA codes', () => {
    const p = (sex: string | null, municipality: string | null) =>
      person({ givenName1: 'a', sex, municipality });
    expect(compareSex(p('F', null), p('femenino', null))).toBe(LEVEL.sex.same);
    expect(compareSex(p('F', null), p('M', null))).toBe(LEVEL.sex.different);
    expect(compareSex(p(null, null), p('M', null))).toBe(LEVEL.sex.null);
    expect(compareMunicipality(p(null, '08001'), p(null, '08001'))).toBe(LEVEL.municipality.same);
    expect(compareMunicipality(p(null, '08001'), p(null, '08758'))).toBe(LEVEL.municipality.sameDepartment);
    expect(compareMunicipality(p(null, '08001'), p(null, '11001'))).toBe(LEVEL.municipality.different);
    expect(compareMunicipality(p(null, ''), p(null, '11001'))).toBe(LEVEL.municipality.null);
  });
});

describe('comparison vectors', () => {
  const names = ['José', 'Pepe', 'Juan', 'Carlos', 'María', 'Ximena', 'Jimena', 'Yoselin', null];
  const surnames = ['Pérez', 'Peres', 'Gómez', 'de la Cruz', 'Cruz', 'Vásquez', 'Basquez', null];
  const personInput: fc.Arbitrary<PersonInput> = fc.record({
    givenName1: fc.constantFrom(...names),
    givenName2: fc.constantFrom(...names),
    surname1: fc.constantFrom(...surnames),
    surname2: fc.constantFrom(...surnames),
    birthDate: fc.constantFrom(
      '1990-03-15',
      '1990-15-03',
      '1990-05-03',
      '1990-03-05',
      '1991-03-15',
      '1990',
      null,
    ),
    sex: fc.constantFrom('F', 'M', null),
    municipality: fc.constantFrom('08001', '08758', '11001', null),
    documents: fc.array(
      fc.record({
        type: fc.constantFrom('CC' as const, 'PPT' as const, 'PEP' as const, null),
        number: fc.constantFrom('1023456789', '1023456798', '7654321', 'C.C. 52.123.456'),
      }),
      { maxLength: 2 },
    ),
  });

  it('is symmetric, stays within each field’s levels, and is all top levels for a person with themselves', () => {
    fc.assert(
      fc.property(personInput, personInput, (x, y) => {
        const a = preparePerson(x);
        const b = preparePerson(y);
        const ab = compare(a, b);
        const ba = compare(b, a);
        expect([...ab]).toEqual([...ba]);
        for (let f = 0; f < FIELD_COUNT; f++) expect(ab[f]).toBeLessThan(LEVEL_COUNTS[f] as number);
        const self = compare(a, a);
        expect(self[FIELD_INDEX.transposed]).not.toBe(LEVEL.transposed.yes);
        for (const field of [
          'givenNames',
          'surnames',
          'birthDate',
          'document',
          'sex',
          'municipality',
        ] as const) {
          const level = self[FIELD_INDEX[field]] as number;
          // Null when the value is missing, otherwise the top level; a year alone agrees only as a year.
          const top = (LEVEL_COUNTS[FIELD_INDEX[field]] as number) - 1;
          const expected = field === 'birthDate' && a.birthMonth === 0 ? LEVEL.birthDate.yearClose : top;
          expect([0, expected]).toContain(level);
        }
      }),
    );
  });

  it('writes at an offset without touching the rest of the buffer', () => {
    const a = named('José', null, 'Pérez', 'Gómez');
    const b = named('Pepe', null, 'Pérez', null);
    const buffer = new Uint8Array(FIELD_COUNT * 3).fill(255);
    compareInto(a, b, buffer, FIELD_COUNT);
    expect([...buffer.subarray(0, FIELD_COUNT)].every((v) => v === 255)).toBe(true);
    expect([...buffer.subarray(FIELD_COUNT * 2)].every((v) => v === 255)).toBe(true);
    expect(buffer[FIELD_COUNT + FIELD_INDEX.givenNames]).toBe(LEVEL.givenNames.hypocorism);
    expect(buffer[FIELD_COUNT + FIELD_INDEX.surnames]).toBe(LEVEL.surnames.missingSecond);
  });

  it('prepares a person from a full name when there are no name fields', () => {
    const a = preparePerson({ fullName: 'Ana María de la Cruz Rodríguez' });
    expect([a.given1, a.given2, a.surname1, a.surname2]).toEqual(['ana', 'maria', 'cruz', 'rodriguez']);
    expect(termFrequencyValue(FIELD_INDEX.givenNames, a)).toBe('ana maria');
    expect(termFrequencyValue(FIELD_INDEX.sex, a)).toBeNull();
  });

  it('labels every level, null first', () => {
    for (const field of FIELDS) expect(field.levels[0]).toBe('null');
  });
});
