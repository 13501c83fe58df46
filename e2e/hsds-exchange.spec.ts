import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// A coordinator downloads the directory as an HSDS package, imports another system's package (the fixture the
// HTTP tests use, with fresh ids so every run creates its own records) and sees what was created per table, then
// tries a broken package and sees its errors by file, row and field.

const SHOTS = process.env.HSDS_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const FIXTURE_DIR = resolve(import.meta.dirname, '../src/modules/directory/fixtures/foreign-hsds');

function fixtureZip(change: (name: string, text: string) => string = (_name, text) => text): Buffer {
  const salt = `${Date.now().toString(16).slice(-6)}${Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, '0')}`;
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FIXTURE_DIR)) {
    const text = readFileSync(resolve(FIXTURE_DIR, name), 'utf8');
    files[name] = strToU8(change(name, text).replace(/-8000-0000000000/g, `-8000-${salt}`));
  }
  return Buffer.from(zipSync(files));
}

test('a coordinator downloads the directory as HSDS and imports another system’s package', async ({
  page,
}) => {
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/directory');
  await page.getByRole('link', { name: 'Intercambio de datos (HSDS)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intercambio de datos (HSDS)' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await shot(page, 'desktop-empty');

  // Download: a ZIP named for the day.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Descargar paquete (ZIP)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ruta-hsds-\d{4}-\d{2}-\d{2}\.zip$/);
  const saved = readFileSync(await download.path());
  expect(saved.subarray(0, 2).toString()).toBe('PK');

  // Upload the foreign package: the counts per table.
  await page.getByRole('button', { name: 'Importar paquete' }).click();
  await expect(page.getByText('Elija el paquete que quiere importar.')).toBeVisible();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'redcaribe.zip', mimeType: 'application/zip', buffer: fixtureZip() });
  await page.getByRole('button', { name: 'Importar paquete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paquete importado' })).toBeVisible();
  const counts = page.getByRole('table', { name: 'Registros importados por tabla' });
  const created = async (table: string) =>
    counts
      .getByRole('row', { name: new RegExp(`^${table} \\d`) })
      .getByRole('cell')
      .first()
      .textContent();
  expect(await created('Organizaciones')).toBe('2');
  expect(await created('Servicios')).toBe('5');
  expect(await created('Sedes')).toBe('4');
  expect(await created('Servicios en sedes')).toBe('4');
  expect(await created('Horarios')).toBe('3');
  expect(await created('Contactos')).toBe('4');
  await expect(page.getByText(/«Zona rural dispersa» no corresponde a ningún municipio/)).toBeVisible();
  await expectNoSeriousViolations(page);
  await shot(page, 'desktop-imported');

  // A broken package: nothing imported, the errors listed by file, row and field.
  await page.locator('input[type="file"]').setInputFiles({
    name: 'roto.zip',
    mimeType: 'application/zip',
    buffer: fixtureZip((name, text) =>
      name === 'services.csv' ? text.replace(',inactive,', ',suspended,') : text,
    ),
  });
  await page.getByRole('button', { name: 'Importar paquete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'El paquete HSDS tiene errores' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Errores del paquete' });
  await expect(errors.getByRole('row').nth(1)).toContainText('services.csv');
  await expect(errors.getByRole('row').nth(1)).toContainText('status');
  await expect(errors.getByRole('row').nth(1)).toContainText('Debe ser uno de estos valores');
  await shot(page, 'desktop-errors');

  await page.setViewportSize({ width: 360, height: 780 });
  await expect
    .poll(() => hasHorizontalScroll(page), { message: 'no horizontal scrolling at 360 px' })
    .toBe(false);
  await shot(page, 'phone-360-errors');

  // The directory page still fits a phone with the link to this page in its header.
  await page.goto('/directory');
  await expect(page.getByRole('link', { name: 'Intercambio de datos (HSDS)' })).toBeVisible();
  await expect
    .poll(() => hasHorizontalScroll(page), { message: 'no horizontal scrolling at 360 px' })
    .toBe(false);
  await shot(page, 'phone-360-directory');
});

test('a caseworker is not offered the exchange page', async ({ page }) => {
  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Directorio de servicios' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Intercambio de datos (HSDS)' })).toHaveCount(0);
  await page.goto('/directory/hsds');
  await expect(page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Intercambio de datos (HSDS)' })).toHaveCount(0);
});
