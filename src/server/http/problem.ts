import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Language, negotiateLanguage, translatorFor } from '../i18n/translator';

/** One invalid field, as listed in a validation problem's `errors[]`. */
export interface FieldError {
  /** Where the field was: body, querystring, params or headers. */
  in: string;
  /** Dotted path of the field inside that location, e.g. `household.members.0.birthDate`. */
  path: string;
  message: string;
}

/** RFC 9457 problem details, as every error response of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * A failure a service can raise without knowing HTTP: the code picks status and message; `params`
 * fill the message; `extensions` travel in the body (e.g. the current record on a version conflict).
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ProblemCode,
    readonly params: Record<string, unknown> = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export type ProblemCode = keyof typeof PROBLEMS;

/** Known problem kinds: HTTP status and the catalogue entry for title and detail. */
export const PROBLEMS = {
  badRequest: { status: 400, key: 'problem.badRequest' },
  validation: { status: 400, key: 'problem.validation' },
  malformedBody: { status: 400, key: 'problem.malformedBody' },
  unauthorized: { status: 401, key: 'problem.unauthorized' },
  forbidden: { status: 403, key: 'problem.forbidden' },
  notFound: { status: 404, key: 'problem.notFound' },
  methodNotAllowed: { status: 405, key: 'problem.methodNotAllowed' },
  conflict: { status: 409, key: 'problem.conflict' },
  possibleDuplicates: { status: 409, key: 'problem.possibleDuplicates' },
  mergedPerson: { status: 410, key: 'problem.mergedPerson' },
  importState: { status: 409, key: 'problem.importState' },
  dedupState: { status: 409, key: 'deduplication.problem.state' },
  caseState: { status: 409, key: 'cases.problem.state' },
  caseExists: { status: 409, key: 'cases.problem.exists' },
  programmeKeyTaken: { status: 409, key: 'programmes.admin.problem.keyTaken' },
  referralNotEligible: { status: 422, key: 'referrals.problem.notEligible' },
  referralTransition: { status: 422, key: 'referrals.problem.transition' },
  applicationRefused: { status: 422, key: 'employment.problem.refused' },
  applicationTransition: { status: 422, key: 'employment.problem.transition' },
  applicationExists: { status: 409, key: 'employment.problem.exists' },
  hsdsPackage: { status: 422, key: 'hsds.problem.package' },
  payloadTooLarge: { status: 413, key: 'problem.payloadTooLarge' },
  unsupportedMediaType: { status: 415, key: 'problem.unsupportedMediaType' },
  tooManyRequests: { status: 429, key: 'problem.tooManyRequests' },
  invalidCredentials: { status: 401, key: 'problem.invalidCredentials' },
  invalidSecondFactor: { status: 401, key: 'problem.invalidSecondFactor' },
  secondFactorRequired: { status: 403, key: 'problem.secondFactorRequired' },
  csrf: { status: 403, key: 'problem.csrf' },
  passwordChangeRequired: { status: 403, key: 'problem.passwordChangeRequired' },
  signInLocked: { status: 429, key: 'problem.signInLocked' },
  internal: { status: 500, key: 'problem.internal' },
  serviceUnavailable: { status: 503, key: 'problem.serviceUnavailable' },
} as const;

export function requestLanguage(request: FastifyRequest): Language {
  return negotiateLanguage(request.headers['accept-language']);
}

export function buildProblem(
  request: FastifyRequest,
  code: ProblemCode,
  params: Record<string, unknown> = {},
  extensions: Record<string, unknown> = {},
): Problem {
  const { status, key } = PROBLEMS[code];
  const t = translatorFor(requestLanguage(request));
  const values = {
    path: request.url.split('?')[0],
    method: request.method,
    requestId: request.id,
    ...params,
  };
  return {
    type: code === 'internal' ? 'about:blank' : `urn:ruta:problem:${kebab(code)}`,
    title: t(`${key}.title`, values),
    status,
    detail: t(`${key}.detail`, values),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...extensions,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

function kebab(code: string): string {
  return code.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
