import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['300 123 4567', '+573001234567'],
    ['(300) 123-4567', '+573001234567'],
    ['+57 300 123 4567', '+573001234567'],
    ['+58 414 123 4567', '+584141234567'],
    ['601 555 1234', '+576015551234'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['12', 'no tengo', '+57 123'])('refuses %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});
