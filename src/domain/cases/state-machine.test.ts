import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCaseCommand, CASE_COMMANDS, type CaseState, canUpdateActions, OPENED } from './state-machine';

const NEEDS_BOTH = { requiresPlanApproval: true, requiresClosureApproval: true };
const NEEDS_NONE = { requiresPlanApproval: false, requiresClosureApproval: false };

function run(state: CaseState, commands: Parameters<typeof applyCaseCommand>[1][], rules = NEEDS_BOTH) {
  return commands.reduce((current, command) => {
    const result = applyCaseCommand(current, command, rules);
    if (!result.ok) throw new Error(`${command} refused: ${result.refusal}`);
    return result.state;
  }, state);
}

describe('case state machine', () => {
  it('activates a case when a coordinator approves its submitted plan', () => {
    const submitted = run(OPENED, ['submitPlan']);
    expect(submitted).toEqual({ status: 'open', statusBefore: null, planStatus: 'submitted' });
    expect(run(submitted, ['approvePlan'])).toEqual({
      status: 'active',
      statusBefore: null,
      planStatus: 'approved',
    });
  });

  it('approves the plan at submission when the programme needs no approval', () => {
    expect(run(OPENED, ['submitPlan'], NEEDS_NONE)).toMatchObject({
      status: 'active',
      planStatus: 'approved',
    });
    expect(applyCaseCommand(OPENED, 'approvePlan', NEEDS_NONE)).toEqual({
      ok: false,
      refusal: 'planNotSubmitted',
    });
  });

  it('refuses to submit a plan without goals, and to change a plan under review', () => {
    expect(applyCaseCommand(OPENED, 'submitPlan', NEEDS_BOTH, { goals: 0 })).toEqual({
      ok: false,
      refusal: 'planEmpty',
    });
    const submitted = run(OPENED, ['submitPlan']);
    expect(applyCaseCommand(submitted, 'changePlan', NEEDS_BOTH)).toEqual({
      ok: false,
      refusal: 'planUnderReview',
    });
  });

  it('sends a rejected plan back to be changed and submitted again', () => {
    const rejected = run(OPENED, ['submitPlan', 'rejectPlan']);
    expect(rejected.planStatus).toBe('rejected');
    expect(run(rejected, ['changePlan', 'submitPlan', 'approvePlan']).status).toBe('active');
  });

  it('needs approval again when an approved plan changes, and the case stays active', () => {
    const changed = run(OPENED, ['submitPlan', 'approvePlan', 'changePlan']);
    expect(changed).toEqual({ status: 'active', statusBefore: null, planStatus: 'draft' });
    expect(run(OPENED, ['submitPlan', 'changePlan'], NEEDS_NONE).planStatus).toBe('approved');
  });

  it('puts a case on hold and resumes it where it was', () => {
    const held = run(OPENED, ['submitPlan', 'approvePlan', 'changePlan', 'hold']);
    expect(held).toEqual({ status: 'on_hold', statusBefore: 'active', planStatus: 'draft' });
    expect(run(held, ['resume']).status).toBe('active');
    expect(run(OPENED, ['hold', 'resume']).status).toBe('open');
  });

  it('closes through pending closure when the programme requires it; a refusal returns the case', () => {
    const pending = run(OPENED, ['submitPlan', 'approvePlan', 'requestClosure']);
    expect(pending).toEqual({ status: 'pending_closure', statusBefore: 'active', planStatus: 'approved' });
    expect(canUpdateActions(pending)).toBe(false);
    expect(applyCaseCommand(pending, 'hold', NEEDS_BOTH)).toEqual({ ok: false, refusal: 'closurePending' });
    expect(run(pending, ['approveClosure']).status).toBe('closed');
    expect(run(pending, ['rejectClosure']).status).toBe('active');
    expect(run(OPENED, ['requestClosure'], NEEDS_NONE).status).toBe('closed');
  });

  it('reopens a closed case and refuses changes while closed', () => {
    const closed = run(OPENED, ['submitPlan', 'approvePlan', 'requestClosure', 'approveClosure']);
    expect(applyCaseCommand(closed, 'changePlan', NEEDS_BOTH)).toEqual({ ok: false, refusal: 'caseClosed' });
    expect(applyCaseCommand(closed, 'requestClosure', NEEDS_BOTH)).toEqual({
      ok: false,
      refusal: 'caseClosed',
    });
    expect(run(closed, ['reopen'])).toEqual({ status: 'active', statusBefore: null, planStatus: 'approved' });
    expect(applyCaseCommand(OPENED, 'reopen', NEEDS_BOTH)).toEqual({ ok: false, refusal: 'notClosed' });
  });
});

describe('case state machine properties', () => {
  const rules = fc.record({ requiresPlanApproval: fc.boolean(), requiresClosureApproval: fc.boolean() });
  const commands = fc.array(fc.constantFrom(...CASE_COMMANDS), { maxLength: 40 });

  /** Every state reached by any sequence of commands, refused ones leaving the state as it was. */
  function walk(
    r: { requiresPlanApproval: boolean; requiresClosureApproval: boolean },
    list: (typeof CASE_COMMANDS)[number][],
  ) {
    const states: CaseState[] = [OPENED];
    let state = OPENED;
    for (const command of list) {
      const result = applyCaseCommand(state, command, r);
      if (result.ok) state = result.state;
      states.push(state);
    }
    return states;
  }

  it('remembers a status to return to exactly while on hold or waiting for closure', () => {
    fc.assert(
      fc.property(rules, commands, (r, list) => {
        for (const state of walk(r, list)) {
          const waiting = state.status === 'on_hold' || state.status === 'pending_closure';
          expect(state.statusBefore !== null).toBe(waiting);
        }
      }),
    );
  });

  it('never waits for an approval the programme does not require', () => {
    fc.assert(
      fc.property(rules, commands, (r, list) => {
        for (const state of walk(r, list)) {
          if (!r.requiresPlanApproval) expect(state.planStatus).not.toBe('submitted');
          if (!r.requiresClosureApproval) expect(state.status).not.toBe('pending_closure');
        }
      }),
    );
  });

  it('is never active before a plan was approved', () => {
    fc.assert(
      fc.property(rules, commands, (r, list) => {
        let everApproved = false;
        for (const state of walk(r, list)) {
          if (state.planStatus === 'approved') everApproved = true;
          if (state.status === 'active') expect(everApproved).toBe(true);
        }
      }),
    );
  });

  it('can always be closed from wherever it is', () => {
    fc.assert(
      fc.property(rules, commands, (r, list) => {
        const state = walk(r, list).at(-1) as CaseState;
        let closing = state;
        for (const command of ['resume', 'requestClosure', 'approveClosure'] as const) {
          const result = applyCaseCommand(closing, command, r);
          if (result.ok) closing = result.state;
        }
        expect(closing.status).toBe('closed');
      }),
    );
  });
});
