import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DUE_OFFSET_MINUTES, ProtocolDefinition, planProtocol, timeliness } from './protocol';
import { SHIPPED_PROTOCOLS } from './shipped-protocols';
import { ARRIVAL_CATEGORIES, canMoveArrival } from './vocabulary';

const start = new Date('2026-03-10T15:00:00Z');

describe('shipped protocols', () => {
  it('are valid, one per arrival category', () => {
    for (const protocol of SHIPPED_PROTOCOLS)
      expect(ProtocolDefinition.safeParse(protocol).success).toBe(true);
    expect(SHIPPED_PROTOCOLS.map((p) => p.category).sort()).toEqual([...ARRIVAL_CATEGORIES].sort());
  });

  it('ask to notify ICBF first for an unaccompanied minor', () => {
    const minor = SHIPPED_PROTOCOLS.find((p) => p.category === 'unaccompanied_minor');
    expect(minor?.steps[0]?.id).toBe('notify_icbf');
  });
});

describe('ProtocolDefinition', () => {
  it('refuses a repeated step id, naming the step', () => {
    const result = ProtocolDefinition.safeParse({
      category: 'deported',
      name: { es: 'Uno', en: 'One' },
      steps: [
        { id: 'a', title: { es: 'A', en: 'A' }, dueOffsetMinutes: 1 },
        { id: 'a', title: { es: 'B', en: 'B' }, dueOffsetMinutes: 2 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['steps', 1, 'id']);
  });
});

describe('planProtocol', () => {
  it('gives one task per step, due at its offset from the start, never before the start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: MAX_DUE_OFFSET_MINUTES }), { maxLength: 30 }),
        (offsets) => {
          const steps = offsets.map((dueOffsetMinutes, i) => ({
            id: `s${i}`,
            title: { es: `Paso ${i}`, en: `Step ${i}` },
            dueOffsetMinutes,
          }));
          const planned = planProtocol({ steps }, start);
          expect(planned.map((p) => p.stepId)).toEqual(steps.map((s) => s.id));
          planned.forEach((p, i) => {
            expect(p.dueAt.getTime() - start.getTime()).toBe((offsets[i] as number) * 60_000);
            expect(p.dueAt.getTime()).toBeGreaterThanOrEqual(start.getTime());
          });
        },
      ),
    );
  });
});

describe('timeliness', () => {
  const due = new Date('2026-03-10T16:00:00Z');
  it('tells on time, late, pending, overdue and cancelled', () => {
    expect(timeliness({ status: 'done', dueAt: due, completedAt: due }, start)).toBe('on_time');
    expect(
      timeliness({ status: 'done', dueAt: due, completedAt: new Date(due.getTime() + 1000) }, start),
    ).toBe('late');
    expect(timeliness({ status: 'open', dueAt: due, completedAt: null }, start)).toBe('pending');
    expect(timeliness({ status: 'open', dueAt: due, completedAt: null }, new Date(due.getTime() + 1))).toBe(
      'overdue',
    );
    expect(timeliness({ status: 'cancelled', dueAt: due, completedAt: null }, start)).toBe('cancelled');
  });
});

describe('arrival moves', () => {
  it('lets an announced arrival be received or miss, a no-show turn up later, and nothing leave received', () => {
    expect(canMoveArrival('announced', 'received')).toBe(true);
    expect(canMoveArrival('announced', 'no_show')).toBe(true);
    expect(canMoveArrival('no_show', 'received')).toBe(true);
    expect(canMoveArrival('received', 'no_show')).toBe(false);
    expect(canMoveArrival('received', 'announced')).toBe(false);
  });
});
