import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BlockingRule,
  candidatePairs,
  candidatePairsFromKeys,
  DEFAULT_BLOCKING_RULES,
  documentDigitsRule,
  documentOneDigitRule,
  formatBlockingStats,
  givenSurnameMonthDayRule,
  municipalityNameRule,
  nameOneEditEstimatedDateRule,
  nameOneEditMonthDayRule,
  namePairDateRule,
  namePairEstimatedDateRule,
  namePairMonthDayRule,
  nameTripleYearRule,
  nameWordDateSexRule,
  surnamePhoneticYearRule,
  swappedSurnamesDateRule,
  transposedNameDateRule,
} from './blocking';
import { type PreparedPerson, preparePerson } from './comparisons';

const pairsOf = (result: { left: Uint32Array; right: Uint32Array; count: number }) =>
  Array.from({ length: result.count }, (_, k) => `${result.left[k]}-${result.right[k]}`);

describe('blocking rules', () => {
  it('documentDigits keys on the digits whatever the type, ignoring leading zeros', () => {
    const a = preparePerson({ givenName1: 'Ana', documents: [{ type: 'CC', number: '1.023.456.789' }] });
    const b = preparePerson({ givenName1: 'Ana', documents: [{ type: 'TI', number: '01023456789' }] });
    expect(documentDigitsRule.keys(a)).toEqual(['1023456789']);
    expect(documentDigitsRule.keys(b)).toEqual(['1023456789']);
    expect(documentDigitsRule.keys(preparePerson({ givenName1: 'Ana' }))).toEqual([]);
  });

  it('surnamePhoneticYear meets Vásquez and Basquez born the same year, not another year', () => {
    const a = preparePerson({ givenName1: 'Ana', surname1: 'Vásquez', birthDate: '1990-03-15' });
    const b = preparePerson({ givenName1: 'Ana', surname1: 'Basquez', birthDate: '15/03/1990' });
    const c = preparePerson({ givenName1: 'Ana', surname1: 'Basquez', birthDate: '1991-03-15' });
    expect(surnamePhoneticYearRule.keys(a)).toEqual(surnamePhoneticYearRule.keys(b));
    expect(surnamePhoneticYearRule.keys(a)).not.toEqual(surnamePhoneticYearRule.keys(c));
    expect(surnamePhoneticYearRule.keys(preparePerson({ surname1: 'Pérez' }))).toEqual([]);
  });

  it('givenSurnameMonthDay survives a wrong year', () => {
    const a = preparePerson({ givenName1: 'Ximena', surname1: 'Pérez', birthDate: '1990-03-15' });
    const b = preparePerson({ givenName1: 'Jimena', surname1: 'Perez', birthDate: '1980-03-15' });
    expect(givenSurnameMonthDayRule.keys(a)).toEqual(givenSurnameMonthDayRule.keys(b));
    expect(givenSurnameMonthDayRule.keys(a)).toHaveLength(1);
  });

  it('swappedSurnamesDate meets surnames in the other order and a day/month swap', () => {
    const a = preparePerson({
      givenName1: 'Ana',
      surname1: 'Pérez',
      surname2: 'Gómez',
      birthDate: '1990-03-05',
    });
    const b = preparePerson({
      givenName1: 'Ana',
      surname1: 'Gómez',
      surname2: 'Pérez',
      birthDate: '1990-05-03',
    });
    const c = preparePerson({ givenName1: 'Ana', surname1: 'Gómez', birthDate: '1990-05-03' });
    expect(swappedSurnamesDateRule.keys(a)).toEqual(swappedSurnamesDateRule.keys(b));
    expect(swappedSurnamesDateRule.keys(c)).toEqual([]);
  });

  it('transposedNameDate meets a surname written in the given-name field', () => {
    const a = preparePerson({
      givenName1: 'José',
      surname1: 'Pérez',
      surname2: 'Gómez',
      birthDate: '1990-03-05',
    });
    const b = preparePerson({
      givenName1: 'Perez',
      surname1: 'Jose',
      surname2: 'Gomez',
      birthDate: '1990-05-03',
    });
    const c = preparePerson({ givenName1: 'José', surname1: 'Pérez', birthDate: '1991-03-05' });
    expect(transposedNameDateRule.keys(a)).toEqual(transposedNameDateRule.keys(b));
    expect(transposedNameDateRule.keys(a)).not.toEqual(transposedNameDateRule.keys(c));
  });

  it('municipalityName needs the municipality and both name keys', () => {
    const a = preparePerson({ givenName1: 'Hernán', surname1: 'Quintero', municipality: '08001' });
    const b = preparePerson({ givenName1: 'Ernan', surname1: 'Kintero', municipality: '08001' });
    expect(municipalityNameRule.keys(a)).toEqual(municipalityNameRule.keys(b));
    expect(municipalityNameRule.keys(preparePerson({ givenName1: 'Ana', surname1: 'Pérez' }))).toEqual([]);
  });
});

