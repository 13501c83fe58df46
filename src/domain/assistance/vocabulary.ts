/**
 * Words of immediate assistance at arrival points: why an arrival needs care (its categories), what the post
 * provided, and how an arrival moves from the notice to the person at the post.
 */

/** Categories of an arrival; each may have a protocol ("hoja de ruta"). */
export const ARRIVAL_CATEGORIES = [
  /** No family references and no resources. */
  'no_support',
  /** A health condition needing care. */
  'health_condition',
  'deported',
  /** An unaccompanied or separated minor. */
  'unaccompanied_minor',
  'other_vulnerability',
] as const;
export type ArrivalCategory = (typeof ARRIVAL_CATEGORIES)[number];

/** What the post provided to the traveller. */
export const PROVISIONS = [
  'temporary_shelter',
  'transport',
  'food',
  /** Medical transfer to the airport's health service. */
  'medical_airport',
  /** Medical transfer to the health secretariat. */
  'medical_secretariat',
  'psychosocial_first_aid',
  'legal_advice',
] as const;
export type Provision = (typeof PROVISIONS)[number];

/** Who announced the arrival beforehand. */
export const ANNOUNCERS = ['consulate', 'migration_authority', 'other'] as const;
export type Announcer = (typeof ANNOUNCERS)[number];

export const TRANSPORT_MODES = ['air', 'land'] as const;

export const ARRIVAL_STATUSES = ['announced', 'received', 'no_show'] as const;
export type ArrivalStatus = (typeof ARRIVAL_STATUSES)[number];

/**
 * Moves allowed: an announced arrival is received at the post or does not show up; a no-show may still turn up
 * later (received then). A received arrival stays received.
 */
const MOVES: Record<ArrivalStatus, readonly ArrivalStatus[]> = {
  announced: ['received', 'no_show'],
  no_show: ['received'],
  received: [],
};

export function canMoveArrival(from: ArrivalStatus, to: ArrivalStatus): boolean {
  return MOVES[from].includes(to);
}
