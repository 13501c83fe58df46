import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { DatabaseHandle } from '../db/database';
import { assessmentRoutes } from '../modules/assessment/routes';
import { handoffRoutes } from '../modules/assistance/handoff-routes';
import { assistanceRoutes } from '../modules/assistance/routes';
import { auditRoutes } from '../modules/audit/routes';
import { caseRoutes } from '../modules/cases/routes';
import { characterizationRoutes } from '../modules/characterization/routes';
import { hsdsRoutes } from '../modules/directory/hsds-routes';
import { directoryRoutes } from '../modules/directory/routes';
import { matchingRoutes } from '../modules/employment/matching-routes';
import { employmentRoutes } from '../modules/employment/routes';
import { enterpriseRoutes } from '../modules/enterprise/routes';
import { dedupRoutes } from '../modules/entity-resolution/dedup-routes';
import { finderRoutes } from '../modules/finder/routes';
import { identityRoutes } from '../modules/identity/routes';
import { programmeRoutes } from '../modules/programmes/routes';
import { referenceRoutes } from '../modules/reference/routes';
import { referralRoutes } from '../modules/referrals/routes';
import { importRoutes } from '../modules/registry/import-routes';
import { householdAndConsentRoutes, registryRoutes } from '../modules/registry/routes';
import { systemRoutes } from '../modules/system/routes';
import { tasksRoutes } from '../modules/tasks/routes';
import type { Config } from './config';
import { registerAuthentication } from './http/authentication';
import { AppError, buildProblem, type ProblemCode, requestLanguage, sendProblem } from './http/problem';
import {
  describeIssues,
  InvalidFieldsError,
  RequestValidationError,
  zodValidatorCompiler,
} from './http/validation';
import { translatorFor } from './i18n/translator';
import { createServices } from './services';
import { APP_VERSION } from './version';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** The time services see (tests fix it); the system clock by default. */
  clock?: () => Date;
}

/** Module names used as OpenAPI tags; every operation carries its module's tag. */
const MODULE_TAGS = [
  { name: 'system', description: 'Health and service metadata' },
  { name: 'identity', description: 'Sign-in, users, roles, offices and API tokens' },
  { name: 'audit', description: 'The append-only audit log' },
  { name: 'registry', description: 'Persons, identity documents, households and consent' },
  { name: 'reference', description: 'Reference lists: countries, DIVIPOLA, document types' },
  { name: 'characterization', description: 'Characterization of persons (versions, drafts) and their needs' },
  { name: 'assessment', description: 'Integration indexes: instruments, applications, the indicator' },
  { name: 'programmes', description: 'Programmes that cases enrol people in, and their approval rules' },
  { name: 'tasks', description: "Staff tasks and reminders, 'my work today', the coordinator's office view" },
  {
    name: 'assistance',
    description:
      'Immediate assistance: arrivals at airport and border posts, protocols (hojas de ruta), their report',
  },
  { name: 'cases', description: 'Cases, action plans, approvals, transfers, notes and history' },
  {
    name: 'directory',
    description:
      "The network's service directory: partner organizations' services, places, hours and contacts",
  },
  {
    name: 'finder',
    description: 'The public service finder: active directory services by need and municipality, no sign-in',
  },
  {
    name: 'referrals',
    description: 'Closed-loop referrals from a case’s plan to partners’ services, their inbox and steps',
  },
  {
    name: 'employment',
    description:
      'Job insertion: allied employers and the verification of their work conditions, vacancies, the pipeline of candidates with placement follow-ups, and registration with the public employment service',
  },
  {
    name: 'enterprise',
    description:
      'Entrepreneurship: courses and enrolments, productive units with their support and follow-ups, financing applications',
  },
  {
    name: 'deduplication',
    description:
      'Deduplication runs over the registry or an import, and the review queue where coordinators decide each pair',
  },
  { name: 'reports', description: 'Aggregate reports (no personal data)' },
  {
    name: 'hsds',
    description:
      'Open Referral HSDS 3.0: the directory as a tabular data package (export, import) and the HSDS API (public)',
  },
  { name: 'public', description: 'Operations that need no sign-in' },
];

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;
const API_PREFIX = '/api';

