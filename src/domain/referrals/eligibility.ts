import { DOCUMENT_TYPES } from '../registry/document-types';
import { ageOn } from '../registry/household-composition';

/**
 * Whether a person may be referred to a service, rule by rule, each with what it compared so the message can
 * explain it in the reader's language. A referral is possible only when no rule fails; `unknown` (the record lacks
 * the fact, e.g. no birth date) and `warning` (the service is at its monthly capacity) leave the decision to the
 * caseworker and the partner.
 */
export const ELIGIBILITY_RULES = [
  'service_status',
  'population_group',
  'age',
  'sex',
  'territory',
  'documents',
  'capacity',
  'consent',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export const CHECK_OUTCOMES = ['pass', 'fail', 'unknown', 'warning'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export interface EligibilityCheck {
  rule: EligibilityRule;
  outcome: CheckOutcome;
  params: Record<string, string | number | boolean | string[] | null>;
}

export interface ServiceRules {
  status: string;
  populationGroups: string[];
  sexes: string[];
  minimumAge: number | null;
  maximumAge: number | null;
  /** Document types (CC, PPT…: any one of them suffices) and, possibly, other papers named in words. */
  requiredDocuments: string[];
  /** Municipalities (5-digit DIVIPOLA) or departments (2 digits) the service covers. */
  municipalityCodes: string[];
  /** Municipalities of the service's locations. */
  locationMunicipalityCodes: string[];
  capacityPerMonth: number | null;
}

export interface PersonFacts {
  populationGroup: string;
  birthDate: string | null;
  sexAtBirth: string | null;
  municipalityCode: string | null;
  documentTypes: string[];
  /** A current consent to share the person's data with partners. */
  consentToShare: boolean;
}

export interface EligibilityContext {
  /** The referral's day in Colombia (`YYYY-MM-DD`): the age is the age on that day. */
  on: string;
  /** The service's referrals accepted or in progress this month. */
  activeThisMonth: number;
}

const KNOWN_DOCUMENTS = new Set<string>(DOCUMENT_TYPES);

export function checkEligibility(
  service: ServiceRules,
  person: PersonFacts,
  context: EligibilityContext,
): { eligible: boolean; checks: EligibilityCheck[] } {
  const checks: EligibilityCheck[] = [
    serviceStatus(service),
    populationGroup(service, person),
    age(service, person, context),
    sex(service, person),
    territory(service, person),
    documents(service, person),
    capacity(service, context),
    consent(person),
  ];
  return { eligible: isEligible(checks), checks };
}

export function isEligible(checks: readonly EligibilityCheck[]): boolean {
  return !checks.some((check) => check.outcome === 'fail');
}

function serviceStatus(service: ServiceRules): EligibilityCheck {
  return {
    rule: 'service_status',
    outcome: service.status === 'active' ? 'pass' : 'fail',
    params: { status: service.status },
  };
}

function populationGroup(service: ServiceRules, person: PersonFacts): EligibilityCheck {
  const params = { group: person.populationGroup, groups: service.populationGroups };
  if (!service.populationGroups.length) return { rule: 'population_group', outcome: 'pass', params };
  return {
    rule: 'population_group',
    outcome: service.populationGroups.includes(person.populationGroup) ? 'pass' : 'fail',
    params,
  };
}

function age(service: ServiceRules, person: PersonFacts, context: EligibilityContext): EligibilityCheck {
  const { minimumAge: minimum, maximumAge: maximum } = service;
  if (minimum === null && maximum === null)
    return { rule: 'age', outcome: 'pass', params: { age: null, minimum, maximum } };
  if (!person.birthDate) return { rule: 'age', outcome: 'unknown', params: { age: null, minimum, maximum } };
  const years = ageOn(person.birthDate, context.on);
  const within = (minimum === null || years >= minimum) && (maximum === null || years <= maximum);
  return { rule: 'age', outcome: within ? 'pass' : 'fail', params: { age: years, minimum, maximum } };
}

function sex(service: ServiceRules, person: PersonFacts): EligibilityCheck {
  const params = { sex: person.sexAtBirth, sexes: service.sexes };
  if (!service.sexes.length) return { rule: 'sex', outcome: 'pass', params };
  if (!person.sexAtBirth || person.sexAtBirth === 'not_stated')
    return { rule: 'sex', outcome: 'unknown', params };
  return { rule: 'sex', outcome: service.sexes.includes(person.sexAtBirth) ? 'pass' : 'fail', params };
}

function territory(service: ServiceRules, person: PersonFacts): EligibilityCheck {
  const codes = [...new Set([...service.municipalityCodes, ...service.locationMunicipalityCodes])].sort();
  const params = { municipality: person.municipalityCode, codes, national: codes.length === 0 };
  if (!codes.length) return { rule: 'territory', outcome: 'pass', params };
  if (!person.municipalityCode) return { rule: 'territory', outcome: 'unknown', params };
  const home = person.municipalityCode;
  const covered = codes.some((code) => code === home || (code.length === 2 && home.startsWith(code)));
  return { rule: 'territory', outcome: covered ? 'pass' : 'fail', params };
}

function documents(service: ServiceRules, person: PersonFacts): EligibilityCheck {
  const typed = service.requiredDocuments.filter((d) => KNOWN_DOCUMENTS.has(d));
  const other = service.requiredDocuments.filter((d) => !KNOWN_DOCUMENTS.has(d));
  const held = typed.filter((d) => person.documentTypes.includes(d));
  const params = { required: typed, other, held };
  if (typed.length && !held.length) return { rule: 'documents', outcome: 'fail', params };
  if (other.length) return { rule: 'documents', outcome: 'unknown', params };
  return { rule: 'documents', outcome: 'pass', params };
}

function capacity(service: ServiceRules, context: EligibilityContext): EligibilityCheck {
  const params = { used: context.activeThisMonth, capacity: service.capacityPerMonth };
  if (service.capacityPerMonth === null) return { rule: 'capacity', outcome: 'pass', params };
  return {
    rule: 'capacity',
    outcome: context.activeThisMonth >= service.capacityPerMonth ? 'warning' : 'pass',
    params,
  };
}

function consent(person: PersonFacts): EligibilityCheck {
  return { rule: 'consent', outcome: person.consentToShare ? 'pass' : 'fail', params: {} };
}
