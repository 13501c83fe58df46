import { parse } from 'csv-parse/sync';

/** A spreadsheet as rows of text: the header row, then the data rows (each as long as the header). */
export interface SheetTable {
  headers: string[];
  rows: string[][];
  /** The delimiter of a CSV file (`,`, `;` or tab); null for workbooks. */
  delimiter: string | null;
}

export type TableProblem = 'empty' | 'noHeader' | 'tooManyRows' | 'unreadable';

export class TableError extends Error {
  override name = 'TableError';
  constructor(readonly problem: TableProblem) {
    super(problem);
  }
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when it decodes as such, else Windows-1252, which is what Excel
 * on a Spanish Windows writes with "CSV (delimitado por comas)".
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The delimiter of the first line, counted outside quotes: Excel in Colombia (decimal comma) exports `;`, most
 * other tools `,`; tab for pasted sheets.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Trims every cell, drops rows with nothing in them, names blank headers and pads or cuts rows to the header. */
export function normalizeTable(raw: string[][], delimiter: string | null, maxRows: number): SheetTable {
  const nonEmpty = raw.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new TableError('empty');
  const headerRow = nonEmpty[0] as string[];
  let width = headerRow.length;
  while (width > 0 && (headerRow[width - 1] ?? '').trim() === '') width--;
  if (width === 0) throw new TableError('noHeader');
  const headers = headerRow.slice(0, width).map((cell, i) => cell.trim() || `#${i + 1}`);
  const rows = nonEmpty.slice(1).map((row) => {
    const cells = row.slice(0, width).map((cell) => cell.trim());
    while (cells.length < width) cells.push('');
    return cells;
  });
  if (rows.length > maxRows) throw new TableError('tooManyRows');
  return { headers, rows, delimiter };
}

export function parseCsv(bytes: Uint8Array, maxRows: number): SheetTable {
  const text = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let raw: string[][];
  try {
    raw = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    throw new TableError('unreadable');
  }
  return normalizeTable(raw, delimiter, maxRows);
}
