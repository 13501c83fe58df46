import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { adminApi, DEMO, hasHorizontalScroll, signInWithApi, uniqueEmail } from './support';

// Journeys of the people list, the person page (with its history and consents) and the household page.
// Each journey creates the persons it needs through the API, as a caseworker of Centro Intégrate Barranquilla.

const CENTRE = 'Centro Intégrate Barranquilla';

interface Office {
  id: string;
  name: string;
  organizationId: string;
}

async function officeNamed(api: APIRequestContext, name: string): Promise<Office> {
  const network = (await (await api.get('/api/v1/network')).json()) as { offices: Office[] };
  const office = network.offices.find((item) => item.name === name);
  if (!office) throw new Error(`The demo network has no ${name}.`);
  return office;
}

/** The entries of the person's history (each one may hold its own list of changed fields). */
function historyOf(page: Page) {
  return page.getByRole('list', { name: 'Historial, lo más reciente primero' }).locator(':scope > li');
}

let counter = 0;

/** Registers a person at the centre as the signed-in caseworker of `page`, and returns their id. */
async function registerPerson(page: Page, csrf: string, person: Record<string, unknown>): Promise<string> {
  const office = await officeNamed(page.request, CENTRE);
  counter += 1;
  const response = await page.request.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: { officeId: office.id, acknowledgeDuplicates: true, ...person },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A unique Colombian cédula for this run, so each journey's persons never collide on their document. */
function cedula(): string {
  return `${Date.now() % 1_000_000_000}${counter}`.slice(0, 10);
}

async function registerJose(page: Page, csrf: string): Promise<string> {
  return registerPerson(page, csrf, {
    givenName1: 'José',
    surname1: 'Pérez',
    surname2: 'Gómez',
    sexAtBirth: 'male',
    birthDate: '1988-03-07',
    populationGroup: 'venezuelan_migrant',
    nationalities: ['VE'],
    phone: '300 123 4567',
    municipalityCode: '08001',
    documents: [{ type: 'PPT', number: cedula() }],
  });
}

test('a caseworker finds José with a misspelled name, filters the list and corrects his record', async ({
  page,
}) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const jose = await registerJose(page, csrf);
  await registerPerson(page, csrf, {
    givenName1: 'Rosa',
    surname1: 'Retornada',
    surname2: 'Lista',
    populationGroup: 'returnee',
    birthDate: '1975-11-02',
  });

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Personas' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Personas' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Registrar persona' })).toHaveAttribute('href', '/people/new');

  // Without accents, with a typo in the second surname.
  await page.getByRole('searchbox', { name: 'Buscar personas' }).fill('Jose Perez Gomes');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'José Pérez Gómez' }).first()).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('+57 300 1234567');

  // Filters narrow the list: returnees only.
  await page.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await page
    .getByRole('combobox', { name: 'Grupo poblacional' })
    .selectOption({ label: 'Colombiano retornado' });
  await expect(page).toHaveURL(/populationGroup=returnee/);
  await expect(table.getByRole('link', { name: 'Rosa Retornada Lista' }).first()).toBeVisible();
  await expect(table.getByRole('link', { name: 'José Pérez Gómez' })).toHaveCount(0);
  await page
    .getByRole('combobox', { name: 'Grupo poblacional' })
    .selectOption({ label: 'Migrante venezolano' });
  await page.getByRole('combobox', { name: 'Edad' }).selectOption({ label: 'Adultos (18 a 59 años)' });
  await expect(table.getByRole('link', { name: 'José Pérez Gómez' }).first()).toBeVisible();
  await expect(table.getByRole('link', { name: 'Rosa Retornada Lista' })).toHaveCount(0);

  // His record, and its history.
  await page.goto(`/people/${jose}`);
  await expect(page.getByRole('heading', { level: 1, name: 'José Pérez Gómez' })).toBeVisible();
  await expect(page.getByText('+57 300 1234567')).toBeVisible();
  const history = historyOf(page);
  await expect(history.first()).toContainText('Registro en Ruta');
  await expect(history.first()).toContainText('Por Andrés Pérez (gestor de caso)');

  await page.getByRole('button', { name: 'Corregir datos' }).click();
  await page.getByRole('textbox', { name: 'Nombre con el que prefiere que la llamen' }).fill('Pepe');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText('Cambios guardados.')).toBeVisible();
  await expect(page.getByText('Prefiere que la llamen Pepe')).toBeVisible();
  await expect(history.first()).toContainText('Corrección de datos');
  await expect(history.first()).toContainText('Nombre con el que prefiere que la llamen: (vacío) → Pepe');
  await expect(history.nth(1)).toContainText('Registro en Ruta');
});

