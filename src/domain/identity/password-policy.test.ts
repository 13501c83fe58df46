import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';

describe('checkPassword', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('maleta azul en el puente 7')).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting accented letters once', () => {
    expect(checkPassword('corto1!')).toEqual(['tooShort']);
    expect(checkPassword('ñandú ñandú')).toEqual(['tooShort']);
  });

  it.each([
    'qwerty123456',
    '123qweasdzxc',
    'Contraseña2024!',
    'Colombia123456',
    'TEAMOMUCHO2025',
    'Barranquilla!!',
  ])('refuses the common password %s', (password) => {
    expect(checkPassword(password)).toContain('common');
  });

  it('refuses a password that contains the email’s name', () => {
    expect(checkPassword('maria.gomez-segura-2026', { email: 'maria.gomez@cancilleria.gov.co' })).toContain(
      'containsEmail',
    );
  });

  it('refuses one character repeated', () => {
    expect(checkPassword('aaaaaaaaaaaaaaaa')).toContain('repetitive');
  });

  it('never accepts anything shorter than 12 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11, unit: 'grapheme-ascii' }), (password) => {
        expect(checkPassword(password)).not.toEqual([]);
      }),
    );
  });
});
