import { expect, test } from '@playwright/test';
import {
  adminEnrolment,
  DEMO,
  DEMO_PASSWORD,
  fillSignIn,
  signInWithApi,
  signOutFromMenu,
  totpCode,
} from './support';

test('(a) a caseworker signs in and sees the signed-in home', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page).toHaveTitle('Iniciar sesión · Ruta');
  await fillSignIn(page, DEMO.caseworker);

  await expect(page).toHaveURL(/\/$/);
  await expect(page).toHaveTitle('Inicio · Ruta');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Andrés Pérez (gestor de caso)' }),
  ).toBeVisible();
  await expect(
    page.getByRole('main').getByText('Gestor(a) de caso · Alcaldía de Barranquilla'),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Estado del sistema' }).getByText('Sistema en funcionamiento'),
  ).toBeVisible();

  // A caseworker's navigation: the people and cases of their offices, no administration.
  const navigation = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Inicio',
    'Mi trabajo de hoy',
    'Personas',
    'Importar',
    'Casos',
    'Empleo',
    'Emprendimiento',
    'Directorio de servicios',
    'Mi cuenta',
  ]);

  // The user menu says who is signed in.
  await page
    .getByRole('banner')
    .getByRole('button', { name: 'Menú de su cuenta: Andrés Pérez (gestor de caso)' })
    .click();
  const menu = page.getByRole('menu');
  await expect(menu.getByText('gestor@ruta.example')).toBeVisible();
  await expect(menu.getByText('Gestor(a) de caso · Alcaldía de Barranquilla')).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Mi cuenta', 'Cerrar sesión']);
});

test('goes back to the page that was asked for after signing in', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await expect(page.getByText('Inicie sesión para continuar.', { exact: false })).toBeVisible();
  await fillSignIn(page, DEMO.reception);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mi cuenta' })).toBeVisible();
});

test('(b) a wrong password shows the message, keeps what was typed, and says the same for an unknown email', async ({
  page,
}) => {
  await page.goto('/sign-in');
  const submit = page.getByRole('button', { name: 'Ingresar' });

  // Empty fields are caught before asking the server.
  await submit.click();
  await expect(page.getByText('Escriba su correo electrónico.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Correo electrónico' })).toBeFocused();

  await fillSignIn(page, DEMO.reception, 'no es la contraseña');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('No pudimos iniciar su sesión');
  await expect(alert).toContainText('El correo o la contraseña no son correctos.');
  await expect(page.getByRole('textbox', { name: 'Correo electrónico' })).toHaveValue(DEMO.reception);
  await expect(page.getByLabel('Contraseña', { exact: true })).toHaveValue('no es la contraseña');
  await expect(page).toHaveURL(/\/sign-in$/);

  // An email with no account gets exactly the same answer: nothing tells whether an account exists.
  await fillSignIn(page, 'nadie.aqui@ruta.example', 'no es la contraseña');
  await expect(alert).toHaveText(
    /No pudimos iniciar su sesión\s*El correo o la contraseña no son correctos\./,
  );
});

test('(c) five failed attempts lock the email for a while, and the page says so', async ({ page }) => {
  // Only this journey signs in as the analyst, so no other journey meets the lock.
  await page.goto('/sign-in');
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await fillSignIn(page, DEMO.analystForLockout, `intento equivocado ${attempt}`);
    await expect(alert).toContainText('El correo o la contraseña no son correctos.');
    await expect(page.getByLabel('Contraseña', { exact: true })).toHaveValue(`intento equivocado ${attempt}`);
  }

  // Locked now, even with the right password.
  await fillSignIn(page, DEMO.analystForLockout, DEMO_PASSWORD);
  await expect(alert).toContainText('Acceso bloqueado temporalmente');
  await expect(alert).toContainText('Hubo demasiados intentos fallidos. Espere 1 minuto(s)');
  await expect(alert).toContainText(
    'Si olvidó su contraseña, pida a la administración de la red que se la restablezca.',
  );
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('(e) signing out ends the session: neither the back button nor a reload shows a protected page', async ({
  page,
}) => {
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Usuarios' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usuarios' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Andrés Pérez (gestor de caso)' }).first()).toBeVisible();

  await signOutFromMenu(page);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText('Cerró su sesión.', { exact: false })).toBeVisible();
  expect((await page.request.get('/api/v1/auth/session')).status()).toBe(401);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Usuarios' })).toHaveCount(0);
  await expect(page.getByText('Andrés Pérez (gestor de caso)')).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.getByText('Andrés Pérez (gestor de caso)')).toHaveCount(0);
});

test('(f) a partner focal point who opens the administration sees "Sin acceso", not "not found"', async ({
  page,
}) => {
  await signInWithApi(page.request, DEMO.partner);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
  await expect(page).toHaveTitle('Sin acceso · Ruta');
  await expect(
    page.getByText('Su rol (Enlace de entidad aliada) no permite abrir esta página.'),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link')).toHaveText([
    'Inicio',
    'Remisiones recibidas',
    'Directorio de servicios',
    'Mi cuenta',
    'Informe de remisiones',
  ]);

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();

  // A page that does not exist is another thing.
  await page.goto('/admin/no-existe');
  await expect(page.getByRole('heading', { level: 1, name: 'No encontramos esta página' })).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Volver al inicio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hola, / })).toBeVisible();
});

test('the administrator can sign in with a recovery code, once, when the phone is not at hand', async ({
  page,
}) => {
  const { recoveryCodes } = adminEnrolment();
  const recoveryCode = recoveryCodes[0] as string;

  await page.goto('/sign-in');
  await fillSignIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/sign-in\/second-factor$/);

  // A wrong code: the message is beside the field.
  await page.getByRole('textbox', { name: 'Código de 6 dígitos' }).fill('123456');
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(
    page.getByText('El código de verificación no es correcto o ya venció.', { exact: false }),
  ).toBeVisible();

  await page.getByRole('button', { name: '¿No tiene su celular? Use un código de recuperación' }).click();
  await page.getByRole('textbox', { name: 'Código de recuperación' }).fill(recoveryCode);
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Laura Restrepo (administradora)' }),
  ).toBeVisible();

  // Used once, the code no longer works.
  await signOutFromMenu(page);
  await fillSignIn(page, DEMO.admin);
  await page.getByRole('button', { name: '¿No tiene su celular? Use un código de recuperación' }).click();
  await page.getByRole('textbox', { name: 'Código de recuperación' }).fill(recoveryCode);
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(
    page.getByText('El código de verificación no es correcto o ya venció.', { exact: false }),
  ).toBeVisible();

  // Giving up the second step signs out.
  await page.getByRole('button', { name: 'Cancelar e ingresar con otra cuenta' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('textbox', { name: 'Correo electrónico' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(DEMO.admin);
  await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('textbox', { name: 'Código de 6 dígitos' }).fill(totpCode(adminEnrolment().secret));
  await page.getByRole('button', { name: 'Verificar' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hola, Laura Restrepo (administradora)' }),
  ).toBeVisible();
});
