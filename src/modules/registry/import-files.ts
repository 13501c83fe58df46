import type ExcelJS from 'exceljs';
import { normalizeTable, parseCsv, type SheetTable, TableError } from '../../domain/registry/import/table';

export type ImportFormat = 'csv' | 'xlsx';

/** Largest file accepted, and most data rows: a year of a busy office's registrations fits many times over. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

/** An XLSX file is a ZIP archive: it starts with "PK\x03\x04". */
export function detectFormat(bytes: Uint8Array, contentType: string | undefined): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (contentType?.includes('spreadsheetml')) return 'xlsx';
  return 'csv';
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** A cell as the text an office typed: dates as YYYY-MM-DD, formulas by their result, rich text flattened. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function parseXlsx(bytes: Uint8Array, maxRows: number): Promise<SheetTable> {
  // Loaded on first use: the library is large, and most files are CSV.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new TableError('unreadable');
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new TableError('empty');
  if (sheet.actualRowCount > maxRows + 1) throw new TableError('tooManyRows');
  const raw: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    raw.push(values.slice(1).map((value) => cellText(value)));
  });
  return normalizeTable(raw, null, maxRows);
}

/** Reads an uploaded spreadsheet: the first non-empty sheet of a workbook, or a CSV in any of its dialects. */
export async function readSpreadsheet(bytes: Uint8Array, format: ImportFormat): Promise<SheetTable> {
  return format === 'xlsx' ? parseXlsx(bytes, IMPORT_MAX_ROWS) : parseCsv(bytes, IMPORT_MAX_ROWS);
}
