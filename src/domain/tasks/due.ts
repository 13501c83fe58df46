import { colombianDate } from '../calendar';

/** A task is "due soon" this long before its due time. */
export const DUE_SOON_MINUTES = 120;

export type TaskStatus = 'open' | 'done' | 'cancelled';

/**
 * Where an open task stands against the clock: past its due time (overdue), within the next two hours (due
 * soon), later today in Colombia (today), on a later day (upcoming), or without a due time. Closed tasks are
 * closed. Reminders are these flags, computed when read, never stored.
 */
export type DueState = 'overdue' | 'due_soon' | 'today' | 'upcoming' | 'no_due' | 'closed';

export function dueState(task: { status: TaskStatus; dueAt: Date | null }, now: Date): DueState {
  if (task.status !== 'open') return 'closed';
  if (!task.dueAt) return 'no_due';
  const due = task.dueAt.getTime();
  if (due < now.getTime()) return 'overdue';
  if (due - now.getTime() <= DUE_SOON_MINUTES * 60_000) return 'due_soon';
  if (colombianDate(task.dueAt) === colombianDate(now)) return 'today';
  return 'upcoming';
}

/** The sections of "my work today", in the order they are shown. */
export type WorkBucket = 'overdue' | 'today' | 'upcoming';

/** Due soon counts as today; tasks without a due time come last, with the upcoming ones. */
export function workBucket(state: DueState): WorkBucket | null {
  switch (state) {
    case 'overdue':
      return 'overdue';
    case 'due_soon':
    case 'today':
      return 'today';
    case 'upcoming':
    case 'no_due':
      return 'upcoming';
    default:
      return null;
  }
}

function compareDue(a: Date | null, b: Date | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return Math.sign(a.getTime() - b.getTime());
}

/**
 * Open tasks in the order a caseworker works them: overdue first (the longest overdue on top), then due today,
 * then upcoming, each by due time, tasks without a due time last; ties keep their given order.
 */
export function orderWork<T extends { status: TaskStatus; dueAt: Date | null }>(tasks: T[], now: Date) {
  const rank: Record<WorkBucket, number> = { overdue: 0, today: 1, upcoming: 2 };
  return tasks
    .map((task, index) => ({ task, index, bucket: workBucket(dueState(task, now)) }))
    .filter((entry): entry is { task: T; index: number; bucket: WorkBucket } => entry.bucket !== null)
    .sort(
      (a, b) =>
        rank[a.bucket] - rank[b.bucket] || compareDue(a.task.dueAt, b.task.dueAt) || a.index - b.index,
    )
    .map(({ task, bucket }) => ({ task, bucket, state: dueState(task, now) }));
}
