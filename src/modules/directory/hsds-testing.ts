import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import type {
  DirectoryContact,
  DirectoryLocation,
  DirectoryOrganization,
  DirectorySchedule,
  DirectoryService,
  DirectoryServiceAtLocation,
} from '../../domain/directory/hsds-export';

/** The official HSDS 3.0 schemas, beside the repository (`../shared/standards/hsds-3.0/`). */
export const HSDS_STANDARD_DIR = resolve(process.cwd(), '../shared/standards/hsds-3.0');

export function readStandard(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(HSDS_STANDARD_DIR, path), 'utf8'));
}

export interface DirectoryRecords {
  organizations: DirectoryOrganization[];
  services: Array<Omit<DirectoryService, 'updated_at'>>;
  locations: DirectoryLocation[];
  servicesAtLocations: DirectoryServiceAtLocation[];
  schedules: DirectorySchedule[];
  contacts: DirectoryContact[];
}

/** A small directory with unique names: one organization, two services, a location, hours and a contact. */
export function buildDirectory(label: string): DirectoryRecords {
  const organizationId = uuidv7();
  const [serviceA, serviceB] = [uuidv7(), uuidv7()];
  const locationId = uuidv7();
  const linkId = uuidv7();
  return {
    organizations: [
      {
        id: organizationId,
        name: `Fundación ${label}`,
        short_name: `F. ${label}`,
        kind: 'ngo',
        description: `Acompaña a familias migrantes (${label}).`,
        email: 'contacto@fundacion.example',
        website: 'https://fundacion.example/ruta',
      },
    ],
    services: [
      {
        id: serviceA,
        organization_id: organizationId,
        name: `Orientación laboral ${label}`,
        alternate_name: 'Ruta de empleo',
        description: 'Hoja de vida, entrevistas y remisión a vacantes.',
        category: 'job_placement',
        status: 'active',
        url: 'https://fundacion.example/empleo',
        email: 'empleo@fundacion.example',
        application_process: 'Llegue con su documento; "sin cita", de lunes a viernes.',
        fees_description: 'Gratuito',
        eligibility_description: 'Personas de 18 a 60 años',
        minimum_age: 18,
        maximum_age: 60,
        population_groups: ['venezuelan_migrant', 'returnee'],
        sexes: ['female'],
        required_documents: ['PPT', 'Cédula de ciudadanía'],
        municipality_codes: ['08001', '08758'],
        languages: ['es', 'en'],
        capacity_per_month: 40,
        acceptance_days: 3,
        completion_days: 20,
      },
      {
        id: serviceB,
        organization_id: organizationId,
        name: `Mercados ${label}`,
        alternate_name: null,
        description: null,
        category: 'food_aid',
        status: 'temporarily closed',
        url: null,
        email: null,
        application_process: null,
        fees_description: null,
        eligibility_description: null,
        minimum_age: null,
        maximum_age: null,
        population_groups: [],
        sexes: [],
        required_documents: [],
        municipality_codes: [],
        languages: [],
        capacity_per_month: null,
        acceptance_days: 5,
        completion_days: null,
      },
    ],
    locations: [
      {
        id: locationId,
        organization_id: organizationId,
        name: `Sede ${label}`,
        alternate_name: null,
        description: 'Segundo piso',
        transportation: 'Transmetro, estación Joaquín Barrios',
        address_1: 'Calle 72 # 45-10',
        address_2: 'Local 2',
        city: 'Barranquilla',
        state_province: 'Atlántico',
        postal_code: '080001',
        country: 'CO',
        municipality_code: '08001',
        latitude: 10.9878,
        longitude: -74.7889,
      },
    ],
    servicesAtLocations: [
      { id: linkId, service_id: serviceA, location_id: locationId, description: 'Ventanilla 3' },
    ],
    schedules: [
      {
        id: uuidv7(),
        service_id: null,
        location_id: null,
        service_at_location_id: linkId,
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '08:00:00',
        closes_at: '16:30:00',
        valid_from: '2026-01-15',
        valid_to: null,
        description: 'Jornada continua',
      },
      {
        id: uuidv7(),
        service_id: serviceB,
        location_id: null,
        service_at_location_id: null,
        byday: 'SA',
        opens_at: '09:00:00',
        closes_at: '12:00:00',
        valid_from: null,
        valid_to: '2026-12-31',
        description: null,
      },
    ],
    contacts: [
      {
        id: uuidv7(),
        organization_id: null,
        service_id: serviceA,
        location_id: null,
        name: 'Ana Pérez',
        title: 'Coordinadora de empleo',
        department: 'Empleabilidad',
        email: 'ana@fundacion.example',
        phone: '+57 605 3000000',
      },
      {
        id: uuidv7(),
        organization_id: organizationId,
        service_id: null,
        location_id: null,
        name: null,
        title: null,
        department: 'Recepción',
        email: null,
        phone: null,
      },
    ],
  };
}

