import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

export const programmeRoutes =
  ({ programmes }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/programmes',
      {
        schema: {
          operationId: 'listProgrammes',
          tags: ['programmes'],
          summary:
            'The programmes cases enrol people in, with whether plans and closures need approval (names in the request’s language)',
          querystring: s.ProgrammeListQuery,
          response: { 200: s.ProgrammeList },
        },
      },
      async (request) =>
        programmes.listProgrammes(
          actorOf(request),
          { includeInactive: request.query.includeInactive === 'true' },
          requestLanguage(request),
        ),
    );

    // Administration: network administrators only (others 403).

    app.get(
      '/api/v1/admin/programmes',
      {
        schema: {
          operationId: 'listProgrammeRecords',
          tags: ['programmes'],
          summary:
            'Administration: every programme, active or not, with names and descriptions in both languages and its version',
          response: { 200: s.ProgrammeRecordList },
        },
      },
      async (request) => programmes.listProgrammeRecords(actorOf(request)),
    );

    app.post(
      '/api/v1/programmes',
      {
        schema: {
          operationId: 'createProgramme',
          tags: ['programmes'],
          summary: 'Add a programme (administrators; 409 when the key is taken)',
          body: s.ProgrammeCreate,
          response: { 201: s.ProgrammeRecord },
        },
      },
      async (request, reply) => {
        const created = await programmes.createProgramme(actorOf(request), request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/v1/programmes/:key',
      {
        schema: {
          operationId: 'updateProgramme',
          tags: ['programmes'],
          summary:
            "Change a programme's names, approval rules, instrument, groups or active state (administrators; send the version read; 409 with the current programme if stale). The key never changes.",
          params: s.ProgrammeKeyParams,
          body: s.ProgrammeUpdate,
          response: { 200: s.ProgrammeRecord },
        },
      },
      async (request) => programmes.updateProgramme(actorOf(request), request.params.key, request.body),
    );
  };
