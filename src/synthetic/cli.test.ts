import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArguments } from './cli';
import { csvField, csvLine, encodeDocuments, recordLine } from './csv';
import { generatePersons } from './generate';
import { generateToCsv } from './index';

const directory = mkdtempSync(join(tmpdir(), 'ruta-generator-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('CSV', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('Pérez')).toBe('Pérez');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['x', 'y,z', ''])).toBe('x,"y,z",\r\n');
  });

  it('round-trips every record through a CSV parser', async () => {
    const path = join(directory, 'persons.csv');
    const report = await generateToCsv(path, { seed: 'csv', size: 3000 });
    expect(report.records).toBe(3000);
    const rows = parse(readFileSync(path, 'utf8'), { columns: true, record_delimiter: '\r\n' }) as Array<
      Record<string, string>
    >;
    const records = [...generatePersons({ seed: 'csv', size: 3000 })];
    expect(rows.length).toBe(records.length);
    rows.forEach((row, i) => {
      const record = records[i];
      if (!record) throw new Error('missing record');
      expect(row.id).toBe(record.id);
      expect(row.surname1).toBe(record.surname1);
      expect(row.surname2).toBe(record.surname2 ?? '');
      expect(row.documents).toBe(encodeDocuments(record));
      expect(row.truthId).toBe(record.truthId);
      expect(row.mutations).toBe(record.mutations.join('|'));
    });
  });

  it('splits the truth into its own file when asked', async () => {
    const main = join(directory, 'main.csv');
    const truth = join(directory, 'truth.csv');
    await generateToCsv(main, { seed: 'split', size: 500, truthPath: truth });
    const header = readFileSync(main, 'utf8').split('\r\n')[0];
    expect(header).not.toContain('truthId');
    const truthRows = readFileSync(truth, 'utf8').trim().split('\r\n');
    expect(truthRows[0]).toBe('id,truthId,mutations');
    expect(truthRows.length).toBe(501);
    const first = [...generatePersons({ seed: 'split', size: 1 })][0];
    if (!first) throw new Error('no record');
    expect(readFileSync(main, 'utf8').split('\r\n')[1]).toBe(recordLine(first, false).trimEnd());
  });
});

describe('command line', () => {
  it('accepts the documented arguments', () => {
    expect(parseCliArguments(['--size', '1_000', '--seed', '42', '--out', 'x.csv'])).toEqual({
      size: 1000,
      seed: 42,
      out: 'x.csv',
      duplicateRate: 0.1,
      truthOut: undefined,
    });
    expect(
      parseCliArguments(['--size', '5', '--seed', 'ruta', '--out', 'x.csv', '--duplicate-rate', '0']).seed,
    ).toBe('ruta');
  });

  it('refuses bad arguments with one clear line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--seed', '1', '--out', 'x.csv'], /--size is required/],
      [['--size', 'ten', '--seed', '1', '--out', 'x.csv'], /--size must be a whole number/],
      [['--size', '0', '--seed', '1', '--out', 'x.csv'], /--size must be from 1 to 3000000/],
      [['--size', '3000001', '--seed', '1', '--out', 'x.csv'], /--size must be from 1/],
      [['--size', '10', '--out', 'x.csv'], /--seed is required/],
      [['--size', '10', '--seed', '1'], /--out is required/],
      [['--size', '10', '--seed', '1', '--out', 'x.csv', '--duplicate-rate', 'lots'], /must be a number/],
      [['--size', '10', '--seed', '1', '--out', 'x.csv', '--duplicate-rate', '0.7'], /from 0 to 0.5/],
      [['--size', '10', '--seed', '1', '--out', 'x.csv', '--truth-out', 'x.csv'], /other than --out/],
      [['--size', '10', '--seed', '1', '--out', 'x.csv', '--colour'], /Unknown option '--colour'/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseCliArguments(argv)).toThrow(message);
      try {
        parseCliArguments(argv);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });

  it('runs as a program: exit 2 and one line on stderr for a bad argument, a file and a rate otherwise', () => {
    const cli = join(import.meta.dirname, 'cli.ts');
    const bad = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, '--size', 'x', '--seed', '1', '--out', 'a.csv'],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['generator: --size must be a whole number, got "x"']);
    const out = join(directory, 'cli.csv');
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', cli, '--size', '200', '--seed', '9', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toMatch(/wrote 200 records/);
    expect(output).toMatch(/records\/s/);
    expect(output).toMatch(/peak RSS/);
    expect(readFileSync(out, 'utf8').trim().split('\r\n').length).toBe(201);
  });
});
