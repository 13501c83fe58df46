import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../testing/test-database';
import { DEMO_ASSESSMENT } from './seed-assessments';
import { seedDemo } from './seed-demo';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database, { password: 'una-clave-de-prueba-2026' });
}, 240_000);
afterAll(() => database.close());

describe('demo integration index', () => {
  it('gives households of the centre a scored baseline, some a later follow-up, and the programme a target', async () => {
    const applications = await database.db
      .selectFrom('assessment_application')
      .select([
        'household_id',
        'kind',
        'status',
        'overall_score',
        'level_id',
        'latest',
        'completed_at',
        'programme',
      ])
      .orderBy('completed_at')
      .execute();
    expect(applications.length).toBeGreaterThan(10);
    expect(
      applications.every((a) => a.status === 'completed' && a.programme === DEMO_ASSESSMENT.programme),
    ).toBe(true);
    for (const a of applications) {
      expect(a.overall_score).toBeGreaterThanOrEqual(0);
      expect(a.overall_score).toBeLessThanOrEqual(1);
      expect(a.level_id).toMatch(/^(bajo|basico|medio|alto)$/);
    }
    const byHousehold = new Map<string | null, typeof applications>();
    for (const a of applications)
      byHousehold.set(a.household_id, [...(byHousehold.get(a.household_id) ?? []), a]);
    const followedUp = [...byHousehold.values()].filter((list) => list.length === 2);
    expect(followedUp.length).toBeGreaterThan(3);
    for (const [baseline, followUp] of followedUp) {
      if (!baseline || !followUp) throw new Error('a followed-up household has two applications');
      expect(baseline.kind).toBe('baseline');
      expect(followUp.kind).toBe('follow_up');
      expect(followUp.latest).toBe(true);
      expect(baseline.latest).toBe(false);
      expect((followUp.completed_at as Date).getTime()).toBeGreaterThan(
        (baseline.completed_at as Date).getTime(),
      );
    }
    // Some households of the centre are left for a caseworker to measure.
    const centreHouseholds = await database.db
      .selectFrom('household')
      .innerJoin('office', 'office.id', 'household.registered_office_id')
      .select('household.id')
      .where('office.name', '=', DEMO_ASSESSMENT.office)
      .execute();
    expect(centreHouseholds.length).toBeGreaterThan(byHousehold.size);

    const target = await database.db
      .selectFrom('assessment_indicator_target')
      .select(['programme', 'instrument_key', 'target_share'])
      .execute();
    expect(target).toEqual([
      { programme: DEMO_ASSESSMENT.programme, instrument_key: 'hogar_integracion', target_share: 0.7 },
    ]);
    // The indicator is neither empty nor trivially full.
    const latest = applications.filter((a) => a.latest);
    const atTop = latest.filter((a) => a.level_id === 'alto').length;
    expect(atTop).toBeGreaterThan(0);
    expect(atTop).toBeLessThan(latest.length);
  });

  it('records a few needs of households and their heads, some already under way', async () => {
    const needs = await database.db
      .selectFrom('need')
      .select(['person_id', 'household_id', 'status', 'dimension'])
      .execute();
    expect(needs).toHaveLength(12);
    expect(needs.filter((n) => n.household_id)).toHaveLength(6);
    expect(new Set(needs.map((n) => n.status))).toEqual(new Set(['identified', 'in_progress', 'met']));
    const audited = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['need.created', 'need.status_changed'])
      .execute();
    expect(audited.length).toBe(12 + needs.filter((n) => n.status !== 'identified').length);
  });
});
