import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, RequestContext, TokenScope } from '../../modules/identity/actor';
import type { IdentityService, ResolvedSession } from '../../modules/identity/service';
import { AppError } from './problem';

export const SESSION_COOKIE = 'ruta_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null on public operations. */
    actor: Actor | null;
    /** The browser session, when the request came with the session cookie. */
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable with a password-only session, to finish two-step verification (or enrol in it). */
    allowPendingSecondFactor?: boolean;
    /** Reachable while the user still has a temporary password to replace. */
    allowBeforePasswordChange?: boolean;
  }
}

/** The API's own description is public, like the operations it documents as public. */
const DOCUMENTATION_PATHS = ['/api/docs', '/api/openapi.json'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Operations whose OpenAPI `security` is empty need no sign-in; everything else under /api does. */
function isPublic(request: FastifyRequest): boolean {
  // No API route matched (only the web app's catch-all did): let the 404/405 handler answer.
  if (request.is404 || !request.routeOptions.url?.startsWith('/api/')) return true;
  const path = request.url.split('?')[0] ?? '';
  if (DOCUMENTATION_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return true;
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id };
}

/** The actor of a route that requires sign-in (the hook has already refused anonymous callers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized');
  return request.actor;
}

export function sessionOf(request: FastifyRequest): ResolvedSession {
  if (!request.session) throw new AppError('unauthorized');
  return request.session;
}

/**
 * Resolves who is calling: a personal API token (`Authorization: Bearer`), limited to its scopes, or the session
 * cookie, whose writes must carry the session's CSRF token in `X-CSRF-Token`.
 */
export async function registerAuthentication(app: FastifyInstance, identity: IdentityService): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const context = requestContext(request);
    const authorization = request.headers.authorization;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const actor = await identity.resolveApiToken(authorization.slice(7).trim(), context);
      if (!actor) throw new AppError('unauthorized');
      const needed: TokenScope = SAFE_METHODS.has(request.method) ? 'read' : 'write';
      if (!actor.scopes.includes(needed)) throw new AppError('forbidden');
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await identity.resolveSession(token, context) : null;
    if (session) {
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
        throw new AppError('csrf');
      }
      request.session = session;
      if (
        session.mustChangePassword &&
        !session.secondFactorPending &&
        !request.routeOptions.config.allowBeforePasswordChange &&
        !isPublic(request)
      ) {
        throw new AppError('passwordChangeRequired');
      }
      if (!session.secondFactorPending) {
        request.actor = session.actor;
      } else if (request.routeOptions.config.allowPendingSecondFactor) {
        request.actor = session.actor;
        return;
      } else if (!isPublic(request)) {
        throw new AppError('secondFactorRequired');
      }
    }
    if (!request.actor && !isPublic(request)) throw new AppError('unauthorized');
  });
}
