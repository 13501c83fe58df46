import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY,
  type Availability,
  COMPONENTS,
  type MatchSeeker,
  type MatchVacancy,
  passesFilters,
  scoreMatch,
  topMatches,
  WEIGHTS,
} from './matching';
import { EDUCATION_LEVELS, type EducationLevel } from './vocabulary';

const vacancy: MatchVacancy = {
  ciuoCode: '7531',
  requiredSkills: ['Costura', 'patronaje', 'Corte'],
  educationLevel: 'media',
  experienceMonths: 12,
  municipalityCode: '08001',
};

const seeker: MatchSeeker = {
  ciuoCodes: ['7531'],
  skills: ['costura', 'Pátronaje', 'ventas'],
  educationLevel: 'media',
  experienceMonths: 24,
  municipalityCode: '08001',
  availability: 'immediate',
};

const component = (result: ReturnType<typeof scoreMatch>, name: string) =>
  result.components.find((c) => c.component === name);

describe('matching score', () => {
  it('weights add up to 100', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('explains each component', () => {
    const result = scoreMatch(vacancy, seeker);
    expect(result.components.map((c) => c.component)).toEqual([...COMPONENTS]);
    expect(component(result, 'occupation')).toMatchObject({ reason: 'unit_group', points: 35 });
    expect(component(result, 'skills')).toMatchObject({
      reason: 'some',
      points: 13,
      params: { matched: ['Costura', 'patronaje'], missing: ['Corte'], required: 3 },
    });
    expect(component(result, 'experience')).toMatchObject({ reason: 'meets', points: 10 });
    expect(result.score).toBe(35 + 13 + 15 + 10 + 10 + 10);
  });

  it('folds accents and case in skills', () => {
    const result = scoreMatch(
      { ...vacancy, requiredSkills: ['Atención al cliente'] },
      { ...seeker, skills: ['ATENCION  al CLIENTE'] },
    );
    expect(component(result, 'skills')).toMatchObject({
      points: 20,
      params: { matched: ['Atención al cliente'] },
    });
  });

  it('ranks occupation families by the shared CIUO prefix', () => {
    const level = (code: string) =>
      component(scoreMatch(vacancy, { ...seeker, ciuoCodes: [code] }), 'occupation');
    expect(level('7531')).toMatchObject({ reason: 'unit_group', params: { groupCode: '7531' } });
    expect(level('7533')).toMatchObject({ reason: 'minor_group', params: { groupCode: '753' } });
    expect(level('7512')).toMatchObject({ reason: 'sub_major_group', params: { groupCode: '75' } });
    expect(level('7212')).toMatchObject({ reason: 'major_group', params: { groupCode: '7' } });
    expect(level('5120')).toMatchObject({ reason: 'none', points: 0, params: { groupCode: null } });
    // The person's best occupation counts.
    expect(
      component(scoreMatch(vacancy, { ...seeker, ciuoCodes: ['5120', '7533'] }), 'occupation'),
    ).toMatchObject({ reason: 'minor_group', params: { personCode: '7533' } });
  });

  it('grades education, municipality and availability', () => {
    const of = (s: Partial<MatchSeeker>, name: string) =>
      component(scoreMatch(vacancy, { ...seeker, ...s }), name);
    expect(of({ educationLevel: 'university' }, 'education')).toMatchObject({ reason: 'meets', points: 15 });
    expect(of({ educationLevel: 'secondary' }, 'education')).toMatchObject({
      reason: 'one_below',
      points: 8,
    });
    expect(of({ educationLevel: 'primary' }, 'education')).toMatchObject({ reason: 'below', points: 0 });
    expect(of({ educationLevel: null }, 'education')).toMatchObject({ reason: 'unknown', points: 0 });
    expect(of({ municipalityCode: '08758' }, 'municipality')).toMatchObject({ reason: 'same_department' });
    expect(of({ municipalityCode: '11001' }, 'municipality')).toMatchObject({ reason: 'other', points: 0 });
    expect(of({ availability: 'not_available' }, 'availability')).toMatchObject({ points: 0 });
    expect(of({ experienceMonths: 6 }, 'experience')).toMatchObject({ reason: 'partial', points: 5 });
  });

  it('applies the hard filters', () => {
    const other = { ...seeker, municipalityCode: '11001', educationLevel: 'primary' as const };
    const result = scoreMatch(vacancy, other);
    expect(passesFilters(vacancy, other, result, {})).toBe(true);
    expect(passesFilters(vacancy, other, result, { sameDepartment: true })).toBe(false);
    expect(passesFilters(vacancy, other, result, { sameMunicipality: true })).toBe(false);
    expect(passesFilters(vacancy, other, result, { educationMeets: true })).toBe(false);
    expect(passesFilters(vacancy, other, result, { minScore: result.score + 1 })).toBe(false);
    const away = { ...seeker, availability: 'not_available' as const };
    expect(passesFilters(vacancy, away, scoreMatch(vacancy, away), { excludeNotAvailable: true })).toBe(
      false,
    );
  });

  it('keeps the best first, stable on ties', () => {
    const top = topMatches(
      ['b', 'a', 'c'],
      2,
      (x) => ({ result: { score: x === 'c' ? 90 : 50, components: [] }, passes: true }),
      (x) => x,
    );
    expect(top.map((t) => t.item)).toEqual(['c', 'a']);
  });
});

// Property tests over arbitrary vacancies and seekers.
const ciuo = fc.constantFrom('7531', '7533', '7512', '7212', '5120', '2211', '9112', '75');
const skill = fc.constantFrom('costura', 'Patronaje', 'corte', 'ventas', 'atención al cliente', 'Soldadura');
const education = fc.option(fc.constantFrom(...EDUCATION_LEVELS), { nil: null });
const municipality = fc.constantFrom('08001', '08758', '11001', '05001', '05088');
const availability = fc.option(fc.constantFrom(...AVAILABILITY), { nil: null });
const arbVacancy = fc.record({
  ciuoCode: ciuo,
  requiredSkills: fc.uniqueArray(skill, { maxLength: 4 }),
  educationLevel: education,
  experienceMonths: fc.integer({ min: 0, max: 120 }),
  municipalityCode: municipality,
});
const arbSeeker = fc.record({
  ciuoCodes: fc.array(ciuo, { maxLength: 3 }),
  skills: fc.array(skill, { maxLength: 5 }),
  educationLevel: education,
  experienceMonths: fc.integer({ min: 0, max: 240 }),
  municipalityCode: fc.option(municipality, { nil: null }),
  availability,
});

const AVAILABILITY_ORDER: Array<Availability | null> = [
  'not_available',
  null,
  'later',
  'part_time',
  'weekends',
  'immediate',
];

describe('matching score properties', () => {
  it('is in [0, 100] and is the sum of its components, each within its maximum', () => {
    fc.assert(
      fc.property(arbVacancy, arbSeeker, (v, s) => {
        const result = scoreMatch(v, s);
        expect(result.score).toBe(result.components.reduce((sum, c) => sum + c.points, 0));
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        for (const c of result.components) {
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.maxPoints);
        }
      }),
    );
  });

  it('gives the top score to the profile the vacancy describes', () => {
    fc.assert(
      fc.property(arbVacancy, (v) => {
        const twin: MatchSeeker = {
          ciuoCodes: [v.ciuoCode],
          skills: [...v.requiredSkills],
          educationLevel: v.educationLevel,
          experienceMonths: v.experienceMonths,
          municipalityCode: v.municipalityCode,
          availability: 'immediate',
        };
        expect(scoreMatch(v, twin).score).toBe(100);
      }),
    );
  });

  it('never drops when the seeker improves in one component', () => {
    fc.assert(
      fc.property(
        arbVacancy,
        arbSeeker,
        ciuo,
        skill,
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(...EDUCATION_LEVELS),
        (v, s, code, newSkill, moreMonths, level) => {
          const base = scoreMatch(v, s).score;
          // Another occupation, another skill, more experience.
          expect(scoreMatch(v, { ...s, ciuoCodes: [...s.ciuoCodes, code] }).score).toBeGreaterThanOrEqual(
            base,
          );
          expect(scoreMatch(v, { ...s, skills: [...s.skills, newSkill] }).score).toBeGreaterThanOrEqual(base);
          expect(
            scoreMatch(v, { ...s, experienceMonths: s.experienceMonths + moreMonths }).score,
          ).toBeGreaterThanOrEqual(base);
          // A higher education level.
          const rank = (l: EducationLevel | null) => (l === null ? -1 : EDUCATION_LEVELS.indexOf(l));
          if (rank(level) >= rank(s.educationLevel)) {
            expect(scoreMatch(v, { ...s, educationLevel: level }).score).toBeGreaterThanOrEqual(base);
          }
          // Living closer: the same department, then the same municipality.
          expect(scoreMatch(v, { ...s, municipalityCode: v.municipalityCode }).score).toBeGreaterThanOrEqual(
            base,
          );
          // Better availability.
          const at = AVAILABILITY_ORDER.indexOf(s.availability);
          for (const better of AVAILABILITY_ORDER.slice(at)) {
            expect(scoreMatch(v, { ...s, availability: better }).score).toBeGreaterThanOrEqual(base);
          }
        },
      ),
    );
  });
});
