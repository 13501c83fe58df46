import { EDUCATION_LEVELS, type EducationLevel } from './vocabulary';

/**
 * Explainable matching of a job seeker and a vacancy, the same score both ways (candidates for a vacancy, vacancies
 * for a person). The score is a weighted sum of six components, each worth at most `WEIGHTS[component]` points, so
 * the total is in [0, 100] and every point can be explained: each component says what it compared and why it got
 * what it got, as a key and parameters the web app puts into words. Pure functions: no database, no clock.
 */

export const AVAILABILITY = ['immediate', 'part_time', 'weekends', 'later', 'not_available'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const COMPONENTS = [
  'occupation',
  'skills',
  'education',
  'experience',
  'municipality',
  'availability',
] as const;
export type Component = (typeof COMPONENTS)[number];

/** Points each component is worth; they add up to 100. */
export const WEIGHTS: Readonly<Record<Component, number>> = {
  occupation: 35,
  skills: 20,
  education: 15,
  experience: 10,
  municipality: 10,
  availability: 10,
};

/** How close the person's best occupation is to the vacancy's, by the CIUO-08 codes' shared prefix. */
export const OCCUPATION_LEVELS = [
  'unit_group',
  'minor_group',
  'sub_major_group',
  'major_group',
  'none',
] as const;
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];
const OCCUPATION_SHARE: Record<OccupationLevel, number> = {
  unit_group: 1,
  minor_group: 0.75,
  sub_major_group: 0.5,
  major_group: 0.2,
  none: 0,
};

const AVAILABILITY_SHARE: Record<Availability | 'unknown', number> = {
  immediate: 1,
  part_time: 0.7,
  weekends: 0.7,
  later: 0.4,
  unknown: 0.2,
  not_available: 0,
};

export interface MatchVacancy {
  ciuoCode: string;
  requiredSkills: readonly string[];
  educationLevel: EducationLevel | null;
  experienceMonths: number;
  municipalityCode: string;
}

export interface MatchSeeker {
  ciuoCodes: readonly string[];
  skills: readonly string[];
  educationLevel: EducationLevel | null;
  experienceMonths: number;
  municipalityCode: string | null;
  availability: Availability | null;
}

export type ComponentResult =
  | {
      component: 'occupation';
      points: number;
      maxPoints: number;
      reason: OccupationLevel;
      /** The shared group (its code; the service adds its title) and the person's occupation that reached it. */
      params: { groupCode: string | null; personCode: string | null; vacancyCode: string };
    }
  | {
      component: 'skills';
      points: number;
      maxPoints: number;
      reason: 'none_required' | 'some' | 'none';
      params: { matched: string[]; missing: string[]; required: number };
    }
  | {
      component: 'education';
      points: number;
      maxPoints: number;
      reason: 'none_required' | 'meets' | 'one_below' | 'below' | 'unknown';
      params: { required: EducationLevel | null; person: EducationLevel | null };
    }
  | {
      component: 'experience';
      points: number;
      maxPoints: number;
      reason: 'none_required' | 'meets' | 'partial';
      params: { requiredMonths: number; personMonths: number };
    }
  | {
      component: 'municipality';
      points: number;
      maxPoints: number;
      reason: 'same_municipality' | 'same_department' | 'other' | 'unknown';
      params: { vacancy: string; person: string | null };
    }
  | {
      component: 'availability';
      points: number;
      maxPoints: number;
      reason: Availability | 'unknown';
      params: Record<string, never>;
    };

export interface MatchResult {
  score: number;
  components: ComponentResult[];
}