test('someone else saved the record meanwhile: the caseworker sees their version and applies hers on top', async ({
  page,
}) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const jose = await registerJose(page, csrf);
  await page.goto(`/people/${jose}`);
  await page.getByRole('button', { name: 'Corregir datos' }).click();
  await page.getByRole('textbox', { name: 'Barrio' }).fill('El Prado');

  // The coordinator changes the phone in the meantime.
  const coordinator = await request.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const coordinatorCsrf = await signInWithApi(coordinator, DEMO.coordinator);
    const changed = await coordinator.patch(`/api/v1/persons/${jose}`, {
      headers: { 'X-CSRF-Token': coordinatorCsrf },
      data: { version: 1, phone: '+58 414 765 4321' },
    });
    expect(changed.status()).toBe(200);
  } finally {
    await coordinator.dispose();
  }

  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Alguien más cambió estos datos' });
  await expect(conflict).toContainText('+58 414 7654321');
  await conflict.getByRole('button', { name: 'Aplicar mis cambios' }).click();
  await expect(page.getByText('Cambios guardados.')).toBeVisible();
  await expect(page.getByText('El Prado', { exact: true })).toBeVisible();
  await expect(page.getByText('+58 414 7654321', { exact: true })).toBeVisible();
});

test('a caseworker records and revokes a consent, and both appear in the history', async ({ page }) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const jose = await registerJose(page, csrf);
  await page.goto(`/people/${jose}`);

  const contact = page.getByRole('listitem', { name: 'Contacto por teléfono o mensajes' });
  await expect(contact).toContainText('Sin autorización');
  await contact
    .getByRole('button', { name: 'Registrar autorización: Contacto por teléfono o mensajes' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Autorización: Contacto por teléfono o mensajes' });
  await dialog.getByRole('combobox', { name: '¿Cómo autorizó?' }).selectOption({ label: 'de palabra' });
  await dialog.getByRole('button', { name: 'Guardar autorización' }).click();
  await expect(dialog).toBeHidden();
  await expect(contact).toContainText('Autorizado');
  await expect(contact).toContainText('de palabra, por la persona');

  await contact
    .getByRole('button', { name: 'Revocar autorización: Contacto por teléfono o mensajes' })
    .click();
  const confirm = page.getByRole('dialog', {
    name: '¿Revocar la autorización de Contacto por teléfono o mensajes?',
  });
  await confirm.getByRole('button', { name: 'Revocar autorización' }).click();
  await expect(confirm).toBeHidden();
  await expect(contact).toContainText('Sin autorización');
  await expect(contact).toContainText('Revocada el');

  const history = historyOf(page);
  await expect(history.nth(0)).toContainText('Autorización revocada: Contacto por teléfono o mensajes');
  await expect(history.nth(1)).toContainText('Autorización registrada: Contacto por teléfono o mensajes');
});

test('from the person, the caseworker opens the household and sees its composition', async ({ page }) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const jose = await registerJose(page, csrf);
  const year = new Date().getFullYear();
  const child = await registerPerson(page, csrf, {
    givenName1: 'Valentina',
    surname1: 'Pérez',
    surname2: 'Rivas',
    birthDate: `${year - 2}-01-15`,
    populationGroup: 'venezuelan_migrant',
  });
  const grandmother = await registerPerson(page, csrf, {
    givenName1: 'Carmen',
    surname1: 'Gómez',
    surname2: 'Díaz',
    birthDate: `${year - 70}-06-01`,
    populationGroup: 'venezuelan_migrant',
    disability: { walking: 3 },
  });
  const office = await officeNamed(page.request, CENTRE);
  const household = await page.request.post('/api/v1/households', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      officeId: office.id,
      neighbourhood: 'La Chinita',
      municipalityCode: '08001',
      members: [
        { personId: jose, relationship: 'head' },
        { personId: child, relationship: 'child' },
        { personId: grandmother, relationship: 'parent' },
      ],
    },
  });
  expect(household.status()).toBe(201);

  await page.goto(`/people/${jose}`);
  await expect(page.getByText('Vive en un hogar como Jefe(a) de hogar')).toBeVisible();
  await page.getByRole('link', { name: 'Ver el hogar' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hogar de José Pérez Gómez' })).toBeVisible();
  await expect(page.getByText('La Chinita')).toBeVisible();

  const composition = page.getByRole('region', { name: 'Composición del hogar' });
  const count = (label: string) =>
    composition.locator('div', { has: page.getByText(label, { exact: true }) });
  await expect(count('Integrantes')).toContainText('3');
  await expect(count('Menores de 5 años')).toContainText('1');
  await expect(count('Personas mayores (60 o más)')).toContainText('1');
  await expect(count('Con discapacidad')).toContainText('1');

  const members = page.getByRole('list', { name: 'Integrantes' });
  await expect(members.getByRole('listitem').filter({ hasText: 'José Pérez Gómez' })).toContainText(
    'Jefe(a) de hogar',
  );
  await expect(members.getByRole('listitem').filter({ hasText: 'Carmen Gómez Díaz' })).toContainText(
    'Padre o madre del jefe o jefa de hogar',
  );

  // The grandmother moves out: she becomes a former member, and the composition follows.
  await page.getByRole('button', { name: 'Sacar del hogar a Carmen Gómez Díaz' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sacar del hogar' }).click();
  await expect(count('Integrantes')).toContainText('2');
  await expect(page.getByRole('region', { name: 'Integrantes anteriores' })).toContainText(
    'Carmen Gómez Díaz',
  );

  // She comes back: found by name without accents, added with her relationship.
  await page.getByRole('button', { name: 'Agregar integrante' }).click();
  await page.getByRole('searchbox', { name: 'Buscar a la persona' }).fill('carmen gomez diaz');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await page.getByRole('combobox', { name: 'Persona', exact: true }).selectOption({ index: 1 });
  await page
    .getByRole('combobox', { name: 'Parentesco con el jefe o jefa de hogar' })
    .selectOption({ label: 'Padre o madre' });
  await page.getByRole('button', { name: 'Agregar al hogar' }).click();
  await expect(count('Integrantes')).toContainText('3');
  await expect(members.getByRole('listitem').filter({ hasText: 'Carmen Gómez Díaz' })).toHaveCount(1);

  // Her history says she left and came back.
  await page.goto(`/people/${grandmother}`);
  const history = historyOf(page);
  await expect(history.nth(0)).toContainText('Entró a un hogar como Padre o madre');
  await expect(history.nth(1)).toContainText('Salió del hogar donde era Padre o madre');
});

test('opening a record that was merged into another leads to the surviving record, and says so', async ({
  page,
}) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const survivor = await registerJose(page, csrf);
  const merged = await registerPerson(page, csrf, {
    givenName1: 'Jose',
    surname1: 'Perez',
    surname2: 'Gomez',
    populationGroup: 'venezuelan_migrant',
  });
  const merge = await page.request.post('/api/v1/person-merges', {
    headers: { 'X-CSRF-Token': csrf },
    data: { survivorId: survivor, mergedId: merged, survivorVersion: 1, mergedVersion: 1 },
  });
  expect(merge.status()).toBe(201);

  await page.goto(`/people/${merged}`);
  await expect(page).toHaveURL(new RegExp(`/people/${survivor}$`));
  await expect(page.getByText('El registro que abrió se fusionó con este')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'José Pérez Gómez' })).toBeVisible();
  await expect(historyOf(page).first()).toContainText('Se fusionó con otro registro de la misma persona');
});

