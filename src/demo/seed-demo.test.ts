import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../testing/test-database';
import { DEMO_OFFICES, DEMO_ORGANIZATIONS, DEMO_USERS } from './network';
import { seedDemoNetwork } from './seed-demo';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('seedDemoNetwork', () => {
  it('creates the demo network in an empty database, then leaves a database in use alone', async () => {
    const result = await seedDemoNetwork(database.db);
    expect(result).toMatchObject({
      seeded: true,
      organizations: DEMO_ORGANIZATIONS.length,
      offices: DEMO_OFFICES.length,
    });
    expect(result.logins.map((login) => login.role).sort()).toEqual([
      'analyst',
      'caseworker',
      'network_admin',
      'office_coordinator',
      'partner_focal_point',
      'reception_officer',
    ]);
    expect(new Set(result.logins.map((login) => login.password)).size).toBe(DEMO_USERS.length);
    expect((await seedDemoNetwork(database.db)).seeded).toBe(false);

    const offices = await database.db
      .selectFrom('office')
      .innerJoin('organization', 'organization.id', 'office.organization_id')
      .select(['office.name', 'office.kind', 'office.municipality_code', 'organization.short_name'])
      .execute();
    expect(offices).toHaveLength(DEMO_OFFICES.length);
    expect(offices.filter((office) => office.kind === 'migrant_assistance_office')).toHaveLength(8);
    expect(offices).toContainEqual({
      name: 'Centro Intégrate Barranquilla',
      kind: 'one_stop_centre',
      municipality_code: '08001',
      short_name: 'Alcaldía de Barranquilla',
    });
    expect(offices.map((office) => office.kind)).toEqual(
      expect.arrayContaining(['airport_arrival_point', 'land_border_arrival_point']),
    );
  });
});
