import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../testing/test-database';
import { DEMO_OFFICES, DEMO_ORGANIZATIONS, DEMO_USERS } from './network';
import { seedDemo, seedDemoNetwork } from './seed-demo';
import { DEMO_SERVICES } from './seed-directory';
import { DEMO_PLANTED_DUPLICATES } from './seed-duplicates';
import { seedDemoEnterprise } from './seed-enterprise';
import { DEMO_PEOPLE } from './seed-people';

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

describe('seedDemo', () => {
  it('adds the demo people once, through the registry: searchable, in households, with consent and audit', async () => {
    const fresh = await createTestDatabase();
    try {
      const result = await seedDemo(fresh, { password: 'una-clave-de-prueba-2026' });
      expect(result.people).toBe(DEMO_PEOPLE.size + DEMO_PLANTED_DUPLICATES);
      expect((await seedDemo(fresh)).people).toBe(0);

      const count = (table: 'person' | 'household' | 'consent') =>
        fresh.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((row) => Number(row.n));
      expect(await count('person')).toBe(DEMO_PEOPLE.size + DEMO_PLANTED_DUPLICATES);
      expect(await count('household')).toBeGreaterThan(10);
      expect(await count('consent')).toBeGreaterThan(DEMO_PEOPLE.size / 2);
      const withoutKeys = await fresh.db
        .selectFrom('person')
        .select('id')
        .where(sql<boolean>`cardinality(name_keys) = 0`)
        .execute();
      expect(withoutKeys).toEqual([]);
      const registered = await fresh.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'person.registered')
        .executeTakeFirstOrThrow();
      expect(Number(registered.n)).toBe(DEMO_PEOPLE.size + DEMO_PLANTED_DUPLICATES);
      const offices = await fresh.db
        .selectFrom('person')
        .innerJoin('office', 'office.id', 'person.registered_office_id')
        .select('office.name')
        .distinct()
        .execute();
      // Some women at the centre are pregnant or breastfeeding, and some households count them.
      const mothersInHouseholds = await fresh.db
        .selectFrom('person')
        .innerJoin('household_membership', 'household_membership.person_id', 'person.id')
        .select('person.maternity_status')
        .where('person.maternity_status', 'is not', null)
        .where('household_membership.left_on', 'is', null)
        .execute();
      expect(new Set(mothersInHouseholds.map((row) => row.maternity_status))).toEqual(
        new Set(['pregnant', 'lactating']),
      );
      expect(offices.map((office) => office.name).sort()).toEqual([
        'Centro Intégrate Barranquilla',
        'Puesto de control migratorio – Aeropuerto El Dorado',
      ]);
      // The centre's household cases stand at different points, each goal tied to a need, and one plan has
      // progress (the person cases of the demo referrals are seed-referrals.test.ts's).
      const cases = await fresh.db
        .selectFrom('case')
        .select(['id', 'status', 'plan_status'])
        .where('household_id', 'is not', null)
        .orderBy('opened_at')
        .execute();
      expect(cases.map((c) => `${c.status}/${c.plan_status}`).sort()).toEqual(
        ['active/approved', 'on_hold/approved', 'open/draft', 'open/submitted'].sort(),
      );
      const goalsWithoutNeeds = await fresh.db
        .selectFrom('case_goal')
        .innerJoin('case', 'case.id', 'case_goal.case_id')
        .select('case_goal.id')
        .where('case.household_id', 'is not', null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('case_goal_need').select('goal_id').whereRef('goal_id', '=', 'case_goal.id'),
            ),
          ),
        )
        .execute();
      expect(goalsWithoutNeeds).toEqual([]);
      const done = await fresh.db
        .selectFrom('case_action')
        .innerJoin('case', 'case.id', 'case_action.case_id')
        .select('case_action.id')
        .where('case_action.status', '=', 'done')
        .where('case.household_id', 'is not', null)
        .execute();
      expect(done).toHaveLength(1);
      // The partners' service directory comes with the network (see seed-directory.test.ts).
      const services = await fresh.db.selectFrom('directory_service').select('id').execute();
      expect(services).toHaveLength(DEMO_SERVICES.length);
      // Entrepreneurship (seed-enterprise.ts): SENA's courses with completions, four units at different stages and
      // one financing application of each outcome; seeding again adds nothing.
      const units = await fresh.db.selectFrom('productive_unit').select('stage').orderBy('stage').execute();
      expect(units.map((u) => u.stage)).toEqual(['business_plan', 'idea', 'operating', 'start_up']);
      const financing = await fresh.db
        .selectFrom('financing_application')
        .select(['line', 'status', 'amount_approved_cop'])
        .orderBy('line')
        .execute();
      expect(financing).toEqual([
        { line: 'bancoldex', status: 'approved', amount_approved_cop: 6_000_000 },
        { line: 'microcredit', status: 'rejected', amount_approved_cop: null },
        { line: 'rotating_fund', status: 'in_review', amount_approved_cop: null },
      ]);
      const completed = await fresh.db
        .selectFrom('enterprise_enrolment')
        .select('id')
        .where('status', '=', 'completed')
        .execute();
      expect(completed).toHaveLength(4);
      expect(await seedDemoEnterprise(fresh)).toEqual({ courses: 0, units: 0 });
    } finally {
      await fresh.close();
    }
  }, 180_000);
});
