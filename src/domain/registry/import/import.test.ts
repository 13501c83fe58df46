import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMapping, headerSignature, suggestMapping } from './mapping';
import { canonicalDraft, mapRow, type RowContext, readDate, splitNames } from './rows';
import { decodeText, detectDelimiter, parseCsv, TableError } from './table';

const context: RowContext = {
  municipality: (text) =>
    text === '08001' || text.toLowerCase() === 'barranquilla'
      ? { code: '08001' }
      : text === 'San Juan'
        ? 'ambiguous'
        : 'unknown',
  country: (text) => ({ co: 'CO', colombia: 'CO', ve: 'VE', venezuela: 'VE' })[text.toLowerCase()] ?? null,
  defaultPopulationGroup: null,
  today: '2026-12-01',
};

describe('reading a spreadsheet file', () => {
  it('reads an Excel-exported CSV: semicolons, BOM, Windows-1252 accents', () => {
    const latin1 = Uint8Array.from([...'Nombres;Cédula\r\nJosé;1'].map((c) => c.charCodeAt(0)));
    expect(decodeText(latin1)).toBe('Nombres;Cédula\r\nJosé;1');
    const withBom = new TextEncoder().encode(
      '\uFEFFPrimer nombre;Teléfono\r\n"Ana; María";300 1234567\r\n;\r\n',
    );
    expect(parseCsv(withBom, 10)).toEqual({
      headers: ['Primer nombre', 'Teléfono'],
      rows: [['Ana; María', '300 1234567']],
      delimiter: ';',
    });
  });

  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',');
    expect(detectDelimiter('a;b,c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });

  it('refuses empty files and too many rows', () => {
    expect(() => parseCsv(new TextEncoder().encode('\r\n'), 10)).toThrow(TableError);
    expect(() => parseCsv(new TextEncoder().encode('a\n1\n2\n3'), 2)).toThrow('tooManyRows');
  });
});

describe('suggesting a mapping', () => {
  it('recognizes the headers offices use, in Spanish and English', () => {
    expect(
      suggestMapping([
        'Primer nombre',
        'Segundo Nombre',
        'APELLIDOS',
        'Tipo de documento',
        'No. documento',
        'Fecha de nacimiento',
        'Teléfono celular',
        'Municipio',
        'Observaciones',
        'Email',
      ]),
    ).toEqual([
      'givenName1',
      'givenName2',
      'surnames',
      'documentType',
      'documentNumber',
      'birthDate',
      'phone',
      'municipality',
      null,
      'email',
    ]);
    expect(suggestMapping(['givenName1', 'surname1', 'documents', 'municipalityCode', 'Cédula'])).toEqual([
      'givenName1',
      'surname1',
      'documents',
      'municipality',
      'documentNumber',
    ]);
  });

  it('never maps one field twice, and the signature ignores case and accents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Nombres', 'nombre', 'Cédula', 'Documento', 'x', 'Sexo')),
        (headers) => {
          const fields = suggestMapping(headers).filter(Boolean);
          expect(new Set(fields).size).toBe(fields.length);
          expect(checkMapping(suggestMapping(headers), headers.length)).not.toContain('fieldTwice');
        },
      ),
    );
    expect(headerSignature(['Cédula', 'NOMBRES'])).toBe(headerSignature(['cedula', 'Nombres']));
  });

  it('says what keeps a mapping from being usable', () => {
    expect(checkMapping(['givenNames', 'givenNames'], 2)).toEqual(['fieldTwice', 'surnameMissing']);
  });
});

describe('reading a row', () => {
  const mapping = [
    'givenNames',
    'surnames',
    'documentType',
    'documentNumber',
    'birthDate',
    'phone',
    'municipality',
    'populationGroup',
    'sexAtBirth',
    'nationality',
  ] as const;

  it('normalizes what offices type', () => {
    const { draft, errors } = mapRow(
      [
        'María José',
        'De la Cruz Pérez',
        'Cédula de ciudadanía',
        '1.020.304.050',
        '07/03/1990',
        '300 123 4567',
        'Barranquilla',
        'Retornada',
        'F',
        'Colombia',
      ],
      [...mapping],
      context,
    );
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      givenName1: 'María',
      givenName2: 'José',
      surname1: 'De la Cruz',
      surname2: 'Pérez',
      documents: [{ type: 'CC', number: '1.020.304.050', normalized: '1020304050' }],
      birthDate: '1990-03-07',
      phone: '+573001234567',
      municipalityCode: '08001',
      populationGroup: 'returnee',
      sexAtBirth: 'female',
      nationalities: ['CO'],
    });
  });

  it('names every bad cell', () => {
    const { draft, errors } = mapRow(
      ['Ana', '', 'CC', '10AB', '31/02/1990', '12', 'San Juan', 'marciano', 'x', 'Narnia'],
      [...mapping],
      context,
    );
    expect(draft).toBeNull();
    expect(errors.map((e) => `${e.field}:${e.messageKey}`)).toEqual([
      'surnames:import.row.required',
      'birthDate:import.row.date',
      'sexAtBirth:import.row.sex',
      'nationality:import.row.country',
      'populationGroup:import.row.populationGroup',
      'phone:import.row.phone',
      'municipality:import.row.municipalityAmbiguous',
      'documentNumber:import.row.document.characters',
    ]);
  });

  it('reads dates day first and refuses impossible ones', () => {
    expect(readDate('2025-06-30')).toBe('2025-06-30');
    expect(readDate('30-06-2025')).toBe('2025-06-30');
    expect(readDate('1/2/2000 00:00')).toBe('2000-02-01');
    expect(readDate('29/02/2023')).toBeNull();
    expect(readDate('03/07/90')).toBeNull();
  });

  it('splits names keeping particles, and losing no word', () => {
    expect(splitNames('del Río Gómez')).toEqual(['del Río', 'Gómez']);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('de', 'la', 'Cruz', 'Pérez', 'del', 'Río', 'Ana'), { minLength: 1 }),
        (words) => {
          const [first, rest] = splitNames(words.join(' '));
          expect([first, rest].filter(Boolean).join(' ')).toBe(words.join(' '));
        },
      ),
    );
  });

  it('gives the same fingerprint text to the same person however the row was typed', () => {
    const row = (name: string, doc: string, date: string) =>
      mapRow([name, 'Pérez', 'CC', doc, date, '', '', 'retornado', '', ''], [...mapping], context).draft;
    const a = row('José', '1.020.304.050', '1990-03-07');
    const b = row('JOSE', '1020304050', '07/03/1990');
    expect(a && b && canonicalDraft(a)).toBe(b && canonicalDraft(b));
    const c = row('José', '1020304051', '1990-03-07');
    expect(a && c && canonicalDraft(a)).not.toBe(c && canonicalDraft(c));
  });
});
