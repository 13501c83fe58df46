import { expect, request, test } from '@playwright/test';
import { createUser, DEMO, fillSignIn, signInWithApi, signOutFromMenu, totpCode } from './support';

// Each journey that changes a user's security works on a user of its own, created for it.

test('changes the password: mistakes are shown beside the fields, and the new one works', async ({
  page,
  baseURL,
}) => {
  const user = await createUser(baseURL as string, { prefix: 'cuenta.clave', displayName: 'Marta Gómez' });
  await signInWithApi(page.request, user.email, user.password);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Contraseña' });
  const current = section.getByLabel('Contraseña actual', { exact: true });
  const next = section.getByLabel('Contraseña nueva', { exact: true });
  const again = section.getByLabel('Repita la contraseña nueva', { exact: true });
  const submit = section.getByRole('button', { name: 'Cambiar la contraseña' });

  // Checked here: the two new passwords must match.
  await current.fill(user.password);
  await next.fill('caminos de la costa caribe');
  await again.fill('caminos de la costa caribeño');
  await submit.click();
  await expect(section.getByText('Las dos contraseñas nuevas no coinciden.')).toBeVisible();

  // Checked by the server: the current password, and a common one.
  await current.fill('no es la actual');
  await again.fill('caminos de la costa caribe');
  await submit.click();
  await expect(section.getByText('La contraseña actual no es correcta.')).toBeVisible();
  await expect(next).toHaveValue('caminos de la costa caribe');

  await current.fill(user.password);
  await next.fill('Colombia2024!');
  await again.fill('Colombia2024!');
  await submit.click();
  await expect(section.getByText('Es una contraseña muy común', { exact: false })).toBeVisible();

  await next.fill('caminos de la costa caribe');
  await again.fill('caminos de la costa caribe');
  await submit.click();
  await expect(section.getByRole('status')).toContainText('Su contraseña se cambió');
  await expect(current).toHaveValue('');

  await signOutFromMenu(page);
  await fillSignIn(page, user.email, 'caminos de la costa caribe');
  await expect(page.getByRole('heading', { level: 1, name: 'Hola, Marta Gómez' })).toBeVisible();
});

test('turns two-step verification on, signs in with it, and turns it off', async ({ page, baseURL }) => {
  const user = await createUser(baseURL as string, {
    prefix: 'cuenta.dos.pasos',
    displayName: 'Julián Ortiz',
  });
  await signInWithApi(page.request, user.email, user.password);
  await page.goto('/');

  // The home page suggests it to those who do not use it.
  await page.getByRole('link', { name: 'Activar la verificación en dos pasos' }).click();
  await expect(page).toHaveURL(/\/account#two-step$/);
  const section = page.getByRole('region', { name: 'Verificación en dos pasos' });
  await expect(section.getByText('Desactivada', { exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Activar' }).click();

  await expect(
    section.getByRole('img', { name: 'Código QR para agregar Ruta a su aplicación de autenticación' }),
  ).toBeVisible();
  const secret = (
    await section.getByRole('textbox', { name: 'Clave de configuración' }).inputValue()
  ).replace(/\s/g, '');
  await section.getByRole('textbox', { name: 'Código de 6 dígitos' }).fill(totpCode(secret));
  await section.getByRole('button', { name: 'Confirmar' }).click();
  await expect(
    section.getByRole('list', { name: 'Códigos de recuperación' }).getByRole('listitem'),
  ).toHaveCount(10);
  await section.getByRole('checkbox', { name: 'Guardé mis códigos' }).check();
  await section.getByRole('button', { name: 'Continuar' }).click();
  await expect(section.getByText('Activada', { exact: true })).toBeVisible();

  await signOutFromMenu(page);
  await fillSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/sign-in\/second-factor$/);
  await page.getByRole('textbox', { name: 'Código de 6 dígitos' }).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hola, Julián Ortiz' })).toBeVisible();

  await page.goto('/account');
  await section.getByRole('button', { name: 'Desactivar' }).click();
  const dialog = page.getByRole('dialog', { name: '¿Desactivar la verificación en dos pasos?' });
  await expect(
    dialog.getByText('sus códigos de recuperación dejarán de servir', { exact: false }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Sí, desactivar' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText('Desactivada', { exact: true })).toBeVisible();
});

test('an administrator may not turn two-step verification off', async ({ page }) => {
  await signInWithApi(page.request, DEMO.admin);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Verificación en dos pasos' });
  await expect(section.getByText('Activada', { exact: true })).toBeVisible();
  await expect(section.getByText('Como administrador(a) de la red, debe mantenerla activada.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Desactivar' })).toHaveCount(0);
});

test('creates a personal API token shown once, uses it, and revokes it', async ({ page, baseURL }) => {
  const user = await createUser(baseURL as string, { prefix: 'cuenta.token', displayName: 'Diana Rojas' });
  await signInWithApi(page.request, user.email, user.password);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Tokens de acceso personal' });
  await expect(section.getByText('Todavía no tiene tokens.')).toBeVisible();

  await section.getByRole('button', { name: 'Crear token' }).click();
  await expect(section.getByText('Escriba un nombre de al menos 2 caracteres.')).toBeVisible();
  await section.getByRole('textbox', { name: 'Nombre' }).fill('Reporte mensual');
  await section.getByRole('combobox', { name: 'Vence en' }).selectOption({ label: '30 días' });
  await section.getByRole('button', { name: 'Crear token' }).click();

  await expect(section.getByText('Token «Reporte mensual» creado')).toBeVisible();
  await expect(section.getByText('no se volverá a mostrar', { exact: false })).toBeVisible();
  const token = await section.getByRole('textbox', { name: 'Token nuevo' }).inputValue();
  expect(token).toMatch(/^ruta_pat_/);
  await expect(section.getByRole('button', { name: 'Copiar el token' })).toBeVisible();

  // Another system uses it, with read permission only.
  const integration = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  try {
    expect((await integration.get('/api/v1/network')).status()).toBe(200);

    await section.getByRole('button', { name: 'Ya lo copié' }).click();
    await expect(section.getByRole('textbox', { name: 'Token nuevo' })).toHaveCount(0);
    const list = section.getByRole('list', { name: 'Sus tokens' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText('Reporte mensual');
    await expect(list.getByRole('listitem')).toContainText('Activo');
    await expect(list.getByRole('listitem')).toContainText('Lectura');

    await list.getByRole('button', { name: 'Revocar el token «Reporte mensual»' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Revocar este token?' });
    await expect(dialog).toContainText('dejarán de tener acceso de inmediato');
    await dialog.getByRole('button', { name: 'Sí, revocar' }).click();
    await expect(dialog).toBeHidden();
    await expect(list.getByRole('listitem')).toContainText('Revocado');
    await expect(list.getByRole('button', { name: /^Revocar/ })).toHaveCount(0);
    expect((await integration.get('/api/v1/network')).status()).toBe(401);
  } finally {
    await integration.dispose();
  }
});
