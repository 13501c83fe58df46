import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { InstrumentDefinition } from '../domain/assessment/instrument';
import type { AssessmentService } from '../modules/assessment/service';
import type { Actor } from '../modules/identity/actor';
import { seededRandom } from '../synthetic/random';

/**
 * The integration index in the demo: two in three households of Barranquilla's one-stop centre have a completed
 * baseline of the household index (about six months ago) under the centre's integration programme, and half of
 * those a follow-up (about two months ago) with better answers, so the household page draws an evolution and
 * the indicator shows real figures; the centre's programme gets Barranquilla's target of 70 %. Everything goes
 * through the assessment service (the domain scoring, the `latest` flag, the audit) and is deterministic: the
 * answers come from a seeded generator, not from chance.
 */
export const DEMO_ASSESSMENT = {
  office: 'Centro Intégrate Barranquilla',
  programme: 'integrate-integracion',
  instrument: 'hogar_integracion',
  target: 0.7,
  seed: 20_260_301,
} as const;

/** Answers whose scores gather around `level` (0–1): each question takes the scored option nearest to it. */
function answersAround(definition: InstrumentDefinition, level: number, random: () => number) {
  const answers: Record<string, string> = {};
  for (const dimension of definition.dimensions) {
    for (const question of dimension.questions) {
      const options = (definition.scales.find((scale) => scale.id === question.scale)?.options ?? []).filter(
        (option) => option.score !== undefined,
      );
      const wanted = Math.min(1, Math.max(0, level + (random() - 0.5) * 0.5));
      const nearest = options.reduce((best, option) =>
        Math.abs((option.score as number) - wanted) < Math.abs((best.score as number) - wanted)
          ? option
          : best,
      );
      if (nearest) answers[question.id] = nearest.value;
    }
  }
  return answers;
}

/** A demo user as the services see them, at their first office. */
export async function demoActor(db: Kysely<Database>, email: string): Promise<Actor> {
  const user = await db
    .selectFrom('app_user')
    .innerJoin('user_office', 'user_office.user_id', 'app_user.id')
    .innerJoin('office', 'office.id', 'user_office.office_id')
    .select([
      'app_user.id',
      'app_user.role',
      'app_user.organization_id',
      'office.id as office_id',
      'office.municipality_code',
    ])
    .where('app_user.email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    role: user.role as Actor['role'],
    organizationId: user.organization_id,
    officeIds: [user.office_id],
    territoryCodes: [user.municipality_code.slice(0, 2)],
    via: 'session',
    scopes: ['read', 'write'],
    context: { ip: null, userAgent: 'ruta seed-demo', requestId: null },
  };
}

function monthsAgo(months: number, now: Date): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

export async function seedDemoAssessments(
  db: Kysely<Database>,
  assessment: AssessmentService,
  now = new Date(),
): Promise<{ applications: number }> {
  const staff = {
    caseworker: await demoActor(db, 'gestor@ruta.example'),
    coordinator: await demoActor(db, 'coordinadora@ruta.example'),
  };
  const households = await db
    .selectFrom('household')
    .innerJoin('office', 'office.id', 'household.registered_office_id')
    .select('household.id')
    .where('office.name', '=', DEMO_ASSESSMENT.office)
    .orderBy('household.id')
    .execute();
  const random = seededRandom(DEMO_ASSESSMENT.seed);
  let applications = 0;
  for (const [index, household] of households.entries()) {
    // One household in three is left without an index, for the caseworker to apply it.
    if (index % 3 === 2) continue;
    const baselineLevel = 0.35 + random() * 0.5;
    const when = [monthsAgo(6, now)];
    const levels = [baselineLevel];
    if (index % 2 === 0) {
      levels.push(Math.min(1, baselineLevel + 0.1 + random() * 0.3));
      when.push(monthsAgo(2, now));
    }
    for (const [step, level] of levels.entries()) {
      const started = await assessment.startApplication(staff.caseworker, {
        subjectType: 'household',
        subjectId: household.id,
        instrumentKey: DEMO_ASSESSMENT.instrument,
        respondent: step === 0 ? 'caseworker' : 'with_household',
        programme: DEMO_ASSESSMENT.programme,
      });
      await assessment.completeApplication(staff.caseworker, started.id, {
        version: started.version,
        answers: answersAround(started.definition as InstrumentDefinition, level, random),
      });
      // Dated back, so the history reads as months of work rather than one afternoon.
      const date = when[step] as Date;
      await db
        .updateTable('assessment_application')
        .set({ started_at: date, completed_at: date, updated_at: date })
        .where('id', '=', started.id)
        .execute();
      applications++;
    }
  }
  await assessment.setTarget(staff.coordinator, {
    officeId: staff.coordinator.officeIds[0] as string,
    programme: DEMO_ASSESSMENT.programme,
    instrumentKey: DEMO_ASSESSMENT.instrument,
    targetShare: DEMO_ASSESSMENT.target,
  });
  return { applications };
}
