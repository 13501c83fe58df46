import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import {
  adminApi,
  createUser,
  DEMO,
  expectNoSeriousViolations,
  hasHorizontalScroll,
  signInWithApi,
  uniqueEmail,
} from './support';

// Entrepreneurship, the web's other pages: a coordinator adds a course with the form and changes it; a financial
// intermediary's focal point reviews and approves an application addressed to it on its own page; the
// coordinator's summary counts the unit. Every journey makes its own course, person, unit and focal point.

const SHOTS = process.env.ENTERPRISE_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const CENTRE = 'Centro Intégrate Barranquilla';
const PHONE = { width: 360, height: 740 };

function uniqueWord(): string {
  const digits = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
  const word = [...digits].map((c) => 'abcdefghijklmnopqrstuvwxyz'[Number.parseInt(c, 36) % 26]).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

interface Network {
  offices: { id: string; name: string }[];
  organizations: { id: string; name: string; shortName: string }[];
}

async function networkOf(api: APIRequestContext) {
  const network = (await (await api.get('/api/v1/network')).json()) as Network;
  const centre = network.offices.find((o) => o.name === CENTRE);
  const sena = network.organizations.find((o) => o.shortName === 'SENA');
  const bank = network.organizations.find((o) => o.shortName === 'Bancóldex');
  if (!centre || !sena || !bank) throw new Error('The demo network lacks the centre, SENA or Bancóldex.');
  return { centre, sena, bank };
}

/** A focal point of Bancóldex of its own, with the temporary password already changed. */
async function createBankFocalPoint(baseURL: string, bankId: string) {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const created = await api.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email: uniqueEmail('enlace.bancoldex'),
        displayName: `Enlace Bancóldex ${uniqueWord()}`,
        role: 'partner_focal_point',
        organizationId: bankId,
        officeIds: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { user, temporaryPassword } = (await created.json()) as {
      user: { email: string };
      temporaryPassword: string;
    };
    const password = 'una frase larga del enlace de Bancóldex';
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

/** A caseworker registers a person, a productive unit and a microcredit application filed with Bancóldex. */
async function unitWithApplication(baseURL: string, unitName: string) {
  const api = await request.newContext({ baseURL });
  try {
    const csrf = await signInWithApi(api, DEMO.caseworker);
    const { centre, bank } = await networkOf(api);
    const person = await api.post('/api/v1/persons', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        officeId: centre.id,
        acknowledgeDuplicates: true,
        givenName1: 'Yorgelis',
        surname1: 'Pacheco',
        surname2: uniqueWord(),
        sexAtBirth: 'female',
        birthDate: '1990-07-21',
        populationGroup: 'returnee',
        municipalityCode: '08001',
        documents: [{ type: 'CC', number: `1${Date.now() % 1_000_000_000}`.slice(0, 10) }],
      },
    });
    expect(person.status(), await person.text()).toBe(201);
    const { id: personId } = (await person.json()) as { id: string };
    const unit = await api.post('/api/v1/enterprise/units', {
      headers: { 'X-CSRF-Token': csrf },
      data: { personId, officeId: centre.id, name: unitName, sector: 'C', stage: 'start_up' },
    });
    expect(unit.status(), await unit.text()).toBe(201);
    const { id: unitId } = (await unit.json()) as { id: string };
    const financing = await api.post(`/api/v1/enterprise/units/${unitId}/financing`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        line: 'microcredit',
        intermediaryOrganizationId: bank.id,
        amountRequested: 4_000_000,
        status: 'submitted',
      },
    });
    expect(financing.status(), await financing.text()).toBe(201);
    return { unitId, bankId: bank.id };
  } finally {
    await api.dispose();
  }
}

