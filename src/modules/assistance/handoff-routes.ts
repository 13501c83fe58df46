import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './handoff-schemas';
import { IdParams } from './schemas';

const tags = ['assistance'];

/** The hand-off of a received arrival to a Migrant Assistance Office, and how a case's person arrived. */
export const handoffRoutes =
  ({ handoff }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/arrivals/:id/handoff',
      {
        schema: {
          operationId: 'getArrivalHandoff',
          tags,
          summary:
            "An arrival's hand-off to a Migrant Assistance Office: done (office, programme, when; no link to the case) or the offices it may go to",
          params: IdParams,
          response: { 200: s.ArrivalHandoff },
        },
      },
      async (request) => handoff.getHandoff(actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.post(
      '/api/v1/arrivals/:id/handoff',
      {
        schema: {
          operationId: 'handOffArrival',
          tags,
          summary:
            "Hand the received traveller to a Migrant Assistance Office: opens their case there in a programme (the post may not read it) and completes the protocol's referral step",
          params: IdParams,
          body: s.ArrivalHandoffCreate,
          response: { 201: s.ArrivalHandoff },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await handoff.handOff(
              actorOf(request),
              request.params.id,
              request.body,
              requestLanguage(request),
            ),
          ),
    );

    app.get(
      '/api/v1/cases/:id/arrival',
      {
        schema: {
          operationId: 'getCaseArrival',
          tags,
          summary:
            "How the case's person arrived (post, date, categories, what was provided), for the case's office; null when the case did not come from an arrival",
          params: IdParams,
          response: { 200: s.CaseArrival },
        },
      },
      async (request) => handoff.arrivalOfCase(actorOf(request), request.params.id),
    );
  };
