import { expect, type Page, test } from '@playwright/test';
import { DEMO, hasHorizontalScroll, signInWithApi } from './support';

// A caseworker registers a pregnant woman on a phone and adds her to a household: the household page counts her
// among "Gestantes o lactantes", derived from her own record. Reception officers are never offered the question.

test.describe.configure({ timeout: 60_000 });

const OFFICE = 'Centro Intégrate Barranquilla';

async function officeId(page: Page): Promise<string> {
  const network = (await (await page.request.get('/api/v1/network')).json()) as {
    offices: { id: string; name: string }[];
  };
  const office = network.offices.find((item) => item.name === OFFICE);
  if (!office) throw new Error(`The demo network has no ${OFFICE}.`);
  return office.id;
}

/** A day `days` from today, as the date inputs take it. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker registers a pregnant woman into a household and the household counts her', async ({
    page,
  }) => {
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const head = await page.request.post('/api/v1/persons', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        officeId: await officeId(page),
        givenName1: 'Édinson',
        surname1: 'Quintero',
        surname2: 'Barrios',
        sexAtBirth: 'male',
        birthDate: '1994-02-11',
        populationGroup: 'venezuelan_migrant',
        acknowledgeDuplicates: true,
      },
    });
    expect(head.status()).toBe(201);
    const household = await page.request.post('/api/v1/households', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        officeId: await officeId(page),
        neighbourhood: 'Rebolo',
        members: [{ personId: (await head.json()).id, relationship: 'head' }],
      },
    });
    expect(household.status()).toBe(201);
    const householdId = ((await household.json()) as { id: string }).id;

    await page.goto('/people/new');
    await page.getByRole('textbox', { name: 'Primer nombre' }).fill('Yuleidy');
    await page.getByRole('textbox', { name: 'Primer apellido' }).fill('Contreras');
    await page.getByRole('textbox', { name: 'Segundo apellido' }).fill('Mora');
    await page.getByRole('radio', { name: 'Migrante venezolano(a)' }).check();
    const status = page.getByRole('combobox', { name: '¿Está gestante o lactante?' });
    // Offered only once the sex at birth is female.
    await expect(status).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Sexo al nacer' }).selectOption({ label: 'Hombre' });
    await expect(status).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Sexo al nacer' }).selectOption({ label: 'Mujer' });
    await status.selectOption({ label: 'Gestante (embarazada)' });
    const due = daysFromToday(120);
    await page.getByLabel('Fecha probable de parto').fill(due);
    await page.getByRole('checkbox', { name: 'La fecha es aproximada' }).check();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: 'Guardar registro' }).click();

    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Yuleidy Contreras Mora' })).toBeVisible();
    await expect(page.getByText(/^Gestante · parto previsto el .+ \(aproximada\)$/)).toBeVisible();

    await page.goto(`/households/${householdId}`);
    await page.getByRole('button', { name: 'Agregar integrante' }).click();
    await page.getByRole('searchbox', { name: 'Buscar a la persona' }).fill('yuleidy contreras');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByRole('combobox', { name: 'Persona', exact: true }).selectOption({ index: 1 });
    await page
      .getByRole('combobox', { name: 'Parentesco con el jefe o jefa de hogar' })
      .selectOption({ label: 'Cónyuge o compañero(a)' });
    await page.getByRole('button', { name: 'Agregar al hogar' }).click();

    const composition = page.getByRole('region', { name: 'Composición del hogar' });
    const count = (label: string) =>
      composition.locator('div', { has: page.getByText(label, { exact: true }) });
    await expect(count('Integrantes')).toContainText('2');
    await expect(count('Gestantes o lactantes')).toContainText('1');
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});

test('a reception officer is not asked about pregnancy', async ({ page }) => {
  await signInWithApi(page.request, DEMO.reception);
  await page.goto('/people/new');
  await page.getByRole('combobox', { name: 'Sexo al nacer' }).selectOption({ label: 'Mujer' });
  await expect(page.getByRole('textbox', { name: 'Primer nombre' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '¿Está gestante o lactante?' })).toHaveCount(0);
});
