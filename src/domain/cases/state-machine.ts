import type { CaseStatus, PlanStatus } from './vocabulary';

/**
 * The life of a case as a pure state machine. A case is opened (`open`) while its action plan is drafted; the
 * plan's approval (by a coordinator when the programme requires it, at once otherwise) makes it `active`. A case
 * may be put `on_hold` and resumed; closing it goes through `pending_closure` when the programme requires a
 * coordinator's approval of closures; a closed case may be reopened.
 */
export interface CaseState {
  status: CaseStatus;
  /** The working status (`open` or `active`) to return to after a hold or a refused closure. */
  statusBefore: 'open' | 'active' | null;
  planStatus: PlanStatus;
}

export interface ProgrammeRules {
  requiresPlanApproval: boolean;
  requiresClosureApproval: boolean;
}

export const CASE_COMMANDS = [
  'submitPlan',
  'approvePlan',
  'rejectPlan',
  'changePlan',
  'hold',
  'resume',
  'requestClosure',
  'approveClosure',
  'rejectClosure',
  'reopen',
] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];

export type Refusal =
  | 'caseClosed'
  | 'closurePending'
  | 'planUnderReview'
  | 'planNotSubmitted'
  | 'planAlreadyApproved'
  | 'planEmpty'
  | 'notOnHold'
  | 'alreadyOnHold'
  | 'noClosurePending'
  | 'notClosed';

export type Transition = { ok: true; state: CaseState } | { ok: false; refusal: Refusal };

export const OPENED: CaseState = { status: 'open', statusBefore: null, planStatus: 'draft' };

const refuse = (refusal: Refusal): Transition => ({ ok: false, refusal });
const to = (state: CaseState): Transition => ({ ok: true, state });

/** The working status of a case, or the one it returns to after a hold or a refused closure. */
function working(state: CaseState): 'open' | 'active' {
  if (state.status === 'open' || state.status === 'active') return state.status;
  return state.statusBefore ?? (state.planStatus === 'approved' ? 'active' : 'open');
}

/** Refusal for changing anything of a case that is closed or waiting for its closure approval. */
function settled(state: CaseState): Refusal | null {
  if (state.status === 'closed') return 'caseClosed';
  if (state.status === 'pending_closure') return 'closurePending';
  return null;
}

/**
 * Applies a command. `context.goals` is how many goals the plan has (a plan without goals cannot be submitted).
 */
export function applyCaseCommand(
  state: CaseState,
  command: CaseCommand,
  rules: ProgrammeRules,
  context: { goals: number } = { goals: 1 },
): Transition {
  const blocked = settled(state);
  switch (command) {
    case 'submitPlan': {
      if (blocked) return refuse(blocked);
      if (state.planStatus === 'submitted') return refuse('planUnderReview');
      if (state.planStatus === 'approved') return refuse('planAlreadyApproved');
      if (context.goals < 1) return refuse('planEmpty');
      if (rules.requiresPlanApproval) return to({ ...state, planStatus: 'submitted' });
      return to(approved(state));
    }
    case 'approvePlan':
      if (blocked) return refuse(blocked);
      if (state.planStatus !== 'submitted') return refuse('planNotSubmitted');
      return to(approved(state));
    case 'rejectPlan':
      if (blocked) return refuse(blocked);
      if (state.planStatus !== 'submitted') return refuse('planNotSubmitted');
      return to({ ...state, planStatus: 'rejected' });
    case 'changePlan':
      // Goals and actions change while the plan is a draft, or after its decision; an approved plan that needs
      // approval goes back to draft, so the change is approved in turn.
      if (blocked) return refuse(blocked);
      if (state.planStatus === 'submitted') return refuse('planUnderReview');
      if (state.planStatus === 'approved' && rules.requiresPlanApproval)
        return to({ ...state, planStatus: 'draft' });
      return to(state);
    case 'hold':
      if (blocked) return refuse(blocked);
      if (state.status === 'on_hold') return refuse('alreadyOnHold');
      return to({ ...state, status: 'on_hold', statusBefore: working(state) });
    case 'resume':
      if (state.status !== 'on_hold') return refuse('notOnHold');
      return to({ ...state, status: working(state), statusBefore: null });
    case 'requestClosure':
      if (blocked) return refuse(blocked);
      if (rules.requiresClosureApproval)
        return to({ ...state, status: 'pending_closure', statusBefore: working(state) });
      return to({ ...state, status: 'closed', statusBefore: null });
    case 'approveClosure':
      if (state.status !== 'pending_closure') return refuse('noClosurePending');
      return to({ ...state, status: 'closed', statusBefore: null });
    case 'rejectClosure':
      if (state.status !== 'pending_closure') return refuse('noClosurePending');
      return to({ ...state, status: working(state), statusBefore: null });
    case 'reopen':
      if (state.status !== 'closed') return refuse('notClosed');
      return to({
        ...state,
        status: state.planStatus === 'approved' ? 'active' : 'open',
        statusBefore: null,
      });
  }
}

function approved(state: CaseState): CaseState {
  const next: CaseState = { ...state, planStatus: 'approved' };
  if (state.status === 'open') next.status = 'active';
  if (state.status === 'on_hold' && state.statusBefore === 'open') next.statusBefore = 'active';
  return next;
}

/** Whether action statuses (done, in progress) may change: not on a closed case or one waiting to close. */
export function canUpdateActions(state: CaseState): boolean {
  return settled(state) === null;
}
