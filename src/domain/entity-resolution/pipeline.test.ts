import { describe, expect, it } from 'vitest';
import { generateDuplicates } from '../../synthetic/duplicates';
import { clusterPersons } from './clustering';
import { preparePerson } from './comparisons';
import { bCubedScores, blockingScores, pairwiseScores } from './evaluation';
import {
  blockRecords,
  defaultTrainedPersonModel,
  explainPair,
  prepareRecords,
  scorePairRange,
  trainedModelFromJson,
  trainedModelToJson,
  trainPersonModel,
} from './pipeline';

const population = generateDuplicates({ count: 2_000, duplicateRate: 0.2, seed: 'pipeline' });
const truth = population.map((person) => person.clusterId);
const prepared = prepareRecords(population.map((p) => ({ ...p, documents: p.documents })));
const pairs = blockRecords(prepared);
const trained = trainPersonModel(prepared, pairs, { seed: 7 });
const scores = new Float64Array(pairs.left.length);
scorePairRange(prepared, pairs, trained, 0, pairs.left.length, scores);

describe('the entity-resolution pipeline', () => {
  it('finds the planted duplicates: blocking recall, pairwise and B-cubed F1 well above chance', () => {
    expect(blockingScores(pairs, truth).recall).toBeGreaterThan(0.9);
    const clusters = clusterPersons(
      prepared,
      { left: pairs.left, right: pairs.right, score: scores },
      trained.sameThreshold,
    );
    expect(pairwiseScores(clusters.clusterOf, truth).f1).toBeGreaterThan(0.85);
    expect(bCubedScores(clusters.clusterOf, truth).f1).toBeGreaterThan(0.9);
  });

  it('learns a model that weighs agreement above the starting guess for true pairs', () => {
    expect(trained.model.lambda).toBeGreaterThan(0);
    expect(trained.model.lambda).toBeLessThan(1);
    const trueScores: number[] = [];
    const falseScores: number[] = [];
    for (let k = 0; k < pairs.left.length; k++) {
      const same = truth[pairs.left[k] as number] === truth[pairs.right[k] as number];
      (same ? trueScores : falseScores).push(scores[k] as number);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(trueScores)).toBeGreaterThan(0.9);
    expect(mean(falseScores)).toBeLessThan(0.1);
  });

  it('scores the same in two chunks as in one pass', () => {
    const chunked = new Float64Array(pairs.left.length);
    const middle = Math.floor(pairs.left.length / 3);
    scorePairRange(prepared, pairs, trained, middle, pairs.left.length, chunked);
    scorePairRange(prepared, pairs, trained, 0, middle, chunked);
    expect(Array.from(chunked)).toEqual(Array.from(scores));
    expect(() => scorePairRange(prepared, pairs, trained, 0, pairs.left.length + 1, chunked)).toThrow(
      RangeError,
    );
  });

  it('round-trips the trained model through JSON and scores identically', () => {
    const json = JSON.parse(JSON.stringify(trainedModelToJson(trained)));
    const rebuilt = trainedModelFromJson(json);
    const again = new Float64Array(pairs.left.length);
    scorePairRange(prepared, pairs, rebuilt, 0, pairs.left.length, again);
    for (let k = 0; k < scores.length; k++) expect(again[k]).toBeCloseTo(scores[k] as number, 10);
    expect(rebuilt.sameThreshold).toBe(trained.sameThreshold);
  });

  it('refuses stored JSON that is malformed or was trained on other fields', () => {
    const json = trainedModelToJson(trained);
    expect(() => trainedModelFromJson({ ...json, lambda: 2 })).toThrow();
    expect(() => trainedModelFromJson({ ...json, fields: json.fields.slice(1) })).toThrow(/other comparison/);
    expect(() => trainedModelFromJson({ ...json, reviewThreshold: 0.999, sameThreshold: 0.9 })).toThrow(
      /review threshold/,
    );
    expect(() => trainedModelFromJson('not a model')).toThrow();
  });

  it('blocks only pairs touching flagged records when asked', () => {
    const flags = new Uint8Array(prepared.length);
    for (let i = 0; i < 100; i++) flags[i] = 1;
    const scoped = blockRecords(prepared, { onlyPairsTouching: flags });
    expect(scoped.left.length).toBeGreaterThan(0);
    expect(scoped.left.length).toBeLessThan(pairs.left.length);
    for (let k = 0; k < scoped.left.length; k++) {
      expect(flags[scoped.left[k] as number] === 1 || flags[scoped.right[k] as number] === 1).toBe(true);
    }
    expect(() => blockRecords(prepared, { onlyPairsTouching: new Uint8Array(3) })).toThrow(RangeError);
  });

  it('explains a pair: field labels and weights adding up to the total, veto and decision', () => {
    const a = preparePerson({
      givenName1: 'José',
      surname1: 'Pérez',
      surname2: 'Gómez',
      birthDate: '1988-04-07',
      sex: 'M',
      documents: [{ type: 'CC', number: '1023456789' }],
    });
    const b = preparePerson({
      givenName1: 'Pepe',
      surname1: 'Perez',
      surname2: 'Gomez',
      birthDate: '1988-07-04',
      sex: 'M',
      documents: [{ type: 'CC', number: '1023456789' }],
    });
    const c = preparePerson({
      ...{ givenName1: 'José', surname1: 'Pérez', surname2: 'Gómez' },
      birthDate: '1988-04-07',
      sex: 'M',
      documents: [{ type: 'CC', number: '79111222' }],
    });
    const same = explainPair(a, b, defaultTrainedPersonModel());
    expect(same.fields.map((field) => field.field)).toContain('givenNames');
    expect(same.fields.find((field) => field.field === 'birthDate')?.label).toBe('swappedDayMonth');
    const sum = same.priorWeight + same.fields.reduce((total, f) => total + f.weight + f.tfAdjustment, 0);
    expect(same.totalWeight).toBeCloseTo(sum, 10);
    expect(same.veto).toBe(false);
    expect(same.decision).toBe('same');
    const conflict = explainPair(a, c, defaultTrainedPersonModel());
    expect(conflict.veto).toBe(true);
    expect(conflict.decision).not.toBe('same');
  });
});
