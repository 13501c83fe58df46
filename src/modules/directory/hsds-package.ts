import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { dataPackageDescriptor, type HsdsTables } from '../../domain/directory/hsds-export';
import type { PackageIssue, ParsedPackage } from '../../domain/directory/hsds-import';
import { HSDS_TABLES, type HsdsTableName } from '../../domain/directory/hsds-tables';

/** A package may hold at most this much once unzipped (it is read in memory). */
export const HSDS_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** The largest ZIP an import accepts. */
export const HSDS_MAX_ZIP_BYTES = 50 * 1024 * 1024;

/** The tables as CSV text (UTF-8, header row, every HSDS column of the table, CRLF line ends). */
export function tableCsv(tables: HsdsTables, name: HsdsTableName): string {
  const table = HSDS_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown HSDS table ${name}`);
  const columns = table.fields.map((field) => field.name);
  return stringify(
    tables[name].map((row) => columns.map((column) => row[column] ?? '')),
    { header: true, columns, record_delimiter: '\r\n' },
  );
}

/** The whole package as a ZIP: `datapackage.json` and one CSV per table, even when it has no rows. */
export function writePackage(tables: HsdsTables, created: Date): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'datapackage.json': strToU8(`${JSON.stringify(dataPackageDescriptor(created), null, 2)}\n`),
  };
  for (const table of HSDS_TABLES) files[table.path] = strToU8(tableCsv(tables, table.name));
  return zipSync(files, { level: 6, mtime: created });
}

/** The table a file name stands for: HSDS's path (`services.csv`), or the table's own name (`service.csv`). */
function tableForFile(fileName: string): HsdsTableName | null {
  const base = fileName.split('/').pop()?.toLowerCase() ?? '';
  for (const table of HSDS_TABLES) {
    if (base === table.path || base === `${table.name}.csv` || base === `${table.name}s.csv`)
      return table.name;
  }
  return null;
}

export interface ReadPackage {
  parsed: ParsedPackage;
  issues: PackageIssue[];
  /** Files of the ZIP Ruta does not read (other HSDS tables, readme files...). */
  ignoredFiles: string[];
  /** Columns no HSDS table has, by file: read past and ignored. */
  extraColumns: Array<{ file: string; columns: string[] }>;
}

/** Reads a ZIP data package: every CSV of a table Ruta knows, parsed with its header; problems per file and row. */
export function readPackage(bytes: Uint8Array): ReadPackage {
  const issues: PackageIssue[] = [];
  const parsed: ParsedPackage = {};
  const ignoredFiles: string[] = [];
  const extraColumns: ReadPackage['extraColumns'] = [];
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > HSDS_MAX_UNZIPPED_BYTES) throw new RangeError('too large');
        return !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/');
      },
    });
  } catch (error) {
    const key = error instanceof RangeError ? 'hsds.import.tooLarge' : 'hsds.import.notZip';
    return { parsed, issues: [{ file: 'ZIP', row: null, field: null, key }], ignoredFiles, extraColumns };
  }
  for (const [path, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const name = tableForFile(path);
    const file = path.split('/').pop() ?? path;
    if (!name) {
      if (!file.startsWith('.') && file !== 'datapackage.json') ignoredFiles.push(file);
      continue;
    }
    if (parsed[name]) {
      issues.push({
        file,
        row: null,
        field: null,
        key: 'hsds.import.duplicateFile',
        params: { table: name },
      });
      continue;
    }
    let records: string[][];
    try {
      records = parse(strFromU8(content), {
        bom: true,
        skip_empty_lines: true,
        relax_quotes: false,
      }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? null;
      issues.push({
        file,
        row: line,
        field: null,
        key: 'hsds.import.malformedCsv',
        params: { reason: (error as Error).message },
      });
      continue;
    }
    const [header = [], ...rows] = records;
    const columns = header.map((column) => column.trim().toLowerCase());
    const table = HSDS_TABLES.find((t) => t.name === name);
    const known = new Set<string>(table?.fields.map((field) => field.name));
    const extra = columns.filter((column) => column && !known.has(column));
    if (extra.length > 0) extraColumns.push({ file, columns: extra });
    parsed[name] = {
      file,
      columns,
      rows: rows.map((cells) =>
        Object.fromEntries(
          columns
            .map((column, index) => [column, (cells[index] ?? '').trim()])
            .filter(([column]) => known.has(column as string)),
        ),
      ),
    };
  }
  if (Object.keys(parsed).length === 0 && issues.length === 0) {
    issues.push({ file: 'ZIP', row: null, field: null, key: 'hsds.import.noTables' });
  }
  return { parsed, issues, ignoredFiles, extraColumns };
}
