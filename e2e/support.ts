import type { Page } from '@playwright/test';

/** Opens Ruta with the interface language already chosen on this device, as a returning user would. */
export async function chooseLanguageBeforeLoad(page: Page, locale: 'es-CO' | 'en'): Promise<void> {
  await page.addInitScript((value) => {
    if (!window.sessionStorage.getItem('ruta.e2e.language-set')) {
      window.localStorage.setItem('ruta.locale', value);
      window.sessionStorage.setItem('ruta.e2e.language-set', '1');
    }
  }, locale);
}

/** The engine the server under test runs on: PostgreSQL when `npm test` passes a database, else PGlite. */
export const expectedEngine = process.env.E2E_DATABASE_URL
  ? { es: 'PostgreSQL', en: 'PostgreSQL' }
  : { es: 'PGlite (integrada)', en: 'PGlite (embedded)' };

export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Clicks a language in the header's switch, as a user does (its radio inputs are drawn by their labels). */
export async function switchLanguage(page: Page, language: 'Español' | 'English'): Promise<void> {
  const group = page.getByRole('banner').getByRole('radiogroup');
  await group.getByText(language, { exact: true }).click();
}
