import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const TAGS = ['characterization'];

export const characterizationRoutes =
  ({ characterization }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/persons/:id/characterization',
      {
        schema: {
          operationId: 'getCharacterization',
          tags: TAGS,
          summary:
            'A person’s current characterization and its versions (sensitive vulnerabilities only for roles that need them; those reads are audited)',
          params: s.PersonIdParams,
          response: { 200: s.CharacterizationSummary },
        },
      },
      async (request) =>
        characterization.getCharacterization(actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.get(
      '/api/v1/persons/:id/characterization/versions/:number',
      {
        schema: {
          operationId: 'getCharacterizationVersion',
          tags: TAGS,
          summary: 'One completed version of a person’s characterization',
          params: s.VersionParams,
          response: { 200: s.CharacterizationVersion },
        },
      },
      async (request) =>
        characterization.getVersion(
          actorOf(request),
          request.params.id,
          request.params.number,
          requestLanguage(request),
        ),
    );

    app.get(
      '/api/v1/persons/:id/characterization/draft',
      {
        schema: {
          operationId: 'getCharacterizationDraft',
          tags: TAGS,
          summary: 'The caller’s own draft characterization of a person, if any',
          params: s.PersonIdParams,
          response: { 200: s.DraftResult },
        },
      },
      async (request) =>
        characterization.getDraft(actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.patch(
      '/api/v1/persons/:id/characterization/draft',
      {
        schema: {
          operationId: 'saveCharacterizationDraft',
          tags: TAGS,
          summary: 'Save the caller’s draft whole at its version (0 starts one); a stale version gets 409',
          params: s.PersonIdParams,
          body: s.DraftSave,
          response: { 200: s.Draft },
        },
      },
      async (request) =>
        characterization.saveDraft(
          actorOf(request),
          request.params.id,
          request.body,
          requestLanguage(request),
        ),
    );

    app.post(
      '/api/v1/persons/:id/characterization/draft/complete',
      {
        schema: {
          operationId: 'completeCharacterization',
          tags: TAGS,
          summary: 'Turn the caller’s draft into the person’s next characterization version (audited)',
          params: s.PersonIdParams,
          body: s.DraftComplete,
          response: { 201: s.CharacterizationSummary },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await characterization.completeDraft(
              actorOf(request),
              request.params.id,
              request.body.version,
              requestLanguage(request),
            ),
          ),
    );

    app.get(
      '/api/v1/persons/:id/needs',
      {
        schema: {
          operationId: 'listPersonNeeds',
          tags: TAGS,
          summary: 'A person’s needs by dimension, with severity and status, newest first',
          params: s.PersonIdParams,
          response: { 200: s.NeedList },
        },
      },
      async (request) => characterization.listPersonNeeds(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/households/:id/needs',
      {
        schema: {
          operationId: 'listHouseholdNeeds',
          tags: TAGS,
          summary: 'A household’s needs, newest first',
          params: s.PersonIdParams,
          response: { 200: s.NeedList },
        },
      },
      async (request) => characterization.listHouseholdNeeds(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/households/:id/member-needs',
      {
        schema: {
          operationId: 'listHouseholdMemberNeeds',
          tags: TAGS,
          summary:
            'The needs of a household and of its current members (those the caller may read), newest first',
          params: s.PersonIdParams,
          response: { 200: s.HouseholdMemberNeedList },
        },
      },
      async (request) => characterization.listHouseholdMemberNeeds(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/needs',
      {
        schema: {
          operationId: 'createNeed',
          tags: TAGS,
          summary: 'Record a need of a person or a household (audited)',
          body: s.NeedCreate,
          response: { 201: s.NeedSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await characterization.createNeed(actorOf(request), request.body)),
    );

    app.patch(
      '/api/v1/needs/:id',
      {
        schema: {
          operationId: 'updateNeed',
          tags: TAGS,
          summary:
            'Change a need’s status, severity or description at its version (status changes are audited)',
          params: s.NeedIdParams,
          body: s.NeedUpdate,
          response: { 200: s.NeedSchema },
        },
      },
      async (request) => characterization.updateNeed(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/offices/:id/needs',
      {
        schema: {
          operationId: 'listOfficeOpenNeeds',
          tags: TAGS,
          summary:
            'Open needs recorded at an office, oldest first, for its coordinators; by dimension, severity and status',
          params: s.OfficeIdParams,
          querystring: s.OfficeNeedsQuery,
          response: { 200: s.OfficeNeedList },
        },
      },
      async (request) => characterization.listOfficeNeeds(actorOf(request), request.params.id, request.query),
    );
  };