/** Builds the whole application without listening, so tests can drive it with `app.inject`. */
export async function buildApp({ config, database, clock }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A second router that only knows the API's routes, to tell a wrong method (405) from a wrong path (404).
  const apiRoutes = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) return;
    for (const method of [route.method].flat()) {
      if (!apiRoutes.find(method as HTTPMethod, route.url))
        apiRoutes.on(method as HTTPMethod, route.url, () => {});
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and Swagger UI set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ruta API',
        version: APP_VERSION,
        description: 'Case management for the networks that receive and integrate migrants in Colombia.',
      },
      tags: MODULE_TAGS,
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ruta_session',
            description: 'Browser session; writes also need the X-CSRF-Token header',
          },
          apiToken: { type: 'http', scheme: 'bearer', description: 'Personal API token (ruta_pat_…)' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs`, staticCSP: true });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  // Set before any plugin registers its routes: a plugin keeps the error handler it saw when it loaded.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, buildProblem(request, error.code, error.params, error.extensions));
    }
    if (error instanceof RequestValidationError || error instanceof InvalidFieldsError) {
      const t = translatorFor(requestLanguage(request));
      const errors =
        error instanceof RequestValidationError
          ? describeIssues(error, t)
          : error.fields.map((field) => ({ in: 'body', path: field.path, message: t(field.messageKey) }));
      const fields = [...new Set(errors.map((e) => e.path || t(`location.${e.in}`)))].join(', ');
      return sendProblem(
        reply,
        buildProblem(request, 'validation', { count: errors.length, fields }, { errors }),
      );
    }
    const code = problemCodeForFrameworkError(error);
    if (code === 'internal') {
      request.log.error({ err: error }, 'unhandled error');
    } else {
      request.log.info({ code: error.code, message: error.message }, 'request rejected');
    }
    return sendProblem(
      reply,
      buildProblem(request, code, {
        limit: formatBytes(config.BODY_LIMIT_BYTES),
        contentType: request.headers['content-type'] ?? '',
      }),
    );
  });

  const services = createServices({ database, appVersion: APP_VERSION, clock, logger: app.log });
  await app.register(rateLimit, { global: false });
  await registerAuthentication(app, services.identity);
  await app.register(systemRoutes(services));
  await app.register(identityRoutes(services, { signInRateLimit: config.SIGN_IN_RATE_LIMIT }));
  await app.register(auditRoutes(services));
  await app.register(registryRoutes(services));
  await app.register(householdAndConsentRoutes(services));
  await app.register(importRoutes(services));
  await app.register(referenceRoutes(services));
  await app.register(hsdsRoutes(services));
  await app.register(finderRoutes(services, { rateLimit: config.PUBLIC_RATE_LIMIT }));
  await app.register(directoryRoutes(services));
  await app.register(assessmentRoutes(services));
  await app.register(characterizationRoutes(services));
  await app.register(tasksRoutes(services));
  await app.register(assistanceRoutes(services));
  await app.register(programmeRoutes(services));
  await app.register(caseRoutes(services));
  await app.register(handoffRoutes(services));
  await app.register(referralRoutes(services));
  await app.register(enterpriseRoutes(services));
  await app.register(employmentRoutes(services));
  await app.register(matchingRoutes(services));
  await app.register(dedupRoutes(services));

  const webRoot = resolve(config.WEB_DIST_DIR);
  const webBuilt = existsSync(resolve(webRoot, 'index.html'));
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: 'index.html',
      // The build writes .br and .gz copies of its text files; send the one the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        // Vite fingerprints everything under assets/, so those files never change under the same name.
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith(API_PREFIX)) {
      const allowed = allowedMethods(apiRoutes, path);
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '));
        return sendProblem(reply, buildProblem(request, 'methodNotAllowed', { allowed: allowed.join(', ') }));
      }
      return sendProblem(reply, buildProblem(request, 'notFound'));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendProblem(reply, buildProblem(request, 'notFound'));
    }
    if (!webBuilt) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    }
    // Client-side routes of the single-page app all answer with its entry page.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  // Import jobs and deduplication runs interrupted by a restart resume once the app is ready; closing stops them
  // between batches (chunks) first.
  app.addHook('onReady', async () => {
    await services.imports.resumeInterrupted();
    await services.deduplication.resumeInterrupted();
  });
  app.addHook('onClose', async () => {
    await services.imports.stop();
    await services.deduplication.stop();
    await database.close();
  });

  return app;
}

const METHODS: HTTPMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function allowedMethods(router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>, path: string): string[] {
  return METHODS.filter((method) => router.find(method, path) !== null);
}

function problemCodeForFrameworkError(error: FastifyError): ProblemCode {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payloadTooLarge';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupportedMediaType';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformedBody';
  }
  if (error instanceof SyntaxError) return 'malformedBody';
  const status = error.statusCode ?? 500;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 413) return 'payloadTooLarge';
  if (status === 415) return 'unsupportedMediaType';
  if (status === 429) return 'tooManyRequests';
  if (status === 503) return 'serviceUnavailable';
  if (status >= 400 && status < 500) return 'badRequest';
  return 'internal';
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
