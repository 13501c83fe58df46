import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createAssistanceService } from '../modules/assistance/service';
import { createAuditService } from '../modules/audit/service';
import { createIdentityService } from '../modules/identity/service';
import { createRegistryService } from '../modules/registry/service';
import { createTasksService } from '../modules/tasks/service';
import { createTestDatabase } from '../testing/test-database';
import { seedDemoArrivals } from './seed-arrivals';
import { demoActor } from './seed-assessments';
import { seedDemoNetwork } from './seed-demo';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoNetwork(database.db, { password: 'una-clave-de-prueba-2026' });
});
afterAll(() => database.close());

describe('seedDemoArrivals', () => {
  it("puts today's announced arrivals on El Dorado's board and the caseworker's work in its three sections", async () => {
    // 21:30 in Bogotá: late in the day, so the seed must keep "today" today.
    const now = new Date('2026-03-11T02:30:00Z');
    const db = database.db;
    const audit = createAuditService({ db });
    const registry = createRegistryService({ db, audit });
    const identity = createIdentityService({ db, audit });
    const clock = () => now;
    const tasks = createTasksService({ db, audit, identity, registry, clock });
    const assistance = createAssistanceService({ db, audit, registry, tasks, clock });
    expect(await seedDemoArrivals(db, { tasks, assistance }, now)).toEqual({ arrivals: 3, tasks: 3 });

    const board = await assistance.board(await demoActor(db, 'recepcion@ruta.example'), {});
    expect(board.date).toBe('2026-03-10');
    expect(board.items.map((a) => a.categories[0])).toEqual(['health_condition', 'deported', 'no_support']);
    expect(board.counts.announced).toBe(3);

    const work = await tasks.myWork(await demoActor(db, 'gestor@ruta.example'));
    expect([work.overdue.length, work.today.length, work.upcoming.length]).toEqual([1, 1, 1]);
  });
});
