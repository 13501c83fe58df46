import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { DEMO, hasHorizontalScroll, signInWithApi } from './support';

// Registering a person (on a phone), the duplicate check before saving, the draft kept across a reload, and
// merging two records of one person field by field, with undo.

// Each journey walks a whole form: give it room on a busy machine.
test.describe.configure({ timeout: 60_000 });

const OFFICE = 'Centro Intégrate Barranquilla';

let serial = 0;
/** A document number no other journey of this run uses. */
function uniqueNumber(digits = 10): string {
  serial += 1;
  return `${Date.now()}${serial}`.slice(-digits).replace(/^0/, '7');
}

async function officeId(api: APIRequestContext, name = OFFICE): Promise<string> {
  const network = (await (await api.get('/api/v1/network')).json()) as {
    offices: { id: string; name: string }[];
  };
  const office = network.offices.find((item) => item.name === name);
  if (!office) throw new Error(`The demo network has no ${name}.`);
  return office.id;
}

interface CreatedPerson {
  id: string;
  version: number;
  phone: string | null;
}

/** Registers a person through the API, as another caseworker would have done earlier. */
async function registerWithApi(
  page: Page,
  csrf: string,
  body: Record<string, unknown>,
): Promise<CreatedPerson> {
  const response = await page.request.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: { officeId: await officeId(page.request), acknowledgeDuplicates: true, ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CreatedPerson;
}

/** After a save, the browser is on the new person's page: its id. */
async function openedPersonId(page: Page): Promise<string> {
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop() as string;
}

const step = (page: Page, name: RegExp) =>
  page.getByRole('navigation', { name: 'Pasos del registro' }).getByRole('button', { name });

async function fillBasics(page: Page, names: { given: string; surname: string; surname2?: string }) {
  await page.getByRole('textbox', { name: 'Primer nombre' }).fill(names.given);
  await page.getByRole('textbox', { name: 'Primer apellido' }).fill(names.surname);
  if (names.surname2) await page.getByRole('textbox', { name: 'Segundo apellido' }).fill(names.surname2);
  await page.getByRole('radio', { name: 'Migrante venezolano(a)' }).check();
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker registers a person with a document and a phone, and sees the phone as saved', async ({
    page,
  }) => {
    await signInWithApi(page.request, DEMO.caseworker);
    await page.goto('/people/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Registrar persona' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Paso 1 de 4: Datos básicos' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Oficina que registra' })).toHaveValue(
      await officeId(page.request),
    );

    await fillBasics(page, { given: 'Wilmer', surname: 'Betancourt', surname2: 'Urdaneta' });
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { name: 'Paso 2 de 4: Documentos' })).toBeFocused();
    const number = uniqueNumber(8);
    await page
      .getByRole('combobox', { name: 'Tipo de documento' })
      .selectOption({ label: 'Permiso por Protección Temporal (PPT)' });
    // The rule of the chosen type is shown beside the number.
    await expect(page.getByRole('textbox', { name: 'Número' })).toHaveAccessibleDescription(
      /Solo números, de 5 a 12 dígitos/,
    );
    await page.getByRole('textbox', { name: 'Número' }).fill(number);

    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByRole('textbox', { name: 'Teléfono celular' }).fill('300 555 12 34');
    await page.getByRole('combobox', { name: 'Departamento' }).selectOption({ label: 'Atlántico' });
    await page.getByRole('textbox', { name: 'Municipio' }).fill('soled');
    await page.getByRole('option', { name: 'Soledad' }).click();
    await page.getByRole('textbox', { name: 'Barrio' }).fill('Villa Katanga');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: 'Guardar registro' }).click();

    // The person's page opens, with the phone as Ruta saved it (with the country code).
    const id = await openedPersonId(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Wilmer Betancourt Urdaneta' })).toBeVisible();
    await expect(page.locator('a[href="tel:+573005551234"]')).toBeVisible();
    await expect(page.getByText(`PPT ${number}`, { exact: true })).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
    const record = await (await page.request.get(`/api/v1/persons/${id}`)).json();
    expect(record.phone).toBe('+573005551234');
    expect(record.municipalityCode).toBe('08758');
    expect(record.neighbourhood).toBe('Villa Katanga');

    // The draft was cleared: a new registration starts empty.
    await page.goto('/people/new');
    await expect(page.getByRole('textbox', { name: 'Primer nombre' })).toHaveValue('');
    await expect(page.getByText('Recuperamos lo que estaba escribiendo')).toHaveCount(0);
  });

  test('a reload in the middle of the form keeps what was typed', async ({ page }) => {
    await signInWithApi(page.request, DEMO.caseworker);
    await page.goto('/people/new');
    await fillBasics(page, { given: 'Maryelis', surname: 'Colmenares' });
    await page.getByRole('button', { name: 'Siguiente' }).click();
    const number = uniqueNumber(8);
    await page.getByRole('textbox', { name: 'Número' }).fill(number);

    await page.reload();
    await expect(page.getByText('Recuperamos lo que estaba escribiendo')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Paso 2 de 4: Documentos' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Número' })).toHaveValue(number);
    await step(page, /Datos básicos/).click();
    await expect(page.getByRole('textbox', { name: 'Primer nombre' })).toHaveValue('Maryelis');
    await expect(page.getByRole('textbox', { name: 'Primer apellido' })).toHaveValue('Colmenares');
    await expect(page.getByRole('radio', { name: 'Migrante venezolano(a)' })).toBeChecked();

    // Discarding starts again from an empty form.
    await page.getByRole('button', { name: 'Descartar y empezar de nuevo' }).click();
    await expect(page.getByRole('textbox', { name: 'Primer nombre' })).toHaveValue('');
    await page.reload();
    await expect(page.getByText('Recuperamos lo que estaba escribiendo')).toHaveCount(0);
  });
});

