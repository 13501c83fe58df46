import type { BlockingRuleStats } from '../../domain/entity-resolution/blocking';
import { clusterPersons } from '../../domain/entity-resolution/clustering';
import {
  compareInto,
  FIELD_COUNT,
  isVeto,
  type PreparedPerson,
} from '../../domain/entity-resolution/comparisons';
import { pairFrequencies } from '../../domain/entity-resolution/person-model';
import {
  blockRecords,
  type PersonRecordInput,
  prepareRecords,
  scorePairRange,
  scorerOf,
  type TrainedModelJson,
  type TrainedPersonModel,
  trainedModelFromJson,
  trainedModelToJson,
  trainPersonModel,
} from '../../domain/entity-resolution/pipeline';
import type { DocumentType } from '../../domain/registry/document-types';

/**
 * The CPU part of a deduplication run, without I/O: prepare, block, train (unless the run already stored its
 * model), score, cluster with the document veto, and keep the pairs at or above the review threshold. It runs in a
 * worker thread (`dedup-worker.ts`), so the server keeps answering while a national registry is compared.
 */
/**
 * A run's persons column by column, as the main thread keeps them and the worker receives them: a few arrays of
 * strings instead of one object (and one documents array) per person, cheaper to hold and to clone at national
 * scale.
 */
export interface RecordColumns {
  count: number;
  givenName1: string[];
  givenName2: Array<string | null>;
  surname1: string[];
  surname2: Array<string | null>;
  birthDate: Array<string | null>;
  sex: Array<string | null>;
  municipality: Array<string | null>;
  /** The documents of person i are at [documentStart[i], documentStart[i + 1]) of documentType/documentNumber. */
  documentStart: number[];
  documentType: Array<DocumentType | null>;
  documentNumber: string[];
}

export function emptyColumns(): RecordColumns {
  return {
    count: 0,
    givenName1: [],
    givenName2: [],
    surname1: [],
    surname2: [],
    birthDate: [],
    sex: [],
    municipality: [],
    documentStart: [0],
    documentType: [],
    documentNumber: [],
  };
}

export function appendRecord(
  columns: RecordColumns,
  record: {
    givenName1: string;
    givenName2: string | null;
    surname1: string;
    surname2: string | null;
    birthDate: string | null;
    sex: string | null;
    municipality: string | null;
    documents: ReadonlyArray<{ type: DocumentType | null; number: string }>;
  },
) {
  columns.givenName1.push(record.givenName1);
  columns.givenName2.push(record.givenName2);
  columns.surname1.push(record.surname1);
  columns.surname2.push(record.surname2);
  columns.birthDate.push(record.birthDate);
  columns.sex.push(record.sex);
  columns.municipality.push(record.municipality);
  for (const document of record.documents) {
    columns.documentType.push(document.type);
    columns.documentNumber.push(document.number);
  }
  columns.documentStart.push(columns.documentType.length);
  columns.count++;
}

/** The records the pipeline reads, rebuilt from the columns (in the worker). */
export function recordsOf(columns: RecordColumns): PersonRecordInput[] {
  const records = new Array<PersonRecordInput>(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const documents: Array<{ type: DocumentType | null; number: string }> = [];
    const end = columns.documentStart[i + 1] as number;
    for (let d = columns.documentStart[i] as number; d < end; d++) {
      documents.push({ type: columns.documentType[d] ?? null, number: columns.documentNumber[d] as string });
    }
    records[i] = {
      givenName1: columns.givenName1[i] ?? null,
      givenName2: columns.givenName2[i] ?? null,
      surname1: columns.surname1[i] ?? null,
      surname2: columns.surname2[i] ?? null,
      birthDate: columns.birthDate[i] ?? null,
      sex: columns.sex[i] ?? null,
      municipality: columns.municipality[i] ?? null,
      documents,
    };
  }
  return records;
}

export interface ComputeInput {
  records: RecordColumns;
  /** 1 = the record is in the import being checked (only pairs touching one are kept); null for a registry run. */
  touching: Uint8Array | null;
  /** The model the run stored before an interruption (trainedModelToJson), or null to train one. */
  model: unknown | null;
  /** Thresholds a newly trained model takes (the active model's). */
  thresholds: { same: number; review: number };
}

