import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, lockoutSeconds } from './lockout';

describe('lockoutSeconds', () => {
  it('allows the first attempts, then locks for a minute and doubles', () => {
    expect(lockoutSeconds(FREE_ATTEMPTS - 1)).toBe(0);
    expect(lockoutSeconds(FREE_ATTEMPTS)).toBe(60);
    expect(lockoutSeconds(FREE_ATTEMPTS + 1)).toBe(120);
    expect(lockoutSeconds(FREE_ATTEMPTS + 2)).toBe(240);
  });

  it('never shrinks with more failures and never exceeds an hour', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(lockoutSeconds(fewer)).toBeLessThanOrEqual(lockoutSeconds(more));
        expect(lockoutSeconds(more)).toBeLessThanOrEqual(3600);
      }),
    );
  });
});
