import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { colombianDate } from '../domain/calendar';
import type { NEED_DIMENSIONS } from '../domain/characterization/vocabulary';
import type { CaseService } from '../modules/cases/service';
import { DEMO_ASSESSMENT, demoActor } from './seed-assessments';

type NeedDimension = (typeof NEED_DIMENSIONS)[number];

/** What the centre's caseworker agrees with a household for a need of each dimension: a goal and a first step. */
const PLAN_BY_DIMENSION: Record<NeedDimension, { goal: string; action: string }> = {
  social: {
    goal: 'Que la familia cuente con una red de apoyo en el barrio',
    action: 'Acompañar a la familia a la reunión de la junta de acción comunal',
  },
  cultural: {
    goal: 'Que los adolescentes participen en actividades culturales del barrio',
    action: 'Inscribir a los adolescentes en la escuela de música de la Casa de Cultura',
  },
  housing_urban: {
    goal: 'Que el hogar tenga una vivienda estable y con servicios',
    action: 'Orientar a la familia sobre el subsidio de arriendo del Distrito',
  },
  productive: {
    goal: 'Que el hogar tenga un ingreso estable',
    action: 'Registrar la hoja de vida en el Servicio Público de Empleo',
  },
  health: {
    goal: 'Que todos los miembros del hogar tengan acceso a salud',
    action: 'Acompañar la afiliación a la EPS del régimen subsidiado',
  },
  education: {
    goal: 'Que los niños del hogar estén estudiando',
    action: 'Solicitar los cupos escolares en la Secretaría de Educación',
  },
  legal_documentation: {
    goal: 'Que los miembros del hogar tengan sus documentos al día',
    action: 'Agendar la cita con Migración Colombia para el PPT',
  },
  humanitarian_aid: {
    goal: 'Que la familia tenga alimentación asegurada mientras genera ingresos',
    action: 'Entregar el bono de mercado del mes',
  },
};

/** Where each demo case stands, so the case list, the approvals and the office view each show something. */
const STAGES = ['approved_with_progress', 'submitted', 'draft', 'on_hold'] as const;

/**
 * A few cases of the centre's integration programme for the households that have needs (seed-needs.ts): the
 * caseworker opens them, ties a goal and an action to each need, submits some plans, and the coordinator approves
 * one of them — all through the cases service, so every step is in the history and the audit log.
 */
export async function seedDemoCases(
  db: Kysely<Database>,
  cases: CaseService,
  today: Date = new Date(),
): Promise<{ cases: number }> {
  const caseworker = await demoActor(db, 'gestor@ruta.example');
  const coordinator = await demoActor(db, 'coordinadora@ruta.example');
  const households = await db
    .selectFrom('household')
    .innerJoin('office', 'office.id', 'household.registered_office_id')
    .where('office.name', '=', DEMO_ASSESSMENT.office)
    .where((eb) =>
      eb.exists(eb.selectFrom('need').select('need.id').whereRef('need.household_id', '=', 'household.id')),
    )
    .select('household.id')
    .orderBy('household.id')
    .limit(STAGES.length)
    .execute();
  const inTwoWeeks = colombianDate(new Date(today.getTime() + 14 * 86_400_000));
  let opened = 0;
  for (const [index, household] of households.entries()) {
    const stage = STAGES[index] as (typeof STAGES)[number];
    let detail = await cases.openCase(
      caseworker,
      { householdId: household.id, programmeKey: DEMO_ASSESSMENT.programme },
      'es',
    );
    for (const need of detail.needs) {
      const plan = PLAN_BY_DIMENSION[need.dimension as NeedDimension];
      detail = await cases.addGoal(
        caseworker,
        detail.id,
        {
          version: detail.version,
          dimension: need.dimension as NeedDimension,
          description: plan.goal,
          needIds: [need.id],
        },
        'es',
      );
      const goal = detail.plan.goals.at(-1);
      if (!goal) continue;
      detail = await cases.addAction(
        caseworker,
        detail.id,
        {
          version: detail.version,
          goalId: goal.id,
          description: plan.action,
          responsible: { kind: 'caseworker' },
          dueOn: inTwoWeeks,
        },
        'es',
      );
    }
    opened++;
    if (stage === 'draft') continue;
    detail = await cases.submitPlan(caseworker, detail.id, detail.version, 'es');
    if (stage === 'submitted') continue;
    detail = await cases.decide(
      coordinator,
      detail.id,
      { version: detail.version, subject: 'plan', decision: 'approve', reason: null },
      'es',
    );
    if (stage === 'on_hold') {
      await cases.transition(
        caseworker,
        detail.id,
        {
          version: detail.version,
          action: 'hold',
          reason: 'La familia viajó a visitar familiares por un mes',
        },
        'es',
      );
      continue;
    }
    const first = detail.plan.goals[0]?.actions[0];
    if (first) {
      await cases.updateAction(
        caseworker,
        detail.id,
        first.id,
        { version: detail.version, status: 'done' },
        'es',
      );
    }
  }
  return { cases: opened };
}
