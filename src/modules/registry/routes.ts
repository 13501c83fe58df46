import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';
import * as s from './schemas';

export const registryRoutes =
  ({ registry }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/persons',
      {
        schema: {
          operationId: 'searchPersons',
          tags: ['registry'],
          summary: 'Find persons by name (any order, accents, typos), document number or phone',
          querystring: s.PersonSearchQuery,
          response: { 200: s.PersonSearchResult },
        },
      },
      async (request) => registry.searchPersons(actorOf(request), request.query),
    );

    app.post(
      '/api/v1/persons',
      {
        schema: {
          operationId: 'registerPerson',
          tags: ['registry'],
          summary: 'Register a person; 409 with the likely duplicates until they are acknowledged',
          body: s.PersonCreate,
          response: { 201: s.PersonSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.registerPerson(actorOf(request), request.body)),
    );

    app.post(
      '/api/v1/persons/duplicate-check',
      {
        schema: {
          operationId: 'checkPersonDuplicates',
          tags: ['registry'],
          summary: 'Likely existing records of a person about to be registered, with score and reasons',
          body: s.DuplicateCheck,
          response: { 200: z.object({ candidates: z.array(s.DuplicateCandidate) }) },
        },
      },
      async (request) => ({ candidates: await registry.checkDuplicates(actorOf(request), request.body) }),
    );

    app.get(
      '/api/v1/persons/:id',
      {
        schema: {
          operationId: 'getPerson',
          tags: ['registry'],
          summary: 'One person (sensitive fields only for roles that need them; those reads are audited)',
          params: s.PersonIdParams,
          response: { 200: s.PersonSchema },
        },
      },
      async (request) => registry.getPerson(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/persons/:id',
      {
        schema: {
          operationId: 'updatePerson',
          tags: ['registry'],
          summary: 'Change a person (send the version you read; 409 with the current record if it changed)',
          params: s.PersonIdParams,
          body: s.PersonUpdate,
          response: { 200: s.PersonSchema },
        },
      },
      async (request) => registry.updatePerson(actorOf(request), request.params.id, request.body),
    );
  };
