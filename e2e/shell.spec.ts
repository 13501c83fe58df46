import { expect, test } from '@playwright/test';
import { expectedEngine, hasHorizontalScroll, switchLanguage } from './support';

test.describe('shell in Spanish by default', () => {
  // An office computer set to English must still open Ruta in Spanish.
  test.use({ locale: 'en-US' });

  test('shows the shell, the welcome and the system status in Spanish', async ({ page, request }) => {
    const health = await (await request.get('/api/health')).json();
    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
    await expect(page).toHaveTitle('Inicio · Ruta');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' }),
    ).toBeVisible();

    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Ruta, ir al inicio' })).toBeVisible();
    await expect(banner.getByRole('radiogroup', { name: 'Idioma de la interfaz' })).toBeVisible();
    await expect(banner.getByRole('radio', { name: 'Español' })).toBeChecked();

    const navigation = page.getByRole('navigation', { name: 'Navegación principal' });
    await expect(navigation.getByRole('link', { name: 'Inicio' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main')).toBeVisible();

    const status = page.getByRole('region', { name: 'Estado del sistema' });
    await expect(status.getByText('Sistema en funcionamiento')).toBeVisible();
    await expect(status.getByRole('definition').nth(0)).toHaveText(expectedEngine.es);
    await expect(status.getByRole('definition').nth(1)).toHaveText(health.schemaVersion);
    await expect(status.getByRole('definition').nth(2)).toHaveText(health.version);
  });
});

test('switches to English, keeps it after a reload, and switches back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' })).toBeVisible();

  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Ruta' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Home · Ruta');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
    'Home',
  ]);

  // The choice survives a reload, and the API is then asked in English too.
  const healthRequest = page.waitForRequest('**/api/health');
  await page.reload();
  expect((await healthRequest).headers()['accept-language']).toMatch(/^en\b/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Ruta' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'System status' }).getByText('System running')).toBeVisible();

  await switchLanguage(page, 'Español');
  await expect(page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
  await expect(page).toHaveTitle('Inicio · Ruta');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' })).toBeVisible();
});

test.describe('on a phone (360 × 740)', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('has no horizontal scroll, in either language, on any page', async ({ page }) => {
    for (const path of ['/', '/sign-in', '/no-existe']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await hasHorizontalScroll(page), `horizontal scroll on ${path} in Spanish`).toBe(false);
    }
    await switchLanguage(page, 'English');
    for (const path of ['/', '/sign-in', '/no-existe']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await hasHorizontalScroll(page), `horizontal scroll on ${path} in English`).toBe(false);
    }
  });

  test('opens the navigation from the burger menu and closes it after choosing a page', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();

    // Closed: the navigation is off screen, and inert so its links are not in the tab order.
    const navigation = page.getByRole('navigation', { name: 'Navegación principal' });
    await expect(navigation).not.toBeInViewport();
    await expect(navigation).toHaveAttribute('inert');
    const burger = page.getByRole('button', { name: 'Abrir el menú de navegación' });
    await expect(burger).toHaveAttribute('aria-expanded', 'false');

    await burger.click();
    const close = page.getByRole('button', { name: 'Cerrar el menú de navegación' });
    await expect(close).toHaveAttribute('aria-expanded', 'true');
    await expect(navigation).toBeInViewport();
    await expect(navigation).not.toHaveAttribute('inert');
    await navigation.getByRole('link', { name: 'Inicio' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Abrir el menú de navegación' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(navigation).not.toBeInViewport();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});

test('shows the sign-in placeholder: labelled fields, submit disabled, and why', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Iniciar sesión' }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page).toHaveTitle('Iniciar sesión · Ruta');
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(
    page.getByText('El inicio de sesión se habilitará cuando llegue el módulo de identidad.', {
      exact: false,
    }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Correo electrónico' }).fill('gestor@ruta.example');
  await page.getByLabel('Contraseña', { exact: true }).fill('una contraseña');
  await expect(page.getByRole('button', { name: 'Ingresar' })).toBeDisabled();
  await page.getByRole('button', { name: 'Mostrar la contraseña' }).click();
  await expect(page.getByRole('button', { name: 'Ocultar la contraseña' })).toBeVisible();
});

test('shows the not-found page for an unknown address, with a way back', async ({ page }) => {
  const response = await page.goto('/casos/no-existe');
  expect(response?.status()).toBe(200);

  await expect(page.getByRole('heading', { level: 1, name: 'No encontramos esta página' })).toBeVisible();
  await expect(page).toHaveTitle('Página no encontrada · Ruta');
  await expect(page.getByRole('banner')).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Volver al inicio' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' })).toBeVisible();
});

test('lets keyboard users skip the header and navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Ruta' })).toBeVisible();

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Ir al contenido principal' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').getByRole('link', { name: 'Iniciar sesión' })).toBeFocused();
});