test('a coordinator adds a course with the form, sees it listed and opens its inscriptions', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const csrf = await signInWithApi(page.request, DEMO.coordinator);
  const { sena } = await networkOf(page.request);
  const courseName = `Panadería ${uniqueWord()}`;

  await page.goto('/enterprise/courses');
  await page.getByRole('button', { name: 'Nuevo curso' }).click();
  const form = page.getByRole('region', { name: 'Nuevo curso' });
  await form.getByRole('button', { name: 'Guardar' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await form.getByRole('combobox', { name: 'Entidad que lo ofrece' }).selectOption(sena.id);
  await form.getByRole('textbox', { name: 'Curso' }).fill(courseName);
  await form.getByRole('combobox', { name: 'Modalidad' }).selectOption('blended');
  await form.getByRole('textbox', { name: 'Intensidad (horas)' }).fill('120');
  await form.getByRole('textbox', { name: 'Cupos' }).fill('25');
  await form.getByRole('textbox', { name: 'Municipio' }).fill('08001');
  await form.getByLabel('Fecha de inicio').fill('2027-02-01');
  await form.getByLabel('Fecha de finalización').fill('2027-05-31');
  await expectNoSeriousViolations(page);
  await shot(page, 'course-form-desktop');
  await form.getByRole('button', { name: 'Guardar' }).click();

  await expect(page.getByRole('heading', { level: 1, name: courseName })).toBeVisible();
  await expect(page.getByText('Programado')).toBeVisible();
  await expect(page.getByText('0 de 25 cupos')).toBeVisible();

  // The coordinator opens the inscriptions.
  await page.getByRole('button', { name: 'Editar curso' }).click();
  const edit = page.getByRole('region', { name: `Editar «${courseName}»` });
  await edit.getByRole('combobox', { name: 'Estado' }).selectOption('open');
  // Meanwhile someone else changes the places: saving over it shows the stale notice, then the user keeps theirs.
  const courseId = page.url().split('/').pop() ?? '';
  const other = await page.request.patch(`/api/v1/enterprise/courses/${courseId}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 1, capacity: 30 },
  });
  expect(other.status(), await other.text()).toBe(200);
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(edit.getByText('Otra persona cambió este curso mientras usted lo editaba')).toBeVisible();
  await edit.getByRole('button', { name: 'Usar lo guardado' }).click();
  await expect(edit.getByRole('textbox', { name: 'Cupos' })).toHaveValue('30');
  await edit.getByRole('combobox', { name: 'Estado' }).selectOption('open');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Inscripciones abiertas')).toBeVisible();
  await expect(edit).toBeHidden();
  await expect(page.getByText('0 de 30 cupos')).toBeVisible();

  await page.getByRole('link', { name: 'Cursos y formación' }).click();
  await expect(page.getByRole('link', { name: courseName })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await page.getByRole('button', { name: 'Nuevo curso' }).click();
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'course-form-phone');
});

test('a financial intermediary approves an application on its page, and the summary counts the unit', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const unitName = `Confecciones ${uniqueWord()}`;
  const { bankId } = await unitWithApplication(baseURL ?? '', unitName);
  const focal = await createBankFocalPoint(baseURL ?? '', bankId);

  await signInWithApi(page.request, focal.email, focal.password);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Solicitudes de financiación' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Solicitudes de financiación recibidas' }),
  ).toBeVisible();
  const application = page.getByRole('listitem', { name: `${unitName} · Microcrédito` });
  await expect(application).toContainText('Radicada');
  await expect(application).toContainText('Solicitado: $ 4.000.000');

  const nextStatus = application.getByRole('combobox', { name: 'Nuevo estado' });
  await nextStatus.selectOption('in_review');
  await application.getByRole('button', { name: 'Actualizar estado' }).click();
  await expect(application).toContainText('En estudio');
  await nextStatus.selectOption('approved');
  await application.getByRole('textbox', { name: 'Monto aprobado (COP)' }).fill('3500000');
  await application.getByRole('button', { name: 'Actualizar estado' }).click();
  await expect(application).toContainText('Aprobada');
  await expect(application).toContainText('Aprobado: $ 3.500.000');
  await nextStatus.selectOption('disbursed');
  await application.getByRole('button', { name: 'Actualizar estado' }).click();
  await expect(application).toContainText('Desembolsada');
  await expectNoSeriousViolations(page);
  await shot(page, 'financing-desktop');
  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'financing-phone');

  // The coordinator's summary: aggregates, reached from the entrepreneurship section.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.context().clearCookies();
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/enterprise');
  await page.getByRole('link', { name: 'Resumen de emprendimiento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resumen de emprendimiento' })).toBeVisible();
  const bySector = page.getByRole('region', { name: 'Unidades por sector' });
  const manufacturing = bySector.getByRole('row').filter({ hasText: /^C · / });
  await expect(manufacturing).toBeVisible();
  expect(Number(await manufacturing.getByRole('cell').last().textContent())).toBeGreaterThanOrEqual(1);
  const financing = page.getByRole('region', { name: 'Financiación por línea' });
  await expect(financing.getByRole('row').filter({ hasText: 'Microcrédito' })).toContainText('$');
  await expectNoSeriousViolations(page);
  await shot(page, 'summary-desktop');
  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'summary-phone');
});

test('an analyst opens the summary from the navigation; a caseworker may not', async ({ page, baseURL }) => {
  const analyst = await createUser(baseURL ?? '', {
    prefix: 'analista.emprendimiento',
    displayName: `Analista ${uniqueWord()}`,
    role: 'analyst',
  });
  await signInWithApi(page.request, analyst.email, analyst.password);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Resumen de emprendimiento' })
    .click();
  await expect(page.getByRole('region', { name: 'Financiación por línea' })).toBeVisible();

  await page.context().clearCookies();
  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/enterprise/summary');
  await expect(page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
});
