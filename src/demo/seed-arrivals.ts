import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ArrivalCreate } from '../modules/assistance/schemas';
import type { AssistanceService } from '../modules/assistance/service';
import type { TasksService } from '../modules/tasks/service';
import { demoActor } from './seed-assessments';

const MINUTE = 60_000;

/** The last minutes of the Colombian day of `now` (UTC−5), so "today's" arrivals stay today. */
function latestToday(now: Date, minutesBeforeMidnight: number): Date {
  const bogota = new Date(now.getTime() - 5 * 60 * MINUTE);
  const midnight =
    Date.UTC(bogota.getUTCFullYear(), bogota.getUTCMonth(), bogota.getUTCDate() + 1) + 5 * 60 * MINUTE;
  return new Date(midnight - minutesBeforeMidnight * MINUTE);
}

/** `now` plus some minutes, but never past the end of today in Colombia. */
function laterToday(now: Date, minutes: number, slot: number): string {
  const wanted = new Date(now.getTime() + minutes * MINUTE);
  const latest = latestToday(now, 10 * (slot + 1));
  return (wanted < latest ? wanted : latest).toISOString();
}

/**
 * Today's work for the demo, relative to the moment it is seeded: three arrivals announced at El Dorado (a
 * deportation notice from Migración Colombia, a consulate's notice of a returnee without support, and a
 * traveller with a health condition whose flight is already late), and the caseworker's tasks — one overdue, one
 * due today, one upcoming. Names are invented.
 */
export async function seedDemoArrivals(
  db: Kysely<Database>,
  services: { assistance: AssistanceService; tasks: TasksService },
  now = new Date(),
) {
  const reception = await demoActor(db, 'recepcion@ruta.example');
  const post = reception.officeIds[0] as string;
  const notices = [
    {
      announcedBy: 'migration_authority',
      expectedAt: laterToday(now, 90, 2),
      flightOrCrossing: 'AV 061',
      originCountry: 'US',
      travellerName: 'Jhon Fredy Ramírez Ortiz',
      travellerDocument: 'CC 1023456789',
      categories: ['deported'],
    },
    {
      announcedBy: 'consulate',
      expectedAt: laterToday(now, 240, 1),
      flightOrCrossing: 'IB 6585',
      originCountry: 'ES',
      travellerName: 'Luz Marina Cárdenas Mejía',
      travellerDocument: null,
      categories: ['no_support'],
    },
    {
      announcedBy: 'consulate',
      expectedAt: new Date(now.getTime() - 30 * MINUTE).toISOString(),
      flightOrCrossing: 'CM 0480',
      originCountry: 'PA',
      travellerName: 'Yorman David Pérez Galvis',
      travellerDocument: null,
      categories: ['health_condition'],
    },
  ];
  for (const notice of notices) {
    await services.assistance.createArrival(
      reception,
      ArrivalCreate.parse({ officeId: post, kind: 'announced', transport: 'air', ...notice }),
    );
  }

  const caseworker = await demoActor(db, 'gestor@ruta.example');
  const office = caseworker.officeIds[0] as string;
  const tasks = [
    {
      title: 'Llamar a la familia Ortiz para confirmar la cita con el SENA',
      dueAt: new Date(now.getTime() - 26 * 60 * MINUTE),
    },
    {
      title: 'Revisar los documentos de convalidación de la familia Gómez',
      dueAt: new Date(laterToday(now, 120, 3)),
    },
    {
      title: 'Visita domiciliaria de seguimiento en Rebolo',
      dueAt: new Date(now.getTime() + 3 * 24 * 60 * MINUTE),
    },
  ];
  for (const task of tasks) {
    await services.tasks.createLinkedTask(caseworker, {
      officeId: office,
      title: task.title,
      dueAt: task.dueAt,
      assigneeId: caseworker.userId,
    });
  }
  return { arrivals: notices.length, tasks: tasks.length };
}
