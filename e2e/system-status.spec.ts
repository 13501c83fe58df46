import { expect, test } from '@playwright/test';
import { DEMO, signInWithApi } from './support';

// The server's real failures are hard to provoke from a browser, so these answers are stubbed. The status is on
// the home page, for signed-in users.

test.beforeEach(async ({ page }) => {
  await signInWithApi(page.request, DEMO.caseworker);
});

test('says the system is unavailable when the health check answers 503', async ({ page }) => {
  await page.route('**/api/health', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        status: 'unavailable',
        database: { reachable: false, engine: 'postgres' },
        schemaVersion: null,
        version: '0.1.0',
      }),
    }),
  );
  await page.goto('/');

  const status = page.getByRole('region', { name: 'Estado del sistema' });
  await expect(status.getByText('Sistema no disponible')).toBeVisible();
  await expect(status.getByRole('definition').nth(0)).toHaveText('PostgreSQL, sin conexión');
  await expect(status.getByRole('definition').nth(1)).toHaveText('Sin migraciones aplicadas');
});

test('shows a translated error with a retry when the server cannot be reached', async ({ page }) => {
  let reachable = false;
  await page.route('**/api/health', (route) => (reachable ? route.fallback() : route.abort('failed')));
  await page.goto('/');

  const status = page.getByRole('region', { name: 'Estado del sistema' });
  // Failed requests are retried twice (about 3 s) before the error is shown.
  await expect(status.getByText('No fue posible consultar el estado del sistema')).toBeVisible();
  await expect(status.getByText('Revise su conexión a internet e intente de nuevo.')).toBeVisible();

  reachable = true;
  await status.getByRole('button', { name: 'Intentar de nuevo' }).click();
  await expect(status.getByText('Sistema en funcionamiento')).toBeVisible();
});

test('shows the problem detail the server sends when the health check fails', async ({ page }) => {
  await page.route('**/api/health', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Error interno',
        status: 500,
        detail: 'Ocurrió un error inesperado. Código de la solicitud: abc123.',
      }),
    }),
  );
  await page.goto('/');

  const status = page.getByRole('region', { name: 'Estado del sistema' });
  await expect(
    status.getByText('Ocurrió un error inesperado. Código de la solicitud: abc123.'),
  ).toBeVisible();
});
