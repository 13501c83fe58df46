import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import * as s from './schemas';

const PUBLIC = { tags: ['finder', 'public'], security: [] };

/**
 * The public service finder: no sign-in, rate-limited per client IP, answers cacheable for a minute by browsers
 * and proxies (the directory changes rarely) and revalidated with a weak ETag, so a phone on a slow connection
 * that asks again gets a 304 with no body.
 */
export const finderRoutes =
  ({ finder }: Services, { rateLimit }: { rateLimit: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { rateLimit: { max: rateLimit, timeWindow: '1 minute' } };

    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const etag = `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
      reply
        .header('cache-control', 'public, max-age=60')
        .header('vary', 'accept-language')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) {
        reply.code(304);
        return '';
      }
      return payload;
    });

    app.get(
      '/api/v1/public/services',
      {
        schema: {
          ...PUBLIC,
          operationId: 'findPublicServices',
          summary:
            'Active services of the network by need, category, municipality (its own first, then the national ones) and words; 20 a page; category names in the language of Accept-Language',
          querystring: s.PublicServiceQuery,
          response: { 200: s.PublicServicePage },
        },
        config,
      },
      async (request) => finder.searchServices(request.query, requestLanguage(request)),
    );

    app.get(
      '/api/v1/public/services/:id',
      {
        schema: {
          ...PUBLIC,
          operationId: 'getPublicService',
          summary: 'One active service with its locations, schedules and public contacts (404 if not active)',
          params: s.PublicServiceParams,
          querystring: s.PublicServiceDetailQuery,
          response: { 200: s.PublicService },
        },
        config,
      },
      async (request) =>
        finder.getService(request.params.id, request.query.municipality ?? null, requestLanguage(request)),
    );

    app.get(
      '/api/v1/public/municipalities',
      {
        schema: {
          ...PUBLIC,
          operationId: 'findPublicMunicipalities',
          summary:
            "The finder's municipality picker: DIVIPOLA municipalities by name (accents optional), 10 at most",
          querystring: s.PublicMunicipalityQuery,
          response: { 200: s.PublicMunicipalityList },
        },
        config,
      },
      async (request) => ({ items: await finder.municipalities(request.query.q) }),
    );
  };
