import { z } from 'zod';

/**
 * An integration-index instrument as an administrator writes it (and imports it from a JSON file): answer scales,
 * dimensions with weighted questions, the rule for missing answers, and the thresholds of the levels. The
 * catalogue keys given as messages word the cross-field errors in the caller's language.
 */

const Id = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/, 'assessment.instrument.idFormat');

export const LocalizedText = z.strictObject({
  es: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const ScaleOption = z.strictObject({
  /** What is stored as the answer. */
  value: z.string().min(1).max(40),
  label: LocalizedText,
  /** How integrated this answer is, 0 (least) to 1 (most). Omit it for "does not know / not applicable". */
  score: z.number().min(0).max(1).optional(),
});

export const Scale = z.strictObject({
  id: Id,
  options: z.array(ScaleOption).min(2).max(12),
});

export const Question = z.strictObject({
  id: Id,
  text: LocalizedText,
  help: LocalizedText.optional(),
  scale: Id,
  weight: z.number().min(0).max(100).default(1),
});

export const Dimension = z.strictObject({
  id: Id,
  name: LocalizedText,
  weight: z.number().min(0).max(100).default(1),
  questions: z.array(Question).min(1).max(40),
});

export const MissingRule = z.strictObject({
  /**
   * `skip`: a missing answer is left out and the weights of the answered questions are renormalized;
   * `worst`: a missing answer counts as the lowest score of its scale.
   */
  rule: z.enum(['skip', 'worst']),
  /** With more missing answers than this the application cannot be scored (its result is invalid). */
  maxMissing: z.number().int().min(0).max(1000).optional(),
});

export const Level = z.strictObject({
  id: Id,
  label: LocalizedText,
  /** The lowest overall score of this level; the first level starts at 0. */
  min: z.number().min(0).max(1),
});

export const SUBJECT_TYPES = ['household', 'person'] as const;

export const InstrumentDefinition = z
  .strictObject({
    /** Stable key of the instrument across its versions. */
    key: Id,
    name: LocalizedText,
    description: LocalizedText.optional(),
    subject: z.enum(SUBJECT_TYPES),
    /** Where the instrument comes from (free text shown to staff). */
    source: z.string().max(1000).optional(),
    scales: z.array(Scale).min(1).max(40),
    dimensions: z.array(Dimension).min(1).max(20),
    missing: MissingRule,
    levels: z.array(Level).min(2).max(8),
  })
  .superRefine((instrument, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message, input: undefined });
    const duplicates = (ids: Array<{ id: string; path: (string | number)[] }>) => {
      const seen = new Set<string>();
      for (const { id, path } of ids) {
        if (seen.has(id)) issue(path, 'assessment.instrument.duplicateId');
        seen.add(id);
      }
    };
    duplicates(instrument.scales.map((s, i) => ({ id: s.id, path: ['scales', i, 'id'] })));
    duplicates(instrument.dimensions.map((d, i) => ({ id: d.id, path: ['dimensions', i, 'id'] })));
    duplicates(
      instrument.dimensions.flatMap((d, i) =>
        d.questions.map((q, j) => ({ id: q.id, path: ['dimensions', i, 'questions', j, 'id'] })),
      ),
    );
    duplicates(instrument.levels.map((l, i) => ({ id: l.id, path: ['levels', i, 'id'] })));
    instrument.scales.forEach((scale, i) => {
      const values = new Set<string>();
      scale.options.forEach((option, j) => {
        if (values.has(option.value))
          issue(['scales', i, 'options', j, 'value'], 'assessment.instrument.duplicateId');
        values.add(option.value);
      });
      if (!scale.options.some((option) => option.score !== undefined)) {
        issue(['scales', i, 'options'], 'assessment.instrument.scaleWithoutScores');
      }
    });
    const scaleIds = new Set(instrument.scales.map((s) => s.id));
    instrument.dimensions.forEach((dimension, i) => {
      dimension.questions.forEach((question, j) => {
        if (!scaleIds.has(question.scale)) {
          issue(['dimensions', i, 'questions', j, 'scale'], 'assessment.instrument.unknownScale');
        }
      });
      if (!dimension.questions.some((q) => q.weight > 0)) {
        issue(['dimensions', i, 'questions'], 'assessment.instrument.zeroWeights');
      }
    });
    if (!instrument.dimensions.some((d) => d.weight > 0)) {
      issue(['dimensions'], 'assessment.instrument.zeroWeights');
    }
    instrument.levels.forEach((level, i) => {
      if (i === 0 && level.min !== 0) issue(['levels', 0, 'min'], 'assessment.instrument.firstLevelAtZero');
      const previous = instrument.levels[i - 1];
      if (previous && level.min <= previous.min) {
        issue(['levels', i, 'min'], 'assessment.instrument.levelsOrder');
      }
    });
  });

export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;
export type InstrumentInput = z.input<typeof InstrumentDefinition>;

/** Every question of the instrument in order, with its dimension. */
export function questionsOf(instrument: InstrumentDefinition) {
  return instrument.dimensions.flatMap((dimension) =>
    dimension.questions.map((question) => ({ dimension, question })),
  );
}

/** The highest level: the one the programme indicator counts. */
export function topLevel(instrument: InstrumentDefinition) {
  return instrument.levels[instrument.levels.length - 1] as z.infer<typeof Level>;
}
