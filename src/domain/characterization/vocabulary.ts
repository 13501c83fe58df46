/** The answer options of a characterization and of needs: one list for the API's validation and the web forms. */
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

export const RECOGNITION = ['yes', 'no', 'in_process', 'not_needed'] as const;

export const CERTIFICATION_TYPES = ['sena_competency', 'course', 'professional_licence', 'other'] as const;

export const LANGUAGE_LEVELS = ['basic', 'intermediate', 'advanced', 'native'] as const;

export const AVAILABILITY = ['immediate', 'part_time', 'weekends', 'later', 'not_available'] as const;

export const INCOME_SITUATIONS = [
  'none',
  'informal_work',
  'formal_employment',
  'self_employed',
  'remittances',
  'subsidies',
  'other',
] as const;

export const HEALTH_REGIMES = [
  'contributivo',
  'subsidiado',
  'especial',
  'not_affiliated',
  'unknown',
] as const;

export const SISBEN_GROUPS = ['A', 'B', 'C', 'D', 'not_surveyed', 'unknown'] as const;

export const MIGRATORY_STATUSES = [
  'colombian',
  'ppt',
  'pep',
  'visa',
  'asylum_seeker',
  'refugee',
  'irregular',
  'other',
] as const;

export const REGULARIZATION_STEPS = [
  'not_started',
  'rumv_registered',
  'biometrics_done',
  'ppt_approved',
  'ppt_delivered',
  'not_applicable',
] as const;

export const HOUSING_SITUATIONS = [
  'own',
  'rented',
  'family_or_friends',
  'shelter',
  'informal_settlement',
  'street',
  'other',
] as const;

export const NEED_DIMENSIONS = [
  'social',
  'cultural',
  'housing_urban',
  'productive',
  'health',
  'education',
  'legal_documentation',
  'humanitarian_aid',
] as const;

export const NEED_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const NEED_STATUSES = ['identified', 'in_progress', 'met', 'not_met', 'cancelled'] as const;
