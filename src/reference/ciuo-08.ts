import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface Occupation {
  code: string;
  level: number;
  parentCode: string | null;
  titleEs: string;
  titleEn: string;
}

interface Row {
  code: string;
  level: string;
  parent_code: string;
  title_es: string;
  title_en: string;
}

/** CIUO-08 (ISCO-08) as shipped in src/reference/ciuo-08 (see docs/reference-data.md for its source). */
export function loadCiuo08(): Occupation[] {
  const text = readFileSync(new URL('./ciuo-08/occupations.csv', import.meta.url), 'utf8');
  return (parse(text, { columns: true, skip_empty_lines: true }) as Row[]).map((row) => ({
    code: row.code,
    level: Number(row.level),
    parentCode: row.parent_code || null,
    titleEs: row.title_es,
    titleEn: row.title_en,
  }));
}
