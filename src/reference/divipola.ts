import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface Department {
  code: string;
  name: string;
}

export interface Municipality {
  code: string;
  name: string;
  department_code: string;
}

function readCsv<T>(file: string): T[] {
  const text = readFileSync(new URL(`./divipola/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as T[];
}

/** DANE's DIVIPOLA as shipped in src/reference/divipola (see docs/reference-data.md for its source). */
export function loadDivipola(): { departments: Department[]; municipalities: Municipality[] } {
  return {
    departments: readCsv<Department>('departments.csv'),
    municipalities: readCsv<Municipality>('municipalities.csv'),
  };
}
