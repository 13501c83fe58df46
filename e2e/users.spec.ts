import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  adminApi,
  createUser,
  DEMO,
  fillSignIn,
  hasHorizontalScroll,
  signInWithApi,
  uniqueEmail,
} from './support';

async function openUser(page: Page, displayName: string) {
  await page.goto('/admin/users');
  await page.getByRole('searchbox', { name: 'Buscar usuarios' }).fill(displayName);
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await page.getByRole('table').getByRole('link', { name: displayName }).click();
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
}

async function signInElsewhere(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ locale: 'es-CO' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await fillSignIn(page, email, password);
  return { context, page };
}

test('(g) an administrator creates a user, who signs in with the temporary password and must change it', async ({
  page,
  browser,
}) => {
  await signInWithApi(page.request, DEMO.admin);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Crear usuario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crear usuario' })).toBeVisible();

  const email = page.getByRole('textbox', { name: 'Correo electrónico' });
  const name = page.getByRole('textbox', { name: 'Nombre completo' });
  const role = page.getByRole('combobox', { name: 'Rol' });
  const organization = page.getByRole('combobox', { name: 'Entidad' });
  const submit = page.getByRole('button', { name: 'Crear usuario' });

  // Missing data is caught before asking the server.
  await submit.click();
  await expect(page.getByText('Escriba el correo electrónico.')).toBeVisible();
  await expect(email).toBeFocused();

  // An office role needs an office of the chosen organization.
  await email.fill(DEMO.caseworker);
  await name.fill('Sofía Martínez');
  await role.selectOption({ label: 'Gestor(a) de caso' });
  await expect(page.getByText('Atiende a las personas de sus oficinas.')).toBeVisible();
  await organization.selectOption({ label: 'Alcaldía de Barranquilla (Alcaldía Distrital de Barranquilla)' });
  await submit.click();
  await expect(page.getByText('Elija al menos una oficina para este rol.')).toBeVisible();
  await page.getByRole('checkbox', { name: /Centro Intégrate Barranquilla/ }).check();

  // The server's answer about the email appears beside it, and nothing typed is lost.
  await submit.click();
  await expect(page.getByText('Ya existe un usuario con este correo.')).toBeVisible();
  await expect(name).toHaveValue('Sofía Martínez');
  await expect(role).toHaveValue('caseworker');
  await expect(page.getByRole('checkbox', { name: /Centro Intégrate Barranquilla/ })).toBeChecked();

  const newEmail = uniqueEmail('sofia.martinez');
  await email.fill(newEmail);
  await submit.click();
  await expect(page.getByText(`Se creó el usuario de Sofía Martínez (${newEmail}).`)).toBeVisible();
  const temporaryPassword = await page.getByRole('textbox', { name: 'Contraseña temporal' }).inputValue();
  expect(temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
  await expect(page.getByRole('button', { name: 'Copiar la contraseña' })).toBeVisible();
  await expect(page.getByText('No se volverá a mostrar.', { exact: false })).toBeVisible();

  // The new user, on another computer.
  const other = await signInElsewhere(browser, newEmail, temporaryPassword);
  try {
    const newcomer = other.page;
    await expect(newcomer).toHaveURL(/\/sign-in\/change-password$/);
    await expect(
      newcomer.getByRole('heading', { level: 1, name: 'Cambie su contraseña temporal' }),
    ).toBeVisible();
    // Nothing else opens until the password is changed.
    await newcomer.goto('/account');
    await expect(newcomer).toHaveURL(/\/sign-in\/change-password\?next=%2Faccount$/);

    await newcomer.getByLabel('Contraseña temporal', { exact: true }).fill(temporaryPassword);
    await newcomer.getByLabel('Contraseña nueva', { exact: true }).fill('corto');
    await newcomer.getByRole('button', { name: 'Guardar y continuar' }).click();
    await expect(newcomer.getByText('Use al menos 12 caracteres.', { exact: true })).toBeVisible();
    await newcomer.getByLabel('Contraseña nueva', { exact: true }).fill('mi ruta de trabajo en el Atlántico');
    await newcomer
      .getByLabel('Repita la contraseña nueva', { exact: true })
      .fill('mi ruta de trabajo en el Atlántico');
    await newcomer.getByRole('button', { name: 'Guardar y continuar' }).click();
    await expect(newcomer).toHaveURL(/\/account$/);
    await expect(newcomer.getByRole('heading', { level: 1, name: 'Mi cuenta' })).toBeVisible();
    await expect(newcomer.getByRole('region', { name: 'Sus datos' })).toContainText(
      'Centro Intégrate Barranquilla',
    );
  } finally {
    await other.context.close();
  }
});

test('edits a user; when someone else saved first, shows their version and reapplies the change', async ({
  page,
  baseURL,
}) => {
  const user = await createUser(baseURL as string, { prefix: 'editar', displayName: 'Camilo Restrepo' });
  await signInWithApi(page.request, DEMO.admin);
  await openUser(page, 'Camilo Restrepo');
  const edit = page.getByRole('region', { name: 'Editar' });
  await expect(edit.getByRole('button', { name: 'Guardar cambios' })).toBeDisabled();

  // Meanwhile another administrator renames the user.
  const other = await adminApi(baseURL as string);
  try {
    const current = await (await other.api.get(`/api/v1/users/${user.id}`)).json();
    const renamed = await other.api.patch(`/api/v1/users/${user.id}`, {
      headers: { 'X-CSRF-Token': other.csrf },
      data: { version: current.version, displayName: 'Camilo Restrepo Díaz' },
    });
    expect(renamed.status()).toBe(200);
  } finally {
    await other.api.dispose();
  }

  await edit.getByRole('combobox', { name: 'Rol' }).selectOption({ label: 'Coordinador(a)' });
  await expect(
    edit.getByText('Al cambiar el rol, se cerrarán las sesiones abiertas de esta persona.'),
  ).toBeVisible();
  await edit.getByRole('button', { name: 'Guardar cambios' }).click();

  const conflict = edit.getByRole('alert');
  await expect(conflict).toContainText('Otra persona cambió este usuario mientras usted lo editaba');
  await expect(conflict).toContainText('Camilo Restrepo Díaz');
  await expect(edit.getByRole('combobox', { name: 'Rol' })).toHaveValue('office_coordinator');
  await conflict.getByRole('button', { name: 'Aplicar mis cambios' }).click();

  await expect(edit.getByRole('status')).toHaveText('Se guardaron los cambios.');
  const details = page.getByRole('region', { name: 'Datos del usuario' });
  await expect(details).toContainText('Coordinador(a)');
  await expect(page.getByRole('heading', { level: 1, name: 'Camilo Restrepo Díaz' })).toBeVisible();
  await expect(edit.getByRole('textbox', { name: 'Nombre completo' })).toHaveValue('Camilo Restrepo Díaz');
});

test('deactivates a user (their session ends at once), reactivates them, and resets their password', async ({
  page,
  browser,
  baseURL,
}) => {
  const user = await createUser(baseURL as string, { prefix: 'desactivar', displayName: 'Paola Vargas' });
  const theirs = await signInElsewhere(browser, user.email, user.password);
  try {
    await expect(theirs.page.getByRole('heading', { level: 1, name: 'Hola, Paola Vargas' })).toBeVisible();

    await signInWithApi(page.request, DEMO.admin);
    await openUser(page, 'Paola Vargas');
    const access = page.getByRole('region', { name: 'Acceso' });
    await access.getByRole('button', { name: 'Desactivar' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Desactivar a Paola Vargas?' });
    await expect(dialog).toContainText('Sus sesiones abiertas y sus tokens de acceso terminan de inmediato');
    await dialog.getByRole('button', { name: 'Sí, desactivar' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('Desactivado').first()).toBeVisible();

    // Their open page loses the session on its next request.
    await theirs.page.reload();
    await expect(theirs.page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
    await fillSignIn(theirs.page, user.email, user.password);
    await expect(theirs.page.getByText('El correo o la contraseña no son correctos.')).toBeVisible();

    await access.getByRole('button', { name: 'Reactivar' }).click();
    await page
      .getByRole('dialog', { name: '¿Reactivar a Paola Vargas?' })
      .getByRole('button', { name: 'Sí, reactivar' })
      .click();
    await expect(access.getByRole('button', { name: 'Desactivar' })).toBeVisible();

    await access.getByRole('button', { name: 'Restablecer la contraseña' }).click();
    const reset = page.getByRole('dialog', { name: '¿Restablecer la contraseña de Paola Vargas?' });
    await expect(reset).toContainText('Sus sesiones abiertas se cerrarán de inmediato.');
    await reset.getByRole('button', { name: 'Sí, restablecer' }).click();
    const temporaryPassword = await access.getByRole('textbox', { name: 'Contraseña temporal' }).inputValue();

    await fillSignIn(theirs.page, user.email, temporaryPassword);
    await expect(
      theirs.page.getByRole('heading', { level: 1, name: 'Cambie su contraseña temporal' }),
    ).toBeVisible();
  } finally {
    await theirs.context.close();
  }
});

test('a coordinator sees the users of their offices, read-only', async ({ page }) => {
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Usuarios' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Crear usuario' })).toHaveCount(0);
  await page.getByRole('table').getByRole('link', { name: 'Andrés Pérez (gestor de caso)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Andrés Pérez (gestor de caso)' })).toBeVisible();
  await expect(page.getByText('Puede consultar estos datos.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Guardar cambios' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Desactivar' })).toHaveCount(0);

  await page.goto('/admin/users/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
});

test('searches users and loads more, page by page', async ({ page }) => {
  // Two users a page, so the demo network has several pages.
  await page.route('**/api/v1/users?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    return route.continue({ url: url.toString() });
  });
  await signInWithApi(page.request, DEMO.admin);
  await page.goto('/admin/users');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByText('Primeros 2 usuarios; hay más')).toBeVisible();
  await page.getByRole('button', { name: 'Cargar más' }).click();
  await expect(rows).toHaveCount(5);

  await page.getByRole('searchbox', { name: 'Buscar usuarios' }).fill('enlace.sena@ruta.example');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=enlace\.sena(%40|@)ruta\.example$/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('enlace.sena@ruta.example');
  await expect(page.getByRole('button', { name: 'Cargar más' })).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Buscar usuarios' }).fill('nadie-con-este-nombre');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(page.getByText('Ningún usuario coincide con «nadie-con-este-nombre».')).toBeVisible();
});

test.describe('on a phone (360 × 740)', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('lists users as cards and opens one, without horizontal scroll', async ({ page }) => {
    await signInWithApi(page.request, DEMO.admin);
    await page.goto('/admin/users');
    const cards = page.getByRole('list', { name: 'Usuarios' });
    await expect(cards.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('table')).toBeHidden();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await cards.getByRole('link', { name: 'Andrés Pérez (gestor de caso)' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Andrés Pérez (gestor de caso)' }),
    ).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.goto('/admin/users/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Crear usuario' })).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