test('a wrong document number is explained beside the document, on its step', async ({ page }) => {
  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/people/new');
  await fillBasics(page, { given: 'Leidy', surname: 'Arrieta' });
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page
    .getByRole('combobox', { name: 'Tipo de documento' })
    .selectOption({ label: 'Cédula de ciudadanía' });
  await page.getByRole('textbox', { name: 'Número' }).fill('12AB345');
  // Return data (Ley 1565) is asked only of Colombian returnees.
  await step(page, /Más datos/).click();
  await expect(page.getByRole('group', { name: 'Retorno (Ley 1565 de 2012)' })).toHaveCount(0);
  await step(page, /Datos básicos/).click();
  await page.getByRole('radio', { name: 'Colombiano(a) retornado(a)' }).check();
  await step(page, /Más datos/).click();
  await page
    .getByRole('group', { name: 'Retorno (Ley 1565 de 2012)' })
    .getByRole('combobox', { name: 'Tipo de retorno' })
    .selectOption({ label: 'Laboral' });
  await page.getByRole('button', { name: 'Guardar registro' }).click();

  // The form moves to the step holding the field the server named, and shows its message there.
  await expect(page.getByRole('heading', { name: 'Paso 2 de 4: Documentos' })).toBeVisible();
  const numberField = page.getByRole('textbox', { name: 'Número' });
  await expect(numberField).toHaveAttribute('aria-invalid', 'true');
  await expect(numberField).toHaveAccessibleDescription(/Este tipo de documento solo admite números\./);
  await expect(step(page, /tiene campos por corregir/)).toHaveText(/Documentos/);

  // Once corrected, the message goes away.
  await numberField.fill(uniqueNumber(10));
  await expect(numberField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(step(page, /tiene campos por corregir/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Guardar registro' }).click();
  const id = await openedPersonId(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Leidy Arrieta' })).toBeVisible();
  const record = await (await page.request.get(`/api/v1/persons/${id}`)).json();
  expect(record.populationGroup).toBe('returnee');
  expect(record.returnData.returnType).toBe('laboral');
});

test.describe('on a phone, with a look-alike already registered', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('someone who looks like an existing person is shown with the reasons, and needs an explicit decision', async ({
    page,
  }) => {
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const existing = await registerWithApi(page, csrf, {
      givenName1: 'Yuleidy',
      givenName2: 'Carolina',
      surname1: 'Montaño',
      surname2: 'Rivas',
      birthDate: '1990-03-05',
      populationGroup: 'venezuelan_migrant',
    });

    await page.goto('/people/new');
    await page.getByRole('textbox', { name: 'Primer nombre' }).fill('Yuleidy');
    await page.getByRole('textbox', { name: 'Segundo nombre' }).fill('Carolina');
    await page.getByRole('textbox', { name: 'Primer apellido' }).fill('Montaño');
    await page.getByLabel('Fecha de nacimiento').fill('1990-03-05');
    await page.getByRole('radio', { name: 'Migrante venezolano(a)' }).check();

    // Before saving: the likely match, with its score and why, in plain words.
    const live = page.getByRole('region', { name: /¿Esta persona ya está registrada\?/ });
    await expect(live).toBeVisible();
    const candidate = live.getByRole('listitem').filter({ hasText: 'Yuleidy Carolina Montaño Rivas' });
    await expect(candidate).toContainText(/Coincidencia: \d+ %/);
    await expect(candidate).toContainText('falta el segundo apellido');
    await expect(candidate).toContainText('misma fecha de nacimiento');
    // And how much each field weighed for the match model, with its sign.
    const weights = candidate.getByRole('table', { name: 'Campos comparados y cuánto pesó cada uno' });
    await expect(weights.getByRole('row', { name: /^Nombres iguales \+\d+,\d$/ })).toBeVisible();
    await expect(
      weights.getByRole('row', { name: /^Apellidos falta el segundo apellido \+\d+,\d$/ }),
    ).toBeVisible();
    // A weight that rounds to nothing reads "0,0", without a sign.
    await expect(
      weights.getByRole('row', { name: /^Nombre y apellido en campos cambiados no 0,0$/ }),
    ).toBeVisible();

    // Saving stops until the caseworker says it is someone else.
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    const stop = page.getByRole('alert').filter({ hasText: 'Posible persona ya registrada' });
    await expect(stop).toContainText('Yuleidy Carolina Montaño Rivas');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: 'Es otra persona, registrar de todas formas' }).click();
    const id = await openedPersonId(page);
    expect(id).not.toBe(existing.id);
    await expect(page.getByRole('heading', { level: 1, name: 'Yuleidy Carolina Montaño' })).toBeVisible();
  });
});

test('a document already registered always blocks the registration', async ({ page }) => {
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const number = uniqueNumber(10);
  await registerWithApi(page, csrf, {
    givenName1: 'Rosalba',
    surname1: 'Mendoza',
    populationGroup: 'host_community',
    documents: [{ type: 'CC', number }],
  });

  await page.goto('/people/new');
  await fillBasics(page, { given: 'Ovidio', surname: 'Palencia' });
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page
    .getByRole('combobox', { name: 'Tipo de documento' })
    .selectOption({ label: 'Cédula de ciudadanía' });
  // Formatted differently, the number is still the same document.
  await page.getByRole('textbox', { name: 'Número' }).fill(number.replace(/(\d)(?=(\d{3})+$)/g, '$1.'));
  await expect(
    page.getByRole('region', { name: /¿Esta persona ya está registrada\?/ }).getByRole('listitem'),
  ).toContainText('Mismo documento');

  await page.getByRole('button', { name: 'Guardar registro' }).click();
  const stop = page
    .getByRole('alert')
    .filter({ hasText: 'Ya hay una persona registrada con este mismo documento.' });
  await expect(stop).toContainText('Rosalba Mendoza');
  await expect(page.getByRole('button', { name: 'Es otra persona, registrar de todas formas' })).toHaveCount(
    0,
  );

  // A corrected number is checked again: the block belongs to the number that was sent.
  await page.getByRole('textbox', { name: 'Número' }).fill(uniqueNumber(10));
  await expect(stop).toHaveCount(0);
  await page.getByRole('button', { name: 'Guardar registro' }).click();
  await openedPersonId(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ovidio Palencia' })).toBeVisible();
});

test('a document registered at another office blocks too, and names only that office', async ({
  page,
  baseURL,
}) => {
  const elDorado = 'Puesto de control migratorio – Aeropuerto El Dorado';
  const number = `X${uniqueNumber(8)}`;
  const reception = await request.newContext({ baseURL });
  try {
    const csrf = await signInWithApi(reception, DEMO.reception);
    const created = await reception.post('/api/v1/persons', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        officeId: await officeId(reception, elDorado),
        givenName1: 'Heriberto',
        surname1: 'Sarmiento',
        populationGroup: 'returnee',
        documents: [{ type: 'PA', number }],
      },
    });
    expect(created.status()).toBe(201);
  } finally {
    await reception.dispose();
  }

  await signInWithApi(page.request, DEMO.caseworker);
  await page.goto('/people/new');
  await fillBasics(page, { given: 'Gilberto', surname: 'Cárdenas' });
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page.getByRole('combobox', { name: 'Tipo de documento' }).selectOption({ label: 'Pasaporte' });
  await page.getByRole('textbox', { name: 'Número' }).fill(number);
  const match = page
    .getByRole('region', { name: /¿Esta persona ya está registrada\?/ })
    .getByRole('listitem');
  await expect(match).toContainText(`Registro en otra oficina: ${elDorado}`);
  await expect(match).toContainText('Mismo documento');
  await expect(match).not.toContainText('Heriberto');
  await expect(match.getByRole('link')).toHaveCount(0);

  await page.getByRole('button', { name: 'Guardar registro' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Ya hay una persona registrada con este mismo documento.' }),
  ).toContainText(elDorado);
  await expect(page.getByRole('button', { name: 'Es otra persona, registrar de todas formas' })).toHaveCount(
    0,
  );
});

test('a coordinator merges two records of one person field by field, and undoes it', async ({ page }) => {
  const csrf = await signInWithApi(page.request, DEMO.coordinator);
  const keptNumber = uniqueNumber(10);
  const otherNumber = uniqueNumber(8);
  const kept = await registerWithApi(page, csrf, {
    givenName1: 'Nelson',
    surname1: 'Guerrero',
    surname2: 'Pinto',
    birthDate: '1985-07-12',
    populationGroup: 'returnee',
    phone: '3015550000',
    documents: [{ type: 'CC', number: keptNumber }],
  });
  const other = await registerWithApi(page, csrf, {
    givenName1: 'Nelson',
    givenName2: 'Enrique',
    surname1: 'Guerrero',
    birthDate: '1985-12-07',
    populationGroup: 'returnee',
    phone: '3205559999',
    documents: [{ type: 'PA', number: `AB${otherNumber}` }],
  });

  const household = await page.request.post('/api/v1/households', {
    headers: { 'X-CSRF-Token': csrf },
    data: { officeId: await officeId(page.request), members: [{ personId: other.id, relationship: 'head' }] },
  });
  expect(household.status()).toBe(201);

  // From the kept record's page: "Fusionar con…", find the other record by its document, compare.
  await page.goto(`/people/${kept.id}`);
  await page.getByRole('button', { name: 'Fusionar con…' }).click();
  const finder = page.getByRole('dialog', { name: 'Fusionar el registro de Nelson Guerrero Pinto con otro' });
  await finder.getByRole('searchbox', { name: 'Buscar el otro registro' }).fill(`AB${otherNumber}`);
  await finder.getByRole('link', { name: 'Comparar con Nelson Enrique Guerrero' }).click();
  await expect(page).toHaveURL(`/people/${kept.id}/merge?with=${other.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fusionar dos registros de la misma persona' }),
  ).toBeVisible();

  // Differing fields offer both values; by default the kept record's, or the other's where the kept one is empty.
  const phone = page.getByRole('radiogroup', { name: 'Teléfono' });
  await expect(phone.getByRole('radio', { name: '+573015550000' })).toBeChecked();
  await expect(
    page.getByRole('radiogroup', { name: 'Segundo nombre' }).getByRole('radio', { name: 'Enrique' }),
  ).toBeChecked();
  await phone.getByRole('radio', { name: '+573205559999' }).check();
  // What moves over is listed before confirming.
  await expect(page.getByText(`Documentos: Pasaporte AB${otherNumber}.`)).toBeVisible();
  await expect(
    page.getByText(
      'Hogar de Nelson Enrique Guerrero: pasa a este registro, con la misma relación de parentesco.',
    ),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Fusionar registros' }).click();
  const dialog = page.getByRole('dialog', { name: '¿Fusionar los dos registros?' });
  await expect(dialog).toContainText('Se traen del otro registro: Segundo nombre, Teléfono.');
  await dialog.getByRole('button', { name: 'Sí, fusionar' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Registros fusionados' })).toBeVisible();
  const survivor = page.getByRole('region', { name: 'Registro que quedó' });
  await expect(survivor).toContainText('Nelson Enrique Guerrero Pinto');
  await expect(survivor).toContainText('+573205559999');
  await expect(survivor).toContainText(keptNumber);
  await expect(survivor).toContainText(`AB${otherNumber}`);
  expect((await page.request.get(`/api/v1/persons/${other.id}`)).status()).toBe(410);
  const homes = (await (await page.request.get(`/api/v1/persons/${kept.id}/households`)).json()) as {
    items: { leftOn: string | null }[];
  };
  expect(homes.items.filter((home) => home.leftOn === null)).toHaveLength(1);

  await page.getByRole('button', { name: 'Deshacer fusión' }).click();
  await page
    .getByRole('dialog', { name: '¿Deshacer la fusión?' })
    .getByRole('button', { name: 'Deshacer fusión' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Se deshizo la fusión' })).toBeVisible();
  const restored = await page.request.get(`/api/v1/persons/${other.id}`);
  expect(restored.status()).toBe(200);
  const keptAgain = (await (await page.request.get(`/api/v1/persons/${kept.id}`)).json()) as CreatedPerson;
  expect(keptAgain.phone).toBe('+573015550000');
});
