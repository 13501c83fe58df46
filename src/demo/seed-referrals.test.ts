import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createServices } from '../server/services';
import { createTestDatabase } from '../testing/test-database';
import { seedDemo } from './seed-demo';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database, { password: 'una-clave-de-prueba-2026' });
}, 240_000);
afterAll(() => database.close());

describe('demo referrals', () => {
  it('fills the SENA inbox and the report: one completed, one in progress, one overdue, one declined, one new', async () => {
    const rows = await database.db
      .selectFrom('referral as r')
      .innerJoin('organization as o', 'o.id', 'r.organization_id')
      .select(['r.status', 'r.accept_due_at', 'r.outcome', 'o.short_name', 'r.case_action_id'])
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual([
      'completed',
      'declined',
      'in_progress',
      'sent',
      'sent',
    ]);
    expect(rows.every((r) => r.short_name === 'SENA' && r.case_action_id)).toBe(true);
    expect(rows.find((r) => r.status === 'completed')?.outcome).toBe('achieved');
    const overdue = rows.filter((r) => r.status === 'sent' && r.accept_due_at.getTime() < Date.now());
    expect(overdue).toHaveLength(1);

    const services = createServices({ database });
    const focalPoint = await database.db
      .selectFrom('app_user')
      .select(['id', 'organization_id'])
      .where('email', '=', 'enlace.sena@ruta.example')
      .executeTakeFirstOrThrow();
    const partner = {
      userId: focalPoint.id,
      role: 'partner_focal_point' as const,
      organizationId: focalPoint.organization_id,
      officeIds: [],
      territoryCodes: [],
      via: 'session' as const,
      scopes: ['read' as const],
      context: { ip: null, userAgent: null, requestId: null },
    };
    const report = await services.referrals.report(partner, { groupBy: 'service' });
    expect(report.totals).toMatchObject({ sent: 5, completed: 1, declined: 1, inProgress: 1, overdue: 1 });
    expect(report.totals.medianDaysToCompletion).toBeGreaterThan(50);
    // Each step reached the case: the completed referral's action is done.
    const done = await database.db
      .selectFrom('referral as r')
      .innerJoin('case_action as a', 'a.id', 'r.case_action_id')
      .select('a.status')
      .where('r.status', '=', 'completed')
      .executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
  });
});
