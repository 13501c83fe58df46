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
  };