describe('candidatePairsFromKeys', () => {
  it('deduplicates across rules and reports per-rule statistics', () => {
    // rule a: records 0,1,2 share x; rule b: 1,2 share y (already given), 3,4 share z.
    const result = candidatePairsFromKeys(
      ['a', 'b'],
      [
        [['x'], ['x'], ['x'], [], ['w']],
        [[], ['y'], ['y'], ['z'], ['z']],
      ],
      5,
    );
    expect(pairsOf(result)).toEqual(['0-1', '0-2', '1-2', '3-4']);
    expect(result.stats[0]).toMatchObject({
      rule: 'a',
      blocks: 1,
      pairsGenerated: 3,
      pairsNew: 3,
      largestBlock: 3,
    });
    expect(result.stats[1]).toMatchObject({
      rule: 'b',
      blocks: 2,
      pairsGenerated: 2,
      pairsNew: 1,
      blocksSkipped: 0,
    });
  });

  it('skips blocks over the cap and counts them', () => {
    const keys = [[['big'], ['big'], ['big'], ['small'], ['small']]];
    const result = candidatePairsFromKeys(['r'], keys, 5, 2);
    expect(pairsOf(result)).toEqual(['3-4']);
    expect(result.stats[0]).toMatchObject({ blocksSkipped: 1, recordsInSkippedBlocks: 3, largestBlock: 3 });
    expect(formatBlockingStats(result.stats)[0]).toContain('1 blocks over the cap skipped (3 records)');
  });

  it('a record listing the same key twice does not pair with itself', () => {
    const result = candidatePairsFromKeys(['r'], [[['k', 'k'], ['k']]], 2);
    expect(pairsOf(result)).toEqual(['0-1']);
  });

  it('refuses a cap below 2', () => {
    expect(() => candidatePairsFromKeys(['r'], [[]], 0, 1)).toThrow(RangeError);
  });

  const keysArb = fc
    .record({
      n: fc.integer({ min: 0, max: 30 }),
      rules: fc.integer({ min: 1, max: 3 }),
      cap: fc.integer({ min: 2, max: 8 }),
    })
    .chain(({ n, rules, cap }) =>
      fc.record({
        n: fc.constant(n),
        cap: fc.constant(cap),
        keys: fc.array(
          fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 2 }), {
            minLength: n,
            maxLength: n,
          }),
          { minLength: rules, maxLength: rules },
        ),
      }),
    );

  it('property: pairs are ordered, unique, never from a capped block, and complete otherwise', () => {
    fc.assert(
      fc.property(keysArb, ({ n, cap, keys }) => {
        const result = candidatePairsFromKeys(
          keys.map((_, r) => `r${r}`),
          keys,
          n,
          cap,
        );
        const got = new Set<string>();
        for (let k = 0; k < result.count; k++) {
          const i = result.left[k] as number;
          const j = result.right[k] as number;
          expect(i).toBeLessThan(j);
          const code = `${i}-${j}`;
          expect(got.has(code)).toBe(false);
          got.add(code);
        }
        // Expected set computed naively.
        const expected = new Set<string>();
        for (const ruleKeys of keys) {
          const sizes = new Map<string, number>();
          for (const recordKeys of ruleKeys)
            for (const key of new Set(recordKeys)) sizes.set(key, (sizes.get(key) ?? 0) + 1);
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              for (const key of new Set(ruleKeys[i])) {
                if (ruleKeys[j]?.includes(key) && (sizes.get(key) ?? 0) <= cap) expected.add(`${i}-${j}`);
              }
            }
          }
        }
        expect([...got].sort()).toEqual([...expected].sort());
        const totalNew = result.stats.reduce((sum, s) => sum + s.pairsNew, 0);
        expect(totalNew).toBe(result.count);
      }),
    );
  });
});

