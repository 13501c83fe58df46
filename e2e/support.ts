import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import * as OTPAuth from 'otpauth';

/** Every demo user's password in the server under test (playwright.config.ts passes it as SEED_DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'prueba-de-ruta-2026';

/** The demo network's users. `analista` is kept for the lockout journey: nothing else signs in with it. */
export const DEMO = {
  admin: 'admin@ruta.example',
  coordinator: 'coordinadora@ruta.example',
  caseworker: 'gestor@ruta.example',
  reception: 'recepcion@ruta.example',
  partner: 'enlace.sena@ruta.example',
  analystForLockout: 'analista@ruta.example',
} as const;

/** Opens Ruta with the interface language already chosen on this device, as a returning user would. */
export async function chooseLanguageBeforeLoad(page: Page, locale: 'es-CO' | 'en'): Promise<void> {
  await page.addInitScript((value) => {
    if (!window.sessionStorage.getItem('ruta.e2e.language-set')) {
      window.localStorage.setItem('ruta.locale', value);
      window.sessionStorage.setItem('ruta.e2e.language-set', '1');
    }
  }, locale);
}

/** The engine the server under test runs on: PostgreSQL when `npm test` passes a database, else PGlite. */
export const expectedEngine = process.env.E2E_DATABASE_URL
  ? { es: 'PostgreSQL', en: 'PostgreSQL' }
  : { es: 'PGlite (integrada)', en: 'PGlite (embedded)' };

export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Clicks a language in the header's switch, as a user does (its radio inputs are drawn by their labels). */
export async function switchLanguage(page: Page, language: 'Español' | 'English'): Promise<void> {
  const group = page.getByRole('banner').getByRole('radiogroup');
  await group.getByText(language, { exact: true }).click();
}

// Two-step verification

/** The current code of an authenticator app set up with this secret. */
export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/**
 * What the administrator's enrolment (the `setup` project, e2e/admin-enrolment.setup.ts) leaves for the other
 * journeys: the TOTP secret and the recovery codes. playwright.config.ts names the folder; its tests depend on
 * that project, so the file exists before any of them runs.
 */
interface AdminEnrolment {
  secret: string;
  recoveryCodes: string[];
}

function enrolmentFile(): string {
  const folder = process.env.RUTA_E2E_STATE_DIR;
  if (!folder)
    throw new Error('RUTA_E2E_STATE_DIR is not set: run the journeys through playwright.config.ts.');
  return join(folder, 'admin-enrolment.json');
}

export function saveAdminEnrolment(enrolment: AdminEnrolment): void {
  writeFileSync(enrolmentFile(), JSON.stringify(enrolment));
}

export function adminEnrolment(): AdminEnrolment {
  return JSON.parse(readFileSync(enrolmentFile(), 'utf8')) as AdminEnrolment;
}

// Signing in without the form (for journeys about something else)

/**
 * Signs in through the API in this request context (for a page: `page.request`, which shares the browser's
 * cookies), completing the second step for the administrator. Returns the session's CSRF token.
 */
export async function signInWithApi(
  api: APIRequestContext,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<string> {
  const response = await api.post('/api/v1/auth/sign-in', { data: { email, password } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const { secondFactor, csrfToken } = (await response.json()) as { secondFactor: string; csrfToken: string };
  if (secondFactor === 'verify') {
    if (email !== DEMO.admin) throw new Error(`${email} needs a second factor this helper does not know.`);
    const verified = await api.post('/api/v1/auth/second-factor', {
      data: { code: totpCode(adminEnrolment().secret) },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(verified.status(), 'second factor of the administrator').toBe(204);
  }
  return csrfToken;
}

/** A request context of its own (its own cookies), signed in as the administrator. Dispose of it after use. */
export async function adminApi(baseURL: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  const csrf = await signInWithApi(api, DEMO.admin);
  return { api, csrf };
}

let counter = 0;

/** An email no other journey uses, even when a journey is repeated within one run. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@ruta.example`;
}

export interface CreatedUser {
  id: string;
  email: string;
  displayName: string;
  password: string;
}

/**
 * Creates a user of its own for a journey that changes state, as an administrator would. With `keepTemporary`
 * the user still has the temporary password; otherwise it has already been replaced by `password`.
 */
export async function createUser(
  baseURL: string,
  options: { prefix: string; displayName: string; role?: string; keepTemporary?: boolean },
): Promise<CreatedUser> {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const network = (await (await api.get('/api/v1/network')).json()) as {
      offices: { id: string; organizationId: string; name: string }[];
    };
    const office = network.offices.find((item) => item.name === 'Centro Intégrate Barranquilla');
    if (!office) throw new Error('The demo network has no Centro Intégrate Barranquilla.');
    const role = options.role ?? 'caseworker';
    const officeRole = ['office_coordinator', 'caseworker', 'reception_officer'].includes(role);
    const created = await api.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email: uniqueEmail(options.prefix),
        displayName: options.displayName,
        role,
        organizationId: office.organizationId,
        officeIds: officeRole ? [office.id] : [],
      },
    });
    expect(created.status(), 'user created').toBe(201);
    const { user, temporaryPassword } = (await created.json()) as {
      user: { id: string; email: string; displayName: string };
      temporaryPassword: string;
    };
    if (options.keepTemporary) return { ...user, password: temporaryPassword };

    const password = 'una frase larga de la red de Barranquilla';
    const own = await request.newContext({ baseURL });
    try {
      const ownCsrf = await signInWithApi(own, user.email, temporaryPassword);
      const changed = await own.post('/api/v1/auth/password', {
        headers: { 'X-CSRF-Token': ownCsrf },
        data: { currentPassword: temporaryPassword, newPassword: password },
      });
      expect(changed.status(), 'temporary password replaced').toBe(204);
    } finally {
      await own.dispose();
    }
    return { ...user, password };
  } finally {
    await api.dispose();
  }
}

// The sign-in form, as a person uses it

export async function fillSignIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

export async function signOutFromMenu(page: Page): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Menú de su cuenta/ })
    .click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
}

// Accessibility

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  // Scan the settled page: sections still loading swap their content while axe walks the tree, which once
  // reported an attribute of a node that was being replaced as a violation on the document root.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
