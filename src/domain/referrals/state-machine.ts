/**
 * The life of a referral, from the referring office's point of view and the partner's. A referral is sent by a
 * case team to a partner's service; the partner accepts or declines it, starts the service and records how it
 * ended (completed with an outcome, or the person did not attend). The referring office may withdraw it while
 * nothing has started. Each step belongs to one side: the partner's focal points, or the referring office's staff.
 */
export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'not_attended',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses where nothing more happens. */
export const CLOSED_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'declined',
  'completed',
  'not_attended',
  'withdrawn',
];

export const REFERRAL_OUTCOMES = ['achieved', 'partially_achieved', 'not_achieved'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_COMMANDS = [
  'accept',
  'decline',
  'start',
  'complete',
  'notAttended',
  'withdraw',
] as const;
export type ReferralCommand = (typeof REFERRAL_COMMANDS)[number];

/** Who acts: the partner organization receiving the referral, or the office that sent it. */
export type ReferralSide = 'partner' | 'referrer';

/** The history entry (referral_event.kind) each step writes. */
export const EVENT_OF_COMMAND: Record<ReferralCommand, string> = {
  accept: 'accepted',
  decline: 'declined',
  start: 'started',
  complete: 'completed',
  notAttended: 'not_attended',
  withdraw: 'withdrawn',
};

const TRANSITIONS: Record<
  ReferralCommand,
  { from: readonly ReferralStatus[]; to: ReferralStatus; side: ReferralSide }
> = {
  accept: { from: ['sent'], to: 'accepted', side: 'partner' },
  decline: { from: ['sent'], to: 'declined', side: 'partner' },
  start: { from: ['accepted'], to: 'in_progress', side: 'partner' },
  complete: { from: ['in_progress'], to: 'completed', side: 'partner' },
  notAttended: { from: ['accepted', 'in_progress'], to: 'not_attended', side: 'partner' },
  withdraw: { from: ['sent', 'accepted'], to: 'withdrawn', side: 'referrer' },
};

export type ReferralRefusal = 'otherSide' | 'notFromStatus';

export type ReferralStep =
  | { ok: true; status: ReferralStatus }
  | { ok: false; refusal: ReferralRefusal; from: ReferralStatus };

/** One step of the state machine: the next status, or why the step is refused. Pure. */
export function applyReferralCommand(
  status: ReferralStatus,
  command: ReferralCommand,
  side: ReferralSide,
): ReferralStep {
  const transition = TRANSITIONS[command];
  if (transition.side !== side) return { ok: false, refusal: 'otherSide', from: status };
  if (!transition.from.includes(status)) return { ok: false, refusal: 'notFromStatus', from: status };
  return { ok: true, status: transition.to };
}

/** The steps a side may take from a status (for the abilities the API shows). */
export function allowedCommands(status: ReferralStatus, side: ReferralSide): ReferralCommand[] {
  return REFERRAL_COMMANDS.filter((command) => applyReferralCommand(status, command, side).ok);
}

/** The side that owns a command. */
export function sideOf(command: ReferralCommand): ReferralSide {
  return TRANSITIONS[command].side;
}
