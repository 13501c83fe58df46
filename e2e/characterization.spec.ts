import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// The characterization of a person on a phone: sections with progress, the draft saved as one types (also
// across a dropped connection and a reload), a version saved into the history, needs with their status, and
// the sensitive vulnerabilities kept from the reception officer.

const CENTRE = 'Centro Intégrate Barranquilla';
const AIRPORT = 'Puesto de control migratorio – Aeropuerto El Dorado';
const SHOTS = process.env.CHARACTERIZATION_SHOTS_DIR;

async function officeId(api: APIRequestContext, name: string): Promise<string> {
  const network = (await (await api.get('/api/v1/network')).json()) as {
    offices: Array<{ id: string; name: string }>;
  };
  const office = network.offices.find((item) => item.name === name);
  if (!office) throw new Error(`The demo network has no ${name}.`);
  return office.id;
}

async function registerPerson(page: Page, csrf: string, office: string, givenName1: string): Promise<string> {
  const response = await page.request.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      officeId: await officeId(page.request, office),
      givenName1,
      surname1: `Caracterización ${Date.now().toString(36)}`,
      populationGroup: 'venezuelan_migrant',
      acknowledgeDuplicates: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function shotOf(region: Locator, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await region.screenshot({ path: `${SHOTS}/${name}.png` });
}

const saveStatus = (page: Page) => page.locator('[data-save-status]');

test.describe('characterization on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker fills it in, keeps typing offline, finds the answers after a reload, saves a version and records a need', async ({
    page,
    context,
  }) => {
    // A long journey on a busy machine: more time than the default, never a timing assertion.
    test.setTimeout(120_000);
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const personId = await registerPerson(page, csrf, CENTRE, 'Yulimar');
    await page.goto(`/people/${personId}`);
    const summary = page.getByRole('region', { name: 'Caracterización' });
    await expect(summary.getByText('Esta persona todavía no tiene caracterización.')).toBeVisible();
    await summary.getByRole('link', { name: 'Caracterizar' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^Caracterización de Yulimar/ })).toBeVisible();
    await expect(page.getByText('0 de 8 secciones con respuestas')).toBeVisible();
    await expect(page.getByText('Sección 1 de 8')).toBeVisible();
    await page.getByLabel('Nivel educativo más alto alcanzado').selectOption('media');
    await page.getByLabel('Título obtenido').fill('Bachiller académico');
    await expect(page.getByText('1 de 8 secciones con respuestas')).toBeVisible();
    await expect(saveStatus(page)).toHaveText('Borrador guardado');
    await shot(page, 'phone-education');
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Trabajo y ocupaciones' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Buscar ocupación' }).fill('albañil');
    await page.getByRole('option', { name: 'Albañiles (7112)' }).click();
    await page.getByLabel('Años de experiencia').fill('8');
    await expect(saveStatus(page)).toHaveText('Borrador guardado');

    // The connection drops: the caseworker keeps typing and is told the answers wait on this phone.
    await context.setOffline(true);
    await page.getByLabel('Intereses laborales').fill('Obras de construcción y acabados');
    await expect(saveStatus(page)).toContainText('Sin conexión');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByLabel('Régimen de salud').selectOption('subsidiado');
    await page.getByLabel('Grupo del SISBÉN IV').selectOption('B');
    await shot(page, 'phone-offline');
    await context.setOffline(false);
    await expect(saveStatus(page)).toHaveText('Borrador guardado', { timeout: 20_000 });

    // A reload finds every answer, the ones typed offline included (they reached the server).
    await page.reload();
    await expect(page.getByText('3 de 8 secciones con respuestas')).toBeVisible();
    await page.getByLabel('Ir a la sección').selectOption('work');
    await expect(page.getByText('Albañiles (7112)')).toBeVisible();
    await expect(page.getByLabel('Años de experiencia')).toHaveValue('8');
    await expect(page.getByLabel('Intereses laborales')).toHaveValue('Obras de construcción y acabados');
    await page.getByLabel('Ir a la sección').selectOption('health');
    await expect(page.getByLabel('Régimen de salud')).toHaveValue('subsidiado');
    await expect(page.getByLabel('Grupo del SISBÉN IV')).toHaveValue('B');

    await page.getByLabel('Ir a la sección').selectOption('vulnerabilities');
    await expect(page.getByRole('group', { name: 'Preguntas sensibles' })).toBeVisible();
    await page.getByLabel('Es víctima del conflicto armado').check();
    await expect(saveStatus(page)).toHaveText('Borrador guardado');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shot(page, 'phone-vulnerabilities');

    await page.getByRole('button', { name: 'Guardar versión' }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));
    await expect(page.getByText('Se guardó la versión 1 de la caracterización.')).toBeVisible();
    await expect(summary.getByText('Albañiles (8 años)')).toBeVisible();
    await expect(summary.getByText('Es víctima del conflicto armado')).toBeVisible();
    const history = summary.getByRole('list', { name: 'Historial de versiones' });
    await expect(history.getByText(/^Versión 1 · /)).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Actualizar' })).toBeVisible();
    await shotOf(summary, 'phone-person-summary');

    const needs = page.getByRole('region', { name: 'Necesidades' });
    await needs.getByRole('button', { name: 'Agregar necesidad' }).click();
    const form = needs.getByRole('form', { name: 'Nueva necesidad' });
    await form.getByLabel('Dimensión').selectOption('productive');
    await form.getByLabel('Descripción').fill('Herramientas de albañilería');
    await form.getByLabel('Gravedad').selectOption('high');
    await form.getByRole('button', { name: 'Guardar', exact: true }).click();
    const need = needs.locator('li', { hasText: 'Herramientas de albañilería' });
    await expect(need).toHaveAttribute('data-need-status', 'identified');
    await expect(need.getByText('Gravedad: Alta')).toBeVisible();
    await need.getByLabel('Cambiar estado de «Herramientas de albañilería»').selectOption('in_progress');
    await expect(need).toHaveAttribute('data-need-status', 'in_progress');
    await expect(needs.getByRole('region', { name: 'Productiva (empleo y emprendimiento)' })).toContainText(
      '1 abierta',
    );
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shotOf(needs, 'phone-needs');
    await expectNoSeriousViolations(page);
  });

  test('a reception officer characterizes without seeing the sensitive vulnerabilities', async ({ page }) => {
    const csrf = await signInWithApi(page.request, DEMO.reception);
    const personId = await registerPerson(page, csrf, AIRPORT, 'Recibida');
    await page.goto(`/people/${personId}`);
    const summary = page.getByRole('region', { name: 'Caracterización' });
    await expect(
      summary.getByText('Hay preguntas sensibles que solo ven coordinación y gestión de caso.'),
    ).toBeVisible();
    await summary.getByRole('link', { name: 'Caracterizar' }).click();
    await page.getByLabel('Ir a la sección').selectOption('vulnerabilities');
    await expect(page.getByLabel('Fue deportado(a) o expulsado(a)')).toBeVisible();
    await expect(page.getByText('Preguntas sensibles')).toHaveCount(0);
    await expect(page.getByText('Es víctima del conflicto armado')).toHaveCount(0);
    await expect(page.getByText('Está en riesgo de violencia basada en género')).toHaveCount(0);
    await shot(page, 'phone-reception-vulnerabilities');
  });
});

test('the fill-in page on a laptop', async ({ page }) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const personId = await registerPerson(page, csrf, CENTRE, 'Escritorio');
  await page.goto(`/people/${personId}/characterization`);
  await page.getByLabel('Ir a la sección').selectOption('work');
  await page.getByRole('textbox', { name: 'Buscar ocupación' }).fill('cocinero');
  await page.getByRole('option', { name: 'Cocineros (5120)' }).click();
  await expect(saveStatus(page)).toHaveText('Borrador guardado');
  await shot(page, 'desktop-work');
});