describe('candidatePairs over prepared persons', () => {
  it('finds a duplicate written differently and leaves strangers apart', () => {
    const persons = [
      preparePerson({
        givenName1: 'José',
        surname1: 'Pérez',
        surname2: 'Gómez',
        birthDate: '1990-03-05',
        documents: [{ type: 'CC', number: '1023456789' }],
      }),
      preparePerson({
        fullName: 'GOMEZ PEREZ JOSE',
        fullNameOrder: 'surname-first',
        birthDate: '05/03/1990',
      }),
      preparePerson({
        givenName1: 'Lucía',
        surname1: 'Ramírez',
        birthDate: '1975-11-20',
        documents: [{ type: 'TI', number: '1023456789' }],
      }),
      preparePerson({ givenName1: 'Carlos', surname1: 'Castro', birthDate: '2001-01-01' }),
    ];
    const result = candidatePairs(persons);
    // Sorted by (left, right); 0-2 share a number (a CC filed as a TI), 0-1 the names and the date.
    expect(pairsOf(result)).toEqual(['0-1', '0-2']);
    expect(result.stats.map((s) => s.rule)).toEqual(DEFAULT_BLOCKING_RULES.map((rule) => rule.name));
    expect(result.stats[0]).toMatchObject({ rule: 'documentDigits', pairsNew: 1 });
  });

  it('only pairs touching flagged records when asked, with the same cap as the whole list', () => {
    const twin = (given: string) =>
      preparePerson({ givenName1: given, surname1: 'Pérez', surname2: 'Gómez', birthDate: '1990-03-05' });
    const persons = [twin('Ana'), twin('Ana'), twin('Ana')];
    expect(pairsOf(candidatePairs(persons))).toEqual(['0-1', '0-2', '1-2']);
    expect(pairsOf(candidatePairs(persons, undefined, undefined, Uint8Array.from([0, 0, 1])))).toEqual([
      '0-2',
      '1-2',
    ]);
  });
});

