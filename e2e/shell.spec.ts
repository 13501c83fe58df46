import { expect, test } from '@playwright/test';
import { DEMO, expectedEngine, hasHorizontalScroll, signInWithApi, switchLanguage } from './support';

test.describe('shell in Spanish by default', () => {
  // An office computer set to English must still open Ruta in Spanish.
  test.use({ locale: 'en-US' });

  test('shows the shell, the greeting and the system status in Spanish', async ({ page, request }) => {
    const health = await (await request.get('/api/health')).json();
    await signInWithApi(page.request, DEMO.caseworker);
    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
    await expect(page).toHaveTitle('Inicio · Ruta');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
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
  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();

  await switchLanguage(page, 'English');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hello, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByText('Caseworker · Alcaldía de Barranquilla')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Home · Ruta');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
    'Home',
    'My work today',
    'People',
    'Import',
    'Cases',
    'Employment',
    'Entrepreneurship',
    'Service directory',
    'My account',
  ]);

  // The choice survives a reload, and the API is then asked in English too.
  const healthRequest = page.waitForRequest('**/api/health');
  await page.reload();
  expect((await healthRequest).headers()['accept-language']).toMatch(/^en\b/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hello, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'System status' }).getByText('System running')).toBeVisible();

  await switchLanguage(page, 'Español');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
  await expect(page).toHaveTitle('Inicio · Ruta');
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();
});

test('the sign-in page speaks the chosen language, and so do the server’s messages', async ({ page }) => {
  await page.goto('/sign-in');
  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(DEMO.reception);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Hide password' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
});

test.describe('on a phone (360 × 740)', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('has no horizontal scroll, in either language, on any page', async ({ page }) => {
    const check = async (paths: string[], language: string) => {
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await hasHorizontalScroll(page), `horizontal scroll on ${path} in ${language}`).toBe(false);
      }
    };
    await check(['/sign-in'], 'Spanish');
    await signInWithApi(page.request, DEMO.admin);
    await check(['/', '/account', '/admin/users', '/admin/audit', '/no-existe'], 'Spanish');
    await switchLanguage(page, 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await check(['/', '/account', '/admin/users', '/admin/audit', '/no-existe'], 'English');
  });

  test('opens the navigation from the burger menu and closes it after choosing a page', async ({ page }) => {
    await signInWithApi(page.request, DEMO.caseworker);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Mi cuenta' })).toBeVisible();

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
      page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Abrir el menú de navegación' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(navigation).not.toBeInViewport();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});

test('shows the not-found page for an unknown address, with a way back', async ({ page }) => {
  await signInWithApi(page.request, DEMO.caseworker);
  const response = await page.goto('/casos/no-existe');
  expect(response?.status()).toBe(200);

  await expect(page.getByRole('heading', { level: 1, name: 'No encontramos esta página' })).toBeVisible();
  await expect(page).toHaveTitle('Página no encontrada · Ruta');
  await expect(page.getByRole('banner')).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Volver al inicio' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();
});

test('lets keyboard users skip the header and navigation', async ({ page }) => {
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Hola, / })).toBeVisible();

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Ir al contenido principal' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Activar la verificación en dos pasos' }),
  ).toBeFocused();
});
