import { describe, expect, it } from 'vitest';
import { loadCiuo08 } from './ciuo-08';

describe('shipped CIUO-08', () => {
  const occupations = loadCiuo08();

  it('has the 10 major, 43 sub-major, 130 minor and 436 unit groups, each under its parent by code prefix', () => {
    const byLevel = [1, 2, 3, 4].map((level) => occupations.filter((o) => o.level === level).length);
    expect(byLevel).toEqual([10, 43, 130, 436]);
    const codes = new Set(occupations.map((o) => o.code));
    expect(codes.size).toBe(occupations.length);
    for (const occupation of occupations) {
      expect(occupation.code).toMatch(/^\d{1,4}$/);
      expect(occupation.code).toHaveLength(occupation.level);
      if (occupation.level === 1) expect(occupation.parentCode).toBeNull();
      else {
        expect(occupation.parentCode).toBe(occupation.code.slice(0, -1));
        expect(codes.has(occupation.parentCode as string)).toBe(true);
      }
      expect(occupation.titleEs.trim()).toBe(occupation.titleEs);
      expect(occupation.titleEs.length).toBeGreaterThan(2);
      expect(occupation.titleEn.length).toBeGreaterThan(2);
    }
  });

  it.each([
    ['7112', 'Albañiles', 'Bricklayers and related workers'],
    ['5120', 'Cocineros', 'Cooks'],
    ['9111', 'Limpiadores y asistentes domésticos', 'Domestic cleaners and helpers'],
    ['8322', 'Conductores de automóviles, taxis y camionetas', 'Car, taxi and van drivers'],
    ['2221', 'Profesionales de enfermería', 'Nursing professionals'],
  ])('has %s %s', (code, titleEs, titleEn) => {
    expect(occupations.find((o) => o.code === code)).toMatchObject({ titleEs, titleEn, level: 4 });
  });
});
