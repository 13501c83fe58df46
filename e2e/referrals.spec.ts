import { mkdirSync } from 'node:fs';
import { type APIRequestContext, type Browser, expect, type Page, request, test } from '@playwright/test';
import {
  adminApi,
  DEMO,
  expectNoSeriousViolations,
  hasHorizontalScroll,
  signInWithApi,
  switchLanguage,
  uniqueEmail,
} from './support';

// Referrals to the network's services. A caseworker of Centro Intégrate Barranquilla refers a person from the
// case plan to a SENA course; a SENA focal point works it from the inbox (seeing only what was shared) and closes
// it as achieved; the caseworker sees the outcome on the plan. A person without consent to share cannot be
// referred. A coordinator reads the report. Every journey makes its own service, focal point, person and case.

const SHOTS = process.env.REFERRALS_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
/** A screenshot for the docs and reviews; of the screen only while a dialog is open (it scrolls on its own). */
async function shot(page: Page, name: string, fullPage = true) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const CENTRE = 'Centro Intégrate Barranquilla';
const PHONE = { width: 360, height: 740 };

let counter = 0;

/** Letters only (names are checked as names), different in every journey and run. */
function uniqueWord(): string {
  counter += 1;
  const digits = `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const word = [...digits].map((c) => 'abcdefghijklmnopqrstuvwxyz'[Number.parseInt(c, 36) % 26]).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

function cedula(): string {
  return `1${Date.now() % 100_000_000}${counter}`.slice(0, 10);
}

interface Network {
  offices: { id: string; name: string; organizationId: string }[];
  organizations: { id: string; name: string; shortName: string }[];
}

async function networkOf(api: APIRequestContext) {
  const network = (await (await api.get('/api/v1/network')).json()) as Network;
  const centre = network.offices.find((o) => o.name === CENTRE);
  const sena = network.organizations.find((o) => o.shortName === 'SENA');
  if (!centre || !sena) throw new Error('The demo network lacks the centre or SENA.');
  return { centre, sena };
}

/** A SENA course of its own in the directory, added by the administrator. */
async function createSenaCourse(baseURL: string, name: string): Promise<string> {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const { sena } = await networkOf(api);
    const created = await api.post('/api/v1/directory/services', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        organizationId: sena.id,
        name,
        category: 'vocational_training',
        description: 'Curso corto de panadería y pastelería con certificado del SENA.',
        acceptanceDays: 3,
        completionDays: 60,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  } finally {
    await api.dispose();
  }
}

/** A SENA focal point of its own (partner_focal_point of SENA), with the temporary password already changed. */
async function createSenaFocalPoint(baseURL: string): Promise<{ email: string; password: string }> {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const { sena } = await networkOf(api);
    const created = await api.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email: uniqueEmail('enlace.sena'),
        displayName: `Enlace SENA ${uniqueWord()}`,
        role: 'partner_focal_point',
        organizationId: sena.id,
        officeIds: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { user, temporaryPassword } = (await created.json()) as {
      user: { email: string };
      temporaryPassword: string;
    };
    const password = 'una frase larga del enlace del SENA';
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
    return { email: user.email, password };
  } finally {
    await api.dispose();
  }
}

interface Prepared {
  personId: string;
  name: string;
  document: string;
  caseId: string;
  goalId: string;
  actionId: string | null;
  consentId: string | null;
}

/**
 * As the caseworker signed in on `api`: a person of the centre (with consent to share with partners when asked),
 * a case in a programme without plan approval, a productive goal and, when asked, an action SENA is responsible for.
 */
async function personWithCase(
  api: APIRequestContext,
  csrf: string,
  options: { consent: boolean; goal: string; action?: string },
): Promise<Prepared> {
  const { centre, sena } = await networkOf(api);
  const headers = { 'X-CSRF-Token': csrf };
  const document = cedula();
  const registered = await api.post('/api/v1/persons', {
    headers,
    data: {
      officeId: centre.id,
      acknowledgeDuplicates: true,
      givenName1: 'Marisol',
      surname1: 'Cantillo',
      surname2: uniqueWord(),
      sexAtBirth: 'female',
      birthDate: '1990-05-14',
      populationGroup: 'returnee',
      nationalities: ['CO'],
      phone: '300 765 4321',
      email: `marisol.${document}@correo.example`,
      addressLine: 'Calle 72 # 45-10, apto 301',
      municipalityCode: '08001',
      documents: [{ type: 'CC', number: document }],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const person = (await registered.json()) as { id: string; displayName: string };

  let consentId: string | null = null;
  if (options.consent) {
    const consent = await api.post(`/api/v1/persons/${person.id}/consents`, {
      headers,
      data: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'verbal' },
    });
    expect(consent.status(), await consent.text()).toBe(201);
    consentId = ((await consent.json()) as { id: string }).id;
  }

  const opened = await api.post('/api/v1/cases', {
    headers,
    data: { personId: person.id, programmeKey: 'plan-retorno-atencion-inmediata' },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  let item = (await opened.json()) as {
    id: string;
    version: number;
    plan: { goals: { id: string; description: string; actions: { id: string; description: string }[] }[] };
  };
  const goal = await api.post(`/api/v1/cases/${item.id}/goals`, {
    headers,
    data: { version: item.version, dimension: 'productive', description: options.goal, needIds: [] },
  });
  expect(goal.status(), await goal.text()).toBe(200);
  item = await goal.json();
  const goalId = item.plan.goals.find((g) => g.description === options.goal)?.id as string;

  let actionId: string | null = null;
  if (options.action) {
    const action = await api.post(`/api/v1/cases/${item.id}/actions`, {
      headers,
      data: {
        version: item.version,
        goalId,
        description: options.action,
        responsible: { kind: 'partner', organizationId: sena.id },
      },
    });
    expect(action.status(), await action.text()).toBe(200);
    item = await action.json();
    actionId =
      item.plan.goals.flatMap((g) => g.actions).find((a) => a.description === options.action)?.id ?? null;
  }
  return {
    personId: person.id,
    name: person.displayName,
    document,
    caseId: item.id,
    goalId,
    actionId,
    consentId,
  };
}

async function pageFor(browser: Browser, baseURL: string, phone = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'es-CO',
    viewport: phone ? PHONE : { width: 1280, height: 800 },
    ...(phone ? { hasTouch: true, isMobile: true } : {}),
  });
  return context.newPage();
}

test('a caseworker refers a person to a SENA course; SENA accepts, attends and closes it as achieved', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueWord();
  const serviceName = `Curso de panadería ${suffix}`;
  const action = `Hacer el curso de panadería del SENA (${suffix})`;
  await createSenaCourse(baseURL as string, serviceName);
  const focalPoint = await createSenaFocalPoint(baseURL as string);
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const person = await personWithCase(page.request, csrf, {
    consent: true,
    goal: 'Conseguir empleo en una panadería',
    action,
  });

  // The caseworker refers from the partner action on the plan.
  await page.goto(`/cases/${person.caseId}`);
  const plan = page.getByRole('region', { name: 'Plan de acción' });
  await plan.getByRole('button', { name: `Remitir a un servicio para la acción: ${action}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Remitir a un servicio' });
  await expect(dialog.getByText(/^Solo servicios de .*la entidad de esta acción\.$/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Buscar en el directorio' }).fill(suffix);
  await dialog.getByRole('radio', { name: serviceName }).check();
  const checklist = dialog.getByRole('list', { name: 'Requisitos del servicio' });
  await expect(checklist.locator('li[data-rule="consent"]')).toHaveAttribute('data-outcome', 'pass');
  await expect(checklist.locator('li[data-outcome="fail"]')).toHaveCount(0);
  await expect(dialog.getByText(/^Datos que recibirá /)).toBeVisible();
  const reason = dialog.getByRole('textbox', { name: 'Motivo de la remisión' });
  await expect(reason).toHaveValue(action);
  await reason.fill('Quiere certificar su experiencia en panadería para emplearse en Barranquilla.');
  await shot(page, 'desktop-refer-dialog', false);
  await expectNoSeriousViolations(page);
  const send = dialog.getByRole('button', { name: 'Enviar remisión' });
  await expect(send).toBeEnabled();
  await send.dblclick();
  await expect(dialog).toBeHidden();
  const referrals = plan.getByRole('list', { name: 'Remisiones de la acción' });
  await expect(referrals.getByText('Enviada', { exact: true })).toBeVisible();
  await expect(referrals.getByText(new RegExp(serviceName))).toBeVisible();
  await expect(referrals.getByText(/Debe responderse a más tardar el/)).toBeVisible();
  // A double click sent one referral, not two.
  const listed = (await (await page.request.get(`/api/v1/cases/${person.caseId}/referrals`)).json()) as {
    items: unknown[];
  };
  expect(listed.items).toHaveLength(1);

  // The caseworker starts withdrawing it from its drawer (SENA will accept it meanwhile).
  await referrals.getByRole('button', { name: `Ver remisión: ${serviceName}` }).click();
  const drawer = page.getByRole('dialog', { name: `Remisión a ${serviceName}` });
  await drawer.getByRole('button', { name: 'Retirar remisión' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Retirar la remisión' });
  await withdraw.getByRole('textbox', { name: 'Motivo' }).fill('La persona consiguió cupo en otro curso.');

  // The SENA focal point, on a phone, sees it in the inbox with only the shared data.
  const partner = await pageFor(browser, baseURL as string, true);
  await signInWithApi(partner.request, focalPoint.email, focalPoint.password);
  await partner.goto('/inbox');
  await expect(partner.getByRole('heading', { level: 1, name: 'Remisiones recibidas' })).toBeVisible();
  const card = partner.getByRole('listitem', { name: person.name });
  await expect(card).toBeVisible();
  await expect(card.getByText(serviceName)).toBeVisible();
  await expect(card.getByText(`CC ${person.document}`)).toBeVisible();
  await expect(card.getByText(/300\s?765\s?4321$/)).toBeVisible();
  await expect(card.getByText('Barranquilla', { exact: true })).toBeVisible();
  await expect(card.getByText(/Quiere certificar su experiencia en panadería/)).toBeVisible();
  await expect(card.getByText(/Remite: Centro Intégrate Barranquilla/)).toBeVisible();
  await expect(card).not.toContainText('@correo.example');
  await expect(card).not.toContainText('Calle 72');
  await expect(card).not.toContainText('1990');
  await expect.poll(() => hasHorizontalScroll(partner)).toBe(false);
  await shot(partner, 'phone-inbox-new');
  await expectNoSeriousViolations(partner);

  await card.getByRole('button', { name: 'Aceptar' }).click();
  await expect(
    partner.getByRole('status').filter({ hasText: `Aceptó la remisión de ${person.name}.` }),
  ).toBeVisible();

  // The caseworker's withdrawal was of the version before SENA accepted: refused, never applied silently.
  await withdraw.getByRole('button', { name: 'Retirar remisión' }).click();
  await expect(withdraw).toBeHidden();
  const stale = drawer.getByRole('alert').filter({ hasText: 'La remisión cambió' });
  await expect(stale).toContainText('Alguien más actualizó esta remisión');
  await stale.getByRole('button', { name: 'Recargar la remisión' }).click();
  await expect(stale).toBeHidden();
  await expect(drawer.getByText('Aceptada', { exact: true })).toBeVisible();
  await drawer.getByRole('button', { name: 'Cerrar' }).click();
  await expect(drawer).toBeHidden();
  await partner.getByRole('tab', { name: 'En curso' }).click();
  await card.getByRole('button', { name: 'Iniciar atención' }).click();
  await expect(
    partner.getByRole('status').filter({ hasText: `Inició la atención de ${person.name}.` }),
  ).toBeVisible();
  await expect(card.getByText('En atención', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Cerrar con resultado' }).click();
  const close = partner.getByRole('dialog', { name: `Cerrar la remisión de ${person.name}` });
  await close.getByRole('button', { name: 'Cerrar con resultado' }).click();
  await expect(close.getByText('Elija el resultado del servicio.')).toBeVisible();
  await close.getByRole('radio', { name: 'Logrado', exact: true }).check();
  await close
    .getByRole('textbox', { name: 'Observaciones' })
    .fill('Terminó el curso y recibió su certificado.');
  await shot(partner, 'phone-inbox-close', false);
  await close.getByRole('button', { name: 'Cerrar con resultado' }).click();
  await expect(close).toBeHidden();
  await partner.getByRole('tab', { name: 'Cerradas' }).click();
  await expect(card.getByText('Completada', { exact: true })).toBeVisible();
  await expect(card.getByText('Resultado: Logrado')).toBeVisible();
  await partner.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => hasHorizontalScroll(partner)).toBe(false);
  await shot(partner, 'desktop-inbox-closed');
  await partner.context().close();

  // The caseworker sees the outcome on the plan, the action done, and the referral's history.
  await page.reload();
  await expect(referrals.getByText('Completada', { exact: true })).toBeVisible();
  await expect(referrals.getByText('Resultado: Logrado')).toBeVisible();
  await expect(referrals.getByText(/Terminó el curso y recibió su certificado\./)).toBeVisible();
  await expect(plan.getByRole('checkbox', { name: action })).toBeChecked();
  const history = page.getByRole('region', { name: 'Historia del caso' });
  await expect(history.getByText(`Remisión a ${serviceName} cerrada: Logrado`)).toBeVisible();
  await referrals.getByRole('button', { name: `Ver remisión: ${serviceName}` }).click();
  const events = drawer.getByRole('list', { name: 'Historial de la remisión' });
  await expect(events.getByText('Remisión enviada')).toBeVisible();
  await expect(events.getByText('Aceptada por la entidad')).toBeVisible();
  await expect(events.getByText('Atención iniciada')).toBeVisible();
  await expect(events.getByText('Cerrada con resultado')).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Retirar remisión' })).toHaveCount(0);
  await shot(page, 'desktop-referral-drawer', false);
  await expectNoSeriousViolations(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('without consent to share, the referral cannot be sent; the server’s refusal reads clearly', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const suffix = uniqueWord();
    const serviceName = `Curso de panadería ${suffix}`;
    const serviceId = await createSenaCourse(baseURL as string, serviceName);
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const goal = `Certificar su oficio (${suffix})`;
    const person = await personWithCase(page.request, csrf, { consent: false, goal });

    // The API refuses it too, naming the consent.
    const refused = await page.request.post(`/api/v1/cases/${person.caseId}/referrals`, {
      headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': `e2e-${suffix}` },
      data: { serviceId, goalId: person.goalId, reason: 'Curso de panadería' },
    });
    expect(refused.status()).toBe(422);
    const problem = (await refused.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('consent');

    await page.goto(`/cases/${person.caseId}`);
    const plan = page.getByRole('region', { name: 'Plan de acción' });
    await plan.getByRole('button', { name: `Remitir a un servicio para la meta: ${goal}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Remitir a un servicio' });
    await expect(dialog.getByRole('combobox', { name: 'Categoría' })).toHaveValue('suggested');
    await dialog.getByRole('textbox', { name: 'Buscar en el directorio' }).fill(suffix);
    await dialog.getByRole('radio', { name: serviceName }).check();
    const consent = dialog
      .getByRole('list', { name: 'Requisitos del servicio' })
      .locator('li[data-rule="consent"]');
    await expect(consent).toHaveAttribute('data-outcome', 'fail');
    await expect(consent).toContainText('No cumple');
    await dialog.getByRole('textbox', { name: 'Motivo de la remisión' }).fill('Curso de panadería');
    const blocked = dialog.getByRole('alert').filter({ hasText: 'No se puede enviar la remisión' });
    await expect(blocked).toBeVisible();
    await expect(
      blocked.getByRole('link', { name: 'Ir a las autorizaciones de la persona' }),
    ).toHaveAttribute('href', `/people/${person.personId}#consent`);
    await expect(dialog.getByRole('button', { name: 'Enviar remisión' })).toBeDisabled();
    await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
    await shot(page, 'phone-refer-dialog-no-consent', false);
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();

    // With consent recorded the check passes; if it is revoked before sending, the server's refusal is shown.
    const given = await page.request.post(`/api/v1/persons/${person.personId}/consents`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'verbal' },
    });
    expect(given.status()).toBe(201);
    const consentId = ((await given.json()) as { id: string }).id;
    await page.reload();
    await plan.getByRole('button', { name: `Remitir a un servicio para la meta: ${goal}` }).click();
    await dialog.getByRole('textbox', { name: 'Buscar en el directorio' }).fill(suffix);
    await dialog.getByRole('radio', { name: serviceName }).check();
    await expect(consent).toHaveAttribute('data-outcome', 'pass');
    await dialog.getByRole('textbox', { name: 'Motivo de la remisión' }).fill('Curso de panadería');
    await shot(page, 'phone-refer-dialog', false);
    const revoked = await page.request.post(
      `/api/v1/persons/${person.personId}/consents/${consentId}/revoke`,
      { headers: { 'X-CSRF-Token': csrf } },
    );
    expect(revoked.ok()).toBe(true);
    await dialog.getByRole('button', { name: 'Enviar remisión' }).click();
    await expect(
      dialog.getByRole('alert').filter({ hasText: 'La persona no cumple las condiciones del servicio' }),
    ).toBeVisible();
    await expect(consent).toHaveAttribute('data-outcome', 'fail');
    await expect(dialog.getByRole('button', { name: 'Enviar remisión' })).toBeDisabled();
    const none = (await (await page.request.get(`/api/v1/cases/${person.caseId}/referrals`)).json()) as {
      items: unknown[];
    };
    expect(none.items).toHaveLength(0);
  });
});

test('a coordinator reads the referrals report with the funnel and the times', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const suffix = uniqueWord();
  const serviceName = `Curso de panadería ${suffix}`;
  const serviceId = await createSenaCourse(baseURL as string, serviceName);
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const person = await personWithCase(page.request, csrf, { consent: true, goal: `Emplearse (${suffix})` });
  const sent = await page.request.post(`/api/v1/cases/${person.caseId}/referrals`, {
    headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': `e2e-report-${suffix}` },
    data: { serviceId, goalId: person.goalId, reason: 'Curso de panadería' },
  });
  expect(sent.status(), await sent.text()).toBe(201);

  const coordinator = await pageFor(browser, baseURL as string);
  await signInWithApi(coordinator.request, DEMO.coordinator);
  await coordinator.goto('/');
  await coordinator
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Informe de remisiones' })
    .click();
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Informe de remisiones' })).toBeVisible();
  await expect(coordinator.getByRole('img', { name: 'Embudo de remisiones' })).toBeVisible();
  const row = coordinator
    .getByRole('row')
    .filter({ has: coordinator.getByRole('rowheader', { name: serviceName }) });
  await expect(row).toBeVisible();
  const sentCount = Number((await row.locator('[data-column="sent"]').textContent())?.replace(/\D/g, ''));
  expect(sentCount).toBeGreaterThanOrEqual(1);
  await shot(coordinator, 'desktop-report');
  await expectNoSeriousViolations(coordinator);

  await coordinator.getByText('Entidad aliada', { exact: true }).click();
  await expect(coordinator.getByRole('columnheader', { name: 'Entidad aliada' })).toBeVisible();
  await expect(
    coordinator.getByRole('rowheader', { name: /SENA|Servicio Nacional de Aprendizaje/ }),
  ).toBeVisible();

  await coordinator.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(coordinator)).toBe(false);
  await shot(coordinator, 'phone-report');

  // The same report in English, with its figures.
  await switchLanguage(coordinator, 'English');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Referrals report' })).toBeVisible();
  await expect(coordinator.getByRole('columnheader', { name: 'Partner organization' })).toBeVisible();
  await expect(coordinator.getByRole('img', { name: 'Referral funnel' })).toBeVisible();
  await shot(coordinator, 'phone-report-en');
  await coordinator.context().close();
});
