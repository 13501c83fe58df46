import type { NEED_DIMENSIONS } from '../characterization/vocabulary';

type NeedDimension = (typeof NEED_DIMENSIONS)[number];

/**
 * The network's service taxonomy: every offer in the seeds' portfolio, each under the integration dimension whose
 * needs it answers, so a need recorded in a characterization leads to the services that meet it. `other` holds
 * services imported from another HSDS system whose terms match none of ours.
 */
export const SERVICE_CATEGORIES = {
  health_affiliation: 'health',
  sisben_registration: 'social',
  sexual_reproductive_health: 'health',
  mental_health: 'health',
  school_enrolment: 'education',
  child_care: 'social',
  migratory_regularization: 'legal_documentation',
  legal_advice: 'legal_documentation',
  degree_recognition: 'education',
  housing_subsidy: 'housing_urban',
  temporary_shelter: 'humanitarian_aid',
  food_aid: 'humanitarian_aid',
  job_placement: 'productive',
  vocational_training: 'productive',
  entrepreneurship_training: 'productive',
  microcredit: 'productive',
  cultural_exchange: 'cultural',
  psychosocial_support: 'health',
  other: 'social',
} as const satisfies Record<string, NeedDimension>;

export type ServiceCategory = keyof typeof SERVICE_CATEGORIES;

export const SERVICE_CATEGORY_CODES = Object.keys(SERVICE_CATEGORIES) as ServiceCategory[];

/** HSDS 3.0 service statuses, stored as the standard spells them. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

/** Sexes a service may be restricted to; an empty list means anyone. */
export const SERVICE_SEXES = ['female', 'male', 'intersex'] as const;

export function categoriesForDimension(dimension: NeedDimension): ServiceCategory[] {
  return SERVICE_CATEGORY_CODES.filter((code) => SERVICE_CATEGORIES[code] === dimension && code !== 'other');
}
