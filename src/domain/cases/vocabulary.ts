/** The vocabularies of cases: one list for the API's validation, the database checks and the web forms. */
export const CASE_STATUSES = ['open', 'active', 'on_hold', 'pending_closure', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const CLOSURE_REASONS = [
  'goals_achieved',
  'person_withdrew',
  'moved_away',
  'lost_contact',
  'referred_elsewhere',
  'deceased',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CLOSURE_OUTCOMES = ['achieved', 'partially_achieved', 'not_achieved'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const GOAL_STATUSES = ['open', 'achieved', 'not_achieved', 'cancelled'] as const;

export const ACTION_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const RESPONSIBLE_KINDS = ['caseworker', 'partner', 'person'] as const;

export const NOTE_CONFIDENTIALITY = ['normal', 'restricted', 'sensitive'] as const;
export type NoteConfidentiality = (typeof NOTE_CONFIDENTIALITY)[number];
