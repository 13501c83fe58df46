import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chooseLanguageBeforeLoad } from './support';

const PAGES = [
  { name: 'home', path: '/', heading: { 'es-CO': 'Le damos la bienvenida a Ruta', en: 'Welcome to Ruta' } },
  { name: 'sign-in', path: '/sign-in', heading: { 'es-CO': 'Iniciar sesión', en: 'Sign in' } },
  {
    name: 'not-found',
    path: '/no-existe',
    heading: { 'es-CO': 'No encontramos esta página', en: 'We could not find this page' },
  },
] as const;

for (const locale of ['es-CO', 'en'] as const) {
  for (const { name, path, heading } of PAGES) {
    test(`${name} in ${locale} has no serious or critical accessibility violation`, async ({ page }) => {
      await chooseLanguageBeforeLoad(page, locale);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1, name: heading[locale] })).toBeVisible();
      if (name === 'home') {
        // Analyse the page once the system status has arrived, not its loading state.
        await expect(page.getByRole('region').getByRole('definition').first()).toBeVisible();
      }

      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    });
  }
}

test.describe('on a phone with the navigation open', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('has no serious or critical accessibility violation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Abrir el menú de navegación' }).click();
    await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeInViewport();

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help}`)).toEqual([]);
  });
});
