import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IdentityFacts, nameSimilarity, scoreMatch } from './duplicates';

const jose: IdentityFacts = {
  givenName1: 'José',
  givenName2: null,
  surname1: 'Pérez',
  surname2: 'Gómez',
  birthDate: '1990-03-07',
  documents: [{ type: 'CC', numberNormalized: '1020304050' }],
};

describe('scoreMatch', () => {
  it('ranks the same document highest', () => {
    const result = scoreMatch({ ...jose, givenName1: 'Pedro', birthDate: null }, jose);
    expect(result.reasons).toContain('sameDocument');
    expect(result.score).toBeGreaterThanOrEqual(0.95);
  });

  it('finds a typo in the name with the same birth date', () => {
    const result = scoreMatch({ ...jose, surname2: 'Gomes', documents: [] }, jose);
    expect(result.reasons).toEqual(['similarName', 'sameBirthDate']);
    expect(result.score).toBeGreaterThan(0.7);
  });

  it('finds day and month swapped', () => {
    const result = scoreMatch({ ...jose, birthDate: '1990-07-03', documents: [] }, jose);
    expect(result.reasons).toEqual(['sameName', 'swappedDayMonth']);
  });

  it('finds a missing second surname and swapped surnames', () => {
    expect(scoreMatch({ ...jose, surname2: null, documents: [] }, jose).reasons).toContain(
      'missingSecondSurname',
    );
    expect(
      scoreMatch({ ...jose, surname1: 'Gómez', surname2: 'Pérez', documents: [] }, jose).reasons,
    ).toContain('swappedSurnames');
  });

  it('finds the same number under another document type', () => {
    const result = scoreMatch(
      { ...jose, documents: [{ type: 'PPT', numberNormalized: '1020304050' }] },
      jose,
    );
    expect(result.reasons).toContain('sameNumberOtherDocumentType');
  });

  it('gives nothing for a different person', () => {
    const other = {
      ...jose,
      givenName1: 'Ana',
      surname1: 'Torres',
      surname2: 'Lozano',
      birthDate: '1985-11-30',
      documents: [],
    };
    expect(scoreMatch(other, jose)).toEqual({ score: 0, reasons: [] });
  });

  it('stays between 0 and 1 and is symmetric in its name similarity', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const similarity = nameSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(similarity, 10);
      }),
    );
  });
});
