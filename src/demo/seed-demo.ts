import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/schema';
import { countOrganizations, insertOffice, insertOrganization } from '../modules/identity/queries';
import { DEMO_OFFICES, DEMO_ORGANIZATIONS } from './network';

export interface DemoSeedResult {
  seeded: boolean;
  organizations: number;
  offices: number;
}

/** Seeds the demo network into an empty database, in one transaction; does nothing on a database in use. */
export async function seedDemoNetwork(db: Kysely<Database>): Promise<DemoSeedResult> {
  return db.transaction().execute(async (trx) => {
    if ((await countOrganizations(trx)) > 0) return { seeded: false, organizations: 0, offices: 0 };
    const organizationIds = new Map<string, string>();
    for (const organization of DEMO_ORGANIZATIONS) {
      const row = await insertOrganization(trx, {
        id: uuidv7(),
        name: organization.name,
        short_name: organization.shortName,
        kind: organization.kind,
      });
      organizationIds.set(organization.key, row.id);
    }
    for (const office of DEMO_OFFICES) {
      await insertOffice(trx, {
        id: uuidv7(),
        organization_id: organizationIds.get(office.organization) as string,
        name: office.name,
        kind: office.kind,
        municipality_code: office.municipalityCode,
      });
    }
    return { seeded: true, organizations: DEMO_ORGANIZATIONS.length, offices: DEMO_OFFICES.length };
  });
}
