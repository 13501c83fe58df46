import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// An administrator creates a programme whose action plans need approval, changes it so that closing a case
// does not, meets someone else's save while editing (the saved values are shown), and deactivates it.
// Each run uses its own key, so runs and workers never share a programme.

const SHOTS = process.env.PROGRAMMES_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('an administrator creates, changes and deactivates a programme', async ({ page }) => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const key = `vivienda-e2e-${suffix}`;
  const name = `Vivienda digna ${suffix}`;
  const csrf = await signInWithApi(page.request, DEMO.admin);
  await page.goto('/admin/programmes');
  await expect(page.getByRole('heading', { level: 1, name: 'Programas' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Programas' }),
  ).toHaveAttribute('aria-current', 'page');

  // Create: plan approval required, closure approval required.
  await page.getByRole('button', { name: 'Nuevo programa' }).click();
  const form = page.getByRole('region', { name: 'Nuevo programa' });
  await form.getByRole('textbox', { name: 'Nombre en español' }).fill(name);
  await expect(form.getByRole('textbox', { name: 'Clave' })).toHaveValue(`vivienda-digna-${suffix}`);
  await form.getByRole('textbox', { name: 'Clave' }).fill(key);
  await form.getByRole('textbox', { name: 'Nombre en inglés' }).fill(`Decent housing ${suffix}`);
  await form
    .getByRole('textbox', { name: 'Descripción en español' })
    .fill('Acompañamiento para acceder a vivienda.');
  await form
    .getByRole('checkbox', { name: 'El plan de acción requiere aprobación de la coordinación' })
    .check();
  await form.getByRole('checkbox', { name: 'El cierre del caso requiere aprobación' }).check();
  await form.getByRole('checkbox', { name: 'Colombiano retornado' }).check();
  await expect(form.getByRole('checkbox', { name: 'Activo: recibe casos nuevos' })).toBeChecked();
  await form.getByRole('button', { name: 'Crear programa' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Se creó el programa ${name}.` })).toBeVisible();

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card.getByText('Plan con aprobación')).toBeVisible();
  await expect(card.getByText('Cierre con aprobación')).toBeVisible();
  await expect(card.getByText('Activo', { exact: true })).toBeVisible();
  await expect(card.getByText(key)).toBeVisible();

  // The same key again is refused, beside the key.
  await page.getByRole('button', { name: 'Nuevo programa' }).click();
  await form.getByRole('textbox', { name: 'Nombre en español' }).fill('Otro programa');
  await form.getByRole('textbox', { name: 'Clave' }).fill(key);
  await form.getByRole('textbox', { name: 'Nombre en inglés' }).fill('Another programme');
  await form.getByRole('button', { name: 'Crear programa' }).click();
  await expect(form.getByText(`Ya hay un programa con la clave ${key}.`, { exact: false })).toBeVisible();
  await form.getByRole('button', { name: 'Cancelar' }).click();

  // Edit: closing a case no longer needs approval.
  await card.getByRole('button', { name: `Editar ${name}` }).click();
  const editor = page.getByRole('region', { name: `Editar: ${name}` });
  await expect(editor.getByText('Clave (no se puede cambiar):')).toBeVisible();
  await editor.getByRole('checkbox', { name: 'El cierre del caso requiere aprobación' }).uncheck();
  await editor.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Se guardaron los cambios de ${name}.` }),
  ).toBeVisible();
  await expect(card.getByText('Plan con aprobación')).toBeVisible();
  await expect(card.getByText('Cierre sin aprobación')).toBeVisible();

  // Someone else saves while the form is open: the saved values are shown, and can be taken.
  await card.getByRole('button', { name: `Editar ${name}` }).click();
  const changed = await page.request.patch(`/api/v1/programmes/${key}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 2, requiresPlanApproval: false },
  });
  expect(changed.status()).toBe(200);
  await editor.getByRole('checkbox', { name: 'Activo: recibe casos nuevos' }).uncheck();
  await editor.getByRole('button', { name: 'Guardar cambios' }).click();
  const stale = editor.getByRole('alert').filter({ hasText: 'Alguien más guardó cambios en este programa' });
  await expect(stale).toBeVisible();
  await expect(stale.getByText('El plan de acción requiere aprobación de la coordinación: No')).toBeVisible();
  await shot(page, `stale-${page.viewportSize()?.width ?? 0}`);
  await stale.getByRole('button', { name: 'Usar los valores guardados' }).click();
  await expect(
    editor.getByRole('checkbox', { name: 'El plan de acción requiere aprobación de la coordinación' }),
  ).not.toBeChecked();

  // Deactivate: it stays in the list, marked inactive, and is no longer offered for new cases.
  await editor.getByRole('checkbox', { name: 'Activo: recibe casos nuevos' }).uncheck();
  await editor.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Se guardaron los cambios de ${name}.` }),
  ).toBeVisible();
  await expect(card.getByText('Inactivo')).toBeVisible();
  await expect(card.getByText('Plan sin aprobación')).toBeVisible();
  const offered = (await (await page.request.get('/api/v1/programmes')).json()) as {
    items: { key: string }[];
  };
  expect(offered.items.map((p) => p.key)).not.toContain(key);

  await expectNoSeriousViolations(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, 'phone-360');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'laptop-1280');
  await card.getByRole('button', { name: `Editar ${name}` }).click();
  await shot(page, 'laptop-1280-form');
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, 'phone-360-form');
  // The layout settles after the resize (the navigation turns into a menu on a phone).
  await expect
    .poll(() => hasHorizontalScroll(page), { message: 'no horizontal scrolling at 360 px' })
    .toBe(false);
});
