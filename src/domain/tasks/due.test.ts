import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueState, orderWork, type TaskStatus } from './due';

// 10:00 in Bogotá (15:00 UTC).
const now = new Date('2026-03-10T15:00:00Z');
const at = (iso: string) => new Date(iso);

describe('dueState', () => {
  it('flags overdue, due soon, later today, upcoming and no due time; closed tasks are closed', () => {
    expect(dueState({ status: 'open', dueAt: at('2026-03-10T14:59:00Z') }, now)).toBe('overdue');
    expect(dueState({ status: 'open', dueAt: at('2026-03-10T16:30:00Z') }, now)).toBe('due_soon');
    expect(dueState({ status: 'open', dueAt: at('2026-03-10T17:00:00Z') }, now)).toBe('due_soon');
    expect(dueState({ status: 'open', dueAt: at('2026-03-10T22:00:00Z') }, now)).toBe('today');
    // 23:30 in Bogotá is still today there, though it is the next day in UTC.
    expect(dueState({ status: 'open', dueAt: at('2026-03-11T04:30:00Z') }, now)).toBe('today');
    expect(dueState({ status: 'open', dueAt: at('2026-03-11T05:30:00Z') }, now)).toBe('upcoming');
    expect(dueState({ status: 'open', dueAt: null }, now)).toBe('no_due');
    expect(dueState({ status: 'done', dueAt: at('2026-03-01T00:00:00Z') }, now)).toBe('closed');
    expect(dueState({ status: 'cancelled', dueAt: null }, now)).toBe('closed');
  });
});

const task = fc.record({
  status: fc.constantFrom<TaskStatus>('open', 'open', 'open', 'done', 'cancelled'),
  dueAt: fc.option(
    fc
      .integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 })
      .map((offset) => new Date(now.getTime() + offset)),
    { nil: null },
  ),
});

describe('orderWork', () => {
  it('puts overdue first, then today, then upcoming, by due time, and leaves closed tasks out', () => {
    fc.assert(
      fc.property(fc.array(task, { maxLength: 40 }), (tasks) => {
        const ordered = orderWork(tasks, now);
        expect(ordered.length).toBe(tasks.filter((t) => t.status === 'open').length);
        const rank = { overdue: 0, today: 1, upcoming: 2 };
        for (let i = 1; i < ordered.length; i++) {
          const previous = ordered[i - 1];
          const current = ordered[i];
          if (!previous || !current) continue;
          expect(rank[previous.bucket]).toBeLessThanOrEqual(rank[current.bucket]);
          if (previous.bucket === current.bucket && current.task.dueAt) {
            expect(previous.task.dueAt).not.toBeNull();
            expect(previous.task.dueAt?.getTime()).toBeLessThanOrEqual(current.task.dueAt.getTime());
          }
        }
        for (const entry of ordered) {
          if (entry.bucket === 'overdue') expect(entry.task.dueAt?.getTime()).toBeLessThan(now.getTime());
        }
      }),
    );
  });
});
