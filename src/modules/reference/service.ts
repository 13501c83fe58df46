import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DOCUMENT_RULES, DOCUMENT_TYPES } from '../../domain/registry/document-types';
import { foldName } from '../../domain/registry/names';
import type { Language } from '../../server/i18n/translator';
import { listDepartments, searchMunicipalities, searchOccupations } from './queries';

countries.registerLocale(es);
countries.registerLocale(en);

const collators = { es: new Intl.Collator('es'), en: new Intl.Collator('en') };

/** Reference lists for forms and filters. None of it is personal data, so it needs no sign-in. */
export function createReferenceService({ db }: { db: Kysely<Database> }) {
  return {
    /** ISO 3166-1 countries named in the caller's language, Colombia and Venezuela first (most people here). */
    countries(language: Language) {
      const names = countries.getNames(language, { select: 'official' });
      const all = Object.entries(names)
        .map(([code, name]) => ({ code, name }))
        .sort((a, b) => collators[language].compare(a.name, b.name));
      const first = ['CO', 'VE'];
      return [
        ...first.map((code) => all.find((c) => c.code === code)).filter((c) => c !== undefined),
        ...all.filter((c) => !first.includes(c.code)),
      ];
    },

    documentTypes() {
      return DOCUMENT_TYPES.map((code) => ({ code, ...DOCUMENT_RULES[code] }));
    },

    departments: () => listDepartments(db),

    async municipalities(query: string, limit: number) {
      const rows = await searchMunicipalities(db, foldName(query), limit);
      return rows.map((row) => ({
        code: row.code,
        name: row.name,
        departmentCode: row.department_code,
        departmentName: row.department_name,
      }));
    },

    /** CIUO-08 occupations by words of their title in any order, accents optional, or by code. */
    async occupations(query: string, level: number | null, limit: number, language: Language) {
      const folded = foldName(query);
      const numeric = /^\d{1,4}$/.test(folded);
      const rows = await searchOccupations(db, {
        words: numeric ? [] : folded.split(' ').filter(Boolean),
        codePrefix: numeric ? folded : null,
        level,
        limit,
      });
      return rows.map((row) => ({
        code: row.code,
        level: row.level,
        parentCode: row.parent_code,
        title: language === 'en' ? row.title_en : row.title_es,
      }));
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