/** Writes directory records straight into the tables (the directory's own API is another helper's). */
export async function insertDirectory(db: Kysely<Database>, records: DirectoryRecords): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (records.organizations.length)
      await trx.insertInto('organization').values(records.organizations).execute();
    if (records.services.length) await trx.insertInto('directory_service').values(records.services).execute();
    if (records.locations.length)
      await trx.insertInto('directory_location').values(records.locations).execute();
    if (records.servicesAtLocations.length) {
      await trx.insertInto('directory_service_at_location').values(records.servicesAtLocations).execute();
    }
    if (records.schedules.length)
      await trx.insertInto('directory_schedule').values(records.schedules).execute();
    if (records.contacts.length) await trx.insertInto('directory_contact').values(records.contacts).execute();
  });
}

/** Removes directory records (children first). */
export async function deleteDirectory(db: Kysely<Database>, records: DirectoryRecords): Promise<void> {
  const ids = <T extends { id: string }>(rows: T[]) =>
    rows.length ? rows.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('directory_contact').where('id', 'in', ids(records.contacts)).execute();
    await trx.deleteFrom('directory_schedule').where('id', 'in', ids(records.schedules)).execute();
    await trx
      .deleteFrom('directory_service_at_location')
      .where('id', 'in', ids(records.servicesAtLocations))
      .execute();
    await trx.deleteFrom('directory_service').where('id', 'in', ids(records.services)).execute();
    await trx.deleteFrom('directory_location').where('id', 'in', ids(records.locations)).execute();
    await trx.deleteFrom('organization').where('id', 'in', ids(records.organizations)).execute();
  });
}

/** Every directory table's rows with the columns an HSDS package carries, sorted by id (for before/after). */
export async function directoryState(db: Kysely<Database>) {
  const [organizations, services, locations, links, schedules, contacts] = await Promise.all([
    db
      .selectFrom('organization')
      .select(['id', 'name', 'short_name', 'kind', 'description', 'email', 'website'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('directory_service')
      .selectAll()
      .orderBy('id')
      .execute()
      .then((rows) =>
        rows.map(
          ({ version: _v, created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, ...row }) => row,
        ),
      ),
    db
      .selectFrom('directory_location')
      .selectAll()
      .orderBy('id')
      .execute()
      .then((rows) => rows.map(({ version: _v, created_at: _c, updated_at: _u, ...row }) => row)),
    db.selectFrom('directory_service_at_location').selectAll().orderBy('id').execute(),
    db.selectFrom('directory_schedule').selectAll().orderBy('id').execute(),
    db.selectFrom('directory_contact').selectAll().orderBy('id').execute(),
  ]);
  return { organizations, services, locations, links, schedules, contacts };
}

/** Reads a ZIP answer into its files: CSVs as arrays of records (header keys), JSON files parsed. */
export function unzipPackage(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const csv: Record<string, Array<Record<string, string>>> = {};
  const headers: Record<string, string[]> = {};
  let datapackage: Record<string, unknown> | null = null;
  for (const [name, content] of Object.entries(files)) {
    const textContent = strFromU8(content);
    if (name === 'datapackage.json') datapackage = JSON.parse(textContent);
    else if (name.endsWith('.csv')) {
      const [header = [], ...rows] = parse(textContent, { bom: true }) as string[][];
      headers[name] = header;
      csv[name] = rows.map((cells) =>
        Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])),
      );
    }
  }
  return { csv, headers, datapackage };
}
