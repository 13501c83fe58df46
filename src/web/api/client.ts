import { currentLanguage, i18n, LOCALE_TAGS } from '../i18n';

/** One invalid field of an RFC 9457 problem, as the server reports it. */
export interface ProblemFieldError {
  /** Where the field was: `body`, `query`, `params` or `headers`. */
  in?: string;
  path: string;
  message: string;
}

/** An RFC 9457 problem+json body as Ruta's server sends it (messages already in the request's language). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

/**
 * A failed API call. `title` and `detail` are ready to show to the user; `errors` lists invalid fields.
 * `status` is 0 when the server could not be reached at all.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];
  readonly requestId: string | undefined;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.requestId = problem.requestId;
  }

  /** The message of one field, to show beside its input. */
  fieldError(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

export const NETWORK_ERROR_TYPE = 'urn:ruta:problem:network';

/** The problem types the web app reacts to (the server's `urn:ruta:problem:<kind>`). */
export type ProblemKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-many-requests'
  | 'invalid-credentials'
  | 'invalid-second-factor'
  | 'second-factor-required'
  | 'password-change-required'
  | 'sign-in-locked'
  | 'csrf';

/** True when `error` is an API problem of this kind, e.g. `isProblemOf(error, 'sign-in-locked')`. */
export function isProblemOf(error: unknown, kind: ProblemKind): error is ApiError {
  return error instanceof ApiError && error.type === `urn:ruta:problem:${kind}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** A file sent as the body itself (spreadsheet imports), with its content type. */
  file?: { data: Blob; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Error statuses whose JSON body is still the expected answer (e.g. 503 from the health check). */
  acceptStatuses?: number[];
}

const SAFE_METHODS = new Set<Method>(['GET']);
let csrfToken: string | null = null;

/** Cookie-authenticated writes must carry the session's CSRF token; the sign-in flow sets it here. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function acceptLanguage(): string {
  const language = currentLanguage();
  return language === 'es' ? `${LOCALE_TAGS.es}, es;q=0.9` : `${LOCALE_TAGS.en}, en;q=0.9`;
}

function isJson(response: Response): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '');
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

/** Calls Ruta's API with the session cookie and the interface language, and returns the JSON answer. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage(),
    ...options.headers,
  };
  let body: string | Blob | undefined;
  if (options.file) {
    headers['Content-Type'] = options.file.contentType;
    body = options.file.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: NETWORK_ERROR_TYPE,
      status: 0,
      title: i18n.t('errors.network.title'),
      detail: i18n.t('errors.network.detail'),
    });
  }

  const payload: unknown = isJson(response) ? await response.json().catch(() => undefined) : undefined;
  if (response.ok || options.acceptStatuses?.includes(response.status)) {
    return (response.status === 204 ? undefined : payload) as T;
  }
  if (isProblem(payload)) throw new ApiError(payload);
  throw new ApiError({
    type: 'about:blank',
    status: response.status,
    title: i18n.t('errors.unexpected.title'),
    detail: i18n.t('errors.unexpected.detail', { status: response.status }),
  });
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};
