import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  applyReferralCommand,
  REFERRAL_COMMANDS,
  type ReferralCommand,
  type ReferralSide,
  type ReferralStatus,
} from './state-machine';

function run(steps: Array<[ReferralCommand, ReferralSide]>, from: ReferralStatus = 'sent') {
  const visited: ReferralStatus[] = [from];
  let status = from;
  for (const [command, side] of steps) {
    const result = applyReferralCommand(status, command, side);
    if (result.ok) {
      status = result.status;
      visited.push(status);
    }
  }
  return { status, visited };
}

describe('referral state machine', () => {
  it('follows the closed loop: sent, accepted, in progress, completed', () => {
    expect(
      run([
        ['accept', 'partner'],
        ['start', 'partner'],
        ['complete', 'partner'],
      ]).visited,
    ).toEqual(['sent', 'accepted', 'in_progress', 'completed']);
  });

  it('gives each step to one side: the partner answers, the referring office withdraws', () => {
    expect(applyReferralCommand('sent', 'accept', 'referrer')).toEqual({
      ok: false,
      refusal: 'otherSide',
      from: 'sent',
    });
    expect(applyReferralCommand('sent', 'withdraw', 'partner')).toMatchObject({ ok: false });
    expect(applyReferralCommand('sent', 'withdraw', 'referrer')).toEqual({ ok: true, status: 'withdrawn' });
    expect(applyReferralCommand('accepted', 'withdraw', 'referrer')).toEqual({
      ok: true,
      status: 'withdrawn',
    });
    expect(applyReferralCommand('in_progress', 'withdraw', 'referrer')).toMatchObject({
      ok: false,
      refusal: 'notFromStatus',
    });
  });

  it('lets the partner record a no-show after accepting or starting, never before', () => {
    expect(applyReferralCommand('accepted', 'notAttended', 'partner')).toMatchObject({
      status: 'not_attended',
    });
    expect(applyReferralCommand('in_progress', 'notAttended', 'partner')).toMatchObject({
      status: 'not_attended',
    });
    expect(applyReferralCommand('sent', 'notAttended', 'partner')).toMatchObject({ ok: false });
  });

  it('lists what each side may do from each status', () => {
    expect(allowedCommands('sent', 'partner')).toEqual(['accept', 'decline']);
    expect(allowedCommands('sent', 'referrer')).toEqual(['withdraw']);
    expect(allowedCommands('in_progress', 'partner')).toEqual(['complete', 'notAttended']);
    expect(allowedCommands('completed', 'partner')).toEqual([]);
    expect(allowedCommands('declined', 'referrer')).toEqual([]);
  });

  const anyStep = fc.tuple(
    fc.constantFrom(...REFERRAL_COMMANDS),
    fc.constantFrom<ReferralSide>('partner', 'referrer'),
  );

  it('never reaches completed without passing through accepted and in progress', () => {
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 20 }), (steps) => {
        const { visited } = run(steps);
        const completed = visited.indexOf('completed');
        if (completed === -1) return;
        expect(visited.indexOf('accepted')).toBeGreaterThan(-1);
        expect(visited.indexOf('accepted')).toBeLessThan(visited.indexOf('in_progress'));
        expect(visited.indexOf('in_progress')).toBeLessThan(completed);
      }),
    );
  });

  it('never leaves a closed status, and the referrer never moves a referral but to withdrawn', () => {
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 20 }), (steps) => {
        let status: ReferralStatus = 'sent';
        for (const [command, side] of steps) {
          const result = applyReferralCommand(status, command, side);
          if (['declined', 'completed', 'not_attended', 'withdrawn'].includes(status))
            expect(result.ok).toBe(false);
          if (result.ok && side === 'referrer') expect(result.status).toBe('withdrawn');
          if (result.ok) status = result.status;
        }
      }),
    );
  });
});
