import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstrumentDefinition, type InstrumentInput } from './instrument';
import { type Answers, checkAnswers, scoreApplication } from './scoring';
import { SHIPPED_INSTRUMENTS } from './shipped';

const text = (s: string) => ({ es: s, en: s });

function small(missing: InstrumentInput['missing']): InstrumentDefinition {
  return InstrumentDefinition.parse({
    key: 'prueba',
    name: text('Prueba'),
    subject: 'household',
    scales: [
      {
        id: 'tres',
        options: [
          { value: 'a', label: text('a'), score: 0 },
          { value: 'b', label: text('b'), score: 0.5 },
          { value: 'c', label: text('c'), score: 1 },
          { value: 'ns', label: text('no sabe') },
        ],
      },
    ],
    dimensions: [
      {
        id: 'uno',
        name: text('Uno'),
        weight: 2,
        questions: [
          { id: 'q1', text: text('q1'), scale: 'tres', weight: 1 },
          { id: 'q2', text: text('q2'), scale: 'tres', weight: 3 },
        ],
      },
      { id: 'dos', name: text('Dos'), weight: 1, questions: [{ id: 'q3', text: text('q3'), scale: 'tres' }] },
    ],
    missing,
    levels: [
      { id: 'bajo', label: text('Bajo'), min: 0 },
      { id: 'alto', label: text('Alto'), min: 0.75 },
    ],
  });
}

describe('scoreApplication', () => {
  it('weights questions within a dimension and dimensions within the index', () => {
    const result = scoreApplication(small({ rule: 'skip' }), { q1: 'c', q2: 'b', q3: 'a' });
    // uno = (1·1 + 3·0.5) / 4 = 0.625; overall = (2·0.625 + 1·0) / 3
    expect(result.dimensions.map((d) => d.score)).toEqual([0.625, 0]);
    expect(result.overall).toBeCloseTo(1.25 / 3, 10);
    expect(result.levelId).toBe('bajo');
    expect(result.valid).toBe(true);
  });

  it('skip renormalizes the weights of the answered questions; "does not know" counts as missing', () => {
    const result = scoreApplication(small({ rule: 'skip' }), { q1: 'ns', q2: 'c', q3: 'c' });
    expect(result.dimensions[0]?.score).toBe(1);
    expect(result.overall).toBe(1);
    expect(result.levelId).toBe('alto');
    expect(result.missing).toBe(1);
  });

  it('skip leaves out a dimension with no answers and renormalizes the dimensions', () => {
    const result = scoreApplication(small({ rule: 'skip' }), { q1: 'b', q2: 'b' });
    expect(result.dimensions[1]?.score).toBeNull();
    expect(result.overall).toBe(0.5);
  });

  it('worst counts a missing answer as the lowest score of its scale', () => {
    const result = scoreApplication(small({ rule: 'worst' }), { q1: 'c', q2: 'c' });
    expect(result.dimensions.map((d) => d.score)).toEqual([1, 0]);
    expect(result.overall).toBeCloseTo(2 / 3, 10);
  });

  it('is invalid with more missing answers than the instrument allows', () => {
    const instrument = small({ rule: 'skip', maxMissing: 1 });
    expect(scoreApplication(instrument, { q1: 'c', q2: 'c' }).valid).toBe(true);
    const result = scoreApplication(instrument, { q1: 'c' });
    expect(result).toMatchObject({ valid: false, overall: null, levelId: null, missing: 2 });
    expect(result.dimensions.every((d) => d.score === null)).toBe(true);
  });

  it('has no result when nothing is answered', () => {
    expect(scoreApplication(small({ rule: 'skip' }), {})).toMatchObject({ valid: false, overall: null });
  });

  it('reports answers to unknown questions and options', () => {
    expect(checkAnswers(small({ rule: 'skip' }), { q1: 'z', q9: 'a', q2: null })).toEqual([
      { questionId: 'q1', problem: 'unknownOption' },
      { questionId: 'q9', problem: 'unknownQuestion' },
    ]);
  });
});

