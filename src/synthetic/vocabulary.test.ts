import { describe, expect, it } from 'vitest';
import { Random } from './random';
import {
  accentLastSyllable,
  foldLetters,
  GIVEN_NAME_ZIPF,
  getVocabulary,
  givenName,
  hasParticle,
  isPlausibleWord,
  joinStem,
  NameSampler,
  SURNAME_ZIPF,
  surname,
  vocabularySizes,
} from './vocabulary';

/** Least-squares slope of log(frequency) on log(rank) over ranks [from, to] (1-based). */
function logLogSlope(counts: number[], from: number, to: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let rank = from; rank <= to; rank++) {
    const count = counts[rank - 1] as number;
    if (count <= 0) continue;
    xs.push(Math.log(rank));
    ys.push(Math.log(count));
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(xs);
  const my = mean(ys);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < xs.length; i++) {
    numerator += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    denominator += ((xs[i] as number) - mx) ** 2;
  }
  return numerator / denominator;
}

describe('vocabulary', () => {
  const vocabulary = getVocabulary();

  it('has at least 20,000 given names and 20,000 surnames', () => {
    const sizes = vocabularySizes();
    expect(sizes.givenNames).toBeGreaterThanOrEqual(20_000);
    expect(sizes.femaleGivenNames).toBeGreaterThanOrEqual(10_000);
    expect(sizes.maleGivenNames).toBeGreaterThanOrEqual(10_000);
    expect(sizes.surnames).toBeGreaterThanOrEqual(20_000);
  });

  it('holds only distinct names, even ignoring accents and case, and no name of both sexes', () => {
    for (const list of [vocabulary.female.names, vocabulary.male.names, vocabulary.surnames.names]) {
      expect(new Set(list.map(foldLetters)).size).toBe(list.length);
    }
    const female = new Set(vocabulary.female.names.map(foldLetters));
    expect(vocabulary.male.names.filter((name) => female.has(foldLetters(name)))).toEqual([]);
  });

  it('writes names as names: capitalized letters, at most one written accent per word', () => {
    const given = /^[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+$/u;
    const surnameShape = /^(?:(?:de|del|De|Da|Dos|Di|la|las|los) )*(?:D')?[A-ZÁÉÍÓÚÑÜ][a-záéíóúñüçã]+$/u;
    const bad = [
      ...vocabulary.female.names.filter((name) => !given.test(name)),
      ...vocabulary.male.names.filter((name) => !given.test(name)),
      ...vocabulary.surnames.names.filter((name) => !surnameShape.test(name)),
    ];
    expect(bad).toEqual([]);
    const twoAccents = [
      ...vocabulary.female.names,
      ...vocabulary.male.names,
      ...vocabulary.surnames.names,
    ].filter((name) => name.split(' ').some((word) => (word.match(/[áéíóú]/g) ?? []).length > 1));
    expect(twoAccents).toEqual([]);
  });

  it('starts with the real head of the distribution, accents and particles included', () => {
    expect(surname(0)).toBe('Rodríguez');
    expect(givenName('F', 0)).toBe('María');
    expect(givenName('M', 0)).toBe('José');
    for (const name of [
      'Pérez',
      'Gómez',
      'Muñoz',
      'Peña',
      'Núñez',
      'de la Cruz',
      'del Río',
      'de los Santos',
    ]) {
      expect(vocabulary.surnames.names).toContain(name);
    }
    expect(vocabulary.surnames.names.filter(hasParticle).length).toBeGreaterThan(100);
    expect(() => surname(vocabulary.surnames.names.length)).toThrow(RangeError);
  });

  it('is the same on every build (it does not depend on the generator seed)', () => {
    expect(vocabulary.surnames.names.slice(1000, 1010)).toEqual(
      getVocabulary().surnames.names.slice(1000, 1010),
    );
  });

  it('draws surnames with a Zipf law: top share within bounds and a log-log slope near −s', () => {
    const sampler = new NameSampler();
    const random = Random.derive('zipf-test');
    const counts = new Map<string, number>();
    const draws = 400_000;
    for (let i = 0; i < draws; i++) {
      const name = sampler.surname(random);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const byRank = vocabulary.surnames.names.map((name) => counts.get(name) ?? 0);
    const topShare = (byRank[0] as number) / draws;
    expect(topShare).toBeGreaterThan(0.02);
    expect(topShare).toBeLessThan(0.08);
    const slope = logLogSlope(byRank, 20, 2000);
    expect(slope).toBeLessThan(-(SURNAME_ZIPF.exponent - 0.2));
    expect(slope).toBeGreaterThan(-(SURNAME_ZIPF.exponent + 0.2));
    // Most names are rare: far more than half of the vocabulary is drawn less than once per 10,000.
    const rare = byRank.filter((count) => count < draws / 10_000).length;
    expect(rare / byRank.length).toBeGreaterThan(0.8);
  });

  it('draws given names with a Zipf law, reweighted by generation', () => {
    const sampler = new NameSampler();
    const random = Random.derive('given-test');
    const counts = new Map<string, number>();
    const draws = 300_000;
    for (let i = 0; i < draws; i++) {
      const name = sampler.givenName(random, 'F', 1);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const byRank = vocabulary.female.names.map((name) => counts.get(name) ?? 0);
    expect((byRank[0] as number) / draws).toBeGreaterThan(0.04);
    expect((byRank[0] as number) / draws).toBeLessThan(0.15);
    const slope = logLogSlope(byRank, 400, 3000);
    expect(slope).toBeLessThan(-(GIVEN_NAME_ZIPF.exponent - 0.25));
    expect(slope).toBeGreaterThan(-(GIVEN_NAME_ZIPF.exponent + 0.25));
    // Valentina is a granddaughter's name, Blanca a grandmother's.
    const share = (cohort: 0 | 2, name: string) => {
      let hits = 0;
      for (let i = 0; i < 100_000; i++) if (sampler.givenName(random, 'F', cohort) === name) hits++;
      return hits;
    };
    expect(share(2, 'Valentina')).toBeGreaterThan(share(0, 'Valentina') * 5);
    expect(share(0, 'Blanca')).toBeGreaterThan(share(2, 'Blanca') * 5);
  });
});

describe('morphology', () => {
  it('places the accent of patronymics where Spanish puts it', () => {
    const patronymic = (stem: string) => {
      const joined = joinStem(stem, 'ez');
      return accentLastSyllable(joined.slice(0, -2), 'e') + joined.slice(-2);
    };
    expect(patronymic('rodrig')).toBe('rodríguez');
    expect(patronymic('gonzal')).toBe('gonzález');
    expect(patronymic('suar')).toBe('suárez');
    expect(patronymic('marc')).toBe('márquez');
    expect(patronymic('dieg')).toBe('diéguez');
  });

  it('keeps Spanish spelling at stem boundaries', () => {
    expect(joinStem('carrasc', 'ero')).toBe('carrasquero');
    expect(joinStem('garz', 'illo')).toBe('garcillo');
    expect(joinStem('barr', 'era')).toBe('barrera');
    expect(joinStem('castro', 'illo')).toBe('castrillo');
  });

  it('accepts pronounceable words and refuses the rest', () => {
    const rules = { minLength: 3, maxLength: 14, finals: 'nsrlzd', foreign: false };
    for (const word of ['Carrasquero', 'Bermúdez', 'Salcedo', 'Montoya', 'Echeverri']) {
      expect(isPlausibleWord(word, rules), word).toBe(true);
    }
    for (const word of ['Xkrt', 'Banbero', 'Aaron', 'Trrrez', 'Quaro', 'Mierdez', 'Leonón', 'Gastk']) {
      expect(isPlausibleWord(word, rules), word).toBe(false);
    }
  });
});
