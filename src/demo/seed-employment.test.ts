import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createServices } from '../server/services';
import { createTestDatabase } from '../testing/test-database';
import { demoActor } from './seed-assessments';
import { seedDemo } from './seed-demo';
import { seedDemoEmployment } from './seed-employment';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database, { password: 'una-clave-de-prueba-2026' });
}, 240_000);
afterAll(() => database.close());

describe('demo job insertion', () => {
  it('has Textiles del Caribe verified, Agroindustrias del Valle expired, open vacancies and a pipeline', async () => {
    const { employment } = createServices({ database });
    const coordinator = await demoActor(database.db, 'coordinadora@ruta.example');
    const caseworker = await demoActor(database.db, 'gestor@ruta.example');
    const employers = (await employment.listEmployers(coordinator)).items;
    const standing = (name: string) => employers.find((e) => e.shortName === name)?.standing;
    expect(standing('Textiles del Caribe')).toBe('verified');
    expect(standing('Agroindustrias del Valle')).toBe('expired');
    const vacancies = (await employment.listVacancies(coordinator, { status: 'open' }, 'es')).items;
    expect(vacancies.length).toBeGreaterThanOrEqual(6);
    expect(new Set(vacancies.map((v) => v.municipalityName))).toEqual(
      new Set(['Barranquilla', 'San José de Cúcuta']),
    );
    const applications = await database.db.selectFrom('job_application').select('status').execute();
    expect(applications.map((a) => a.status).sort()).toEqual(['applied', 'hired', 'interview']);
    const followUps = (await employment.listFollowUps(caseworker, {})).items;
    expect(followUps.map((f) => f.milestone)).toEqual(['3_months', '6_months']);
    expect(followUps[0]?.overdue).toBe(true);
    const registrations = await database.db
      .selectFrom('employment_service_registration')
      .select('id')
      .execute();
    expect(registrations.length).toBeGreaterThanOrEqual(3);
  });

  it('does nothing the second time', async () => {
    expect(await seedDemoEmployment(database)).toEqual({ vacancies: 0, applications: 0 });
  });
});
