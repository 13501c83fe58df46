import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreMatch } from '../../domain/registry/duplicates';
import { nameGate } from './import-service';

const word = fc.constantFrom(
  'José',
  'Jose',
  'Josué',
  'María',
  'Maria',
  'Pérez',
  'Perez',
  'Gómez',
  'Gomes',
  'Ana',
  'de la Cruz',
  'Cruz',
  'Luz',
);
const name = fc.record({
  givenName1: word,
  givenName2: fc.option(word, { nil: null }),
  surname1: word,
  surname2: fc.option(word, { nil: null }),
});

describe('the import’s name gate', () => {
  it('lets through every pair the duplicate score gives any name score', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const gate = nameGate();
        const facts = (n: typeof a) => ({ ...n, birthDate: '1990-03-07', documents: [] });
        if (!gate(a, b)) expect(scoreMatch(facts(a), facts(b)).score).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