/** A caseworker of the El Dorado airport post, with her own password, signed in on `page`. */
async function signInAsAirportCaseworker(page: Page, baseURL: string) {
  const { api, csrf } = await adminApi(baseURL);
  let email: string;
  let temporaryPassword: string;
  try {
    const airport = await officeNamed(api, 'Puesto de control migratorio – Aeropuerto El Dorado');
    email = uniqueEmail('gestora.aeropuerto');
    const created = await api.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email,
        displayName: 'Gestora del aeropuerto',
        role: 'caseworker',
        organizationId: airport.organizationId,
        officeIds: [airport.id],
      },
    });
    expect(created.status()).toBe(201);
    temporaryPassword = ((await created.json()) as { temporaryPassword: string }).temporaryPassword;
  } finally {
    await api.dispose();
  }
  // Changing the temporary password keeps this session and lets her in.
  const ownCsrf = await signInWithApi(page.request, email, temporaryPassword);
  const changed = await page.request.post('/api/v1/auth/password', {
    headers: { 'X-CSRF-Token': ownCsrf },
    data: { currentPassword: temporaryPassword, newPassword: 'una frase larga del aeropuerto El Dorado' },
  });
  expect(changed.status()).toBe(204);
}

test('a caseworker of another office cannot find or open the person; a partner has no people pages', async ({
  page,
  browser,
  baseURL,
}) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const jose = await registerJose(page, csrf);

  const context = await browser.newContext({ locale: 'es-CO' });
  const other = await context.newPage();
  try {
    await signInAsAirportCaseworker(other, baseURL as string);
    await other.goto('/people?q=Jose+Perez+Gomez');
    await expect(other.getByText('No encontramos a nadie con «Jose Perez Gomez».')).toBeVisible();
    await other.goto(`/people/${jose}`);
    await expect(
      other.getByRole('heading', { level: 1, name: 'No encontramos a esta persona' }),
    ).toBeVisible();
    await expect(other.getByText('José Pérez Gómez')).toHaveCount(0);
  } finally {
    await context.close();
  }

  const partnerContext = await browser.newContext({ locale: 'es-CO' });
  const partner = await partnerContext.newPage();
  try {
    await signInWithApi(partner.request, DEMO.partner);
    await partner.goto('/');
    await expect(partner.getByRole('navigation', { name: 'Navegación principal' })).not.toContainText(
      'Personas',
    );
    await partner.goto(`/people/${jose}`);
    await expect(partner.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
  } finally {
    await partnerContext.close();
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('the list shows cards, and the person and household pages fit the screen', async ({ page }) => {
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const jose = await registerJose(page, csrf);
    const office = await officeNamed(page.request, CENTRE);
    const household = await page.request.post('/api/v1/households', {
      headers: { 'X-CSRF-Token': csrf },
      data: { officeId: office.id, members: [{ personId: jose, relationship: 'head' }] },
    });
    expect(household.status()).toBe(201);

    await page.goto('/people?q=Jose+Perez+Gomez');
    const cards = page.getByRole('list', { name: 'Personas' });
    await expect(cards.getByRole('link', { name: 'José Pérez Gómez' }).first()).toBeVisible();
    await expect(page.getByRole('table')).toBeHidden();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.goto(`/people/${jose}`);
    await expect(page.getByRole('heading', { level: 1, name: 'José Pérez Gómez' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Historial, lo más reciente primero' })).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.getByRole('link', { name: 'Ver el hogar' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hogar de José Pérez Gómez' })).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
