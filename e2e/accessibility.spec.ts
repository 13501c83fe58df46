import { expect, type Page, test } from '@playwright/test';
import {
  chooseLanguageBeforeLoad,
  createUser,
  DEMO,
  DEMO_PASSWORD,
  expectNoSeriousViolations,
  signInWithApi,
} from './support';

// Journey (h): no serious or critical axe violation on the identity pages, in both languages.

type Locale = 'es-CO' | 'en';

interface PageCase {
  name: string;
  /** Signs in (or not) and opens the page, ready to be analysed. */
  open: (page: Page, locale: Locale, baseURL: string) => Promise<void>;
}

const heading = (page: Page, name: string | RegExp) =>
  expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

const PAGES: PageCase[] = [
  {
    name: 'sign-in',
    open: async (page, locale) => {
      await page.goto('/sign-in');
      await heading(page, locale === 'en' ? 'Sign in' : 'Iniciar sesión');
      // With an error shown, too.
      await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'Ingresar' }).click();
    },
  },
  {
    name: 'second-factor',
    open: async (page, locale) => {
      // The password accepted, the code still to give.
      const response = await page.request.post('/api/v1/auth/sign-in', {
        data: { email: DEMO.admin, password: DEMO_PASSWORD },
      });
      expect((await response.json()).secondFactor).toBe('verify');
      await page.goto('/');
      await heading(page, locale === 'en' ? 'Two-step verification' : 'Verificación en dos pasos');
    },
  },
  {
    name: 'enrolment',
    open: async (page, locale, baseURL) => {
      const admin = await createUser(baseURL, {
        prefix: `axe.admin.${locale}`,
        displayName: 'Nueva administradora',
        role: 'network_admin',
        keepTemporary: true,
      });
      const response = await page.request.post('/api/v1/auth/sign-in', {
        data: { email: admin.email, password: admin.password },
      });
      expect((await response.json()).secondFactor).toBe('enrol');
      await page.goto('/');
      await heading(
        page,
        locale === 'en' ? 'Turn on two-step verification' : 'Active la verificación en dos pasos',
      );
      await expect(page.getByRole('img')).toBeVisible();
    },
  },
  {
    name: 'forced password change',
    open: async (page, locale, baseURL) => {
      const user = await createUser(baseURL, {
        prefix: `axe.nuevo.${locale}`,
        displayName: 'Persona nueva',
        keepTemporary: true,
      });
      await signInWithApi(page.request, user.email, user.password);
      await page.goto('/');
      await heading(
        page,
        locale === 'en' ? 'Change your temporary password' : 'Cambie su contraseña temporal',
      );
    },
  },
  {
    name: 'home',
    open: async (page) => {
      await signInWithApi(page.request, DEMO.caseworker);
      await page.goto('/');
      // Analyse the page once the system status has arrived, not its loading state.
      await expect(page.getByRole('region').getByRole('definition').first()).toBeVisible();
    },
  },
  {
    name: 'account',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.reception);
      await page.goto('/account');
      await heading(page, locale === 'en' ? 'My account' : 'Mi cuenta');
      await expect(
        page.getByText(locale === 'en' ? 'You have no tokens yet.' : 'Todavía no tiene tokens.'),
      ).toBeVisible();
    },
  },
  {
    name: 'users',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.admin);
      await page.goto('/admin/users');
      await heading(page, locale === 'en' ? 'Users' : 'Usuarios');
      await expect(page.getByRole('table')).toBeVisible();
    },
  },
  {
    name: 'user creation',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.admin);
      await page.goto('/admin/users/new');
      await heading(page, locale === 'en' ? 'Create user' : 'Crear usuario');
      await page.getByRole('button', { name: locale === 'en' ? 'Create user' : 'Crear usuario' }).click();
    },
  },
  {
    name: 'user detail',
    open: async (page) => {
      await signInWithApi(page.request, DEMO.admin);
      await page.goto('/admin/users');
      await page.getByRole('table').getByRole('link', { name: 'Andrés Pérez (gestor de caso)' }).click();
      await heading(page, 'Andrés Pérez (gestor de caso)');
    },
  },
  {
    name: 'audit',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.admin);
      await page.goto('/admin/audit');
      await heading(page, locale === 'en' ? 'Audit log' : 'Registro de auditoría');
      const first = page
        .getByRole('list', { name: /^(Entradas del registro|Log entries)/ })
        .getByRole('listitem');
      await first.first().getByRole('button').click();
    },
  },
  {
    name: 'person registration',
    open: async (page, locale) => {
      const csrf = await signInWithApi(page.request, DEMO.caseworker);
      const network = (await (await page.request.get('/api/v1/network')).json()) as {
        offices: { id: string; name: string }[];
      };
      const lookAlike = await page.request.post('/api/v1/persons', {
        headers: { 'X-CSRF-Token': csrf },
        data: {
          officeId: network.offices.find((office) => office.name === 'Centro Intégrate Barranquilla')?.id,
          givenName1: 'Dayana',
          surname1: 'Villalobos',
          birthDate: '1994-08-17',
          populationGroup: 'venezuelan_migrant',
          acknowledgeDuplicates: true,
        },
      });
      expect(lookAlike.status()).toBe(201);
      await page.goto('/people/new');
      await heading(page, locale === 'en' ? 'Register a person' : 'Registrar persona');
      // With the missing fields marked.
      await page
        .getByRole('button', { name: locale === 'en' ? 'Save registration' : 'Guardar registro' })
        .click();
      await expect(
        page.getByText(locale === 'en' ? 'Enter the first given name.' : 'Escriba el primer nombre.'),
      ).toBeVisible();
      // And with the likely existing records shown.
      const firstName = locale === 'en' ? 'First given name' : 'Primer nombre';
      await page.getByRole('textbox', { name: firstName }).fill('Dayana');
      await page
        .getByRole('textbox', { name: locale === 'en' ? 'First surname' : 'Primer apellido' })
        .fill('Villalobos');
      // The match model needs more than a name: a birth date (or a document) makes the look-alike likely.
      await page.getByLabel(locale === 'en' ? 'Birth date' : 'Fecha de nacimiento').fill('1994-08-17');
      await expect(
        page.getByRole('region', { name: locale === 'en' ? /Already registered/ : /ya está registrada/ }),
      ).toBeVisible();
    },
  },
  {
    name: 'merge of two records',
    open: async (page, locale) => {
      const csrf = await signInWithApi(page.request, DEMO.coordinator);
      const network = (await (await page.request.get('/api/v1/network')).json()) as {
        offices: { id: string; name: string }[];
      };
      const officeId = network.offices.find((office) => office.name === 'Centro Intégrate Barranquilla')?.id;
      const ids: string[] = [];
      for (const [givenName2, phone] of [
        [null, '3015550101'],
        ['Antonio', '3205550202'],
      ]) {
        const created = await page.request.post('/api/v1/persons', {
          headers: { 'X-CSRF-Token': csrf },
          data: {
            officeId,
            givenName1: 'Ezequiel',
            givenName2,
            surname1: 'Barrios',
            populationGroup: 'returnee',
            phone,
            acknowledgeDuplicates: true,
          },
        });
        expect(created.status()).toBe(201);
        ids.push((await created.json()).id);
      }
      await page.goto(`/people/${ids[0]}/merge?with=${ids[1]}`);
      await heading(
        page,
        locale === 'en'
          ? 'Merge two records of the same person'
          : 'Fusionar dos registros de la misma persona',
      );
      await expect(page.getByRole('radiogroup').first()).toBeVisible();
    },
  },
  {
    name: 'people list',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.caseworker);
      await page.goto('/people');
      await heading(page, locale === 'en' ? 'People' : 'Personas');
      await expect(page.getByRole('table')).toBeVisible();
    },
  },
  {
    name: 'person, with household, consent and history',
    open: async (page, locale) => {
      const { person } = await registerFamily(page);
      await page.goto(`/people/${person}`);
      await heading(page, 'Marisol Quintero Díaz');
      await expect(
        page.getByRole('list', {
          name: locale === 'en' ? 'History, most recent first' : 'Historial, lo más reciente primero',
        }),
      ).toBeVisible();
    },
  },
  {
    name: 'household',
    open: async (page, locale) => {
      const { household } = await registerFamily(page);
      await page.goto(`/households/${household}`);
      await heading(
        page,
        locale === 'en' ? 'Household of Marisol Quintero Díaz' : 'Hogar de Marisol Quintero Díaz',
      );
    },
  },
  {
    name: 'no access',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.partner);
      await page.goto('/admin/users');
      await heading(page, locale === 'en' ? 'No access' : 'Sin acceso');
    },
  },
  {
    name: 'not found',
    open: async (page, locale) => {
      await signInWithApi(page.request, DEMO.caseworker);
      await page.goto('/no-existe');
      await heading(page, locale === 'en' ? 'We could not find this page' : 'No encontramos esta página');
    },
  },
];

