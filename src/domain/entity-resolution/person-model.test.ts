import { describe, expect, it } from 'vitest';
import { compare, FIELD_COUNT, FIELD_INDEX, FIELDS, isVeto, LEVEL, preparePerson } from './comparisons';
import { decide, explain, matchWeights, Scorer, TermFrequencies } from './fellegi-sunter';
import { initialPersonModel, PERSON_TF_LEVELS, pairFrequencies } from './person-model';

describe('the starting person model', () => {
  it('gives every field a weight that grows with its level of agreement', () => {
    const weights = matchWeights(initialPersonModel());
    weights.forEach((levels, f) => {
      for (let level = 2; level < levels.length; level++) {
        expect(levels[level], `${FIELDS[f]?.name} level ${level}`).toBeGreaterThan(
          levels[level - 1] as number,
        );
      }
      // Disagreement counts against, full agreement for (sex only weakly).
      expect(levels[1]).toBeLessThan(0);
      expect(levels[levels.length - 1]).toBeGreaterThan(0);
    });
  });

  it('adjusts only the exact name levels by term frequency', () => {
    expect(PERSON_TF_LEVELS.filter((level) => level >= 0)).toHaveLength(2);
    expect(PERSON_TF_LEVELS[FIELD_INDEX.givenNames]).toBe(LEVEL.givenNames.exact);
    expect(PERSON_TF_LEVELS[FIELD_INDEX.surnames]).toBe(LEVEL.surnames.exact);
    expect(FIELDS[FIELD_INDEX.givenNames]?.levels[LEVEL.givenNames.exact]).toBe('exact');
  });
});

describe('scoring persons', () => {
  const scorer = new Scorer(initialPersonModel(0.001), PERSON_TF_LEVELS);
  const registry = preparePerson({
    givenName1: 'José',
    givenName2: 'Luis',
    surname1: 'Vásquez',
    surname2: 'de la Cruz',
    birthDate: '1988-04-07',
    sex: 'M',
    municipality: '08001',
    documents: [{ type: 'CC', number: '1.023.456.789' }],
  });
  const roster = preparePerson({
    fullName: 'PEPE LUIS BASQUEZ CRUZ',
    birthDate: '07/04/1988',
    sex: 'masculino',
    municipality: '08001',
    documents: [{ type: 'PPT', number: '1023456789' }],
  });
  const stranger = preparePerson({
    givenName1: 'María',
    surname1: 'Pérez',
    birthDate: '1990-01-01',
    sex: 'F',
    municipality: '11001',
    documents: [{ type: 'CC', number: '52123456' }],
  });

  it('finds the same person written another way and explains why', () => {
    const vector = compare(registry, roster);
    const explanation = explain(scorer, vector);
    expect(decide(explanation.probability, isVeto(vector))).toBe('same');
    const labels = Object.fromEntries(explanation.fields.map((field) => [field.field, field.label]));
    expect(labels).toMatchObject({
      givenNames: 'hypocorism',
      surnames: 'jw92',
      birthDate: 'exact',
      document: 'sameDigitsOtherType',
      sex: 'same',
      municipality: 'same',
    });
  });

  it('tells a stranger apart, and vetoes two different cédulas', () => {
    const vector = compare(registry, stranger);
    expect(decide(scorer.probability(vector), isVeto(vector))).toBe('different');
    expect(isVeto(vector)).toBe(true);
  });

  it('weighs an exact agreement on a common name less than on a rare one', () => {
    const a = preparePerson({ givenName1: 'María', surname1: 'Yoselin' });
    const b = preparePerson({ givenName1: 'María', surname1: 'Yoselin' });
    const vector = compare(a, b);
    const given = new TermFrequencies(['maria', 'maria', 'maria', 'yoselin', 'ana', 'luz', 'sol', 'eva']);
    const frequencies = pairFrequencies(a, vector, 0, { givenNames: given }, new Float64Array(FIELD_COUNT));
    expect(frequencies[FIELD_INDEX.givenNames]).toBeCloseTo(3 / 8, 12);
    expect(Number.isNaN(frequencies[FIELD_INDEX.surnames])).toBe(true);
    expect(scorer.score(vector, 0, frequencies)).toBeLessThan(scorer.score(vector));
    const rare = preparePerson({ givenName1: 'Yoselin', surname1: 'Yoselin' });
    const rareVector = compare(rare, rare);
    const rareFrequencies = pairFrequencies(
      rare,
      rareVector,
      0,
      { givenNames: given },
      new Float64Array(FIELD_COUNT),
    );
    expect(scorer.score(rareVector, 0, rareFrequencies)).toBeGreaterThan(
      scorer.score(vector, 0, frequencies),
    );
  });
});
