import type { ActionStatus } from './vocabulary';

export interface PlanProgress {
  done: number;
  /** Actions that count: every action but the cancelled ones. */
  total: number;
  /** Whole percentage of the counted actions that are done; 0 for a plan without actions. */
  percent: number;
}

/** Progress of an action plan: the share of its (not cancelled) actions that are done. */
export function planProgress(actions: ReadonlyArray<{ status: ActionStatus }>): PlanProgress {
  const counted = actions.filter((a) => a.status !== 'cancelled');
  const done = counted.filter((a) => a.status === 'done').length;
  return {
    done,
    total: counted.length,
    percent: counted.length ? Math.floor((done / counted.length) * 100) : 0,
  };
}

/** An action is overdue when it is still to do and its due date (YYYY-MM-DD) is before today. */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return (
    (action.status === 'pending' || action.status === 'in_progress') && !!action.dueOn && action.dueOn < today
  );
}
