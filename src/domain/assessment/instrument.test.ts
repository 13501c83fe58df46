import { describe, expect, it } from 'vitest';
import { InstrumentDefinition } from './instrument';
import { SHIPPED_INSTRUMENTS } from './shipped';

const text = (s: string) => ({ es: s, en: s });

function valid() {
  return {
    key: 'sostenibilidad',
    name: text('Sostenibilidad de la reintegración'),
    subject: 'person',
    scales: [
      {
        id: 'si_no',
        options: [
          { value: 'si', label: text('Sí'), score: 1 },
          { value: 'no', label: text('No'), score: 0 },
        ],
      },
    ],
    dimensions: [
      {
        id: 'economica',
        name: text('Económica'),
        questions: [{ id: 'q1', text: text('q1'), scale: 'si_no' }],
      },
      { id: 'social', name: text('Social'), questions: [{ id: 'q2', text: text('q2'), scale: 'si_no' }] },
    ],
    missing: { rule: 'worst' },
    levels: [
      { id: 'bajo', label: text('Bajo'), min: 0 },
      { id: 'alto', label: text('Alto'), min: 0.5 },
    ],
  };
}

function pathsOf(input: unknown): string[] {
  const result = InstrumentDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('InstrumentDefinition', () => {
  it('accepts a well-formed instrument and defaults weights to 1', () => {
    const parsed = InstrumentDefinition.parse(valid());
    expect(parsed.dimensions[0]?.weight).toBe(1);
    expect(parsed.dimensions[0]?.questions[0]?.weight).toBe(1);
  });

  it('validates the shipped instruments: a household one with five dimensions and an IPL-12-shaped one', () => {
    const [household, person] = SHIPPED_INSTRUMENTS;
    expect(household?.subject).toBe('household');
    expect(household?.dimensions.map((d) => d.id)).toEqual([
      'social',
      'cultural',
      'habitat',
      'productiva',
      'percepcion',
    ]);
    expect(person?.subject).toBe('person');
    expect(person?.dimensions).toHaveLength(6);
    expect(person?.dimensions.every((d) => d.questions.length === 2)).toBe(true);
  });

  it('names the path of negative weights, unknown scales and duplicate ids', () => {
    const input = valid();
    (input.dimensions[0] as { weight?: number }).weight = -1;
    input.dimensions[1]?.questions.push({ id: 'q1', text: text('x'), scale: 'nope' });
    expect(pathsOf(input).sort()).toEqual([
      'dimensions.0.weight',
      'dimensions.1.questions.1.id',
      'dimensions.1.questions.1.scale',
    ]);
    (input.dimensions[0] as { weight?: number }).weight = 1;
    expect(pathsOf(input).sort()).toEqual(['dimensions.1.questions.1.id', 'dimensions.1.questions.1.scale']);
  });

  it('requires thresholds ordered from 0 within [0, 1]', () => {
    const input = valid();
    input.levels = [
      { id: 'bajo', label: text('Bajo'), min: 0.1 },
      { id: 'medio', label: text('Medio'), min: 0.6 },
      { id: 'alto', label: text('Alto'), min: 0.5 },
    ];
    expect(pathsOf(input)).toEqual(['levels.0.min', 'levels.2.min']);
    input.levels = [
      { id: 'bajo', label: text('Bajo'), min: 0 },
      { id: 'alto', label: text('Alto'), min: 1.2 },
    ];
    expect(pathsOf(input)).toEqual(['levels.1.min']);
  });

  it('requires every scale to score at least one option, and a dimension to weigh something', () => {
    const input = valid();
    input.scales[0]?.options.forEach((o) => {
      delete (o as { score?: number }).score;
    });
    (input.dimensions[1]?.questions[0] as { weight?: number }).weight = 0;
    expect(pathsOf(input)).toEqual(['scales.0.options', 'dimensions.1.questions']);
  });

  it('refuses unknown fields, so a typo in a JSON file does not pass silently', () => {
    expect(pathsOf({ ...valid(), wieght: 2 })).toEqual(['']);
  });
});
