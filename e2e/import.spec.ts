import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, hasHorizontalScroll, signInWithApi } from './support';

// Importing a spreadsheet: upload, columns, preview with the bad row's error, import keeping the good rows with a
// progress bar, the error file, and a second import of the same file that registers no one again.

const SHOTS = process.env.RUTA_E2E_SHOTS_DIR;

function spreadsheet(surname: string): Buffer {
  const stamp = String(Date.now()).slice(-6);
  const rows = [
    'Primer nombre;Primer apellido;Tipo de documento;No. documento;Fecha de nacimiento;Teléfono;Municipio',
    `Ana;${surname};CC;53${stamp}1;07/03/1990;300 123 4567;Barranquilla`,
    `Luis;${surname};CC;53${stamp}2;31/02/1985;;08001`,
    `Marta;${surname};PPT;53${stamp}3;1979-11-30;;Soledad`,
  ];
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

async function uploadAndPreview(page: Page, file: Buffer, expectSaved: boolean) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'personas-oficina.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Cargar archivo' }).click();
  await expect(page.getByRole('heading', { name: '2. Columnas de personas-oficina.csv' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'No. documento' })).toHaveValue('documentNumber');
  if (expectSaved) await expect(page.getByText(/Usamos las columnas que su oficina guardó/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Tipo de población' }).selectOption('venezuelan_migrant');
  await page.getByRole('button', { name: 'Guardar columnas y ver la vista previa' }).click();
  await expect(page.getByRole('heading', { name: '3. Vista previa' })).toBeVisible();
}

test('a caseworker imports a spreadsheet with one bad row, gets the error file, and a re-import adds no one', async ({
  page,
}) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const surname = `Importada${Date.now().toString(36)}`;
  const file = spreadsheet(surname);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Importar' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Importar personas desde una hoja de cálculo' }),
  ).toBeVisible();

  await uploadAndPreview(page, file, false);
  await expect(page.getByText('3 filas en el archivo; 1 con errores. Estas son las primeras.')).toBeVisible();
  const badRow = page.locator('[data-row="3"]');
  await expect(badRow).toContainText('Fecha de nacimiento: No es una fecha válida.');
  await expect(page.locator('[data-row="2"]')).toContainText('Lista para importar');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-preview-desktop.png`, fullPage: true });

  await page.getByRole('radio', { name: 'Importar las filas correctas' }).check();
  await page.getByRole('button', { name: 'Importar 3 filas' }).click();
  await expect(page.getByText('Terminada — 3 de 3 filas procesadas')).toBeVisible();
  await expect(page.locator('progress')).toHaveAttribute('value', '100');
  await expect(page.getByText('2 personas registradas')).toBeVisible();
  await expect(page.getByText('1 fila con errores')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-result-desktop.png`, fullPage: true });

  const downloading = page.waitForEvent('download');
  await page
    .getByRole('region', { name: /Importación de/ })
    .getByRole('link', { name: 'Descargar el archivo de errores' })
    .click();
  const download = await downloading;
  const errors = readFileSync((await download.path()) as string, 'utf8');
  expect(errors).toContain(`3;Luis;${surname};CC;`);
  expect(errors).toContain('Fecha de nacimiento: No es una fecha válida.');
  expect(errors).not.toContain('Ana;');

  // The same file again: the mapping comes back, and no one is registered twice.
  await page.getByRole('button', { name: 'Importar otro archivo' }).click();
  await uploadAndPreview(page, file, true);
  await page.getByRole('button', { name: 'Importar 3 filas' }).click();
  await expect(page.getByText('Terminada — 3 de 3 filas procesadas')).toBeVisible();
  await expect(page.getByText('0 personas registradas')).toBeVisible();
  await expect(page.getByText('2 filas ya importadas antes')).toBeVisible();
  const found = await page.request.get(`/api/v1/persons?q=${surname}`, { headers: { 'X-CSRF-Token': csrf } });
  expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(2);
  await expect(
    page.getByRole('region', { name: 'Importaciones recientes' }).getByText('personas-oficina.csv').first(),
  ).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('the preview fits the screen', async ({ page }) => {
    await signInWithApi(page.request, DEMO.coordinator);
    await page.goto('/imports');
    await uploadAndPreview(page, spreadsheet(`Telefono${Date.now().toString(36)}`), true);
    await expect(page.locator('[data-row="3"]')).toContainText('No es una fecha válida.');
    expect(await hasHorizontalScroll(page)).toBe(false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-preview-phone.png`, fullPage: true });
  });
});
