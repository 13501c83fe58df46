import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import { colombianDate } from '../domain/calendar';
import { addMonthsToDay } from '../domain/employment/employer-standing';
import { createServices } from '../server/services';
import { DEMO_ASSESSMENT, demoActor } from './seed-assessments';

const DAY = 86_400_000;
const ALL_PASS = {
  legalRegistration: true,
  formalContracts: true,
  socialSecurity: true,
  minimumWageOrMore: true,
  safeConditions: true,
  nonDiscrimination: true,
};

/** The demo vacancies: Textiles del Caribe in Barranquilla, Agroindustrias del Valle in Cúcuta (real CIUO-08 unit groups). */
const DEMO_VACANCIES: Array<{
  employer: 'Textiles del Caribe' | 'Agroindustrias del Valle';
  title: string;
  ciuoCode: string;
  description: string;
  requiredSkills: string[];
  educationLevel: 'primary' | 'secondary' | 'media' | 'technical';
  experienceMonths: number;
  municipalityCode: string;
  contractType: 'indefinite' | 'fixed_term' | 'work_or_labour';
  monthlyWage: number;
  positions: number;
  openedDaysAgo: number;
}> = [
  {
    employer: 'Textiles del Caribe',
    title: 'Operaria u operario de máquina plana',
    ciuoCode: '8153',
    description: 'Confección de camisas y uniformes en línea de producción; turno de 7 a. m. a 5 p. m.',
    requiredSkills: ['máquina plana', 'fileteadora', 'control de calidad'],
    educationLevel: 'primary',
    experienceMonths: 6,
    municipalityCode: '08001',
    contractType: 'fixed_term',
    monthlyWage: 1_800_000,
    positions: 5,
    openedDaysAgo: 20,
  },
  {
    employer: 'Textiles del Caribe',
    title: 'Modista para taller de muestras',
    ciuoCode: '7531',
    description: 'Elaborar muestras y ajustes de prendas a partir de moldes.',
    requiredSkills: ['patronaje', 'confección a medida'],
    educationLevel: 'secondary',
    experienceMonths: 24,
    municipalityCode: '08001',
    contractType: 'indefinite',
    monthlyWage: 2_100_000,
    positions: 1,
    openedDaysAgo: 12,
  },
  {
    employer: 'Textiles del Caribe',
    title: 'Auxiliar de empaque y despacho',
    ciuoCode: '9321',
    description: 'Doblar, etiquetar y empacar prendas para despacho a almacenes.',
    requiredSkills: ['empaque', 'inventario'],
    educationLevel: 'primary',
    experienceMonths: 0,
    municipalityCode: '08001',
    contractType: 'work_or_labour',
    monthlyWage: 1_750_905,
    positions: 3,
    openedDaysAgo: 8,
  },
  {
    employer: 'Textiles del Caribe',
    title: 'Vendedora o vendedor de almacén',
    ciuoCode: '5223',
    description: 'Atención al cliente y ventas en el almacén de fábrica del centro.',
    requiredSkills: ['servicio al cliente', 'manejo de caja'],
    educationLevel: 'media',
    experienceMonths: 6,
    municipalityCode: '08001',
    contractType: 'fixed_term',
    monthlyWage: 1_850_000,
    positions: 2,
    openedDaysAgo: 5,
  },
  {
    employer: 'Agroindustrias del Valle',
    title: 'Trabajador o trabajadora de cosecha',
    ciuoCode: '9211',
    description: 'Cosecha y selección de fruta en finca; transporte desde Cúcuta.',
    requiredSkills: ['cosecha', 'trabajo al aire libre'],
    educationLevel: 'primary',
    experienceMonths: 0,
    municipalityCode: '54001',
    contractType: 'work_or_labour',
    monthlyWage: 1_750_905,
    positions: 10,
    openedDaysAgo: 15,
  },
  {
    employer: 'Agroindustrias del Valle',
    title: 'Conductor de camioneta de reparto',
    ciuoCode: '8322',
    description: 'Reparto de producto a tiendas del área metropolitana de Cúcuta.',
    requiredSkills: ['licencia C1', 'rutas de reparto'],
    educationLevel: 'secondary',
    experienceMonths: 12,
    municipalityCode: '54001',
    contractType: 'fixed_term',
    monthlyWage: 2_000_000,
    positions: 1,
    openedDaysAgo: 10,
  },
  {
    employer: 'Agroindustrias del Valle',
    title: 'Auxiliar de bodega (cargue y descargue)',
    ciuoCode: '9333',
    description: 'Cargue y descargue de canastillas en la bodega de acopio.',
    requiredSkills: ['cargue', 'manejo de estibador'],
    educationLevel: 'primary',
    experienceMonths: 3,
    municipalityCode: '54001',
    contractType: 'work_or_labour',
    monthlyWage: 1_800_000,
    positions: 4,
    openedDaysAgo: 6,
  },
  {
    employer: 'Agroindustrias del Valle',
    title: 'Asesor comercial para tiendas de barrio',
    ciuoCode: '3322',
    description: 'Visitar tiendas, tomar pedidos y abrir nuevos clientes en Cúcuta y Villa del Rosario.',
    requiredSkills: ['ventas', 'manejo de moto'],
    educationLevel: 'technical',
    experienceMonths: 12,
    municipalityCode: '54001',
    contractType: 'indefinite',
    monthlyWage: 2_300_000,
    positions: 2,
    openedDaysAgo: 3,
  },
];

