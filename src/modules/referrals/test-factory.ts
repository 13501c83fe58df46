import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, DirectoryServiceTable } from '../../db/schema';

/**
 * Test set-up: a directory service (and, when asked, a location in a municipality) written with Kysely, so the
 * referral tests choose the exact eligibility rules they exercise. Not a mock: the referrals module reads it
 * through the directory service like any other.
 */
export async function buildDirectoryService(
  db: Kysely<Database>,
  overrides: Partial<Insertable<DirectoryServiceTable>> & {
    organization_id: string;
    locationMunicipalityCode?: string;
  },
) {
  const { locationMunicipalityCode, ...columns } = overrides;
  const id = uuidv7();
  await db
    .insertInto('directory_service')
    .values({
      id,
      name: `Servicio de prueba ${id.slice(-6)}`,
      category: 'vocational_training',
      status: 'active',
      acceptance_days: 2,
      completion_days: 30,
      ...columns,
    })
    .execute();
  if (locationMunicipalityCode) {
    const locationId = uuidv7();
    await db
      .insertInto('directory_location')
      .values({
        id: locationId,
        organization_id: overrides.organization_id,
        name: `Sede ${id.slice(-6)}`,
        municipality_code: locationMunicipalityCode,
      })
      .execute();
    await db
      .insertInto('directory_service_at_location')
      .values({ id: uuidv7(), service_id: id, location_id: locationId })
      .execute();
  }
  return id;
}