/** A caseworker's person with a consent, a correction and a household of two (for the people pages). */
async function registerFamily(page: Page): Promise<{ person: string; household: string }> {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const network = (await (await page.request.get('/api/v1/network')).json()) as {
    offices: { id: string; name: string }[];
  };
  const officeId = network.offices.find((office) => office.name === 'Centro Intégrate Barranquilla')?.id;
  const post = async (url: string, data: unknown) => {
    const response = await page.request.post(url, { headers: { 'X-CSRF-Token': csrf }, data });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string };
  };
  const person = await post('/api/v1/persons', {
    officeId,
    givenName1: 'Marisol',
    surname1: 'Quintero',
    surname2: 'Díaz',
    birthDate: '1984-02-20',
    populationGroup: 'returnee',
    phone: '3005550303',
    acknowledgeDuplicates: true,
  });
  const child = await post('/api/v1/persons', {
    officeId,
    givenName1: 'Tomás',
    surname1: 'Quintero',
    birthDate: '2019-08-08',
    populationGroup: 'returnee',
    acknowledgeDuplicates: true,
  });
  await post(`/api/v1/persons/${person.id}/consents`, {
    purpose: 'assistance',
    givenBy: 'self',
    method: 'written',
  });
  const household = await post('/api/v1/households', {
    officeId,
    members: [
      { personId: person.id, relationship: 'head' },
      { personId: child.id, relationship: 'child' },
    ],
  });
  return { person: person.id, household: household.id };
}

for (const locale of ['es-CO', 'en'] as const) {
  for (const { name, open } of PAGES) {
    test(`${name} in ${locale} has no serious or critical accessibility violation`, async ({
      page,
      baseURL,
    }) => {
      await chooseLanguageBeforeLoad(page, locale);
      await open(page, locale, baseURL as string);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expectNoSeriousViolations(page);
    });
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('with the navigation open has no serious or critical accessibility violation', async ({ page }) => {
    await signInWithApi(page.request, DEMO.admin);
    await page.goto('/');
    await page.getByRole('button', { name: 'Abrir el menú de navegación' }).click();
    await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeInViewport();
    await expectNoSeriousViolations(page);
  });

  test('with the user menu open has no serious or critical accessibility violation', async ({ page }) => {
    await signInWithApi(page.request, DEMO.caseworker);
    await page.goto('/');
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Menú de su cuenta/ })
      .click();
    await expect(page.getByRole('menuitem', { name: 'Cerrar sesión' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
