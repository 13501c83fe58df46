import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// The service directory: SENA's focal point changes the capacity and hours of one of SENA's services and sees
// them saved, and has no "Editar" on another organization's service; a caseworker finds a service by category
// and municipality. The focal point's service is created for this run with its own name, so no other journey
// (nor a repeated run) shares it.

const SHOTS = process.env.DIRECTORY_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function expectNoHorizontalScrollAt360(page: Page) {
  await page.setViewportSize({ width: 360, height: 780 });
  await expect
    .poll(() => hasHorizontalScroll(page), { message: 'no horizontal scrolling at 360 px' })
    .toBe(false);
}

test('the SENA focal point changes its own service, and cannot edit another organization’s', async ({
  page,
}) => {
  // Three pages checked with axe, and a phone-width check: longer than the default 30 s on a loaded machine.
  test.setTimeout(90_000);
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const name = `Curso de panadería ${suffix}`;
  const csrf = await signInWithApi(page.request, DEMO.partner);
  const organizations = (await (await page.request.get('/api/v1/directory/organizations')).json()) as {
    items: Array<{ id: string; shortName: string }>;
  };
  const sena = organizations.items.find((o) => o.shortName === 'SENA');
  if (!sena) throw new Error('SENA is not in the demo network');
  const places = (await (
    await page.request.get(`/api/v1/directory/locations?organizationId=${sena.id}`)
  ).json()) as {
    items: Array<{ id: string; municipalityCode: string }>;
  };
  const created = await page.request.post('/api/v1/directory/services', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      organizationId: sena.id,
      name,
      category: 'vocational_training',
      description: 'Curso complementario de 60 horas.',
      minimumAge: 16,
      capacityPerMonth: 20,
      acceptanceDays: 5,
      completionDays: 30,
      schedules: [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '12:00' }],
      locations: places.items
        .filter((p) => p.municipalityCode === '08001')
        .map((p) => ({ locationId: p.id })),
    },
  });
  expect(created.status()).toBe(201);

  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Directorio de servicios' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Directorio de servicios' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Mi organización' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill(`panadería ${suffix}`);
  await page.getByRole('link', { name }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Lunes a viernes, 8:00 a. m. – 12:00 m.')).toBeVisible();
  await expect(page.getByText('20 cupos al mes')).toBeVisible();
  await page.getByRole('link', { name: 'Editar' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Editar: ${name}` })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Entidad u organización' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Cupos al mes' }).fill('35');
  const hours = page.getByRole('group', { name: 'Horario 1' });
  await hours.getByRole('checkbox', { name: 'Viernes' }).uncheck({ force: true });
  await hours.getByLabel('Cierra').fill('13:00');
  await expectNoSeriousViolations(page);
  await shot(page, 'form-desktop');
  await expectNoHorizontalScrollAt360(page);
  await shot(page, 'form-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Guardar cambios' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('35 cupos al mes')).toBeVisible();
  await expect(page.getByText('Lunes a jueves, 8:00 a. m. – 1:00 p. m.')).toBeVisible();
  // Saved, not just shown: a fresh load reads the same.
  await page.reload();
  await expect(page.getByText('Lunes a jueves, 8:00 a. m. – 1:00 p. m.')).toBeVisible();
  await expectNoSeriousViolations(page);
  await shot(page, 'service-desktop');
  await expectNoHorizontalScrollAt360(page);
  await shot(page, 'service-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Another organization's service: readable, with no "Editar".
  await page.goto('/directory?q=alojamiento%20temporal');
  await page.getByRole('link', { name: 'Alojamiento temporal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alojamiento temporal' })).toBeVisible();
  await expect(page.getByText('Fundación Camino Seguro (albergue temporal)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Editar' })).toHaveCount(0);

  // "Mi organización": SENA's profile, services and places.
  await page.goto('/directory');
  await page.getByRole('link', { name: 'Mi organización' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Servicio Nacional de Aprendizaje' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expectNoSeriousViolations(page);
  await shot(page, 'organization-desktop');
});

test('a caseworker finds a service by category and municipality', async ({ page }) => {
  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Directorio de servicios' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nuevo servicio' })).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Categoría' }).click();
  await page.getByRole('option', { name: 'Atención a la primera infancia' }).click();
  await page.getByRole('textbox', { name: 'Municipio' }).fill('Villa del Ros');
  await page.getByRole('option', { name: /^Villa del Rosario/ }).click();
  const results = page.getByRole('list').filter({ has: page.getByRole('link') });
  await expect(results.getByRole('link', { name: 'Centro de Desarrollo Infantil (CDI)' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Técnico en operaciones de comercio' })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await shot(page, 'list-desktop');
  await expectNoHorizontalScrollAt360(page);
  await shot(page, 'list-phone');

  await results.getByRole('link', { name: 'Centro de Desarrollo Infantil (CDI)' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Centro de Desarrollo Infantil (CDI)' }),
  ).toBeVisible();
  await expect(page.getByText('De 0 a 5 años', { exact: true })).toBeVisible();
  await expect(page.getByText('CDI La Parada – ICBF')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Editar' })).toHaveCount(0);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
});
