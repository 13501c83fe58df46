import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../server/services';

const HealthResponse = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({ reachable: z.boolean(), engine: z.enum(['pglite', 'postgres']) }),
    schemaVersion: z.string().nullable().describe('Name of the last applied migration'),
    version: z.string().describe('Ruta version'),
  })
  .meta({ id: 'Health' });

export const systemRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system', 'public'],
          summary: 'Database reachability and schema version',
          security: [],
          response: { 200: HealthResponse, 503: HealthResponse },
        },
      },
      async (_request, reply) => {
        const health = await services.system.readHealth();
        return reply.status(health.status === 'ok' ? 200 : 503).send(health);
      },
    );
  };
