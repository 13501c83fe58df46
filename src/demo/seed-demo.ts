import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import { hashPassword } from '../modules/identity/password-hashing';
import {
  countOrganizations,
  insertOffice,
  insertOrganization,
  insertUser,
} from '../modules/identity/queries';
import { insertProgrammes } from '../modules/programmes/queries';
import { createServices } from '../server/services';
import { DEMO_OFFICES, DEMO_ORGANIZATIONS, DEMO_PROGRAMMES, DEMO_USERS } from './network';
import { seedDemoArrivals } from './seed-arrivals';
import { seedDemoAssessments } from './seed-assessments';
import { seedDemoCases } from './seed-cases';
import { seedDemoDirectory } from './seed-directory';
import { seedDemoDuplicates } from './seed-duplicates';
import { seedDemoEmployment } from './seed-employment';
import { seedDemoEnterprise } from './seed-enterprise';
import { seedDemoNeeds } from './seed-needs';
import { seedDemoPeople, staffActor } from './seed-people';
import { seedDemoReferrals } from './seed-referrals';

export interface DemoSeedResult {
  seeded: boolean;
  organizations: number;
  offices: number;
  /** The demo logins, with passwords that exist nowhere else: print them once. */
  logins: Array<{ email: string; role: string; password: string }>;
}

/** A password that is easy to copy and type: three groups of four letters and digits. */
function generatedPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''),
  );
  return groups.join('-');
}

/**
 * Seeds the demo network (organizations, offices, one user per role) into an empty database, in one transaction;
 * does nothing on a database in use. `password` gives every demo user the same known password (automated tests);
 * otherwise each gets a generated one.
 */
export async function seedDemoNetwork(
  db: Kysely<Database>,
  options: { password?: string } = {},
): Promise<DemoSeedResult> {
  const logins = DEMO_USERS.map((user) => ({
    email: user.email,
    role: user.role,
    password: options.password ?? generatedPassword(),
  }));
  const hashes = await Promise.all(logins.map((login) => hashPassword(login.password)));
  return db.transaction().execute(async (trx) => {
    if ((await countOrganizations(trx)) > 0)
      return { seeded: false, organizations: 0, offices: 0, logins: [] };
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
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const row = await insertOffice(trx, {
        id: uuidv7(),
        organization_id: organizationIds.get(office.organization) as string,
        name: office.name,
        kind: office.kind,
        municipality_code: office.municipalityCode,
      });
      officeIds.set(office.name, row.id);
    }
    for (const [index, user] of DEMO_USERS.entries()) {
      await insertUser(
        trx,
        {
          id: uuidv7(),
          organization_id: organizationIds.get(user.organization) as string,
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          password_hash: hashes[index] as string,
        },
        user.offices.map((name) => officeIds.get(name) as string),
      );
    }
    await insertProgrammes(
      trx,
      DEMO_PROGRAMMES.map((programme) => ({
        key: programme.key,
        name_es: programme.nameEs,
        name_en: programme.nameEn,
        description_es: programme.descriptionEs,
        description_en: programme.descriptionEn,
        organization_id: organizationIds.get(programme.organization) ?? null,
        requires_plan_approval: programme.requiresPlanApproval,
        requires_closure_approval: programme.requiresClosureApproval,
        instrument_key: programme.instrumentKey,
        population_groups: programme.populationGroups,
      })),
    );
    return { seeded: true, organizations: DEMO_ORGANIZATIONS.length, offices: DEMO_OFFICES.length, logins };
  });
}

/** The whole demo on an empty database: the network and its service directory, then its people (see seed-people.ts). */
export async function seedDemo(
  database: DatabaseHandle,
  options: { password?: string } = {},
): Promise<DemoSeedResult & { people: number }> {
  const { db } = database;
  const network = await seedDemoNetwork(db, options);
  if (!network.seeded) return { ...network, people: 0 };
  await seedDemoDirectory(db);
  const services = createServices({ database });
  const people = await seedDemoPeople(db, services.registry);
  await seedDemoAssessments(db, services.assessment);
  await seedDemoNeeds(db, services.characterization);
  await seedDemoCases(db, services.cases);
  await seedDemoArrivals(db, services);
  await seedDemoReferrals(database);
  await seedDemoEnterprise(database);
  await seedDemoEmployment(database);
  // Last, so the seeds above pick the same persons as before.
  const planted = await seedDemoDuplicates(
    db,
    services.registry,
    await staffActor(db, 'gestor@ruta.example', 'caseworker'),
  );
  return { ...network, people: people + planted };
}
