import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanishPhoneticKey, spanishPhoneticName } from './spanish-phonetic';

const key = spanishPhoneticKey;

describe('spanishPhoneticKey', () => {
  it.each([
    ['Vásquez', 'Vazquez'],
    ['Vásquez', 'Basquez'],
    ['Yépez', 'Llépez'],
    ['Hernández', 'Ernandez'],
    ['Quintero', 'Kintero'],
    ['Giraldo', 'Jiraldo'],
    ['Ximena', 'Jimena'],
    ['Xavier', 'Javier'],
    ['Guillermo', 'Gillermo'],
    ['Zúñiga', 'Suniga'],
    ['Núñez', 'NUNEZ'],
    ['Cecilia', 'Sesilia'],
    ['Castillo', 'Castiyo'],
    ['Carrillo', 'Carillo'],
    ['Godoy', 'Godoi'],
    ['Wilson', 'Uilson'],
    ['Stefany', 'Estefany'],
    ['Stephany', 'Estefany'],
    ['Jhon', 'Jon'],
    ['Agüero', 'Aguero'],
    ['Sanvicente', 'Sambicente'],
    ['Beatriz', 'Veatris'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(key(a)).toBe(key(b));
    expect(key(a).length).toBeGreaterThan(0);
  });

  it.each([
    ['Pérez', 'Ramírez'],
    ['Castro', 'Castaño'],
    ['Chávez', 'Cávez'],
    ['Gómez', 'Gámez'],
    ['Mora', 'Mera'],
    ['Luna', 'Lina'],
    ['Rojas', 'Rosas'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('writes the documented keys', () => {
    expect(key('Vásquez')).toBe('BASKES');
    expect(key('Guillermo')).toBe('GIYERMO');
    expect(key('Chávez')).toBe('CABES');
    expect(key('Alexis')).toBe('ALEKSIS');
    expect(key('Xiomara')).toBe('GIOMARA');
    expect(key('')).toBe('');
    expect(key('123')).toBe('');
  });

  it('keys every word of a name', () => {
    expect(spanishPhoneticName('De la Cruz  Vásquez')).toBe('DE LA KRUS BASKES');
  });

  const letters = fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzñ'), { minLength: 1, maxLength: 12 })
    .map((chars) => chars.join(''));

  it('ignores case and accents', () => {
    const accents: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };
    fc.assert(
      fc.property(letters, (word) => {
        const accented = word.replace(/[aeiou]/g, (vowel) => accents[vowel] ?? vowel);
        expect(key(word.toUpperCase())).toBe(key(word));
        expect(key(accented)).toBe(key(word));
      }),
    );
  });

  it('writes no symbol twice in a row and only symbols of its alphabet', () => {
    fc.assert(
      fc.property(letters, (word) => {
        const k = key(word);
        expect(k).toMatch(/^[AEIOUBCDFGKLMNPRSTY]*$/);
        for (let i = 1; i < k.length; i++) expect(k[i]).not.toBe(k[i - 1]);
      }),
    );
  });

  it('does not hear b/v, z/s, an initial h or a doubled letter', () => {
    fc.assert(
      fc.property(letters, fc.nat(), (word, at) => {
        expect(key(word.replace(/v/g, 'b'))).toBe(key(word.replace(/b/g, 'v')));
        expect(key(word.replace(/z/g, 's'))).toBe(key(word.replace(/s/g, 'z')));
        if (/^[aeiou]/.test(word)) expect(key(`h${word}`)).toBe(key(word));
        const i = at % word.length;
        const ch = word[i] as string;
        // Doubling a vowel, or a consonant whose doubling is not a digraph (ll, cc, rr stay one sound anyway).
        if ('aeioudfmnprst'.includes(ch)) expect(key(word.slice(0, i) + ch + word.slice(i))).toBe(key(word));
      }),
    );
  });
});
