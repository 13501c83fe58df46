import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName, foldName, searchableName } from './names';

describe('names', () => {
  it('folds accents, case, ñ and spacing', () => {
    expect(foldName('  José   PÉREZ  Núñez ')).toBe('jose perez nunez');
    expect(foldName("D'Alessandro-Peña")).toBe('d alessandro pena');
  });

  it('builds the searchable and display names from the parts present', () => {
    const name = { givenName1: 'María', givenName2: 'José', surname1: 'De la Cruz', surname2: null };
    expect(searchableName(name)).toBe('maria jose de la cruz');
    expect(displayName(name)).toBe('María José De la Cruz');
  });

  it('is idempotent and never leaves accents or upper case', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const folded = foldName(text);
        expect(foldName(folded)).toBe(folded);
        expect(folded).toBe(folded.toLowerCase());
        expect(folded.normalize('NFD')).not.toMatch(/\p{Diacritic}/u);
      }),
    );
  });
});
