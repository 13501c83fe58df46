import { z } from 'zod';

export const DedupRunIdParams = z.object({ id: z.uuid() });
export const DedupPairIdParams = z.object({ id: z.uuid() });

export const DedupStage = z.enum(['queued', 'loading', 'blocking', 'training', 'scoring', 'writing', 'done']);
export const DedupPairStatus = z.enum(['pending', 'same', 'different', 'unsure']);

export const DedupRunStart = z
  .object({
    /** `registry`: the whole registry (administrators) or the persons of the caller's offices (coordinators). */
    scope: z.enum(['registry', 'import']),
    /** For `import`: a finished import, whose persons are compared against the whole registry. */
    importJobId: z.uuid().nullish(),
  })
  .meta({ id: 'DedupRunStart' });

export const DedupRun = z
  .object({
    id: z.uuid(),
    scope: z.enum(['registry', 'import']),
    wholeRegistry: z.boolean(),
    importJob: z.object({ id: z.uuid(), fileName: z.string() }).nullable(),
    status: z.enum(['queued', 'running', 'cancelling', 'cancelled', 'failed', 'completed']),
    stage: DedupStage,
    /** Pairs written to the queue out of those to write (known from the `writing` stage on). */
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    counts: z.object({
      persons: z.number().int(),
      candidates: z.number().int(),
      /** Pairs queued as "probably the same person". */
      same: z.number().int(),
      /** Pairs queued "to review". */
      review: z.number().int(),
      /** Links the document veto refused while clustering. */
      refused: z.number().int(),
    }),
    errorCode: z.string().nullable(),
    startedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    abilities: z.object({ cancel: z.boolean(), resume: z.boolean(), review: z.boolean() }),
  })
  .meta({ id: 'DedupRun' });

export const DedupRunList = z.object({
  items: z.array(DedupRun),
  /** Recent finished imports the caller may check against the registry. */
  imports: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      finishedAt: z.string().nullable(),
      createdRows: z.number().int(),
    }),
  ),
  abilities: z.object({ start: z.boolean(), wholeRegistry: z.boolean() }),
});

export const DedupPairsQuery = z.object({
  status: DedupPairStatus.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const PairPersonSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  birthDate: z.string().nullable(),
});

export const DedupPairList = z.object({
  run: DedupRun,
  counts: z.object({
    pending: z.number().int(),
    same: z.number().int(),
    different: z.number().int(),
    unsure: z.number().int(),
    probablySame: z.number().int(),
    toReview: z.number().int(),
  }),
  items: z.array(
    z.object({
      id: z.uuid(),
      probability: z.number(),
      weight: z.number(),
      decisionClass: z.enum(['same', 'review']),
      veto: z.boolean(),
      status: DedupPairStatus,
      persons: z.array(PairPersonSummary).length(2),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const PairPerson = z.object({
  id: z.uuid(),
  displayName: z.string(),
  givenName1: z.string(),
  givenName2: z.string().nullable(),
  surname1: z.string(),
  surname2: z.string().nullable(),
  birthDate: z.string().nullable(),
  sexAtBirth: z.string().nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  documents: z.array(z.object({ type: z.string(), number: z.string() })),
  offices: z.array(z.object({ id: z.uuid(), name: z.string() })),
  merged: z.boolean(),
  version: z.number().int(),
});

export const DedupPair = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    status: DedupPairStatus,
    version: z.number().int(),
    decisionClass: z.enum(['same', 'review']),
    probability: z.number(),
    weight: z.number(),
    veto: z.boolean(),
    note: z.string().nullable(),
    decidedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    decidedAt: z.string().nullable(),
    persons: z.array(PairPerson).length(2),
    /** Each field's comparison level and weight (log2 m/u) with the records as they are now. */
    explanation: z.object({
      priorWeight: z.number(),
      totalWeight: z.number(),
      probability: z.number(),
      veto: z.boolean(),
      fields: z.array(
        z.object({
          field: z.string(),
          level: z.number().int(),
          label: z.string(),
          weight: z.number(),
          tfAdjustment: z.number(),
        }),
      ),
    }),
    thresholds: z.object({ same: z.number(), review: z.number() }),
    abilities: z.object({ decide: z.boolean(), merge: z.boolean() }),
  })
  .meta({ id: 'DedupPair' });

export const DedupDecision = z.object({
  decision: z.enum(['same', 'different', 'unsure']),
  note: z.string().trim().max(1000).nullish(),
  version: z.number().int().min(1),
});

export const DedupThresholds = z
  .object({
    active: z.object({
      same: z.number(),
      review: z.number(),
      source: z.enum(['run', 'thresholds', 'default']),
      createdAt: z.string().nullable(),
    }),
    suggestion: z.object({
      same: z.number().nullable(),
      review: z.number().nullable(),
      decided: z.number().int(),
      decidedSame: z.number().int(),
      decidedDifferent: z.number().int(),
      atOrAboveSame: z.object({ total: z.number().int(), same: z.number().int() }),
      belowReview: z.number().int(),
    }),
    abilities: z.object({ apply: z.boolean() }),
  })
  .meta({ id: 'DedupThresholds' });

export const DedupThresholdsApply = z.object({
  same: z.number().gt(0).max(1),
  review: z.number().gt(0).max(1),
});
