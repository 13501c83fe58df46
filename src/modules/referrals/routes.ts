import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ReferralCommand } from '../../domain/referrals/state-machine';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const TAGS = ['referrals'];

export const referralRoutes =
  ({ referrals }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cases/:caseId/referral-check',
      {
        schema: {
          operationId: 'checkReferral',
          tags: TAGS,
          summary:
            "Whether the case's person may be referred to a directory service, each rule explained in the request's language, and the fields the partner would receive",
          params: s.CaseIdParams,
          querystring: s.ReferralCheckQuery,
          response: { 200: s.ReferralCheck },
        },
      },
      async (request) =>
        referrals.check(
          actorOf(request),
          request.params.caseId,
          request.query.serviceId,
          requestLanguage(request),
        ),
    );

    app.post(
      '/api/v1/cases/:caseId/referrals',
      {
        schema: {
          operationId: 'sendReferral',
          tags: TAGS,
          summary:
            'Refer the case’s person to a directory service from a plan action (or a new one under a goal); 422 listing the failing eligibility rules; the same Idempotency-Key returns the referral already sent (200)',
          params: s.CaseIdParams,
          headers: s.IdempotencyHeaders,
          body: s.ReferralCreate,
          response: { 200: s.ReferralDetail, 201: s.ReferralDetail },
        },
      },
      async (request, reply) => {
        const { created, referral } = await referrals.send(
          actorOf(request),
          request.params.caseId,
          request.body,
          request.headers['idempotency-key'],
          requestLanguage(request),
        );
        return reply.status(created ? 201 : 200).send(referral);
      },
    );

    app.get(
      '/api/v1/cases/:caseId/referrals',
      {
        schema: {
          operationId: 'listCaseReferrals',
          tags: TAGS,
          summary: 'The referrals of a case, newest first',
          params: s.CaseIdParams,
          response: { 200: s.ReferralList },
        },
      },
      async (request) =>
        referrals.listOfCase(actorOf(request), request.params.caseId, requestLanguage(request)),
    );

    app.get(
      '/api/v1/referrals/inbox',
      {
        schema: {
          operationId: 'listReferralInbox',
          tags: TAGS,
          summary:
            "A partner's inbox: its organization's referrals with only the data shared about each person (reading it is audited)",
          querystring: s.InboxQuery,
          response: { 200: s.ReferralPage },
        },
      },
      async (request) => referrals.inbox(actorOf(request), request.query, requestLanguage(request)),
    );

    app.get(
      '/api/v1/referrals/:id',
      {
        schema: {
          operationId: 'getReferral',
          tags: TAGS,
          summary:
            'One referral with its history: the referring office sees the person, the partner only what was shared (audited)',
          params: s.ReferralIdParams,
          response: { 200: s.ReferralDetail },
        },
      },
      async (request) => referrals.getReferral(actorOf(request), request.params.id, requestLanguage(request)),
    );

    const steps: Array<{
      path: string;
      command: ReferralCommand;
      operationId: string;
      summary: string;
      body: typeof s.VersionBody | typeof s.ReasonBody | typeof s.CompleteBody | typeof s.NotesBody;
    }> = [
      {
        path: 'accept',
        command: 'accept',
        operationId: 'acceptReferral',
        summary: 'The partner accepts a referral (starts the completion time)',
        body: s.VersionBody,
      },
      {
        path: 'decline',
        command: 'decline',
        operationId: 'declineReferral',
        summary: 'The partner declines a referral, with its reason',
        body: s.ReasonBody,
      },
      {
        path: 'start',
        command: 'start',
        operationId: 'startReferral',
        summary: 'The partner starts serving the person',
        body: s.VersionBody,
      },
      {
        path: 'complete',
        command: 'complete',
        operationId: 'completeReferral',
        summary: 'The partner closes the referral with its outcome (the case’s action is done)',
        body: s.CompleteBody,
      },
      {
        path: 'not-attended',
        command: 'notAttended',
        operationId: 'markReferralNotAttended',
        summary: 'The partner records that the person did not come',
        body: s.NotesBody,
      },
      {
        path: 'withdraw',
        command: 'withdraw',
        operationId: 'withdrawReferral',
        summary: 'The referring case team withdraws a referral not yet started, with its reason',
        body: s.ReasonBody,
      },
    ];
    for (const step of steps) {
      app.post(
        `/api/v1/referrals/:id/${step.path}`,
        {
          schema: {
            operationId: step.operationId,
            tags: TAGS,
            summary: `${step.summary}; at its version (409 when stale, 422 when the step does not apply)`,
            params: s.ReferralIdParams,
            body: step.body,
            response: { 200: s.ReferralDetail },
          },
        },
        async (request) =>
          referrals.transition(
            actorOf(request),
            request.params.id,
            step.command,
            request.body as { version: number },
            requestLanguage(request),
          ),
      );
    }

    app.get(
      '/api/v1/reports/referrals',
      {
        schema: {
          operationId: 'referralReport',
          tags: ['reports'],
          summary:
            'Referrals by service, partner or office: counts by status, overdue, hours to acceptance and days to completion (median, 90th percentile); aggregates only',
          querystring: s.ReportQuery,
          response: { 200: s.ReferralReport },
        },
      },
      async (request) => referrals.report(actorOf(request), request.query),
    );
  };
