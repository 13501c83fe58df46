import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestContext, SESSION_COOKIE, sessionOf } from '../../server/http/authentication';
import type { Services } from '../../server/services';
import { auditPolicy } from '../audit/policy';
import { importPolicy } from '../registry/import-policy';
import { registryPolicy } from '../registry/policy';
import { identityPolicy } from './policy';
import * as s from './schemas';

const NoContent = z.null().describe('No content');

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
  });
}

export const identityRoutes =
  ({ identity }: Services, { signInRateLimit }: { signInRateLimit: number }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/sign-in',
      {
        schema: {
          operationId: 'signIn',
          tags: ['identity', 'public'],
          summary: 'Sign in with email and password',
          security: [],
          body: s.SignInBody,
          response: { 200: s.SignInResponse },
        },
        config: { rateLimit: { max: signInRateLimit, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const result = await identity.signIn(request.body, requestContext(request));
        setSessionCookie(request, reply, result.sessionToken);
        return { secondFactor: result.secondFactor, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/v1/auth/second-factor',
      {
        schema: {
          operationId: 'verifySecondFactor',
          tags: ['identity'],
          summary: 'Finish signing in with a TOTP or recovery code',
          body: s.SecondFactorBody,
          response: { 204: NoContent },
        },
        config: {
          allowPendingSecondFactor: true,
          rateLimit: { max: signInRateLimit, timeWindow: '1 minute' },
        },
      },
      async (request, reply) => {
        await identity.verifySecondFactor(sessionOf(request), request.body.code);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/sign-out',
      {
        schema: {
          operationId: 'signOut',
          tags: ['identity'],
          summary: 'End this session',
          response: { 204: NoContent },
        },
        config: { allowPendingSecondFactor: true },
      },
      async (request, reply) => {
        await identity.signOut(sessionOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/session',
      {
        schema: {
          operationId: 'getSession',
          tags: ['identity'],
          summary: 'The signed-in user, the CSRF token for writes, and what the user may do',
          response: { 200: s.SessionResponse },
        },
        config: { allowPendingSecondFactor: true, allowBeforePasswordChange: true },
      },
      async (request) => {
        const session = sessionOf(request);
        const user = await identity.currentUser(session.actor);
        return {
          user,
          csrfToken: session.csrfToken,
          secondFactorPending: session.secondFactorPending,
          abilities: {
            manageUsers: identityPolicy.manageUsers(session.actor),
            listUsers: identityPolicy.listUsers(session.actor),
            readAudit: auditPolicy.read(session.actor),
            workWithPersons: registryPolicy.search(session.actor),
            importPersons: importPolicy.use(session.actor),
          },
        };
      },
    );

    app.post(
      '/api/v1/auth/password',
      {
        schema: {
          operationId: 'changeOwnPassword',
          tags: ['identity'],
          summary: 'Change your own password (ends your other sessions)',
          body: s.ChangePasswordBody,
          response: { 204: NoContent },
        },
        config: { allowBeforePasswordChange: true },
      },
      async (request, reply) => {
        await identity.changeOwnPassword(sessionOf(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/totp/setup',
      {
        schema: {
          operationId: 'startTotpEnrolment',
          tags: ['identity'],
          summary: 'Start two-step verification: a secret and QR code to scan',
          response: { 200: s.TotpSetupResponse },
        },
        config: { allowPendingSecondFactor: true },
      },
      async (request) => identity.startTotpEnrolment(actorOf(request)),
    );

    app.post(
      '/api/v1/auth/totp/confirm',
      {
        schema: {
          operationId: 'confirmTotpEnrolment',
          tags: ['identity'],
          summary: 'Confirm two-step verification with a first code; returns recovery codes once',
          body: s.SecondFactorBody,
          response: { 200: s.RecoveryCodesResponse },
        },
        config: { allowPendingSecondFactor: true },
      },
      async (request) => identity.confirmTotpEnrolment(sessionOf(request), request.body.code),
    );

    app.delete(
      '/api/v1/auth/totp',
      {
        schema: {
          operationId: 'disableTotp',
          tags: ['identity'],
          summary: 'Turn off two-step verification (not allowed for administrators)',
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await identity.disableTotp(actorOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/tokens',
      {
        schema: {
          operationId: 'listApiTokens',
          tags: ['identity'],
          summary: 'Your personal API tokens',
          response: { 200: z.object({ items: z.array(s.ApiTokenSchema) }) },
        },
      },
      async (request) => ({ items: await identity.listApiTokens(actorOf(request)) }),
    );

    app.post(
      '/api/v1/auth/tokens',
      {
        schema: {
          operationId: 'createApiToken',
          tags: ['identity'],
          summary: 'Create a personal API token; the token is shown only in this response',
          body: s.ApiTokenCreateBody,
          response: {
            201: s.ApiTokenSchema.pick({ id: true, name: true, scopes: true, expiresAt: true }).extend({
              token: z.string(),
            }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await identity.createApiToken(actorOf(request), request.body)),
    );

    app.delete(
      '/api/v1/auth/tokens/:id',
      {
        schema: {
          operationId: 'revokeApiToken',
          tags: ['identity'],
          summary: 'Revoke one of your API tokens',
          params: s.UserIdParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await identity.revokeApiToken(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/users',
      {
        schema: {
          operationId: 'listUsers',
          tags: ['identity'],
          summary: 'Users: all for administrators, those of their offices for coordinators',
          querystring: s.UserListQuery,
          response: { 200: z.object({ items: z.array(s.UserSchema), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { search, cursor, limit } = request.query;
        const items = await identity.listUsers(actorOf(request), { search, after: cursor, limit });
        return { items, nextCursor: items.length === limit ? (items.at(-1)?.email ?? null) : null };
      },
    );

    app.post(
      '/api/v1/users',
      {
        schema: {
          operationId: 'createUser',
          tags: ['identity'],
          summary: 'Create a user; the temporary password is shown only in this response',
          body: s.UserCreateBody,
          response: { 201: z.object({ user: s.UserSchema, temporaryPassword: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await identity.createUser(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/users/:id',
      {
        schema: {
          operationId: 'getUser',
          tags: ['identity'],
          summary: 'One user',
          params: s.UserIdParams,
          response: { 200: s.UserSchema },
        },
      },
      async (request) => identity.getUser(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        schema: {
          operationId: 'updateUser',
          tags: ['identity'],
          summary: 'Change a user’s name, role or offices (send the version you read; 409 if it changed)',
          params: s.UserIdParams,
          body: s.UserUpdateBody,
          response: { 200: s.UserSchema },
        },
      },
      async (request) => identity.updateUser(actorOf(request), request.params.id, request.body),
    );

    for (const [action, active] of [
      ['deactivate', false],
      ['reactivate', true],
    ] as const) {
      app.post(
        `/api/v1/users/:id/${action}`,
        {
          schema: {
            operationId: `${action}User`,
            tags: ['identity'],
            summary: active
              ? 'Reactivate a user'
              : 'Deactivate a user: their sessions and tokens end at once',
            params: s.UserIdParams,
            response: { 200: s.UserSchema },
          },
        },
        async (request) => identity.setUserActive(actorOf(request), request.params.id, active),
      );
    }

    app.post(
      '/api/v1/users/:id/password-reset',
      {
        schema: {
          operationId: 'resetUserPassword',
          tags: ['identity'],
          summary: 'Set a temporary password, shown once; the user changes it at next sign-in',
          params: s.UserIdParams,
          response: { 200: s.TemporaryPasswordResponse },
        },
      },
      async (request) => identity.resetPassword(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/network',
      {
        schema: {
          operationId: 'getNetwork',
          tags: ['identity'],
          summary: 'Organizations and offices of the network',
          response: { 200: s.NetworkResponse },
        },
      },
      async (request) => identity.listNetwork(actorOf(request)),
    );
  };
