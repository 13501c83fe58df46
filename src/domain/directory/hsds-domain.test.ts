import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hsdsTime } from './hsds-export';
import { createMunicipalityMatcher, parseHsdsTime, validateTable } from './hsds-import';
import { HSDS_TABLES, hsdsTable } from './hsds-tables';
import { categoryForTerm, languageCode, stableId } from './hsds-vocabulary';

const STANDARD = resolve(process.cwd(), '../shared/standards/hsds-3.0');

interface OfficialField {
  type: string;
  format?: string;
  enum?: string[];
}

describe('HSDS_TABLES', () => {
  it('match the official schemas: paths, every CSV field with its type, format, enum and requirement', () => {
    for (const table of HSDS_TABLES) {
      const official = JSON.parse(readFileSync(resolve(STANDARD, `${table.name}.json`), 'utf8')) as {
        path: string;
        properties: Record<string, OfficialField>;
        required?: string[];
        tabular_required?: string[];
      };
      expect(table.path, table.name).toBe(official.path);
      const scalar = Object.entries(official.properties).filter(
        ([, f]) => f.type === 'string' || f.type === 'number',
      );
      expect(
        table.fields.map((f) => f.name),
        table.name,
      ).toEqual(scalar.map(([name]) => name));
      const required = new Set([...(official.required ?? []), ...(official.tabular_required ?? [])]);
      for (const field of table.fields) {
        const source = official.properties[field.name] as OfficialField;
        expect(field.type, `${table.name}.${field.name}`).toBe(source.type);
        expect('format' in field ? field.format : undefined, `${table.name}.${field.name}`).toBe(
          source.format,
        );
        expect('enum' in field ? [...field.enum] : undefined).toEqual(source.enum);
        expect('required' in field, `${table.name}.${field.name} required`).toBe(required.has(field.name));
      }
    }
  });
});

describe('validateTable', () => {
  const services = hsdsTable('service');
  const columns = services.fields.map((f) => f.name);
  const row = (values: Record<string, string>) => ({
    id: '3f1c2a4e-8a41-4b0e-9c53-2f6d1e7a9b10',
    organization_id: '3f1c2a4e-8a41-4b0e-9c53-2f6d1e7a9b11',
    name: 'Servicio',
    status: 'active',
    ...values,
  });

  it('accepts a valid row and names file, row and field of each problem', () => {
    expect(validateTable(services, { file: 'services.csv', columns, rows: [row({})] })).toEqual([]);
    const issues = validateTable(services, {
      file: 'services.csv',
      columns,
      rows: [row({}), row({ id: 'no-es-uuid', status: 'open', email: 'sin arroba', minimum_age: 'diez' })],
    });
    expect(issues.map((i) => [i.file, i.row, i.field, i.key])).toEqual([
      ['services.csv', 3, 'id', 'hsds.import.uuid'],
      ['services.csv', 3, 'email', 'hsds.import.email'],
      ['services.csv', 3, 'status', 'hsds.import.enum'],
      ['services.csv', 3, 'minimum_age', 'hsds.import.number'],
    ]);
  });

  it('refuses a file without a required column, and repeated ids', () => {
    const withoutStatus = columns.filter((c) => c !== 'status');
    expect(
      validateTable(services, { file: 'services.csv', columns: withoutStatus, rows: [row({})] }).map((i) => [
        i.row,
        i.field,
        i.key,
      ]),
    ).toEqual([[1, 'status', 'hsds.import.missingColumn']]);
    const twice = validateTable(services, { file: 'services.csv', columns, rows: [row({}), row({})] });
    expect(twice).toMatchObject([
      { row: 3, field: 'id', key: 'hsds.import.duplicateId', params: { row: 2 } },
    ]);
  });
});

describe('times', () => {
  it('reads HSDS times with or without offset as Colombian local time', () => {
    expect(parseHsdsTime('08:00')).toBe('08:00:00');
    expect(parseHsdsTime('08:00-05:00')).toBe('08:00:00');
    expect(parseHsdsTime('13:00Z')).toBe('08:00:00');
    expect(parseHsdsTime('10:30:15+00:00')).toBe('05:30:15');
    expect(parseHsdsTime('02:00Z')).toBe('21:00:00');
    expect(parseHsdsTime('25:00')).toBeNull();
    expect(parseHsdsTime('8 am')).toBeNull();
  });

  it('writes a time and reads it back unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (h, m, s) => {
          const time = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
          expect(parseHsdsTime(hsdsTime(time))).toBe(time);
        },
      ),
    );
  });
});

describe('foreign terms and names', () => {
  it('map to our categories by code, name or key words, else nothing', () => {
    expect(categoryForTerm({ code: 'legal_advice', name: 'Lo que sea' })).toBe('legal_advice');
    expect(categoryForTerm({ code: 'X', name: 'Salud Mental' })).toBe('mental_health');
    expect(categoryForTerm({ code: 'EMP-01', name: 'Intermediación laboral y empleo' })).toBe(
      'job_placement',
    );
    expect(categoryForTerm({ code: 'ALI', name: 'Food pantry' })).toBe('food_aid');
    expect(categoryForTerm({ code: 'REC', name: 'Recreación comunitaria' })).toBeNull();
  });

  it('read languages by code or name', () => {
    expect(languageCode('es-CO', null)).toBe('es');
    expect(languageCode(null, 'English')).toBe('en');
    expect(languageCode('', 'Wayuunaiki')).toBe('guc');
    expect(languageCode(null, 'Klingon')).toBeNull();
  });

  it('find municipalities without accents, by department when ambiguous, and by the end of a long name', () => {
    const matcher = createMunicipalityMatcher([
      { code: '08758', name: 'Soledad', departmentName: 'Atlántico' },
      { code: '54001', name: 'San José de Cúcuta', departmentName: 'Norte de Santander' },
      { code: '11001', name: 'Bogotá, D.C.', departmentName: 'Bogotá D.C.' },
      { code: '05001', name: 'Medellín', departmentName: 'Antioquia' },
      { code: '19001', name: 'Popayán', departmentName: 'Cauca' },
      { code: '25001', name: 'Armenia', departmentName: 'Cundinamarca' },
      { code: '63001', name: 'Armenia', departmentName: 'Quindío' },
    ]);
    expect(matcher.find('SOLEDAD', 'Atlantico')?.code).toBe('08758');
    expect(matcher.find('Cucuta', null)?.code).toBe('54001');
    expect(matcher.find('Bogota', 'Bogota D.C.')?.code).toBe('11001');
    expect(matcher.find('Armenia', 'Quindio')?.code).toBe('63001');
    expect(matcher.find('Armenia', null)).toBeNull();
    expect(matcher.find('Villa Perdida', 'Cesar')).toBeNull();
  });

  it('give stable ids', () => {
    expect(stableId('a', 'b')).toBe(stableId('a', 'b'));
    expect(stableId('a', 'b')).not.toBe(stableId('ab'));
  });
});
