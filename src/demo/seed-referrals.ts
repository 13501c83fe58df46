import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import type { ReferralCommand } from '../domain/referrals/state-machine';
import type { Actor } from '../modules/identity/actor';
import { createServices } from '../server/services';
import { DEMO_ASSESSMENT, demoActor } from './seed-assessments';
import { demoDirectoryId } from './seed-directory';

const DAY = 86_400_000;

/**
 * Where each demo referral stands, so the partner's inbox, the case pages and the report show every kind: one
 * completed (the SENA entrepreneurship course), one being attended, one past its acceptance time, one declined
 * and a new one. Days are counted back from today.
 */
const DEMO_REFERRALS: Array<{
  service: string;
  reason: string;
  sentDaysAgo: number;
  steps: Array<{ command: ReferralCommand; daysAfter: number; body?: Record<string, string> }>;
}> = [
  {
    service: 'sena-emprendimiento',
    reason: 'Tiene una idea de negocio de comidas rápidas y necesita formular el plan de negocio.',
    sentDaysAgo: 75,
    steps: [
      { command: 'accept', daysAfter: 2 },
      { command: 'start', daysAfter: 8 },
      {
        command: 'complete',
        daysAfter: 60,
        body: { outcome: 'achieved', notes: 'Terminó los talleres y presentó su plan al Fondo Emprender.' },
      },
    ],
  },
  {
    service: 'sena-tecnico-comercio',
    reason: 'Quiere formarse en ventas y servicio al cliente para emplearse en el comercio del centro.',
    sentDaysAgo: 30,
    steps: [
      { command: 'accept', daysAfter: 3 },
      { command: 'start', daysAfter: 10 },
    ],
  },
  {
    service: 'sena-tecnico-comercio',
    reason: 'Busca una formación técnica que le permita certificar su experiencia como vendedora.',
    sentDaysAgo: 14,
    steps: [],
  },
  {
    service: 'sena-emprendimiento',
    reason: 'Quiere fortalecer su venta de arepas en el barrio.',
    sentDaysAgo: 20,
    steps: [
      {
        command: 'decline',
        daysAfter: 4,
        body: { reason: 'El grupo de este trimestre ya está completo; puede remitirla de nuevo en enero.' },
      },
    ],
  },
  {
    service: 'sena-tecnico-comercio',
    reason: 'Terminó el bachillerato y quiere un técnico para conseguir su primer empleo formal.',
    sentDaysAgo: 1,
    steps: [],
  },
];

/**
 * Demo referrals from person cases of the centre's integration programme to SENA's services, through the cases,
 * registry and referrals services at backdated times (their clock), so every step is in the histories, the outbox
 * and the audit log as a real one. Each referred person gets a case with a productive goal and their consent to
 * share with partners; only people the service's rules accept are referred. Needs the directory seed.
 */
export async function seedDemoReferrals(
  database: DatabaseHandle,
  today: Date = new Date(),
): Promise<{ referrals: number }> {
  const { db } = database;
  let now = today;
  const services = createServices({ database, clock: () => now });
  const caseworker = await demoActor(db, 'gestor@ruta.example');
  const focalPoint = await db
    .selectFrom('app_user')
    .select(['id', 'organization_id'])
    .where('email', '=', 'enlace.sena@ruta.example')
    .executeTakeFirstOrThrow();
  const partner: Actor = {
    userId: focalPoint.id,
    role: 'partner_focal_point',
    organizationId: focalPoint.organization_id,
    officeIds: [],
    territoryCodes: [],
    via: 'session',
    scopes: ['read', 'write'],
    context: { ip: null, userAgent: 'ruta seed-demo', requestId: null },
  };
  const adults = await db
    .selectFrom('person as p')
    .innerJoin('office as o', 'o.id', 'p.registered_office_id')
    .select('p.id')
    .where('o.name', '=', DEMO_ASSESSMENT.office)
    .where('p.birth_date', '<=', sql<string>`(${today}::date - interval '18 years')::date`)
    .where('p.birth_date', '>=', sql<string>`(${today}::date - interval '55 years')::date`)
    .where('p.merged_into_id', 'is', null)
    .where('p.population_group', 'in', ['returnee', 'venezuelan_migrant', 'host_community'])
    .where((eb) => eb.or([eb('p.municipality_code', '=', '08001'), eb('p.municipality_code', 'is', null)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('identity_document as d')
          .select('d.id')
          .whereRef('d.person_id', '=', 'p.id')
          .where('d.document_type', 'in', ['CC', 'PPT', 'CE']),
      ),
    )
    .orderBy('p.id')
    .execute();

  const candidates = adults.map((a) => a.id);
  let sent = 0;
  for (const plan of DEMO_REFERRALS) {
    const serviceId = demoDirectoryId('service', plan.service);
    now = new Date(today.getTime() - plan.sentDaysAgo * DAY - 2 * 60 * 60_000);
    while (candidates.length) {
      const personId = candidates.shift() as string;
      const opened = await services.cases
        .openCase(caseworker, { personId, programmeKey: DEMO_ASSESSMENT.programme }, 'es')
        .catch(() => null);
      if (!opened) continue;
      const check = await services.referrals.check(caseworker, opened.id, serviceId, 'es');
      const failing = check.checks.filter((c) => c.outcome === 'fail').map((c) => c.rule);
      if (failing.some((rule) => rule !== 'consent')) continue;
      // The person agrees, at the interview, to their data going to the partner.
      if (failing.includes('consent'))
        await services.registry.recordConsent(caseworker, personId, {
          purpose: 'sharing_with_partners',
          givenBy: 'self',
          method: 'written',
          grantedAt: now.toISOString(),
        });
      const withGoal = await services.cases.addGoal(
        caseworker,
        opened.id,
        {
          version: opened.version,
          dimension: 'productive',
          description: 'Que la persona tenga un ingreso estable con un oficio o un negocio propio',
          needIds: [],
        },
        'es',
      );
      const goalId = withGoal.plan.goals.at(-1)?.id as string;
      const { referral } = await services.referrals.send(
        caseworker,
        opened.id,
        { serviceId, goalId, reason: plan.reason },
        undefined,
        'es',
      );
      let version = referral.version;
      const sentAt = now.getTime();
      for (const step of plan.steps) {
        now = new Date(sentAt + step.daysAfter * DAY);
        const actor = step.command === 'withdraw' ? caseworker : partner;
        const changed = await services.referrals.transition(
          actor,
          referral.id,
          step.command,
          { version, ...step.body } as never,
          'es',
        );
        version = changed.version;
      }
      sent++;
      break;
    }
  }
  return { referrals: sent };
}
