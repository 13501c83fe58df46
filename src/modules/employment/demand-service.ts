import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Language } from '../../server/i18n/translator';
import * as q from './demand-queries';
import type { DemandQuery } from './matching-schemas';

/**
 * Where the demand is and what the network has to offer, per CIUO-08 sub-major group (2 digits) or municipality:
 * vacancies posted in the period (those still open, and their positions), applications made and hires in the
 * period, and the job seekers now seeking in that occupation family or living in that municipality. Counts only.
 */
export async function demandReport(
  db: Kysely<Database>,
  query: z.infer<typeof DemandQuery>,
  language: Language,
) {
  const period = { from: query.from ?? null, to: query.to ?? null };
  const [vacancies, applications, seekers] = await Promise.all([
    q.vacancyCounts(db, query.groupBy, period),
    q.applicationCounts(db, query.groupBy, period),
    q.seekerCounts(db, query.groupBy),
  ]);
  const empty = { openVacancies: 0, positions: 0, applications: 0, hires: 0, seekers: 0 };
  const rows = new Map<string, typeof empty>();
  const at = (code: string) => {
    let row = rows.get(code);
    if (!row) {
      row = { ...empty };
      rows.set(code, row);
    }
    return row;
  };
  for (const v of vacancies) Object.assign(at(v.code), { openVacancies: v.open, positions: v.positions });
  for (const a of applications) Object.assign(at(a.code), { applications: a.applications, hires: a.hires });
  for (const s of seekers) at(s.code).seekers = s.seekers;
  const codes = [...rows.keys()];
  const names = await q.groupNames(db, query.groupBy, codes, language);
  const list = codes
    .map((code) => ({ code, name: names.get(code) ?? code, ...(rows.get(code) as typeof empty) }))
    .sort(
      (a, b) =>
        b.openVacancies - a.openVacancies || b.positions - a.positions || a.code.localeCompare(b.code),
    );
  const totals = { ...empty };
  for (const row of list) {
    for (const key of Object.keys(empty) as Array<keyof typeof empty>) totals[key] += row[key];
  }
  return { groupBy: query.groupBy, ...period, rows: list, totals };
}
