import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminApi, createUser, DEMO, hasHorizontalScroll, signInWithApi } from './support';

test('filters the audit log by record, shows the changes before and after, and exports what is filtered', async ({
  page,
  baseURL,
}) => {
  // A user of this journey's own, renamed once, so its record has a known history.
  const user = await createUser(baseURL as string, { prefix: 'auditoria', displayName: 'Lucía Herrera' });
  const other = await adminApi(baseURL as string);
  try {
    const current = await (await other.api.get(`/api/v1/users/${user.id}`)).json();
    const renamed = await other.api.patch(`/api/v1/users/${user.id}`, {
      headers: { 'X-CSRF-Token': other.csrf },
      data: { version: current.version, displayName: 'Lucía Herrera Gil', role: 'reception_officer' },
    });
    expect(renamed.status()).toBe(200);
  } finally {
    await other.api.dispose();
  }

  await signInWithApi(page.request, DEMO.admin);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Registro de auditoría' })).toBeVisible();
  const entries = page.getByRole('list', {
    name: 'Entradas del registro, de la más reciente a la más antigua',
  });
  await expect(entries.getByRole('listitem').first()).toBeVisible();

  const filters = page.getByRole('region', { name: 'Filtros' });
  await filters.getByRole('combobox', { name: 'Tipo de registro' }).selectOption({ label: 'Usuario' });
  await filters.getByRole('textbox', { name: 'Identificador del registro' }).fill(user.id);
  // The server reads the days in UTC; a day either side keeps this journey away from midnight.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await filters.getByLabel('Desde').fill(day(-1));
  await filters.getByLabel('Hasta').fill(day(1));
  await filters.getByRole('button', { name: 'Aplicar filtros' }).click();
  await expect(page).toHaveURL(new RegExp(`recordId=${user.id}`));

  // Newest first: the change, then the user's own sign-in and password change, then the creation.
  const items = entries.getByRole('listitem');
  await expect(items.first()).toContainText('Modificó un usuario');
  await expect(items.last()).toContainText('Creó un usuario');
  await expect(items.filter({ hasText: 'Cambió su contraseña' })).toHaveCount(1);

  const change = items.first();
  await change.getByRole('button', { name: 'Ver cambios' }).click();
  const table = change.getByRole('table', { name: 'Cambios' });
  await expect(table.getByRole('row', { name: /Nombre/ })).toContainText('Lucía Herrera');
  await expect(table.getByRole('row', { name: /Nombre/ })).toContainText('Lucía Herrera Gil');
  await expect(table.getByRole('row', { name: /Rol/ })).toContainText('Gestor(a) de caso');
  await expect(table.getByRole('row', { name: /Rol/ })).toContainText('Recepción (puesto de control)');
  await change.getByRole('button', { name: 'Ocultar' }).click();
  await expect(table).toBeHidden();

  // The export carries the same filters.
  const exportLink = page.getByRole('link', { name: 'Exportar CSV' });
  await expect(exportLink).toHaveAttribute('href', new RegExp(`recordId=${user.id}`));
  const downloading = page.waitForEvent('download');
  await exportLink.click();
  const download = await downloading;
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toMatch(/^occurredAt,actorEmail,actorRole,action,recordType,recordId/);
  expect(lines.slice(1).every((line) => line.includes(user.id))).toBe(true);
  expect(lines.length - 1).toBe(await items.count());
});

test('filters by user, chosen by searching their name, and loads more entries page by page', async ({
  page,
}) => {
  // Three entries a page, so even a short history has several pages.
  await page.route('**/api/v1/audit?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '3');
    return route.continue({ url: url.toString() });
  });
  await signInWithApi(page.request, DEMO.admin);
  await page.goto('/admin/audit');

  const filters = page.getByRole('region', { name: 'Filtros' });
  await filters.getByRole('textbox', { name: 'Usuario' }).fill('Laura');
  await page.getByRole('option', { name: 'Laura Restrepo (administradora) (admin@ruta.example)' }).click();
  await filters.getByRole('button', { name: 'Aplicar filtros' }).click();
  await expect(page).toHaveURL(/actorUserId=/);

  const items = page.getByRole('list', { name: /^Entradas del registro/ }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(page.getByText('Las 3 entradas más recientes; hay más')).toBeVisible();
  for (const item of await items.all()) await expect(item).toContainText('admin@ruta.example');
  await page.getByRole('button', { name: 'Cargar más' }).click();
  await expect(items).toHaveCount(6);

  // Filters live in the address: a reload keeps them, and the user's name stays in the picker.
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Filtros' }).getByRole('textbox', { name: 'Usuario' }),
  ).toHaveValue('Laura Restrepo (administradora) (admin@ruta.example)');
  await page.getByRole('button', { name: 'Quitar filtros' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
});

test.describe('on a phone (360 × 740)', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('shows the entries stacked, without horizontal scroll', async ({ page }) => {
    await signInWithApi(page.request, DEMO.admin);
    await page.goto('/admin/audit');
    const first = page
      .getByRole('list', { name: /^Entradas del registro/ })
      .getByRole('listitem')
      .first();
    await expect(first).toBeVisible();
    await first.getByRole('button', { name: /^Ver / }).click();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
