import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const tags = ['assessment'];

export const assessmentRoutes =
  ({ assessment }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/assessment-instruments',
      {
        schema: {
          operationId: 'listAssessmentInstruments',
          tags,
          summary:
            'Integration-index instruments with their versions (active, superseded) and how often each was applied',
          response: { 200: s.InstrumentList },
        },
      },
      async (request) => assessment.listInstruments(actorOf(request)),
    );

    app.post(
      '/api/v1/assessment-instruments',
      {
        schema: {
          operationId: 'importAssessmentInstrument',
          tags,
          summary:
            'Define an instrument, or a new version of one (same key), from its JSON definition; the previous version is superseded',
          body: s.InstrumentDefinition,
          response: { 201: s.InstrumentVersion },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await assessment.importInstrument(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/assessment-instrument-versions/:id',
      {
        schema: {
          operationId: 'getAssessmentInstrumentVersion',
          tags,
          summary: 'One version of an instrument with its full definition',
          params: s.IdParams,
          response: { 200: s.InstrumentVersion },
        },
      },
      async (request) => assessment.getInstrumentVersion(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/assessment-instrument-versions/:id/supersede',
      {
        schema: {
          operationId: 'supersedeAssessmentInstrumentVersion',
          tags,
          summary: 'Stop applying a version (versions are never edited; its applications stay as they were)',
          params: s.IdParams,
          response: { 200: s.InstrumentVersion },
        },
      },
      async (request) => assessment.supersedeVersion(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/assessments',
      {
        schema: {
          operationId: 'startAssessment',
          tags,
          summary:
            'Start applying an instrument to a household or person (or resume the draft already started); the first is the baseline',
          body: s.ApplicationStart,
          response: { 201: s.ApplicationWithInstrument },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await assessment.startApplication(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/assessments/:id',
      {
        schema: {
          operationId: 'getAssessment',
          tags,
          summary: 'One application with its answers, result and the instrument version it uses',
          params: s.IdParams,
          response: { 200: s.ApplicationWithInstrument },
        },
      },
      async (request) => assessment.getApplication(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/assessments/:id',
      {
        schema: {
          operationId: 'saveAssessmentDraft',
          tags,
          summary:
            'Save answers of a draft as they are given (send the version read; 409 with the current one if stale)',
          params: s.IdParams,
          body: s.ApplicationDraftSave,
          response: { 200: s.Application },
        },
      },
      async (request) => assessment.saveDraft(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/assessments/:id/complete',
      {
        schema: {
          operationId: 'completeAssessment',
          tags,
          summary: 'Score the application (per dimension, overall, level) and close it',
          params: s.IdParams,
          body: s.ApplicationComplete,
          response: { 200: s.Application },
        },
      },
      async (request) => assessment.completeApplication(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/households/:id/assessments',
      {
        schema: {
          operationId: 'listHouseholdAssessments',
          tags,
          summary:
            "A household's index applications, oldest first, with results: its evolution since the baseline",
          params: s.IdParams,
          response: { 200: s.SubjectApplications },
        },
      },
      async (request) => assessment.listSubjectApplications(actorOf(request), 'household', request.params.id),
    );

    app.get(
      '/api/v1/persons/:id/assessments',
      {
        schema: {
          operationId: 'listPersonAssessments',
          tags,
          summary: "A person's index applications, oldest first, with results",
          params: s.IdParams,
          response: { 200: s.SubjectApplications },
        },
      },
      async (request) => assessment.listSubjectApplications(actorOf(request), 'person', request.params.id),
    );

    app.get(
      '/api/v1/assessment-indicator',
      {
        schema: {
          operationId: 'getAssessmentIndicator',
          tags,
          summary:
            'Share of households whose latest completed application is at the top level, per office and programme, against the target',
          querystring: s.IndicatorQuery,
          response: { 200: s.Indicator },
        },
      },
      async (request) => assessment.indicator(actorOf(request), request.query, requestLanguage(request)),
    );

    app.put(
      '/api/v1/assessment-indicator/targets',
      {
        schema: {
          operationId: 'setAssessmentIndicatorTarget',
          tags,
          summary: 'Set the target share of households at the top level for an office (and programme)',
          body: s.TargetSet,
          response: { 204: z.null().describe('No content') },
        },
      },
      async (request, reply) => {
        await assessment.setTarget(actorOf(request), request.body);
        return reply.status(204).send(null);
      },
    );
  };