/** Lower case, no accents, single spaces: "Costura " and "costura", "Patronaje" and "patronáje" are one skill. */
export function foldSkill(skill: string): string {
  return skill
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function educationRank(level: EducationLevel | null): number {
  return level === null ? -1 : EDUCATION_LEVELS.indexOf(level);
}

/** The DIVIPOLA department of a municipality: its code's first two digits. */
export const departmentOf = (municipalityCode: string) => municipalityCode.slice(0, 2);

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function levelOf(shared: number, vacancyCode: string): OccupationLevel {
  // A vacancy posted at a broader group (a 2-digit code, say) is fully met by any occupation inside it.
  if (shared > 0 && shared >= vacancyCode.length) return 'unit_group';
  const byShared: readonly OccupationLevel[] = [
    'none',
    'major_group',
    'sub_major_group',
    'minor_group',
    'unit_group',
  ];
  return byShared[Math.min(shared, 4)] ?? 'none';
}

const points = (component: Component, share: number) =>
  Math.round(WEIGHTS[component] * Math.max(0, Math.min(1, share)));

export function occupationComponent(vacancy: MatchVacancy, seeker: MatchSeeker): ComponentResult {
  let best = { shared: 0, code: null as string | null };
  for (const code of seeker.ciuoCodes) {
    const shared = sharedPrefix(code, vacancy.ciuoCode);
    if (shared > best.shared) best = { shared, code };
  }
  const reason = levelOf(best.shared, vacancy.ciuoCode);
  return {
    component: 'occupation',
    points: points('occupation', OCCUPATION_SHARE[reason]),
    maxPoints: WEIGHTS.occupation,
    reason,
    params: {
      groupCode: best.shared ? vacancy.ciuoCode.slice(0, best.shared) : null,
      personCode: best.code,
      vacancyCode: vacancy.ciuoCode,
    },
  };
}

export function skillsComponent(vacancy: MatchVacancy, seeker: MatchSeeker): ComponentResult {
  const own = new Set(seeker.skills.map(foldSkill));
  const required = [...new Map(vacancy.requiredSkills.map((s) => [foldSkill(s), s.trim()])).entries()].filter(
    ([key]) => key !== '',
  );
  if (!required.length) {
    return {
      component: 'skills',
      points: WEIGHTS.skills,
      maxPoints: WEIGHTS.skills,
      reason: 'none_required',
      params: { matched: [], missing: [], required: 0 },
    };
  }
  const matched = required.filter(([key]) => own.has(key)).map(([, label]) => label);
  const missing = required.filter(([key]) => !own.has(key)).map(([, label]) => label);
  return {
    component: 'skills',
    points: points('skills', matched.length / required.length),
    maxPoints: WEIGHTS.skills,
    reason: matched.length ? 'some' : 'none',
    params: { matched, missing, required: required.length },
  };
}

export function educationComponent(vacancy: MatchVacancy, seeker: MatchSeeker): ComponentResult {
  const params = { required: vacancy.educationLevel, person: seeker.educationLevel };
  const result = (reason: 'none_required' | 'meets' | 'one_below' | 'below' | 'unknown', share: number) =>
    ({
      component: 'education',
      points: points('education', share),
      maxPoints: WEIGHTS.education,
      reason,
      params,
    }) as const;
  if (vacancy.educationLevel === null) return result('none_required', 1);
  if (seeker.educationLevel === null) return result('unknown', 0);
  const gap = educationRank(vacancy.educationLevel) - educationRank(seeker.educationLevel);
  if (gap <= 0) return result('meets', 1);
  if (gap === 1) return result('one_below', 0.5);
  return result('below', 0);
}

export function experienceComponent(vacancy: MatchVacancy, seeker: MatchSeeker): ComponentResult {
  const requiredMonths = Math.max(0, vacancy.experienceMonths);
  const personMonths = Math.max(0, seeker.experienceMonths);
  const params = { requiredMonths, personMonths };
  if (requiredMonths === 0) {
    return {
      component: 'experience',
      points: WEIGHTS.experience,
      maxPoints: WEIGHTS.experience,
      reason: 'none_required',
      params,
    };
  }
  // Capped: more experience than asked earns nothing more.
  const share = Math.min(personMonths, requiredMonths) / requiredMonths;
  return {
    component: 'experience',
    points: points('experience', share),
    maxPoints: WEIGHTS.experience,
    reason: share >= 1 ? 'meets' : 'partial',
    params,
  };
}

export function municipalityComponent(vacancy: MatchVacancy, seeker: MatchSeeker): ComponentResult {
  const params = { vacancy: vacancy.municipalityCode, person: seeker.municipalityCode };
  const result = (reason: 'same_municipality' | 'same_department' | 'other' | 'unknown', share: number) =>
    ({
      component: 'municipality',
      points: points('municipality', share),
      maxPoints: WEIGHTS.municipality,
      reason,
      params,
    }) as const;
  if (!seeker.municipalityCode) return result('unknown', 0);
  if (seeker.municipalityCode === vacancy.municipalityCode) return result('same_municipality', 1);
  if (departmentOf(seeker.municipalityCode) === departmentOf(vacancy.municipalityCode)) {
    return result('same_department', 0.6);
  }
  return result('other', 0);
}

export function availabilityComponent(seeker: MatchSeeker): ComponentResult {
  const reason = seeker.availability ?? 'unknown';
  return {
    component: 'availability',
    points: points('availability', AVAILABILITY_SHARE[reason]),
    maxPoints: WEIGHTS.availability,
    reason,
    params: {},
  };
}

/** The score of a seeker for a vacancy with its six components; the total is exactly their sum. */
export function scoreMatch(vacancy: MatchVacancy, seeker: MatchSeeker): MatchResult {
  const components = [
    occupationComponent(vacancy, seeker),
    skillsComponent(vacancy, seeker),
    educationComponent(vacancy, seeker),
    experienceComponent(vacancy, seeker),
    municipalityComponent(vacancy, seeker),
    availabilityComponent(seeker),
  ];
  return { score: components.reduce((sum, c) => sum + c.points, 0), components };
}

/** Hard filters a caller may add on top of the score. */
export interface MatchFilters {
  minScore?: number | undefined;
  sameMunicipality?: boolean | undefined;
  sameDepartment?: boolean | undefined;
  educationMeets?: boolean | undefined;
  excludeNotAvailable?: boolean | undefined;
}

export function passesFilters(
  vacancy: MatchVacancy,
  seeker: MatchSeeker,
  result: MatchResult,
  filters: MatchFilters,
): boolean {
  if (filters.minScore !== undefined && result.score < filters.minScore) return false;
  if (filters.sameMunicipality && seeker.municipalityCode !== vacancy.municipalityCode) return false;
  if (
    filters.sameDepartment &&
    (!seeker.municipalityCode ||
      departmentOf(seeker.municipalityCode) !== departmentOf(vacancy.municipalityCode))
  ) {
    return false;
  }
  if (
    filters.educationMeets &&
    vacancy.educationLevel !== null &&
    educationRank(seeker.educationLevel) < educationRank(vacancy.educationLevel)
  ) {
    return false;
  }
  if (filters.excludeNotAvailable && seeker.availability === 'not_available') return false;
  return true;
}

/**
 * Scores many and keeps the best `limit` that pass the filters, best first; ties go to the smaller key so the
 * order is stable from one request to the next.
 */
export function topMatches<T>(
  items: readonly T[],
  limit: number,
  score: (item: T) => { result: MatchResult; passes: boolean },
  key: (item: T) => string,
): Array<{ item: T; result: MatchResult }> {
  const kept: Array<{ item: T; result: MatchResult }> = [];
  for (const item of items) {
    const { result, passes } = score(item);
    if (passes) kept.push({ item, result });
  }
  kept.sort((a, b) => b.result.score - a.result.score || (key(a.item) < key(b.item) ? -1 : 1));
  return kept.slice(0, limit);
}

/** The CIUO-08 families a code belongs to, broadest first: "7531" → ["7", "75", "753", "7531"]. */
export function ciuoFamilies(code: string): string[] {
  return Array.from({ length: code.length }, (_, i) => code.slice(0, i + 1));
}
