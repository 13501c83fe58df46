import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARRIVAL_CATEGORIES } from '../assistance/vocabulary';
import { changeCategories } from './categories';

const categories = fc.array(fc.constantFrom(...ARRIVAL_CATEGORIES), { maxLength: 8 });

describe('changing the categories of a case', () => {
  it('names what is added and removed, without repeats, in the vocabulary’s order', () => {
    expect(changeCategories(['no_support'], ['deported', 'deported', 'no_support'])).toEqual({
      next: ['no_support', 'deported'],
      added: ['deported'],
      removed: [],
    });
    expect(changeCategories(['deported', 'health_condition'], [])).toEqual({
      next: [],
      added: [],
      removed: ['health_condition', 'deported'],
    });
  });

  it('adds only what was missing, removes only what was there, and the same list again changes nothing', () => {
    fc.assert(
      fc.property(categories, categories, (current, wanted) => {
        const change = changeCategories(current, wanted);
        expect(new Set(change.next).size).toBe(change.next.length);
        expect(change.added.every((c) => !current.includes(c) && wanted.includes(c))).toBe(true);
        expect(change.removed.every((c) => current.includes(c) && !wanted.includes(c))).toBe(true);
        const again = changeCategories(change.next, wanted);
        expect(again.added).toEqual([]);
        expect(again.removed).toEqual([]);
      }),
    );
  });
});
