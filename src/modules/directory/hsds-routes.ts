import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import type { Services } from '../../server/services';
import { HSDS_MAX_ZIP_BYTES } from './hsds-package';
import { IMPORT_COUNTED_TABLES } from './hsds-service';

/** Content types a ZIP arrives with (browsers differ; some send none of these and say octet-stream). */
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

const PUBLIC = { security: [], tags: ['hsds', 'public'] };

const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  search: z.string().trim().min(1).max(200).optional(),
  format: z.enum(['json']).optional(),
};

const ServiceListQuery = z.object({
  ...pageQuery,
  taxonomy_term_id: z.uuid().optional(),
  taxonomy_id: z.uuid().optional(),
  organization_id: z.uuid().optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
});

const OrganizationListQuery = z.object({
  ...pageQuery,
  full_service: z.enum(['true', 'false']).optional(),
});

const IdParams = z.object({ id: z.uuid() });

const HsdsObject = z.record(z.string(), z.unknown());

const Page = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(HsdsObject),
});

const Issue = z.object({
  file: z.string(),
  row: z.number().int().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});

const ImportResult = z.object({
  counts: z.object(
    Object.fromEntries(
      IMPORT_COUNTED_TABLES.map((table) => [
        table,
        z.object({ created: z.number().int(), updated: z.number().int() }),
      ]),
    ) as Record<
      (typeof IMPORT_COUNTED_TABLES)[number],
      z.ZodObject<{ created: z.ZodNumber; updated: z.ZodNumber }>
    >,
  ),
  warnings: z.array(Issue),
  warningCount: z.number().int(),
});

const serviceQuery = (query: z.infer<typeof ServiceListQuery>) => ({
  page: query.page,
  perPage: query.per_page,
  search: query.search,
  taxonomyTermId: query.taxonomy_term_id,
  taxonomyId: query.taxonomy_id,
  organizationId: query.organization_id,
  modifiedAfter: query.modified_after ? new Date(query.modified_after) : undefined,
});

export const hsdsRoutes =
  ({ hsds }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // The package is the body itself (no multipart), with this plugin's own size limit.
    app.addContentTypeParser(
      ZIP_TYPES,
      { parseAs: 'buffer', bodyLimit: HSDS_MAX_ZIP_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/v1/directory/hsds/export.zip',
      {
        schema: {
          operationId: 'exportHsdsPackage',
          tags: ['hsds'],
          summary:
            'The whole directory as an Open Referral HSDS 3.0 tabular data package: a ZIP of datapackage.json and one CSV per table',
          produces: ['application/zip'],
        },
      },
      async (request, reply) => {
        const { bytes, fileName } = await hsds.exportPackage(actorOf(request));
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(Buffer.from(bytes));
      },
    );

    app.post(
      '/api/v1/directory/hsds/import',
      {
        bodyLimit: HSDS_MAX_ZIP_BYTES,
        schema: {
          operationId: 'importHsdsPackage',
          tags: ['hsds'],
          summary:
            'Import an HSDS 3.0 data package (the ZIP as the request body, 50 MB at most): upserts by id in one transaction, or nothing with 422 naming file, row and field (administrators and coordinators)',
          consumes: ZIP_TYPES,
          response: { 200: ImportResult },
        },
      },
      async (request) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return hsds.importPackage(actorOf(request), new Uint8Array(bytes), requestLanguage(request));
      },
    );

    // The HSDS API (openapi.json of HSDS 3.0): public directory data, no personal data.

    app.get(
      '/api/hsds',
      {
        schema: {
          ...PUBLIC,
          operationId: 'getHsdsInfo',
          summary: 'HSDS API: which version of HSDS this API serves and where its OpenAPI description is',
          response: { 200: z.object({ version: z.string(), openapi_url: z.string() }) },
        },
      },
      async (request) => hsds.info(`${request.protocol}://${request.host}/api/openapi.json`),
    );

    app.get(
      '/api/hsds/services',
      {
        schema: {
          ...PUBLIC,
          operationId: 'listHsdsServices',
          summary:
            'HSDS API: a page of services with their organization (search in names and descriptions; filter by taxonomy term, taxonomy, organization, modified after)',
          querystring: ServiceListQuery,
          response: { 200: Page },
        },
      },
      async (request) => hsds.listServices(serviceQuery(request.query)),
    );

    app.get(
      '/api/hsds/services/:id',
      {
        schema: {
          ...PUBLIC,
          operationId: 'getHsdsService',
          summary:
            'HSDS API: a service fully nested (organization, places, schedules, contacts, attributes...)',
          params: IdParams,
          response: { 200: HsdsObject },
        },
      },
      async (request) => hsds.getService(request.params.id),
    );

    app.get(
      '/api/hsds/organizations',
      {
        schema: {
          ...PUBLIC,
          operationId: 'listHsdsOrganizations',
          summary: 'HSDS API: a page of organizations (search in names and descriptions)',
          querystring: OrganizationListQuery,
          response: { 200: Page },
        },
      },
      async (request) =>
        hsds.listOrganizations({
          page: request.query.page,
          perPage: request.query.per_page,
          search: request.query.search,
        }),
    );

    app.get(
      '/api/hsds/organizations/:id',
      {
        schema: {
          ...PUBLIC,
          operationId: 'getHsdsOrganization',
          summary:
            'HSDS API: an organization with its contacts, locations, attributes and services (full_service=true nests each service fully)',
          params: IdParams,
          querystring: z.object({ full_service: z.enum(['true', 'false']).optional() }),
          response: { 200: HsdsObject },
        },
      },
      async (request) => hsds.getOrganization(request.params.id, request.query.full_service === 'true'),
    );

    app.get(
      '/api/hsds/service_at_locations',
      {
        schema: {
          ...PUBLIC,
          operationId: 'listHsdsServiceAtLocations',
          summary: 'HSDS API: a page of services at locations, filtered as services are',
          querystring: ServiceListQuery,
          response: { 200: Page },
        },
      },
      async (request) => hsds.listServiceAtLocations(serviceQuery(request.query)),
    );

    app.get(
      '/api/hsds/service_at_locations/:id',
      {
        schema: {
          ...PUBLIC,
          operationId: 'getHsdsServiceAtLocation',
          summary: 'HSDS API: a service at a location with its location, schedules and service',
          params: IdParams,
          response: { 200: HsdsObject },
        },
      },
      async (request) => hsds.getServiceAtLocation(request.params.id),
    );
  };
