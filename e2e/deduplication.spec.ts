import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// Duplicate review: a coordinator runs a check over the persons of her office (the demo plants a few duplicates),
// follows it to the end, opens a pair, sees how much each field weighed, decides "same person" and is offered the
// merge screen. A caseworker has no such page.

test('a coordinator runs a duplicate check, reviews a pair field by field and is offered the merge', async ({
  page,
}) => {
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Duplicados' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revisión de duplicados' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Las personas de mis oficinas' })).toBeChecked();
  await page.getByRole('button', { name: 'Buscar duplicados' }).click();

  await expect(page).toHaveURL(/\/deduplication\/runs\/[0-9a-f-]+$/);
  await expect(page.getByText('Terminada', { exact: true })).toBeVisible({ timeout: 25_000 });
  await expect(page.locator('progress')).toHaveAttribute('value', '100');
  const queue = page.getByRole('region', { name: 'Parejas para revisar' });
  // The demo's cédula filed as a PPT: a pair no other journey creates or merges (the registration journeys, running
  // beside this one, register look-alikes at the same centre and merge some of them).
  const firstPair = queue
    .getByRole('article')
    .filter({ hasText: 'Carolina Gloria Aristizábal Nasilla y Carolina Gloria Aristizábal Nasilla' })
    .getByRole('link');
  await expect(firstPair).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  // Polled: the navigation slides away for a moment after the window narrows.
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  // The class's label wraps rather than ending in "…".
  const classLabels = queue.getByText(/^(Probablemente la misma persona|Por revisar)$/);
  expect(
    await classLabels.evaluateAll(
      (labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).length,
    ),
  ).toBe(0);
  if (process.env.RUTA_E2E_SHOTS_DIR) {
    await page.screenshot({
      path: `${process.env.RUTA_E2E_SHOTS_DIR}/deduplication-run-phone.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await firstPair.click();

  await expect(page.getByRole('heading', { level: 1, name: '¿Son la misma persona?' })).toBeVisible();
  const fields = page.getByRole('region', { name: 'Campo por campo' });
  await expect(fields.locator('[data-field="birthDate"]')).toContainText('Fecha de nacimiento');
  await expect(fields.locator('[data-field="givenNames"]')).toContainText('Registro A:');
  await expect(fields.getByLabel(/^Peso [+−]\d/).first()).toBeVisible();
  await expect(page.getByTestId('pair-probability')).toContainText(/probabilidad \d/);
  await expectNoSeriousViolations(page);

  // On a phone the fields stack as cards, without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  // Polled: the navigation slides away for a moment after the window narrows.
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  if (process.env.RUTA_E2E_SHOTS_DIR) {
    await page.screenshot({
      path: `${process.env.RUTA_E2E_SHOTS_DIR}/deduplication-pair-phone.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('textbox', { name: 'Nota (opcional)' }).fill('Mismo documento y fecha');
  await page.getByRole('button', { name: 'Es la misma persona' }).click();
  await expect(page.getByText(/^Decisión: Misma persona, por Diana Charris/)).toBeVisible();
  const merge = page.getByRole('link', { name: 'Unificar los registros' });
  await expect(merge).toHaveAttribute('href', /^\/people\/[0-9a-f-]+\/merge\?with=[0-9a-f-]+$/);
  await merge.click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]+\/merge\?with=/);
});

test('a caseworker has no duplicate review', async ({ page }) => {
  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/');
  await expect(
    page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Duplicados' }),
  ).toHaveCount(0);
  await page.goto('/deduplication');
  await expect(page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
});