/** The pairs to write, in candidate order (deterministic for the same records and model). */
export interface ComputeResult {
  candidateCount: number;
  blockingStats: BlockingRuleStats[];
  model: TrainedModelJson;
  refused: number;
  left: Uint32Array;
  right: Uint32Array;
  probability: Float64Array;
  weight: Float64Array;
  /** FIELD_COUNT levels per pair. */
  levels: Uint8Array;
  veto: Uint8Array;
  /** 1 = "probably the same person": at or above the same threshold, no veto, kept in one cluster. */
  same: Uint8Array;
}

export type ComputeStage = 'blocking' | 'training' | 'scoring';

export function computeRun(
  input: ComputeInput,
  onStage: (
    stage: ComputeStage,
    detail: { candidateCount?: number; blockingStats?: BlockingRuleStats[] },
  ) => void,
): ComputeResult {
  onStage('blocking', {});
  const prepared = prepareRecords(recordsOf(input.records));
  const pairs = blockRecords(prepared, input.touching ? { onlyPairsTouching: input.touching } : {});
  const candidateCount = pairs.left.length;
  let trained: TrainedPersonModel;
  if (input.model) {
    trained = trainedModelFromJson(input.model);
  } else {
    onStage('training', { candidateCount, blockingStats: pairs.stats });
    trained = trainPersonModel(prepared, pairs, {
      seed: 1,
      sameThreshold: input.thresholds.same,
      reviewThreshold: input.thresholds.review,
    });
  }
  onStage('scoring', { candidateCount });
  const probabilities = new Float64Array(candidateCount);
  scorePairRange(prepared, pairs, trained, 0, candidateCount, probabilities);
  const clustering = clusterPersons(
    prepared,
    { left: pairs.left, right: pairs.right, score: probabilities },
    trained.sameThreshold,
  );

  let count = 0;
  for (let k = 0; k < candidateCount; k++)
    if ((probabilities[k] as number) >= trained.reviewThreshold) count++;
  const result: ComputeResult = {
    candidateCount,
    blockingStats: pairs.stats,
    model: trainedModelToJson(trained),
    refused: clustering.refused,
    left: new Uint32Array(count),
    right: new Uint32Array(count),
    probability: new Float64Array(count),
    weight: new Float64Array(count),
    levels: new Uint8Array(count * FIELD_COUNT),
    veto: new Uint8Array(count),
    same: new Uint8Array(count),
  };
  const scorer = scorerOf(trained);
  const vector = new Uint8Array(FIELD_COUNT);
  const frequencies = new Float64Array(FIELD_COUNT);
  let s = 0;
  for (let k = 0; k < candidateCount; k++) {
    const probability = probabilities[k] as number;
    if (probability < trained.reviewThreshold) continue;
    const left = pairs.left[k] as number;
    const right = pairs.right[k] as number;
    const a = prepared[left] as PreparedPerson;
    compareInto(a, prepared[right] as PreparedPerson, vector, 0);
    pairFrequencies(a, vector, 0, trained.termFrequencies, frequencies);
    const veto = isVeto(vector);
    result.left[s] = left;
    result.right[s] = right;
    result.probability[s] = probability;
    result.weight[s] = scorer.score(vector, 0, frequencies);
    result.levels.set(vector, s * FIELD_COUNT);
    result.veto[s] = veto ? 1 : 0;
    result.same[s] =
      probability >= trained.sameThreshold &&
      !veto &&
      clustering.clusterOf[left] === clustering.clusterOf[right]
        ? 1
        : 0;
    s++;
  }
  return result;
}

/** The buffers of a result, to transfer from the worker instead of copying them. */
export function transferList(result: ComputeResult): ArrayBuffer[] {
  return [
    result.left,
    result.right,
    result.probability,
    result.weight,
    result.levels,
    result.veto,
    result.same,
  ].map((array) => array.buffer as ArrayBuffer);
}
