/** The job-insertion vocabularies as migration 0021 froze them in the database's checks. */
export const EDUCATION_LEVELS = [
  'none',
  'preschool',
  'primary',
  'secondary',
  'media',
  'technical',
  'technological',
  'university',
  'specialization',
  'masters',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const CONTRACT_TYPES = [
  'indefinite',
  'fixed_term',
  'work_or_labour',
  'apprenticeship',
  'temporary',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const VACANCY_STATUSES = ['draft', 'open', 'closed', 'filled', 'cancelled'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

export const REGISTRATION_STATUSES = [
  'registered',
  'profile_updated',
  'referred_to_vacancies',
  'inactive',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const FOLLOW_UP_MILESTONES = ['3_months', '6_months'] as const;
export type FollowUpMilestone = (typeof FOLLOW_UP_MILESTONES)[number];
