import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';

/** The password every demo user gets in tests (SEED_DEMO_PASSWORD); long and uncommon enough for the policy. */
export const TEST_PASSWORD = 'prueba-de-ruta-2026';

export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Sends a request as this user, with the session cookie and, on writes, the CSRF token. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'ruta_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `ruta_session=${cookie.value}`;
}

function sessionFor(app: FastifyInstance, cookie: string, csrfToken: string): TestSession {
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

/** Signs in with email and password; the session may still wait for a second factor. */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { secondFactor: 'none' | 'verify' | 'enrol'; csrfToken: string };
  return {
    session: sessionFor(app, sessionCookie(response), body.csrfToken),
    secondFactor: body.secondFactor,
  };
}

export function currentTotpCode(secret: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp,
  });
}

/**
 * Signs in fully: for a user without a second factor that is the password; for an administrator, it enrols TOTP
 * on first sign-in (returning the secret) or verifies a code with the secret given.
 */
export async function signInFully(app: FastifyInstance, email: string, totpSecret?: string) {
  const { session, secondFactor } = await signIn(app, email);
  if (secondFactor === 'none') return { session, totpSecret: undefined, recoveryCodes: [] as string[] };
  if (secondFactor === 'verify') {
    if (!totpSecret) throw new Error(`${email} needs a TOTP secret`);
    const verified = await session.request({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      payload: { code: currentTotpCode(totpSecret) },
    });
    if (verified.statusCode !== 204) throw new Error(`second factor failed: ${verified.body}`);
    return { session, totpSecret, recoveryCodes: [] as string[] };
  }
  const setup = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' });
  const secret = setup.json().secret as string;
  const confirmed = await session.request({
    method: 'POST',
    url: '/api/v1/auth/totp/confirm',
    payload: { code: currentTotpCode(secret) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`enrolment failed: ${confirmed.body}`);
  return { session, totpSecret: secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}