/**
 * Demo job insertion, through the employment service at backdated times (its clock) so the audit log and the
 * outbox have it as real: Textiles del Caribe verified a week ago until next year, Agroindustrias del Valle
 * verified over a year ago and expired; eight open vacancies in Barranquilla and Cúcuta; three people of the
 * centre proposed to Textiles' sewing vacancy (one proposed, one at interview, one hired about a hundred days ago
 * with its 3-month follow-up overdue); and some registrations with the public employment service. Needs the
 * network, the people and the referrals (which record the sharing consents) seeded. Does nothing when any
 * employer verification exists.
 */
export async function seedDemoEmployment(
  database: DatabaseHandle,
  today: Date = new Date(),
): Promise<{ vacancies: number; applications: number }> {
  const { db } = database;
  if (await db.selectFrom('employer_verification').select('id').limit(1).executeTakeFirst())
    return { vacancies: 0, applications: 0 };
  let now = today;
  const at = (daysAgo: number) => {
    now = new Date(today.getTime() - daysAgo * DAY);
    return now;
  };
  const services = createServices({ database, clock: () => now });
  const { employment, registry } = services;
  const coordinator = await demoActor(db, 'coordinadora@ruta.example');
  const caseworker = await demoActor(db, 'gestor@ruta.example');
  const employers = new Map(
    (
      await db
        .selectFrom('organization')
        .select(['id', 'short_name'])
        .where('kind', '=', 'employer')
        .execute()
    ).map((o) => [o.short_name, o.id]),
  );
  const textiles = employers.get('Textiles del Caribe') as string;
  const agro = employers.get('Agroindustrias del Valle') as string;

  // Textiles: a first visit months ago, renewed a week ago (its history shows both).
  at(140);
  await employment.verifyEmployer(coordinator, textiles, {
    ...ALL_PASS,
    validUntil: addMonthsToDay(colombianDate(now), 6),
    notes: 'Primera visita: verificación por seis meses mientras llegan las planillas de seguridad social.',
  });
  at(7);
  await employment.verifyEmployer(coordinator, textiles, {
    ...ALL_PASS,
    validUntil: addMonthsToDay(colombianDate(now), 12),
    notes:
      'Visita a la planta de Barranquilla: contratos a término fijo con afiliación a EPS, pensión y ARL.',
  });
  await employment.updateProfile(coordinator, textiles, {
    version: 0,
    taxId: '900451278-3',
    economicActivity: 'Confección de prendas de vestir (CIIU 1410)',
    municipalityCode: '08001',
    address: 'Zona Franca de Barranquilla, bodega 12',
  });
  at(400);
  await employment.verifyEmployer(coordinator, agro, {
    ...ALL_PASS,
    validUntil: addMonthsToDay(colombianDate(now), 12),
    notes: 'Visita a la finca y a la bodega de acopio.',
  });
  await employment.updateProfile(coordinator, agro, {
    version: 0,
    taxId: '901220345-8',
    economicActivity: 'Cultivo de frutas tropicales (CIIU 0122)',
    municipalityCode: '54001',
    address: 'Anillo vial occidental, km 4',
  });

  const vacancyIds: string[] = [];
  for (const v of DEMO_VACANCIES) {
    at(v.openedDaysAgo);
    const { employer, openedDaysAgo, ...fields } = v;
    const created = await employment.createVacancy(
      coordinator,
      {
        ...fields,
        organizationId: employer === 'Textiles del Caribe' ? textiles : agro,
        opensOn: colombianDate(now),
        closesOn: addMonthsToDay(colombianDate(now), 2),
        status: 'open',
      },
      'es',
    );
    vacancyIds.push(created.id);
  }

  // Adults of the centre with their consent to share with partners (the demo referrals recorded some).
  const people = await db
    .selectFrom('person as p')
    .innerJoin('office as o', 'o.id', 'p.registered_office_id')
    .select('p.id')
    .where('o.name', '=', DEMO_ASSESSMENT.office)
    .where('p.merged_into_id', 'is', null)
    .where('p.birth_date', '<=', sql<string>`(${today}::date - interval '20 years')::date`)
    .where('p.birth_date', '>=', sql<string>`(${today}::date - interval '50 years')::date`)
    .orderBy('p.id')
    .limit(6)
    .execute();
  let applications = 0;
  const sewing = vacancyIds[0] as string;
  // A first round of the sewing line, months ago, that ended filled.
  at(130);
  const firstRound = await employment.createVacancy(
    coordinator,
    {
      ...(({ employer, openedDaysAgo, ...fields }) => fields)(
        DEMO_VACANCIES[0] as (typeof DEMO_VACANCIES)[number],
      ),
      title: 'Operaria u operario de fileteadora',
      positions: 1,
      organizationId: textiles,
      opensOn: colombianDate(now),
      closesOn: addMonthsToDay(colombianDate(now), 1),
      status: 'open',
    },
    'es',
  );
  for (const [index, { id: personId }] of people.entries()) {
    at(120 - index);
    await registry
      .recordConsent(caseworker, personId, {
        purpose: 'sharing_with_partners',
        givenBy: 'self',
        method: 'written',
        grantedAt: now.toISOString(),
      })
      .catch(() => undefined);
    await db
      .insertInto('job_seeker_profile')
      .values({
        person_id: personId,
        ciuo_codes: index % 2 ? ['8153', '7531'] : ['8153'],
        skills: ['máquina plana', 'fileteadora'],
        education_level: index % 2 ? 'media' : 'secondary',
        experience_months: 12 + index * 6,
        municipality_code: '08001',
        availability: 'immediate',
      })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
    await employment.saveRegistration(caseworker, personId, {
      version: 0,
      registeredOn: colombianDate(now),
      status: index < 3 ? 'referred_to_vacancies' : 'registered',
      registrationNumber: `SPE-${String(240_100 + index * 37)}`,
      provider: 'Agencia Pública de Empleo del SENA',
    });
  }
  // Three of them proposed to the sewing vacancy: one hired ~100 days ago, one at interview, one just proposed.
  const plans = [
    { proposedDaysAgo: 115, interviewDaysAgo: 108, hiredDaysAgo: 100 },
    { proposedDaysAgo: 6, interviewDaysAgo: 2, hiredDaysAgo: null },
    { proposedDaysAgo: 1, interviewDaysAgo: null, hiredDaysAgo: null },
  ];
  for (const [index, plan] of plans.entries()) {
    const person = people[index];
    if (!person) break;
    at(plan.proposedDaysAgo);
    const vacancyId = plan.hiredDaysAgo !== null ? firstRound.id : sewing;
    let application = await employment.propose(
      caseworker,
      vacancyId,
      { personId: person.id, matchScore: 0.8 - index / 10 },
      'es',
    );
    applications++;
    if (plan.interviewDaysAgo !== null) {
      at(plan.interviewDaysAgo);
      application = await employment.transition(
        caseworker,
        application.id,
        'interview',
        { version: application.version, interviewAt: new Date(now.getTime() + 2 * DAY).toISOString() },
        'es',
      );
    }
    if (plan.hiredDaysAgo !== null) {
      at(plan.hiredDaysAgo);
      await employment.transition(
        caseworker,
        application.id,
        'hire',
        { version: application.version, hiredOn: colombianDate(now) },
        'es',
      );
      const filled = await employment.getVacancy(coordinator, firstRound.id, 'es');
      await employment.updateVacancy(
        coordinator,
        firstRound.id,
        {
          ...(({
            id,
            organizationId,
            organizationName,
            employerStanding,
            occupationTitle,
            municipalityName,
            postedByName,
            applications,
            abilities,
            ...rest
          }) => rest)(filled),
          description: filled.description,
          status: 'filled',
        },
        'es',
      );
    }
  }
  return { vacancies: vacancyIds.length, applications };
}
