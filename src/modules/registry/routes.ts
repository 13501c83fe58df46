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
          summary:
            'Find persons by name (any order, accents, typos), document number or phone, or list them (newest first), with filters',
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

    app.post(
      '/api/v1/person-merges',
      {
        schema: {
          operationId: 'mergePersons',
          tags: ['registry'],
          summary:
            'Merge two records of one person, choosing field by field; everything pointing at the other moves',
          body: s.PersonMergeCreate,
          response: { 201: z.object({ mergeId: z.uuid(), survivorId: z.uuid(), mergedId: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.mergePersons(actorOf(request), request.body)),
    );

    app.post(
      '/api/v1/person-merges/:id/undo',
      {
        schema: {
          operationId: 'undoPersonMerge',
          tags: ['registry'],
          summary: 'Undo a merge (409 if the surviving record changed since)',
          params: s.MergeIdParams,
          response: { 200: z.object({ survivorId: z.uuid(), restoredId: z.uuid() }) },
        },
      },
      async (request) => registry.undoMerge(actorOf(request), request.params.id),
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

    app.get(
      '/api/v1/persons/:id/timeline',
      {
        schema: {
          operationId: 'getPersonTimeline',
          tags: ['registry'],
          summary:
            'Everything that happened to a person, newest first: registration, changes, consents, households, merges',
          params: s.PersonIdParams,
          querystring: s.PersonTimelineQuery,
          response: { 200: s.PersonTimeline },
        },
      },
      async (request) => registry.personTimeline(actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/api/v1/persons/:id/households',
      {
        schema: {
          operationId: 'listPersonHouseholds',
          tags: ['registry'],
          summary: 'The households a person lives in and has lived in, current first',
          params: s.PersonIdParams,
          response: { 200: s.PersonHouseholds },
        },
      },
      async (request) => ({
        items: await registry.listPersonHouseholds(actorOf(request), request.params.id),
      }),
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

export const householdAndConsentRoutes =
  ({ registry }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/households',
      {
        schema: {
          operationId: 'createHousehold',
          tags: ['registry'],
          summary: 'Create a household with its members (exactly one head)',
          body: s.HouseholdCreate,
          response: { 201: s.HouseholdSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createHousehold(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/households/:id',
      {
        schema: {
          operationId: 'getHousehold',
          tags: ['registry'],
          summary: 'A household: current and former members, and its composition derived from them',
          params: s.HouseholdIdParams,
          response: { 200: s.HouseholdSchema },
        },
      },
      async (request) => registry.getHousehold(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/households/:id/members',
      {
        schema: {
          operationId: 'addHouseholdMember',
          tags: ['registry'],
          summary: 'Add a person, moving them out of their current household (history kept)',
          params: s.HouseholdIdParams,
          body: s.HouseholdMemberAdd,
          response: { 200: s.HouseholdSchema },
        },
      },
      async (request) => registry.addHouseholdMember(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/v1/households/:id/members/:personId',
      {
        schema: {
          operationId: 'removeHouseholdMember',
          tags: ['registry'],
          summary: 'A member leaves the household (kept as a former member)',
          params: s.HouseholdMemberParams,
          response: { 200: s.HouseholdSchema },
        },
      },
      async (request) =>
        registry.removeHouseholdMember(actorOf(request), request.params.id, request.params.personId),
    );

    app.get(
      '/api/v1/persons/:id/consents',
      {
        schema: {
          operationId: 'listConsents',
          tags: ['registry'],
          summary: 'A person’s consents, current and revoked',
          params: s.PersonIdParams,
          response: { 200: z.object({ items: z.array(s.ConsentSchema) }) },
        },
      },
      async (request) => ({ items: await registry.listConsents(actorOf(request), request.params.id) }),
    );

    app.post(
      '/api/v1/persons/:id/consents',
      {
        schema: {
          operationId: 'recordConsent',
          tags: ['registry'],
          summary: 'Record a consent for one purpose (by the person, or a guardian for a minor)',
          params: s.PersonIdParams,
          body: s.ConsentCreate,
          response: { 201: s.ConsentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await registry.recordConsent(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/persons/:id/consents/:consentId/revoke',
      {
        schema: {
          operationId: 'revokeConsent',
          tags: ['registry'],
          summary: 'Revoke a consent; sharing for that purpose stops at once',
          params: s.ConsentParams,
          response: { 200: s.ConsentSchema },
        },
      },
      async (request) =>
        registry.revokeConsent(actorOf(request), request.params.id, request.params.consentId),
    );
  };
