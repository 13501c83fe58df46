import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// Entrepreneurship. A caseworker of Centro Intégrate Barranquilla registers a productive unit from a person's page,
// records the seed capital it received and a follow-up visit, files a microcredit application and takes it to
// approved with an amount; the unit page shows it all, in pesos. The journey makes its own person.

const SHOTS = process.env.ENTERPRISE_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const CENTRE = 'Centro Intégrate Barranquilla';
const PHONE = { width: 360, height: 740 };

/** Letters only (names are checked as names), different in every journey and run. */
function uniqueWord(): string {
  const digits = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
  const word = [...digits].map((c) => 'abcdefghijklmnopqrstuvwxyz'[Number.parseInt(c, 36) % 26]).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

async function registerPerson(api: APIRequestContext, csrf: string) {
  const network = (await (await api.get('/api/v1/network')).json()) as {
    offices: { id: string; name: string }[];
  };
  const centre = network.offices.find((o) => o.name === CENTRE);
  if (!centre) throw new Error('The demo network lacks the centre.');
  const surname = uniqueWord();
  const registered = await api.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      officeId: centre.id,
      acknowledgeDuplicates: true,
      givenName1: 'Yulieth',
      surname1: 'Mercado',
      surname2: surname,
      sexAtBirth: 'female',
      birthDate: '1988-03-09',
      populationGroup: 'returnee',
      municipalityCode: '08001',
      documents: [{ type: 'CC', number: `1${Date.now() % 1_000_000_000}`.slice(0, 10) }],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  return (await registered.json()) as { id: string };
}

test('a caseworker registers a productive unit, its seed capital, a follow-up and an approved microcredit', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const person = await registerPerson(page.request, csrf);
  const unitName = `Fritos ${uniqueWord()}`;

  await page.goto(`/people/${person.id}`);
  const section = page.getByRole('region', { name: 'Formación y emprendimiento' });
  await expect(section.getByText('No tiene unidades productivas registradas.')).toBeVisible();
  await section.getByRole('button', { name: 'Registrar unidad productiva' }).click();
  await section.getByRole('textbox', { name: 'Nombre de la unidad' }).fill(unitName);
  await section.getByRole('combobox', { name: 'Sector (CIIU)' }).selectOption('I');
  await section.getByRole('combobox', { name: 'Etapa' }).selectOption('start_up');
  await section.getByRole('textbox', { name: 'Municipio' }).fill('08001');
  await section.getByRole('textbox', { name: 'Descripción' }).fill('Venta de fritos costeños en la esquina.');
  await section.getByRole('button', { name: 'Guardar' }).click();

  await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
  await expect(page.getByText('Puesta en marcha').first()).toBeVisible();

  // Seed capital: an amount is required, and then shown in pesos.
  const timeline = page.getByRole('region', { name: 'Apoyos y seguimientos' });
  await timeline.getByRole('button', { name: 'Registrar apoyo' }).click();
  await timeline.getByRole('combobox', { name: 'Tipo de apoyo' }).selectOption('seed_capital');
  await timeline.getByRole('button', { name: 'Guardar' }).click();
  await expect(timeline.getByText('Indique el monto del capital semilla.')).toBeVisible();
  await timeline.getByRole('combobox', { name: 'Entidad que lo entregó' }).selectOption({ label: 'SENA' });
  await timeline.getByRole('textbox', { name: 'Monto (COP)' }).fill('5000000');
  await expect(timeline.getByText('$ 5.000.000')).toBeVisible();
  await timeline.getByRole('textbox', { name: 'Observaciones' }).fill('Fondo Emprender: freidora y vitrina.');
  await timeline.getByRole('button', { name: 'Guardar' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Capital semilla' })).toContainText(
    'SENA · $ 5.000.000',
  );

  await timeline.getByRole('button', { name: 'Registrar seguimiento' }).click();
  await timeline.getByRole('textbox', { name: 'Ventas del mes (COP)' }).fill('1800000');
  await timeline.getByRole('textbox', { name: 'Empleos generados' }).fill('1');
  await timeline.getByRole('button', { name: 'Guardar' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Visita de seguimiento' })).toContainText(
    'ventas del mes $ 1.800.000 · 1 empleo generado',
  );

  // A microcredit, submitted, reviewed and approved for less than requested.
  const financing = page.getByRole('region', { name: 'Solicitudes de financiación' });
  await financing.getByRole('button', { name: 'Solicitar financiación' }).click();
  await financing.getByRole('combobox', { name: 'Línea de financiación' }).selectOption('microcredit');
  await financing
    .getByRole('combobox', { name: 'Intermediario financiero' })
    .selectOption({ label: 'Bancóldex' });
  await financing.getByRole('textbox', { name: 'Monto solicitado (COP)' }).fill('3000000');
  await financing.getByRole('button', { name: 'Guardar' }).click();
  const application = financing.getByRole('listitem', { name: 'Microcrédito' });
  await expect(application).toContainText('Radicada');
  await expect(application).toContainText('Solicitado: $ 3.000.000');

  const nextStatus = application.getByRole('combobox', { name: 'Nuevo estado' });
  await nextStatus.selectOption('in_review');
  await application.getByRole('button', { name: 'Actualizar estado' }).click();
  await expect(application).toContainText('En estudio');
  await nextStatus.selectOption('approved');
  await application.getByRole('textbox', { name: 'Monto aprobado (COP)' }).fill('3500000');
  await application.getByRole('button', { name: 'Actualizar estado' }).click();
  await expect(
    application.getByText(
      'El monto aprobado supera el solicitado: explique el motivo en la nota de aprobación.',
    ),
  ).toBeVisible();
  await application.getByRole('textbox', { name: 'Monto aprobado (COP)' }).fill('2500000');
  await application.getByRole('button', { name: 'Actualizar estado' }).click();
  await expect(application).toContainText('Aprobada');
  await expect(application).toContainText('Aprobado: $ 2.500.000');
  await shot(page, 'unit-desktop');

  // After a reload the unit page still shows it, and the person's page lists the unit.
  await page.reload();
  await expect(financing.getByRole('listitem', { name: 'Microcrédito' })).toContainText(
    'Aprobado: $ 2.500.000',
  );
  await expectNoSeriousViolations(page);

  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'unit-phone');

  await page.goto(`/people/${person.id}`);
  await expect(section.getByRole('link', { name: unitName })).toBeVisible();
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);

  await page.goto('/enterprise');
  await page.getByRole('combobox', { name: 'Etapa' }).selectOption('start_up');
  await expect(page.getByRole('link', { name: unitName })).toBeVisible();
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await expectNoSeriousViolations(page);
  await shot(page, 'units-phone');
});
