import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CharacterizationService } from '../modules/characterization/service';
import { DEMO_ASSESSMENT, demoActor } from './seed-assessments';

/**
 * A few needs in the demo, so the household page and the coordinator's open needs have something to show: six
 * households of Barranquilla's one-stop centre get one need of the household and one of its head, across the
 * dimensions and severities, some already in progress or met. Recorded by the centre's caseworker through the
 * characterization service (audited), always the same ones.
 */
const DEMO_NEEDS = [
  {
    household: ['housing_urban', 'Arriendo atrasado dos meses; riesgo de desalojo', 'critical', 'identified'],
    head: ['legal_documentation', 'Renovar el PPT y actualizar la dirección', 'high', 'in_progress'],
  },
  {
    household: ['humanitarian_aid', 'Mercado para el mes mientras consigue trabajo', 'high', 'identified'],
    head: ['productive', 'Certificar su experiencia en construcción con el SENA', 'medium', 'identified'],
  },
  {
    household: ['education', 'Cupo escolar para dos niños en el barrio', 'high', 'in_progress'],
    head: ['health', 'Afiliación a la EPS del régimen subsidiado', 'medium', 'met'],
  },
  {
    household: ['social', 'Vincular a la familia a la junta de acción comunal', 'low', 'identified'],
    head: ['productive', 'Capital semilla para la venta de comidas', 'medium', 'identified'],
  },
  {
    household: ['cultural', 'Actividades culturales para los adolescentes', 'low', 'identified'],
    head: ['health', 'Control prenatal en el puesto de salud', 'critical', 'in_progress'],
  },
  {
    household: ['housing_urban', 'Conexión legal a energía y acueducto', 'medium', 'identified'],
    head: ['legal_documentation', 'Convalidar el título de bachiller', 'low', 'identified'],
  },
] as const;

export async function seedDemoNeeds(
  db: Kysely<Database>,
  characterization: CharacterizationService,
): Promise<{ needs: number }> {
  const caseworker = await demoActor(db, 'gestor@ruta.example');
  const households = await db
    .selectFrom('household')
    .innerJoin('office', 'office.id', 'household.registered_office_id')
    .innerJoin('household_membership as head', (join) =>
      join
        .onRef('head.household_id', '=', 'household.id')
        .on('head.relationship', '=', 'head')
        .on('head.left_on', 'is', null),
    )
    .select(['household.id', 'head.person_id'])
    .where('office.name', '=', DEMO_ASSESSMENT.office)
    .orderBy('household.id')
    .execute();
  let needs = 0;
  for (const [index, entry] of DEMO_NEEDS.entries()) {
    // Every fourth household, so that needs are spread over the list rather than bunched at its start.
    const household = households[index * 4 + 1];
    if (!household) break;
    for (const [subject, [dimension, description, severity, status]] of [
      [{ householdId: household.id }, entry.household],
      [{ personId: household.person_id }, entry.head],
    ] as const) {
      const need = await characterization.createNeed(caseworker, {
        ...subject,
        dimension,
        description,
        severity,
        status: 'identified',
      });
      if (status !== 'identified') {
        await characterization.updateNeed(caseworker, need.id, { version: need.version, status });
      }
      needs++;
    }
  }
  return { needs };
}
