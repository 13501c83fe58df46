/** Registry vocabularies: one list for the API's validation and the web forms. */
export const POPULATION_GROUPS = [
  'returnee',
  'venezuelan_migrant',
  'refugee_or_asylum_seeker',
  'host_community',
  'other',
] as const;

export const CONSENT_PURPOSES = [
  'assistance',
  'sharing_with_partners',
  'contact',
  'anonymized_statistics',
] as const;

export const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'non_relative',
] as const;
