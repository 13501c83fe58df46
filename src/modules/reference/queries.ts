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
