import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';

const PUBLIC = { tags: ['reference', 'public'], security: [] };

export const referenceRoutes =
  ({ reference }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reference/countries',
      {
        schema: {
          ...PUBLIC,
          operationId: 'listCountries',
          summary: 'ISO 3166-1 countries, named in the language of Accept-Language',
          response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=86400').header('vary', 'accept-language');
        return { items: reference.countries(requestLanguage(request)) };
      },
    );

    app.get(
      '/api/v1/reference/document-types',
      {
        schema: {
          ...PUBLIC,
          operationId: 'listDocumentTypes',
          summary: 'Identity document types and the number rules Ruta enforces',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  charset: z.enum(['digits', 'alphanumeric']),
                  minLength: z.number(),
                  maxLength: z.number(),
                  usualLengths: z.array(z.number()).optional(),
                }),
              ),
            }),
          },
        },
      },
      async () => ({
        items: reference
          .documentTypes()
          .map((type) => ({ ...type, usualLengths: type.usualLengths ? [...type.usualLengths] : undefined })),
      }),
    );

    app.get(
      '/api/v1/reference/departments',
      {
        schema: {
          ...PUBLIC,
          operationId: 'listDepartments',
          summary: 'DIVIPOLA departments',
          response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
        },
      },
      async () => ({ items: await reference.departments() }),
    );

    app.get(
      '/api/v1/reference/municipalities',
      {
        schema: {
          ...PUBLIC,
          operationId: 'searchMunicipalities',
          summary: 'DIVIPOLA municipalities by name (accents optional) or code',
          querystring: z.object({
            q: z.string().trim().min(1).max(80),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  departmentCode: z.string(),
                  departmentName: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await reference.municipalities(request.query.q, request.query.limit) }),
    );

    app.get(
      '/api/v1/reference/occupations',
      {
        schema: {
          ...PUBLIC,
          operationId: 'searchOccupations',
          summary:
            'CIUO-08 occupations by title words in any order (accents optional) or by code, named in the language of Accept-Language; unit groups first',
          querystring: z.object({
            q: z.string().trim().min(1).max(80),
            level: z.coerce.number().int().min(1).max(4).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  level: z.number(),
                  parentCode: z.string().nullable(),
                  title: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request, reply) => {
        reply.header('vary', 'accept-language');
        return {
          items: await reference.occupations(
            request.query.q,
            request.query.level ?? null,
            request.query.limit,
            requestLanguage(request),
          ),
        };
      },
    );
  };
