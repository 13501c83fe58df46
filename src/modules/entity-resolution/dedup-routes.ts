import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';
import * as s from './dedup-schemas';

const TAGS = ['deduplication'];

export const dedupRoutes =
  ({ deduplication }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/deduplication/runs',
      {
        schema: {
          operationId: 'listDedupRuns',
          tags: TAGS,
          summary: 'Recent deduplication runs the caller may see, and the imports they may check',
          response: { 200: s.DedupRunList },
        },
      },
      async (request) => deduplication.list(actorOf(request)),
    );

    app.post(
      '/api/v1/deduplication/runs',
      {
        schema: {
          operationId: 'startDedupRun',
          tags: TAGS,
          summary:
            'Start a deduplication run over the registry (administrators: all of it; coordinators: their offices) or over one import',
          body: s.DedupRunStart,
          response: { 202: s.DedupRun },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await deduplication.start(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/deduplication/runs/:id',
      {
        schema: {
          operationId: 'getDedupRun',
          tags: TAGS,
          summary: 'A run, its stage and progress (poll it while it runs)',
          params: s.DedupRunIdParams,
          response: { 200: s.DedupRun },
        },
      },
      async (request) => deduplication.get(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/deduplication/runs/:id/cancel',
      {
        schema: {
          operationId: 'cancelDedupRun',
          tags: TAGS,
          summary: 'Ask a run to stop after the chunk it is writing; the pairs written stay in the queue',
          params: s.DedupRunIdParams,
          response: { 200: s.DedupRun },
        },
      },
      async (request) => deduplication.cancel(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/deduplication/runs/:id/resume',
      {
        schema: {
          operationId: 'resumeDedupRun',
          tags: TAGS,
          summary: 'Resume a cancelled or failed run after its last written chunk',
          params: s.DedupRunIdParams,
          response: { 202: s.DedupRun },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await deduplication.resume(actorOf(request), request.params.id)),
    );

    app.get(
      '/api/v1/deduplication/runs/:id/pairs',
      {
        schema: {
          operationId: 'listDedupPairs',
          tags: TAGS,
          summary:
            'The review queue of a run: "probably the same person" first, then "to review", by probability (coordinators; pairs of persons of their offices)',
          params: s.DedupRunIdParams,
          querystring: s.DedupPairsQuery,
          response: { 200: s.DedupPairList },
        },
      },
      async (request) => deduplication.pairs(actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/api/v1/deduplication/pairs/:id',
      {
        schema: {
          operationId: 'getDedupPair',
          tags: TAGS,
          summary: 'A pair side by side, with the level and weight of each field (the read is audited)',
          params: s.DedupPairIdParams,
          response: { 200: s.DedupPair },
        },
      },
      async (request) => deduplication.pair(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/deduplication/pairs/:id/decision',
      {
        schema: {
          operationId: 'decideDedupPair',
          tags: TAGS,
          summary: 'Decide a pair: same person, different persons, or unsure (with an optional note)',
          params: s.DedupPairIdParams,
          body: s.DedupDecision,
          response: { 200: s.DedupPair },
        },
      },
      async (request) => deduplication.decide(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/deduplication/thresholds',
      {
        schema: {
          operationId: 'getDedupThresholds',
          tags: TAGS,
          summary:
            'The active thresholds and the ones the review decisions suggest, with the counts behind them',
          response: { 200: s.DedupThresholds },
        },
      },
      async (request) => deduplication.thresholds(actorOf(request)),
    );

    app.put(
      '/api/v1/deduplication/thresholds',
      {
        schema: {
          operationId: 'applyDedupThresholds',
          tags: TAGS,
          summary: 'Make new thresholds active (a new model with the same parameters)',
          body: s.DedupThresholdsApply,
          response: { 200: s.DedupThresholds },
        },
      },
      async (request) => deduplication.applyThresholds(actorOf(request), request.body),
    );
  };
