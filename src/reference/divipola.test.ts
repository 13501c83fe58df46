import { describe, expect, it } from 'vitest';
import { loadDivipola } from './divipola';

describe('shipped DIVIPOLA', () => {
  const { departments, municipalities } = loadDivipola();

  it('has 33 departments and every municipality under one of them, by code prefix', () => {
    expect(departments).toHaveLength(33);
    const departmentCodes = new Set(departments.map((d) => d.code));
    for (const municipality of municipalities) {
      expect(municipality.code).toMatch(/^\d{5}$/);
      expect(municipality.code.startsWith(municipality.department_code)).toBe(true);
      expect(departmentCodes.has(municipality.department_code)).toBe(true);
    }
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(municipalities.length);
  });

  it.each([
    ['05001', 'Medellín'],
    ['08001', 'Barranquilla'],
    ['11001', 'Bogotá, D.C.'],
    ['54874', 'Villa del Rosario'],
    ['86001', 'Mocoa'],
  ])('has %s %s', (code, name) => {
    expect(municipalities.find((m) => m.code === code)?.name).toBe(name);
  });
});
