import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../server/http/problem';
import type { Language } from '../../server/i18n/translator';
import type { Actor } from '../identity/actor';
import { programmePolicy as policy } from './policy';
import * as q from './queries';

type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof q.findProgramme>>>;

export function presentProgramme(row: ProgrammeRow, language: Language) {
  return {
    key: row.key,
    name: language === 'en' ? row.name_en : row.name_es,
    description: (language === 'en' ? row.description_en : row.description_es) ?? null,
    requiresPlanApproval: row.requires_plan_approval,
    requiresClosureApproval: row.requires_closure_approval,
    instrumentKey: row.instrument_key,
    populationGroups: row.population_groups,
    active: row.active,
  };
}

export type Programme = ReturnType<typeof presentProgramme>;

export function createProgrammeService({ db }: { db: Kysely<Database> }) {
  return {
    async listProgrammes(actor: Actor, options: { includeInactive: boolean }, language: Language) {
      if (!policy.list(actor)) throw new AppError('forbidden');
      const rows = await q.listProgrammes(db, { activeOnly: !options.includeInactive });
      return { items: rows.map((row) => presentProgramme(row, language)) };
    },

    /** For other modules: one programme's configuration, or undefined. */
    async findProgramme(key: string, language: Language = 'es') {
      const row = await q.findProgramme(db, key);
      return row ? presentProgramme(row, language) : undefined;
    },

    /** For other modules: the names of some programmes in one language. */
    async programmeNames(keys: string[], language: Language): Promise<Map<string, string>> {
      const rows = await q.findProgrammes(db, [...new Set(keys)]);
      return new Map(rows.map((row) => [row.key, language === 'en' ? row.name_en : row.name_es]));
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
