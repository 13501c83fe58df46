import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DatabaseHandle } from '../db/database';
import { colombianDate } from '../domain/calendar';
import { insertOrganization } from '../modules/identity/queries';
import { createServices } from '../server/services';
import { DEMO_ASSESSMENT, demoActor } from './seed-assessments';

const DAY = 86_400_000;

/** The microfinance institution of the demo (the demo network has no lender of microcredit of its own). */
export const DEMO_MICROFINANCE = {
  name: 'Fundación Microfinanzas del Caribe',
  shortName: 'Microfinanzas del Caribe',
};

/**
 * Demo entrepreneurship: SENA's courses (the Fondo Emprender orientation under way, a cooking technician course
 * open for enrolment, a finished short course on business finances) with enrolments of the centre's adults, and
 * four productive units at different stages with their support, follow-up visits and financing applications: a
 * Bancóldex line approved, the Foreign Ministry's rotating fund in review and a microcredit rejected. Everything
 * goes through the enterprise service at backdated days (days counted back from today), so it is audited like
 * real work. Idempotent: does nothing once a course exists. Needs the demo people.
 */
export async function seedDemoEnterprise(
  database: DatabaseHandle,
  today: Date = new Date(),
): Promise<{ courses: number; units: number }> {
  const { db } = database;
  const existing = await db.selectFrom('enterprise_course').select('id').limit(1).executeTakeFirst();
  if (existing) return { courses: 0, units: 0 };
  const { enterprise } = createServices({ database, clock: () => today });
  const caseworker = await demoActor(db, 'gestor@ruta.example');
  const officeId = caseworker.officeIds[0] as string;
  const ago = (days: number) => colombianDate(new Date(today.getTime() - days * DAY));
  const org = async (shortName: string) =>
    (
      await db
        .selectFrom('organization')
        .select('id')
        .where('short_name', '=', shortName)
        .executeTakeFirstOrThrow()
    ).id;
  const sena = await org('SENA');
  const bancoldex = await org('Bancóldex');
  const cancilleria = await org('Cancillería');
  const camara = await org('Cámara de Comercio');
  const fundacion = await org('Fundación Camino Seguro');
  const microfinance = (
    await insertOrganization(db, {
      id: uuidv7(),
      name: DEMO_MICROFINANCE.name,
      short_name: DEMO_MICROFINANCE.shortName,
      kind: 'financial_institution',
    })
  ).id;

  // The centre's adults, in a stable order (by name).
  const adults = await db
    .selectFrom('person as p')
    .innerJoin('office as o', 'o.id', 'p.registered_office_id')
    .select('p.id')
    .where('o.name', '=', DEMO_ASSESSMENT.office)
    .where('p.merged_into_id', 'is', null)
    .where('p.birth_date', '<=', sql<string>`(${ago(0)}::date - interval '20 years')::date`)
    .where('p.birth_date', '>=', sql<string>`(${ago(0)}::date - interval '60 years')::date`)
    .orderBy('p.surname_1')
    .orderBy('p.given_name_1')
    .orderBy('p.id')
    .limit(8)
    .execute();
  const people = adults.map((a) => a.id);

  const emprende = await enterprise.createCourse(caseworker, {
    organizationId: sena,
    name: 'Emprende con SENA – Fondo Emprender orientación',
    kind: 'entrepreneurship',
    modality: 'in_person',
    hours: 48,
    municipalityCode: '08001',
    startsOn: ago(60),
    endsOn: ago(-30),
    capacity: 25,
    status: 'in_progress',
  });
  const cocina = await enterprise.createCourse(caseworker, {
    organizationId: sena,
    name: 'Técnico en cocina',
    kind: 'vocational',
    modality: 'blended',
    hours: 880,
    municipalityCode: '08001',
    startsOn: ago(-20),
    endsOn: ago(-380),
    capacity: 30,
    status: 'open',
  });
  const finanzas = await enterprise.createCourse(caseworker, {
    organizationId: sena,
    name: 'Finanzas básicas para su negocio',
    kind: 'complementary',
    modality: 'virtual',
    hours: 40,
    startsOn: ago(120),
    endsOn: ago(80),
    capacity: null,
    status: 'open',
  });

  for (const [index, personId] of people.slice(0, 6).entries()) {
    await enterprise.enrol(caseworker, emprende.id, { personId, officeId, enrolledOn: ago(62) });
    if (index < 3) await enterprise.enrol(caseworker, cocina.id, { personId, officeId, enrolledOn: ago(7) });
  }
  for (const personId of people.slice(0, 4)) {
    const enrolment = await enterprise.enrol(caseworker, finanzas.id, {
      personId,
      officeId,
      enrolledOn: ago(125),
    });
    await enterprise.updateEnrolment(caseworker, enrolment.id, {
      version: enrolment.version,
      status: 'completed',
      on: ago(80),
      certificateReference: `SENA-VIR-${String(enrolment.id).slice(-6).toUpperCase()}`,
    });
  }
  await enterprise.updateCourse(caseworker, finanzas.id, { version: 1, status: 'in_progress' });
  await enterprise.updateCourse(caseworker, finanzas.id, { version: 2, status: 'finished' });

  const [arepas, confecciones, tienda, reciclaje] = people;
  let units = 0;
  const unit = async (
    personId: string | undefined,
    input: { name: string; sector: string; description: string },
  ) => {
    if (!personId) return undefined;
    units++;
    return enterprise.createUnit(caseworker, {
      personId,
      officeId,
      name: input.name,
      sector: input.sector as 'I',
      description: input.description,
      municipalityCode: '08001',
      stage: 'idea',
      startedOn: null,
    });
  };
  const moveTo = async (id: string, stages: Array<'business_plan' | 'start_up' | 'operating'>) => {
    let current = await enterprise.getUnit(caseworker, id);
    for (const stage of stages)
      current = await enterprise.updateUnit(caseworker, id, { version: current.version, stage });
    return current;
  };
  const step = async (
    id: string,
    moves: Array<{ status: 'in_review' | 'approved' | 'rejected'; on: string; amountApproved?: number }>,
  ) => {
    let version = 1;
    for (const move of moves)
      version = (await enterprise.updateFinancing(caseworker, id, { version, ...move })).version;
  };

  const a = await unit(arepas, {
    name: 'Arepas La Costeña',
    sector: 'I',
    description: 'Venta de arepas de huevo y jugos naturales en el barrio Rebolo.',
  });
  if (a) {
    await moveTo(a.id, ['business_plan', 'start_up', 'operating']);
    await enterprise.updateUnit(caseworker, a.id, {
      version: (await enterprise.getUnit(caseworker, a.id)).version,
      startedOn: ago(70),
    });
    await enterprise.addSupport(caseworker, a.id, {
      kind: 'training',
      providerOrganizationId: sena,
      providedOn: ago(80),
      notes: 'Taller de plan de negocio del Fondo Emprender.',
    });
    await enterprise.addSupport(caseworker, a.id, {
      kind: 'seed_capital',
      providerOrganizationId: sena,
      amount: 5_000_000,
      providedOn: ago(50),
      notes: 'Capital semilla del Fondo Emprender para plancha, nevera y utensilios.',
    });
    await enterprise.addFollowUp(caseworker, a.id, {
      visitedOn: ago(30),
      monthlySales: 2_400_000,
      jobsCreated: 1,
      notes: 'Vende en la mañana; contrató a una vecina.',
    });
    await enterprise.addFollowUp(caseworker, a.id, {
      visitedOn: ago(5),
      monthlySales: 3_100_000,
      jobsCreated: 2,
      notes: 'Abrió también en la tarde. Necesita una segunda plancha.',
    });
    const credit = await enterprise.createFinancing(caseworker, a.id, {
      line: 'bancoldex',
      intermediaryOrganizationId: bancoldex,
      amountRequested: 8_000_000,
      status: 'submitted',
      submittedOn: ago(40),
      notes: 'Capital de trabajo y un local pequeño.',
    });
    await step(credit.id, [
      { status: 'in_review', on: ago(32) },
      { status: 'approved', on: ago(20), amountApproved: 6_000_000 },
    ]);
  }

  const c = await unit(confecciones, {
    name: 'Confecciones Yuli',
    sector: 'C',
    description: 'Arreglos y confección de uniformes escolares en casa.',
  });
  if (c) {
    await moveTo(c.id, ['business_plan', 'start_up']);
    await enterprise.addSupport(caseworker, c.id, {
      kind: 'inputs',
      providerOrganizationId: fundacion,
      amount: 1_200_000,
      providedOn: ago(25),
      notes: 'Máquina fileteadora usada y telas.',
    });
    await enterprise.addFollowUp(caseworker, c.id, {
      visitedOn: ago(10),
      monthlySales: 650_000,
      jobsCreated: 0,
      notes: 'Tiene pedidos de dos colegios para enero.',
    });
    const fund = await enterprise.createFinancing(caseworker, c.id, {
      line: 'rotating_fund',
      intermediaryOrganizationId: cancilleria,
      amountRequested: 4_500_000,
      status: 'submitted',
      submittedOn: ago(15),
      notes: null,
    });
    await step(fund.id, [{ status: 'in_review', on: ago(9) }]);
  }

  const t = await unit(tienda, {
    name: 'Tienda de barrio Don Chepe',
    sector: 'G',
    description: 'Tienda de víveres y recargas en La Chinita.',
  });
  if (t) {
    await moveTo(t.id, ['business_plan']);
    await enterprise.addSupport(caseworker, t.id, {
      kind: 'technical_assistance',
      providerOrganizationId: camara,
      providedOn: ago(18),
      notes: 'Asesoría para el registro mercantil y el RUT.',
    });
    const micro = await enterprise.createFinancing(caseworker, t.id, {
      line: 'microcredit',
      intermediaryOrganizationId: microfinance,
      amountRequested: 2_000_000,
      status: 'submitted',
      submittedOn: ago(16),
      notes: null,
    });
    await step(micro.id, [
      { status: 'in_review', on: ago(14) },
      { status: 'rejected', on: ago(6) },
    ]);
  }

  await unit(reciclaje, {
    name: 'Reciclaje Verde',
    sector: 'E',
    description: 'Recolección y venta de material reciclable a bodegas del sector.',
  });

  return { courses: 3, units };
}
