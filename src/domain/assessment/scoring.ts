import type { InstrumentDefinition } from './instrument';

/** Answers of one application: question id → the `value` of the chosen option. */
export type Answers = Readonly<Record<string, string | null | undefined>>;

export interface DimensionScore {
  dimensionId: string;
  /** 0–1, or null when none of its questions could be scored. */
  score: number | null;
  answered: number;
  missing: number;
}

export interface ScoreResult {
  /** False when more answers are missing than the instrument allows; scores and level are then null. */
  valid: boolean;
  overall: number | null;
  levelId: string | null;
  dimensions: DimensionScore[];
  answered: number;
  missing: number;
}

export interface AnswerProblem {
  questionId: string;
  problem: 'unknownQuestion' | 'unknownOption';
}

/** Answers naming a question the instrument does not have, or an option its scale does not offer. */
export function checkAnswers(instrument: InstrumentDefinition, answers: Answers): AnswerProblem[] {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  const questions = new Map(instrument.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q] as const)));
  const problems: AnswerProblem[] = [];
  for (const [questionId, value] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) {
      problems.push({ questionId, problem: 'unknownQuestion' });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (!scales.get(question.scale)?.options.some((option) => option.value === value)) {
      problems.push({ questionId, problem: 'unknownOption' });
    }
  }
  return problems;
}

/** The level an overall score falls in: the last one whose minimum it reaches. */
export function levelFor(instrument: InstrumentDefinition, overall: number): string {
  let level = instrument.levels[0]?.id as string;
  for (const candidate of instrument.levels) if (overall >= candidate.min) level = candidate.id;
  return level;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** Weighted mean of the scored parts; null when no part with weight is scored (weights renormalized). */
function weightedMean(parts: Array<{ score: number | null; weight: number }>): number | null {
  let total = 0;
  let weights = 0;
  for (const part of parts) {
    if (part.score === null || part.weight <= 0) continue;
    total += part.score * part.weight;
    weights += part.weight;
  }
  return weights > 0 ? clamp(total / weights) : null;
}

/**
 * Scores an application: each question's answer is its option's score (0–1); a dimension is the weighted mean of
 * its questions and the overall index the weighted mean of the dimensions. A missing answer (no answer, or an
 * option without a score such as "does not know") is left out with the weights renormalized (`skip`) or counted
 * as the scale's lowest score (`worst`); more missing answers than `maxMissing` make the result invalid.
 */
export function scoreApplication(instrument: InstrumentDefinition, answers: Answers): ScoreResult {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  let answered = 0;
  let missing = 0;
  const dimensions = instrument.dimensions.map((dimension) => {
    let dimensionAnswered = 0;
    let dimensionMissing = 0;
    const parts = dimension.questions.map((question) => {
      const options = scales.get(question.scale)?.options ?? [];
      const value = answers[question.id];
      const score = options.find((option) => option.value === value)?.score;
      if (score !== undefined) {
        dimensionAnswered++;
        return { score, weight: question.weight };
      }
      dimensionMissing++;
      if (instrument.missing.rule === 'worst') {
        const worst = Math.min(
          ...options.flatMap((option) => (option.score === undefined ? [] : [option.score])),
        );
        return { score: Number.isFinite(worst) ? worst : 0, weight: question.weight };
      }
      return { score: null, weight: question.weight };
    });
    answered += dimensionAnswered;
    missing += dimensionMissing;
    return {
      dimensionId: dimension.id,
      score: weightedMean(parts),
      answered: dimensionAnswered,
      missing: dimensionMissing,
      weight: dimension.weight,
    };
  });
  const valid = instrument.missing.maxMissing === undefined || missing <= instrument.missing.maxMissing;
  const overall = valid ? weightedMean(dimensions) : null;
  return {
    valid: valid && overall !== null,
    overall,
    levelId: overall === null ? null : levelFor(instrument, overall),
    dimensions: dimensions.map(({ weight: _weight, ...rest }) => (valid ? rest : { ...rest, score: null })),
    answered,
    missing,
  };
}
