import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeys, nameWords, queryKeyGroups, requiredGroupCombinations, wordKeys } from './name-keys';

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
const word = fc.array(letter, { minLength: 3, maxLength: 12 }).map((letters) => letters.join(''));

function shareAKey(a: string, b: string): boolean {
  const keys = new Set(wordKeys(a));
  return wordKeys(b).some((key) => keys.has(key));
}

describe('wordKeys', () => {
  it('gives the word and its one-letter deletions', () => {
    expect(wordKeys('gomez').sort()).toEqual(['gome', 'gomez', 'gomz', 'goez', 'gmez', 'omez'].sort());
    expect(wordKeys('jo')).toEqual(['jo']);
  });

  it('lets two words one typing mistake apart share a key: change, deletion, insertion, swap', () => {
    fc.assert(
      fc.property(
        word,
        fc.nat(),
        letter,
        fc.integer({ min: 0, max: 3 }),
        (original, position, typed, kind) => {
          const at = position % original.length;
          const mistaken =
            kind === 0
              ? original.slice(0, at) + typed + original.slice(at + 1)
              : kind === 1
                ? original.slice(0, at) + original.slice(at + 1)
                : kind === 2
                  ? original.slice(0, at) + typed + original.slice(at)
                  : at + 1 < original.length
                    ? original.slice(0, at) + original[at + 1] + original[at] + original.slice(at + 2)
                    : original;
          expect(shareAKey(original, mistaken)).toBe(true);
        },
      ),
    );
  });

  it('keeps apart words two changes apart', () => {
    expect(shareAKey('perez', 'paris')).toBe(false);
    expect(shareAKey('gomez', 'gamboa')).toBe(false);
  });
});

describe('nameKeys', () => {
  it('covers every part of the name, folded, without surname particles', () => {
    const keys = nameKeys({ givenName1: 'José', surname1: 'de la Cruz', surname2: 'Pérez' });
    expect(keys).toContain('jose');
    expect(keys).toContain('cruz');
    expect(keys).toContain('perez');
    expect(keys).toContain('prez');
    expect(keys).not.toContain('de');
    expect(keys).not.toContain('la');
  });

  it('finds a name typed in any order, without accents and with a typo', () => {
    const keys = new Set(nameKeys({ givenName1: 'José', surname1: 'Pérez', surname2: 'Gómez' }));
    for (const query of ['Jose Perez Gomes', 'PEREZ GOMEZ JOSE', 'gomez jsoe']) {
      for (const group of queryKeyGroups(query)) expect(group.some((key) => keys.has(key))).toBe(true);
    }
  });
});

describe('query key groups', () => {
  it('keeps the four longest distinct words of a query', () => {
    expect(
      queryKeyGroups('Ana María de los Ángeles Rodríguez Rodríguez Ana').map((group) => group[0]),
    ).toEqual(['rodriguez', 'angeles', 'maria', 'ana']);
    expect(nameWords('  ')).toEqual([]);
  });

  it('requires every word of short queries, and all but one of longer ones', () => {
    expect(requiredGroupCombinations(0)).toEqual([]);
    expect(requiredGroupCombinations(2)).toEqual([[0, 1]]);
    expect(requiredGroupCombinations(3)).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
  });
});
