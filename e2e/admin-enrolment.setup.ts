import { expect, test as setup } from '@playwright/test';
import { DEMO, fillSignIn, saveAdminEnrolment, signOutFromMenu, totpCode } from './support';

// Journey (d): the administrator's first sign-in. It runs once per run, before every other journey (the
// `chromium` project depends on this `setup` project), and leaves the TOTP secret for them.

setup(
  'the administrator sets up two-step verification at first sign-in, then signs in with a code',
  async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await fillSignIn(page, DEMO.admin);

    // Administrators must enrol before anything else.
    await expect(page).toHaveURL(/\/sign-in\/enrol$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Active la verificación en dos pasos' }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: 'Código QR para agregar Ruta a su aplicación de autenticación' }),
    ).toBeVisible();
    const secret = (await page.getByRole('textbox', { name: 'Clave de configuración' }).inputValue()).replace(
      /\s/g,
      '',
    );
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // A wrong code is refused beside the field, and what was typed stays.
    const code = page.getByRole('textbox', { name: 'Código de 6 dígitos' });
    await code.fill('000000');
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await expect(
      page.getByText('El código de verificación no es correcto o ya venció.', { exact: false }),
    ).toBeVisible();
    await expect(code).toHaveValue('000000');

    await code.fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();

    // The ten recovery codes, shown once; going on needs the "saved" box ticked.
    const codesRegion = page.getByRole('region', { name: 'Códigos de recuperación' });
    await expect(codesRegion.getByText('Guárdelos ahora: no se volverán a mostrar')).toBeVisible();
    const codes = codesRegion.getByRole('list', { name: 'Códigos de recuperación' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recoveryCodes = (await codes.allTextContents()).map((text) => text.trim());
    for (const recoveryCode of recoveryCodes)
      expect(recoveryCode).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    await expect(codesRegion.getByRole('button', { name: 'Copiar los códigos' })).toBeVisible();
    await expect(codesRegion.getByRole('button', { name: 'Descargar (.txt)' })).toBeVisible();
    const goOn = codesRegion.getByRole('button', { name: 'Continuar' });
    await expect(goOn).toBeDisabled();
    await codesRegion.getByRole('checkbox', { name: 'Guardé mis códigos' }).check();
    await goOn.click();

    saveAdminEnrolment({ secret, recoveryCodes });

    await expect(page).toHaveURL(/\/$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hola, Laura Restrepo (administradora)' }),
    ).toBeVisible();
    await expect(page.getByRole('main').getByText('Administrador(a) de la red · Cancillería')).toBeVisible();

    // Sign out, and in again: now the code is asked for, not the enrolment.
    await signOutFromMenu(page);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByText('Cerró su sesión.', { exact: false })).toBeVisible();
    await fillSignIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/sign-in\/second-factor$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Verificación en dos pasos' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Código de 6 dígitos' }).fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Hola, Laura Restrepo (administradora)' }),
    ).toBeVisible();
    const navigation = page.getByRole('navigation', { name: 'Navegación principal' });
    await expect(navigation.getByRole('link')).toHaveText([
      'Inicio',
      'Duplicados',
      'Remisiones recibidas',
      'Empleo',
      'Directorio de servicios',
      'Mi cuenta',
      'Usuarios',
      'Registro de auditoría',
      'Indicador de integración',
      'Informe de remisiones',
      'Demanda laboral',
      'Instrumentos de índice',
      'Hojas de ruta',
      'Programas',
    ]);
  },
);