/** Random answers for an instrument: each question unanswered or any option of its scale. */
function answersFor(instrument: InstrumentDefinition) {
  const scales = new Map(instrument.scales.map((s) => [s.id, s]));
  const entries = instrument.dimensions.flatMap((d) =>
    d.questions.map((q) => {
      const values = (scales.get(q.scale)?.options ?? []).map((o) => o.value);
      return [q.id, fc.option(fc.constantFrom(...values), { nil: undefined })] as const;
    }),
  );
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Record<string, string | undefined>>;
}

/** Random valid instruments: 1–4 dimensions, 1–4 questions each, random weights, scales and thresholds. */
const randomInstrument = fc
  .record({
    rule: fc.constantFrom('skip' as const, 'worst' as const),
    maxMissing: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    scores: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }),
    dimensions: fc.array(
      fc.record({
        weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
        questions: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    thresholds: fc.uniqueArray(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ rule, maxMissing, scores, dimensions, thresholds }) =>
    InstrumentDefinition.parse({
      key: 'azar',
      name: text('Azar'),
      subject: 'person',
      scales: [
        {
          id: 'escala',
          options: [
            ...scores.map((score, i) => ({ value: `o${i}`, label: text(`o${i}`), score })),
            { value: 'ns', label: text('no sabe') },
          ],
        },
      ],
      dimensions: dimensions.map((d, i) => ({
        id: `d${i}`,
        name: text(`d${i}`),
        weight: d.weight,
        // At least one question with weight, as the schema requires.
        questions: d.questions.map((w, j) => ({
          id: `d${i}q${j}`,
          text: text('q'),
          scale: 'escala',
          weight: j === 0 ? Math.max(w, 0.1) : w,
        })),
      })),
      missing: { rule, maxMissing },
      levels: [0, ...[...thresholds].sort((a, b) => a - b)].map((min, i) => ({
        id: `l${i}`,
        label: text(`l${i}`),
        min,
      })),
    }),
  );

const instrumentAndAnswers = randomInstrument.chain((instrument) =>
  fc.tuple(fc.constant(instrument), answersFor(instrument)),
);

const SHIPPED_AND_ANSWERS = fc
  .constantFrom(...SHIPPED_INSTRUMENTS)
  .chain((instrument) => fc.tuple(fc.constant(instrument), answersFor(instrument)));

const inUnit = (value: number | null) => value === null || (value >= 0 && value <= 1);
const optionScore = (instrument: InstrumentDefinition, value: string | undefined) =>
  instrument.scales[0]?.options.find((o) => o.value === value)?.score;

describe('scoreApplication properties', () => {
  it('keeps every score in [0, 1] and the level consistent with the thresholds', () => {
    fc.assert(
      fc.property(fc.oneof(instrumentAndAnswers, SHIPPED_AND_ANSWERS), ([instrument, answers]) => {
        const result = scoreApplication(instrument, answers);
        expect(inUnit(result.overall)).toBe(true);
        for (const dimension of result.dimensions) expect(inUnit(dimension.score)).toBe(true);
        if (result.overall !== null) {
          const level = instrument.levels.find((l) => l.id === result.levelId);
          expect(level && result.overall >= level.min).toBe(true);
          const next = instrument.levels[instrument.levels.indexOf(level as never) + 1];
          if (next) expect(result.overall).toBeLessThan(next.min);
        }
      }),
    );
  });

  it('never lowers a score when one answer improves', () => {
    fc.assert(
      fc.property(
        instrumentAndAnswers.chain(([instrument, answers]) =>
          fc.tuple(
            fc.constant(instrument),
            fc.constant(answers),
            fc.constantFrom(...Object.keys(answers)),
            fc.constantFrom(...(instrument.scales[0]?.options ?? []).map((o) => o.value)),
          ),
        ),
        ([instrument, answers, questionId, better]) => {
          const before = optionScore(instrument, answers[questionId]);
          const after = optionScore(instrument, better);
          // An improvement: from one scored answer to one scoring at least as much.
          fc.pre(before !== undefined && after !== undefined && after >= before);
          const a = scoreApplication(instrument, answers);
          const b = scoreApplication(instrument, { ...answers, [questionId]: better });
          const eps = 1e-9;
          if (a.overall !== null) expect(b.overall as number).toBeGreaterThanOrEqual(a.overall - eps);
          a.dimensions.forEach((d, i) => {
            if (d.score !== null)
              expect(b.dimensions[i]?.score as number).toBeGreaterThanOrEqual(d.score - eps);
          });
          expect(instrument.levels.findIndex((l) => l.id === b.levelId)).toBeGreaterThanOrEqual(
            instrument.levels.findIndex((l) => l.id === a.levelId),
          );
        },
      ),
    );
  });

  it('under "worst", answering a missing question never lowers a score', () => {
    fc.assert(
      fc.property(instrumentAndAnswers, ([instrument, answers]) => {
        fc.pre(instrument.missing.rule === 'worst');
        const missingIds = Object.keys(answers).filter(
          (id) => optionScore(instrument, answers[id]) === undefined,
        );
        fc.pre(missingIds.length > 0);
        const best = [...(instrument.scales[0]?.options ?? [])].sort(
          (x, y) => (y.score ?? -1) - (x.score ?? -1),
        )[0];
        const withoutLimit = { ...instrument, missing: { rule: 'worst' as const } };
        const a = scoreApplication(withoutLimit, answers);
        const b = scoreApplication(withoutLimit, { ...answers, [missingIds[0] as string]: best?.value });
        expect(b.overall as number).toBeGreaterThanOrEqual((a.overall as number) - 1e-9);
      }),
    );
  });

  it('under "skip", a missing answer is the same as leaving its question out of the instrument', () => {
    fc.assert(
      fc.property(instrumentAndAnswers, ([instrument, answers]) => {
        fc.pre(instrument.missing.rule === 'skip');
        const unlimited = { ...instrument, missing: { rule: 'skip' as const } };
        const answered = (id: string) => optionScore(instrument, answers[id]) !== undefined;
        const pruned: InstrumentDefinition = {
          ...unlimited,
          dimensions: unlimited.dimensions
            .map((d) => ({ ...d, questions: d.questions.filter((q) => answered(q.id)) }))
            .filter((d) => d.questions.some((q) => q.weight > 0)),
        };
        const full = scoreApplication(unlimited, answers);
        if (pruned.dimensions.length === 0) {
          expect(full.overall === null || full.overall >= 0).toBe(true);
          return;
        }
        const expected = scoreApplication(pruned, answers);
        if (expected.overall === null) return;
        expect(full.overall as number).toBeCloseTo(expected.overall, 9);
      }),
    );
  });

  it('counts missing answers and marks the result invalid exactly beyond maxMissing', () => {
    fc.assert(
      fc.property(instrumentAndAnswers, ([instrument, answers]) => {
        const result = scoreApplication(instrument, answers);
        const missing = Object.keys(answers).filter(
          (id) => optionScore(instrument, answers[id]) === undefined,
        );
        expect(result.missing).toBe(missing.length);
        const limit = instrument.missing.maxMissing;
        if (limit !== undefined && missing.length > limit) expect(result.valid).toBe(false);
        if (instrument.missing.rule === 'worst' && (limit === undefined || missing.length <= limit)) {
          expect(result.valid).toBe(true);
        }
      }),
    );
  });

  it('scores all-best answers 1 and all-worst answers 0 on the shipped instruments', () => {
    for (const instrument of SHIPPED_INSTRUMENTS) {
      const pick = (best: boolean): Answers =>
        Object.fromEntries(
          instrument.dimensions.flatMap((d) =>
            d.questions.map((q) => {
              const scored = (instrument.scales.find((s) => s.id === q.scale)?.options ?? []).filter(
                (o) => o.score !== undefined,
              );
              scored.sort((x, y) => (x.score as number) - (y.score as number));
              return [q.id, (best ? scored[scored.length - 1] : scored[0])?.value];
            }),
          ),
        );
      expect(scoreApplication(instrument, pick(true))).toMatchObject({ overall: 1, levelId: 'alto' });
      expect(scoreApplication(instrument, pick(false))).toMatchObject({ overall: 0, levelId: 'bajo' });
    }
  });
});
