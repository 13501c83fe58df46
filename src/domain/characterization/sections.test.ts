import { describe, expect, it } from 'vitest';
import { answeredSections, changedSections, flattenForAudit, isAnswered } from './sections';

const empty = { answers: {}, occupations: [] };

describe('characterization sections', () => {
  it('counts a section answered only when something was typed or chosen', () => {
    expect(isAnswered({ level: null, title: '' })).toBe(false);
    expect(isAnswered({ skills: [] })).toBe(false);
    expect(isAnswered({ overcrowded: false })).toBe(true);
    const sections = answeredSections({
      answers: { education: { level: 'media' }, work: { skills: [] }, lifeProject: 'Abrir una panadería' },
      occupations: [{ ciuoCode: '7512', yearsExperience: 4 }],
      sensitive: { armedConflictVictim: true },
    });
    expect(sections).toEqual({
      education: true,
      work: true,
      health: false,
      migration: false,
      housing: false,
      children: false,
      vulnerabilities: true,
      lifeProject: true,
    });
    expect(Object.values(answeredSections(empty)).some(Boolean)).toBe(false);
  });

  it('flattens answers for the audit log without copying sensitive values', () => {
    const flat = flattenForAudit({
      answers: { education: { level: 'primary', title: null }, lifeProject: 'Estudiar' },
      occupations: [{ ciuoCode: '5120', yearsExperience: 2 }],
      sensitive: { genderBasedViolenceRisk: true, notes: 'detalle' },
    });
    expect(flat).toEqual({
      'education.level': 'primary',
      lifeProject: 'Estudiar',
      'work.occupations': ['5120:2'],
      'sensitive.genderBasedViolenceRisk': 'recorded',
      'sensitive.notes': 'recorded',
    });
  });

  it('names the sections that changed between versions', () => {
    const first = { answers: { education: { level: 'primary' } }, occupations: [] };
    const second = {
      answers: { education: { level: 'primary' }, housing: { situation: 'rented' } },
      occupations: [{ ciuoCode: '7112', yearsExperience: 10 }],
    };
    expect(changedSections(null, first)).toEqual(['education']);
    expect(changedSections(first, second)).toEqual(['work', 'housing']);
    expect(changedSections(second, { ...second, sensitive: { deportedNote: true } })).toEqual([
      'vulnerabilities',
    ]);
  });
});
