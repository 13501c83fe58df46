import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { SERVICE_CATEGORY_CODES } from '../domain/directory/taxonomy';
import { DOCUMENT_TYPES } from '../domain/registry/document-types';
import { createServices } from '../server/services';
import { createTestDatabase } from '../testing/test-database';
import { seedDemoNetwork } from './seed-demo';
import { DEMO_LOCATIONS, DEMO_SERVICES, demoDirectoryId, seedDemoDirectory } from './seed-directory';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoNetwork(database.db);
});
afterAll(() => database.close());

const count = async (
  table: 'directory_service' | 'directory_location' | 'directory_schedule' | 'directory_contact',
) =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('seedDemoDirectory', () => {
  it('seeds the partners’ services and places once, with the same ids every time', async () => {
    expect(await seedDemoDirectory(database.db)).toEqual({
      services: DEMO_SERVICES.length,
      locations: DEMO_LOCATIONS.length,
    });
    const before = await Promise.all([
      count('directory_service'),
      count('directory_location'),
      count('directory_schedule'),
      count('directory_contact'),
    ]);
    await seedDemoDirectory(database.db);
    expect(
      await Promise.all([
        count('directory_service'),
        count('directory_location'),
        count('directory_schedule'),
        count('directory_contact'),
      ]),
    ).toEqual(before);
    expect(before[0]).toBe(DEMO_SERVICES.length);
    expect(demoDirectoryId('service', 'sena-tecnico-comercio')).toBe(
      demoDirectoryId('service', 'sena-tecnico-comercio'),
    );
  });

  it('covers every category but `other` with an active service, in the demo municipalities', async () => {
    const services = await database.db
      .selectFrom('directory_service')
      .select([
        'category',
        'status',
        'acceptance_days',
        'completion_days',
        'capacity_per_month',
        'required_documents',
      ])
      .execute();
    const active = new Set(services.filter((s) => s.status === 'active').map((s) => s.category));
    expect(SERVICE_CATEGORY_CODES.filter((c) => c !== 'other' && !active.has(c))).toEqual([]);
    for (const service of services) {
      expect(service.acceptance_days).toBeGreaterThanOrEqual(2);
      expect(service.acceptance_days).toBeLessThanOrEqual(10);
      expect(service.completion_days).toBeGreaterThan(0);
      expect(service.capacity_per_month).toBeGreaterThan(0);
      for (const code of service.required_documents) expect(DOCUMENT_TYPES).toContain(code);
    }
    const municipalities = await database.db
      .selectFrom('directory_location')
      .select('municipality_code')
      .distinct()
      .execute();
    expect(municipalities.map((m) => m.municipality_code)).toEqual(
      expect.arrayContaining(['08001', '11001', '54001', '54874']),
    );
    const withoutHours = await database.db
      .selectFrom('directory_location as l')
      .select('l.name')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('directory_schedule as s').select('s.id').whereRef('s.location_id', '=', 'l.id'),
          ),
        ),
      )
      .execute();
    expect(withoutHours).toEqual([]);
  });

  it('reads back through the directory service with its eligibility and places', async () => {
    const { directory } = createServices({ database });
    const course = await directory.getServiceForReferral(demoDirectoryId('service', 'sena-tecnico-comercio'));
    expect(course).toMatchObject({
      name: 'Técnico en operaciones de comercio',
      organizationName: 'Servicio Nacional de Aprendizaje',
      minimumAge: 16,
      locationMunicipalityCodes: expect.arrayContaining(['08001', '54001']),
    });
    const childCare = await directory.getServiceForReferral(demoDirectoryId('service', 'icbf-cdi'));
    expect(childCare).toMatchObject({ category: 'child_care', minimumAge: 0, maximumAge: 5 });
  });
});
