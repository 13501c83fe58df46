import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from '../registry/names';
import { CANONICAL_GIVEN_NAMES, canonicalGivenNames, HYPOCORISMS, hypocorismEqual } from './hypocorisms';

describe('hypocorisms', () => {
  it.each([
    ['Pepe', 'José'],
    ['Chepe', 'Jose'],
    ['Pancho', 'Francisco'],
    ['Paco', 'Francisco'],
    ['Pacho', 'FRANCISCO'],
    ['Chucho', 'Jesús'],
    ['Chuy', 'Jesús'],
    ['Lupe', 'Guadalupe'],
    ['Nacho', 'Ignacio'],
    ['Memo', 'Guillermo'],
    ['Toño', 'Antonio'],
    ['Lola', 'Dolores'],
    ['Concha', 'Concepción'],
    ['Conchita', 'Concepción'],
    ['Quique', 'Enrique'],
    ['Kike', 'Enrique'],
    ['Beto', 'Alberto'],
    ['Beto', 'Roberto'],
    ['Juancho', 'Juan'],
    ['Manolo', 'Manuel'],
    ['Charo', 'Rosario'],
    ['Pili', 'Pilar'],
    ['Rafa', 'Rafael'],
    ['Santi', 'Santiago'],
    ['Nando', 'Fernando'],
    ['Lucho', 'Luis'],
    ['Moncho', 'Ramón'],
    ['Maru', 'María'],
    ['Pipe', 'Felipe'],
  ])('reads %s as %s', (nickname, name) => {
    expect(hypocorismEqual(nickname, name)).toBe(true);
    expect(hypocorismEqual(name, nickname)).toBe(true);
  });

  it('joins two nicknames of one name and keeps different names apart', () => {
    expect(hypocorismEqual('Pepe', 'Chepe')).toBe(true);
    expect(hypocorismEqual('Pancho', 'Paco')).toBe(true);
    expect(hypocorismEqual('Pepe', 'Francisco')).toBe(false);
    expect(hypocorismEqual('Alberto', 'Roberto')).toBe(false);
    expect(hypocorismEqual('José', 'José')).toBe(false);
    expect(hypocorismEqual('Mayo', 'Mario')).toBe(false);
  });

  it('has about sixty entries, all folded, pointing at folded canonical names', () => {
    expect(HYPOCORISMS.size).toBeGreaterThanOrEqual(60);
    for (const [nickname, names] of HYPOCORISMS) {
      expect(foldName(nickname)).toBe(nickname);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(foldName(name)).toBe(name);
        expect(CANONICAL_GIVEN_NAMES.has(name)).toBe(true);
        // A canonical name is never itself a nickname: the table is one level deep.
        expect(HYPOCORISMS.has(name)).toBe(false);
      }
    }
  });

  it('is symmetric, and never equal for the same word', () => {
    const names = fc.constantFrom(...HYPOCORISMS.keys(), ...CANONICAL_GIVEN_NAMES, 'yoselin', 'wilmer');
    fc.assert(
      fc.property(names, names, (a, b) => {
        expect(hypocorismEqual(a, b)).toBe(hypocorismEqual(b, a));
        if (a === b) expect(hypocorismEqual(a, b)).toBe(false);
        expect(canonicalGivenNames(a)[0]).toBe(a);
      }),
    );
  });
});
