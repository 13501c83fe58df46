import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, planProgress } from './progress';
import { ACTION_STATUSES } from './vocabulary';

describe('plan progress', () => {
  it('counts done actions over the ones not cancelled', () => {
    expect(planProgress([])).toEqual({ done: 0, total: 0, percent: 0 });
    expect(planProgress([{ status: 'done' }, { status: 'pending' }, { status: 'cancelled' }])).toEqual({
      done: 1,
      total: 2,
      percent: 50,
    });
    expect(planProgress([{ status: 'done' }, { status: 'in_progress' }, { status: 'pending' }]).percent).toBe(
      33,
    );
  });

  it('stays between 0 and 100 and grows when an action is done', () => {
    const actions = fc.array(fc.record({ status: fc.constantFrom(...ACTION_STATUSES) }), { maxLength: 30 });
    fc.assert(
      fc.property(actions, fc.nat(), (list, pick) => {
        const before = planProgress(list);
        expect(before.percent).toBeGreaterThanOrEqual(0);
        expect(before.percent).toBeLessThanOrEqual(100);
        expect(before.percent === 100).toBe(before.total > 0 && before.done === before.total);
        const open = list
          .map((a, i) => ({ a, i }))
          .filter(({ a }) => a.status === 'pending' || a.status === 'in_progress');
        if (!open.length) return;
        const target = open[pick % open.length]?.i;
        const after = planProgress(list.map((a, i) => (i === target ? { status: 'done' as const } : a)));
        expect(after.percent).toBeGreaterThan(before.percent);
      }),
    );
  });

  it('calls an action overdue only while it is still to do', () => {
    expect(isOverdue({ status: 'pending', dueOn: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'pending', dueOn: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueOn: null }, '2026-01-02')).toBe(false);
  });
});
