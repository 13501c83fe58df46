import { stringify } from 'csv-stringify/sync';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RowError } from '../../domain/registry/import/rows';
import { actorOf } from '../../server/http/authentication';
import { requestLanguage } from '../../server/http/problem';
import { translatorFor } from '../../server/i18n/translator';
import type { Services } from '../../server/services';
import { IMPORT_MAX_BYTES } from './import-files';
import * as s from './import-schemas';

/** Content types a spreadsheet arrives with (browsers send CSV as text/csv or, on Windows, as an Excel type). */
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

function messages(request: FastifyRequest) {
  const t = translatorFor(requestLanguage(request));
  return {
    t,
    errors: (errors: RowError[]) =>
      errors.map((error) => ({ field: error.field, message: t(error.messageKey) })),
  };
}

export const importRoutes =
  ({ imports }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    // The file is the body itself (no multipart): only on this plugin's routes, with its own size limit.
    app.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/v1/imports',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          operationId: 'uploadImportFile',
          tags: ['registry'],
          summary:
            'Upload a spreadsheet of persons (CSV or XLSX as the request body, 20 MB at most): its columns and a suggested mapping',
          querystring: s.ImportUploadQuery,
          consumes: FILE_TYPES,
          response: { 201: s.ImportUploadResult },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const result = await imports.upload(actorOf(request), {
          officeId: request.query.officeId,
          fileName: request.query.fileName,
          bytes,
          contentType: request.headers['content-type'],
        });
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/api/v1/imports',
      {
        schema: {
          operationId: 'listImports',
          tags: ['registry'],
          summary: 'Recent imports of the caller’s offices, newest first',
          querystring: s.ImportListQuery,
          response: { 200: z.object({ items: z.array(s.ImportJob) }) },
        },
      },
      async (request) => ({ items: await imports.list(actorOf(request), request.query) }),
    );

    app.get(
      '/api/v1/imports/:id',
      {
        schema: {
          operationId: 'getImport',
          tags: ['registry'],
          summary: 'An import and its progress (poll it while it runs)',
          params: s.ImportIdParams,
          response: { 200: s.ImportJob },
        },
      },
      async (request) => imports.get(actorOf(request), request.params.id),
    );

    app.put(
      '/api/v1/imports/:id/mapping',
      {
        schema: {
          operationId: 'setImportMapping',
          tags: ['registry'],
          summary:
            'Set which field each column fills; saved for the office’s next file with the same headers',
          params: s.ImportIdParams,
          body: s.ImportMappingBody,
          response: { 200: s.ImportJob },
        },
      },
      async (request) => imports.setMapping(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/imports/:id/preview',
      {
        schema: {
          operationId: 'previewImport',
          tags: ['registry'],
          summary: 'The first rows as they would be imported: errors per field and likely existing records',
          params: s.ImportIdParams,
          querystring: s.ImportPreviewQuery,
          response: { 200: s.ImportPreview },
        },
      },
      async (request) => {
        const preview = await imports.preview(actorOf(request), request.params.id, request.query.limit);
        const { errors } = messages(request);
        return { ...preview, rows: preview.rows.map((row) => ({ ...row, errors: errors(row.errors) })) };
      },
    );

    app.post(
      '/api/v1/imports/:id/start',
      {
        schema: {
          operationId: 'startImport',
          tags: ['registry'],
          summary:
            'Start the import as a background job: allOrNothing (any bad row imports nothing) or skipInvalid (bad rows go to the error file)',
          params: s.ImportIdParams,
          body: s.ImportStartBody,
          response: { 202: s.ImportJob },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await imports.start(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/imports/:id/cancel',
      {
        schema: {
          operationId: 'cancelImport',
          tags: ['registry'],
          summary: 'Cancel an import (allOrNothing: nothing stays; skipInvalid: the batches done stay)',
          params: s.ImportIdParams,
          response: { 200: s.ImportJob },
        },
      },
      async (request) => imports.cancel(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/imports/:id/errors',
      {
        schema: {
          operationId: 'downloadImportErrors',
          tags: ['registry'],
          summary: 'The rejected rows as CSV, with a column saying what to fix, in the caller’s language',
          params: s.ImportIdParams,
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const { t } = messages(request);
        const result = await imports.rejectedRows(actorOf(request), request.params.id);
        const explain = (errors: RowError[]) =>
          errors.map((error) => `${t(`import.field.${error.field}`)}: ${t(error.messageKey)}`).join(' | ');
        const csv = stringify(
          [
            [t('import.errorFile.row'), ...result.headers, t('import.errorFile.errors')],
            ...result.rows.map((row) => [String(row.rowNumber), ...row.cells, explain(row.errors)]),
          ],
          { delimiter: result.delimiter === ';' ? ';' : ',', record_delimiter: '\r\n' },
        );
        const base = result.job.fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="errores.csv"; filename*=UTF-8''${encodeURIComponent(`${base}-errores.csv`)}`,
          )
          .send(`\uFEFF${csv}`);
      },
    );
  };
