import { describe, expect, it } from 'vitest';
import { colombianDate } from './calendar';

describe('colombianDate', () => {
  it('is still yesterday in Colombia until 05:00 UTC', () => {
    expect(colombianDate(new Date('2026-12-02T04:59:59Z'))).toBe('2026-12-01');
    expect(colombianDate(new Date('2026-12-02T05:00:00Z'))).toBe('2026-12-02');
  });
});
