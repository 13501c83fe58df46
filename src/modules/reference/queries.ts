import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

/** Municipalities whose folded name or code starts with or contains the query, capitals of departments first. */
export function searchMunicipalities(db: Kysely<Database>, foldedQuery: string, limit: number) {
  const pattern = `%${foldedQuery.replace(/[%_\\]/g, '\\$&')}%`;
  return db
    .selectFrom('municipality')
    .innerJoin('department', 'department.code', 'municipality.department_code')
    .select([
      'municipality.code',
      'municipality.name',
      'department.code as department_code',
      'department.name as department_name',
    ])
    .where((eb) =>
      eb.or([
        eb('municipality.code', 'like', `${foldedQuery}%`),
        eb(sql`lower(translate(municipality.name, 'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun'))`, 'like', pattern),
      ]),
    )
    .orderBy(sql`right(municipality.code, 3) = '001'`, 'desc')
    .orderBy('municipality.name')
    .limit(limit)
    .execute();
}

export function listDepartments(db: Kysely<Database>) {
  return db.selectFrom('department').select(['code', 'name']).orderBy('name').execute();
}

/**
 * CIUO-08 groups whose folded titles (Spanish and English) contain every word of the query, in any order, or
 * whose code starts with a numeric query; unit groups (the level people are classified at) first, shorter titles
 * first. 619 rows: a scan is cheaper than an index here.
 */
export function searchOccupations(
  db: Kysely<Database>,
  query: { words: string[]; codePrefix: string | null; level: number | null; limit: number },
) {
  let select = db.selectFrom('occupation').select(['code', 'level', 'parent_code', 'title_es', 'title_en']);
  if (query.codePrefix) select = select.where('code', 'like', `${query.codePrefix}%`);
  for (const word of query.words) {
    select = select.where('search_text', 'like', `%${word.replace(/[%_\\]/g, '\\$&')}%`);
  }
  if (query.level) select = select.where('level', '=', query.level);
  return select
    .orderBy('level', 'desc')
    .orderBy(sql`length(title_es)`)
    .orderBy('code')
    .limit(query.limit)
    .execute();
}
