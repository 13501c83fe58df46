import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const TAGS = ['cases'];

export const caseRoutes =
  ({ cases }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cases',
      {
        schema: {
          operationId: 'listCases',
          tags: TAGS,
          summary: 'The caller’s cases, or their offices’ cases, by status and programme; newest first',
          querystring: s.CaseListQuery,
          response: { 200: s.CaseList },
        },
      },
      async (request) => cases.listCases(actorOf(request), request.query, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases',
      {
        schema: {
          operationId: 'openCase',
          tags: TAGS,
          summary: 'Open a case for a person or a household in a programme (one open case per programme)',
          body: s.CaseOpen,
          response: { 201: s.CaseDetailSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await cases.openCase(actorOf(request), request.body, requestLanguage(request))),
    );

    app.get(
      '/api/v1/cases/pending-approvals',
      {
        schema: {
          operationId: 'listCasePendingApprovals',
          tags: TAGS,
          summary: 'A coordinator’s pending work: plans and closures to approve, transfers to their offices',
          response: { 200: s.PendingApprovalsSchema },
        },
      },
      async (request) => cases.pendingApprovals(actorOf(request), requestLanguage(request)),
    );

    app.get(
      '/api/v1/cases/:id',
      {
        schema: {
          operationId: 'getCase',
          tags: TAGS,
          summary: 'A case with its plan, progress, pending approvals and the caller’s abilities',
          params: s.CaseIdParams,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) => cases.getCase(actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases/:id/transitions',
      {
        schema: {
          operationId: 'transitionCase',
          tags: TAGS,
          summary:
            'Put on hold, resume, request closure (with reason and outcome) or reopen a case, at its version',
          params: s.CaseIdParams,
          body: s.CaseTransition,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.transition(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases/:id/plan/submit',
      {
        schema: {
          operationId: 'submitCasePlan',
          tags: TAGS,
          summary: 'Submit the action plan (for approval where the programme requires it)',
          params: s.CaseIdParams,
          body: s.PlanSubmit,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.submitPlan(actorOf(request), request.params.id, request.body.version, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases/:id/decisions',
      {
        schema: {
          operationId: 'decideCase',
          tags: TAGS,
          summary:
            'A coordinator approves or rejects (with a reason) a submitted plan or a requested closure',
          params: s.CaseIdParams,
          body: s.CaseDecision,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.decide(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases/:id/reassign',
      {
        schema: {
          operationId: 'reassignCase',
          tags: TAGS,
          summary: 'A coordinator gives the case to another caseworker of its office',
          params: s.CaseIdParams,
          body: s.CaseReassign,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.reassign(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.put(
      '/api/v1/cases/:id/categories',
      {
        schema: {
          operationId: 'setCaseCategories',
          tags: TAGS,
          summary:
            'Set the case’s vulnerability categories (send the version read); each category added starts its protocol as tasks of the case',
          params: s.CaseIdParams,
          body: s.CaseCategoriesUpdate,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.setCategories(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases/:id/transfer',
      {
        schema: {
          operationId: 'requestCaseTransfer',
          tags: TAGS,
          summary: 'Ask another office to take the case (its coordinators accept or refuse)',
          params: s.CaseIdParams,
          body: s.TransferRequest,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.requestTransfer(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.post(
      '/api/v1/cases/:id/transfer/decision',
      {
        schema: {
          operationId: 'decideCaseTransfer',
          tags: TAGS,
          summary: 'The receiving office’s coordinator accepts or refuses (with a reason) a transfer',
          params: s.CaseIdParams,
          body: s.TransferDecision,
          response: {
            200: z.object({ decision: z.enum(['accept', 'refuse']), caseId: z.uuid(), officeId: z.uuid() }),
          },
        },
      },
      async (request) => cases.decideTransfer(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/cases/:id/goals',
      {
        schema: {
          operationId: 'addCaseGoal',
          tags: TAGS,
          summary: 'Add a goal to the plan, by dimension, tied to the subject’s needs',
          params: s.CaseIdParams,
          body: s.GoalCreate,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.addGoal(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.patch(
      '/api/v1/cases/:id/goals/:goalId',
      {
        schema: {
          operationId: 'updateCaseGoal',
          tags: TAGS,
          summary: 'Change a goal’s description, status or needs, at the case’s version',
          params: s.GoalParams,
          body: s.GoalUpdate,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.updateGoal(
          actorOf(request),
          request.params.id,
          request.params.goalId,
          request.body,
          requestLanguage(request),
        ),
    );

    app.post(
      '/api/v1/cases/:id/actions',
      {
        schema: {
          operationId: 'addCaseAction',
          tags: TAGS,
          summary:
            'Add an action to a goal: who does it (caseworker, partner organization, the person) and by when',
          params: s.CaseIdParams,
          body: s.ActionCreate,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.addAction(actorOf(request), request.params.id, request.body, requestLanguage(request)),
    );

    app.patch(
      '/api/v1/cases/:id/actions/:actionId',
      {
        schema: {
          operationId: 'updateCaseAction',
          tags: TAGS,
          summary: 'Change an action’s status (done, in progress…) or its content, at the case’s version',
          params: s.ActionParams,
          body: s.ActionUpdate,
          response: { 200: s.CaseDetailSchema },
        },
      },
      async (request) =>
        cases.updateAction(
          actorOf(request),
          request.params.id,
          request.params.actionId,
          request.body,
          requestLanguage(request),
        ),
    );

    app.get(
      '/api/v1/cases/:id/history',
      {
        schema: {
          operationId: 'getCaseHistory',
          tags: TAGS,
          summary: 'Everything that happened to the case: who, when, what and why; newest first',
          params: s.CaseIdParams,
          response: { 200: s.CaseHistory },
        },
      },
      async (request) => cases.history(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/cases/:id/notes',
      {
        schema: {
          operationId: 'listCaseNotes',
          tags: TAGS,
          summary: 'The case notes the caller may read (restricted and sensitive reads are audited)',
          params: s.CaseIdParams,
          response: { 200: s.NoteList },
        },
      },
      async (request) => cases.listNotes(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/cases/:id/notes',
      {
        schema: {
          operationId: 'addCaseNote',
          tags: TAGS,
          summary:
            'Add a note: normal, restricted (case team and coordinators) or sensitive (coordinators and author)',
          params: s.CaseIdParams,
          body: s.NoteCreate,
          response: { 201: s.NoteSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await cases.addNote(actorOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/persons/:id/cases',
      {
        schema: {
          operationId: 'listPersonCases',
          tags: TAGS,
          summary: 'A person’s cases at the caller’s offices, with their progress',
          params: s.SubjectParams,
          response: { 200: s.SubjectCaseList },
        },
      },
      async (request) => cases.listPersonCases(actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.get(
      '/api/v1/households/:id/cases',
      {
        schema: {
          operationId: 'listHouseholdCases',
          tags: TAGS,
          summary: 'A household’s cases and its members’ cases at the caller’s offices, with their progress',
          params: s.SubjectParams,
          response: { 200: s.SubjectCaseList },
        },
      },
      async (request) =>
        cases.listHouseholdCases(actorOf(request), request.params.id, requestLanguage(request)),
    );
  };