describe('the default rules', () => {
  const base = {
    givenName1: 'Yurani',
    givenName2: 'Paola',
    surname1: 'Mendoza',
    surname2: 'Quintero',
    birthDate: '2002-12-19',
    sex: 'F',
  };
  const meets = (rule: BlockingRule, a: PreparedPerson, b: PreparedPerson) =>
    rule.keys(a).some((key) => rule.keys(b).includes(key));

  it('name tokens are phonetic, nicknames read as their name, distinct and sorted', () => {
    const pepe = preparePerson({ givenName1: 'Pepe', surname1: 'Vásquez', surname2: 'Vásquez' });
    const jose = preparePerson({ givenName1: 'José', surname1: 'Basquez' });
    expect(pepe.nameTokens).toEqual(jose.nameTokens);
    expect(pepe.nameTokens).toHaveLength(2);
    expect([...pepe.nameTokens].sort()).toEqual(pepe.nameTokens);
  });

  it('namePairDate meets two intact words and the date with day and month swapped; not another date', () => {
    const a = preparePerson(base);
    const b = preparePerson({ ...base, givenName1: 'Yurnai', surname1: 'Quintero', surname2: 'Mendoza' });
    expect(meets(namePairDateRule, a, b)).toBe(true);
    expect(meets(namePairDateRule, a, preparePerson({ ...base, birthDate: '2002-12-18' }))).toBe(false);
    expect(namePairDateRule.keys(preparePerson({ ...base, birthDate: null }))).toEqual([]);
    const ddmm = preparePerson({ ...base, birthDate: '2002-05-07' });
    expect(meets(namePairDateRule, ddmm, preparePerson({ ...base, birthDate: '2002-07-05' }))).toBe(true);
  });

  it('namePairMonthDay survives a year off by one, and says nothing on 1 January', () => {
    const a = preparePerson(base);
    expect(meets(namePairMonthDayRule, a, preparePerson({ ...base, birthDate: '2001-12-19' }))).toBe(true);
    expect(namePairMonthDayRule.keys(preparePerson({ ...base, birthDate: '2001-01-01' }))).toEqual([]);
  });

  it('nameTripleYear survives an estimated date; needs three words', () => {
    const a = preparePerson(base);
    expect(meets(nameTripleYearRule, a, preparePerson({ ...base, birthDate: '2002-01-01' }))).toBe(true);
    expect(
      nameTripleYearRule.keys(preparePerson({ givenName1: 'Ana', surname1: 'Paz', birthDate: '2002' })),
    ).toEqual([]);
  });

  it('the estimated-date rules pair only records with 1 January (or a year alone)', () => {
    const real = preparePerson({ ...base, surname2: null, givenName2: null, givenName1: 'Yuranni' });
    const estimated = preparePerson({ ...base, surname2: null, givenName2: null, birthDate: '2002-01-01' });
    const otherReal = preparePerson({ ...base, surname2: null, givenName2: null, birthDate: '2002-03-03' });
    expect(namePairEstimatedDateRule.anchor?.(estimated)).toBe(true);
    expect(namePairEstimatedDateRule.anchor?.(real)).toBe(false);
    const pairs = candidatePairs([real, estimated, otherReal], [nameOneEditEstimatedDateRule]);
    // real–estimated (one typo apart) and estimated–otherReal come out; real–otherReal (no anchor) does not.
    expect(pairsOf(pairs)).toEqual(['0-1', '1-2']);
  });

  it('nameWordDateSex meets through one word when the other is mistyped', () => {
    const a = preparePerson({ givenName1: 'Maikel', surname1: 'Ávila', birthDate: '2000-09-05', sex: 'M' });
    const b = preparePerson({ givenName1: 'Maikel', surname1: 'Abla', birthDate: '2000-09-05', sex: 'M' });
    expect(meets(nameWordDateSexRule, a, b)).toBe(true);
    expect(meets(nameWordDateSexRule, a, { ...b, sex: 1 })).toBe(false);
    // Anchored on short names: a record with four name words pairs by it only with a shorter one.
    expect(nameWordDateSexRule.anchor?.(a)).toBe(true);
    const long = preparePerson({ ...base, birthDate: '2000-09-05' });
    expect(nameWordDateSexRule.anchor?.(long)).toBe(false);
  });

  it('nameOneEditMonthDay allows one slip in the given name or surname, with the year wrong', () => {
    const a = preparePerson({ givenName1: 'Daniel', surname1: 'Rosales', birthDate: '2020-05-07' });
    const b = preparePerson({ givenName1: 'Danel', surname1: 'Rosales', birthDate: '2019-05-07' });
    const c = preparePerson({ givenName1: 'Daniel', surname1: 'Roslaes', birthDate: '2019-07-05' });
    const far = preparePerson({ givenName1: 'Dnl', surname1: 'Rosales', birthDate: '2019-05-07' });
    expect(meets(nameOneEditMonthDayRule, a, b)).toBe(true);
    expect(meets(nameOneEditMonthDayRule, a, c)).toBe(true);
    expect(meets(nameOneEditMonthDayRule, a, far)).toBe(false);
  });

  it('documentOneDigit meets a number with one digit mistyped, born the same year', () => {
    const a = preparePerson({
      givenName1: 'Ana',
      birthDate: '2002',
      documents: [{ type: 'CC', number: '1072534376' }],
    });
    const b = preparePerson({
      givenName1: 'Ana',
      birthDate: '2002',
      documents: [{ type: 'CC', number: '1072934376' }],
    });
    const c = preparePerson({
      givenName1: 'Ana',
      birthDate: '2002',
      documents: [{ type: 'CC', number: '1072934375' }],
    });
    expect(meets(documentOneDigitRule, a, b)).toBe(true);
    expect(meets(documentOneDigitRule, a, c)).toBe(false);
  });
});
