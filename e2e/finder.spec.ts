import { mkdirSync } from 'node:fs';
import { expect, type Page, request, test } from '@playwright/test';
import {
  DEMO,
  expectNoSeriousViolations,
  hasHorizontalScroll,
  signInWithApi,
  switchLanguage,
} from './support';

// An anonymous visitor on a 360 px phone finds a service of the network by need and municipality, opens it,
// reads it in English, and never needs to sign in. The service is created by this journey (through the
// directory API, as a coordinator) with a unique name, so no other journey's data is counted on.

const SHOTS = process.env.FINDER_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const SOLEDAD = '08758';

async function createService(baseURL: string, name: string): Promise<string> {
  const api = await request.newContext({ baseURL });
  try {
    const csrf = await signInWithApi(api, DEMO.coordinator);
    const network = (await (await api.get('/api/v1/network')).json()) as {
      organizations: { id: string; name: string }[];
    };
    const organization = network.organizations[0];
    if (!organization) throw new Error('The demo network has no organizations.');
    const created = await api.post('/api/v1/directory/services', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        organizationId: organization.id,
        name,
        description: 'Acompañamiento para buscar empleo formal: hoja de vida, entrevistas y vacantes.',
        category: 'job_placement',
        applicationProcess: 'Acérquese sin cita con su documento de identidad.',
        feesDescription: 'Gratuito.',
        eligibilityDescription: 'Personas mayores de edad que buscan empleo.',
        minimumAge: 18,
        requiredDocuments: ['PPT'],
        municipalityCodes: [SOLEDAD],
        languages: ['es'],
        schedules: [{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '16:00' }],
        contacts: [
          { name: 'Funcionaria Que No Se Muestra', phone: '+57 605 370 0000', email: 'empleo@ruta.example' },
        ],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  } finally {
    await api.dispose();
  }
}

test('an anonymous visitor on a phone finds a service by need and municipality, in Spanish and English', async ({
  page,
  baseURL,
}) => {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const name = `Orientación laboral Soledad ${suffix}`;
  await createService(baseURL as string, name);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/services');
  await expect(page).toHaveURL(/\/servicios$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Encuentre servicios de apoyo cerca de usted' }),
  ).toBeVisible();
  // No sign-in needed: only a discreet way in for staff.
  await expect(page.getByRole('link', { name: 'Ingreso para funcionarios' })).toBeVisible();
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'finder-360-es-start');

  // What do you need? Work. Then the municipality, typed without accents.
  const work = page.getByRole('button', { name: /Trabajo y emprendimiento/ });
  await work.click();
  await expect(work).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Búsqueda de empleo' }).click();
  const municipality = page.getByRole('textbox', { name: '¿En qué municipio está?' });
  await municipality.fill('soledad');
  await page.getByRole('option', { name: 'Soledad (Atlántico)' }).click();
  await expect(page).toHaveURL(/municipio=08758/);
  // Narrow to this journey's service by a word of its name.
  await page.getByRole('textbox', { name: 'Buscar por palabra (opcional)' }).fill(suffix);
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Búsqueda de empleo')).toBeVisible();
  await expect(card.getByText('Atiende en Soledad')).toBeVisible();
  await expect(card.getByText('Lunes a viernes, de 8:00', { exact: false })).toBeVisible();
  await expect(card.getByText('Gratuito.')).toBeVisible();
  await expect(card.getByRole('link', { name: 'Llamar al +57 605 370 0000' })).toHaveAttribute(
    'href',
    'tel:+576053700000',
  );
  // A contact's person name is never shown.
  await expect(page.getByText('Funcionaria Que No Se Muestra')).toHaveCount(0);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await expectNoSeriousViolations(page);
  await shot(page, 'finder-360-es-results');

  // The service's page.
  await card.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cómo acceder' })).toBeVisible();
  await expect(page.getByText('Acérquese sin cita con su documento de identidad.')).toBeVisible();
  await expect(page.getByText('Permiso por Protección Temporal (PPT)')).toBeVisible();
  await expect(page.getByText('Desde los 18 años')).toBeVisible();
  await expect(page.getByText('Funcionaria Que No Se Muestra')).toHaveCount(0);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'finder-360-es-service');

  // In English: the page's words change, the organization's own words stay as they wrote them.
  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'How to apply' })).toBeVisible();
  await expect(page.getByText('Finding a job')).toBeVisible();
  await expect(page.getByText('From 18 years old')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Staff sign-in' })).toBeVisible();
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await expectNoSeriousViolations(page);
  await shot(page, 'finder-360-en-service');

  // Back to the search, which kept the choices.
  await page.getByRole('link', { name: 'Back to the search' }).click();
  await expect(page.getByRole('heading', { name: /services? for Soledad/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })).toBeVisible();
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'finder-360-en-results');

  // The same on a desktop screen.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'finder-desktop-en-results');
  await switchLanguage(page, 'Español');
  await expect(page.getByRole('heading', { name: /servicios? para Soledad/ })).toBeVisible();
  await shot(page, 'finder-desktop-es-results');
});

test('a search with nothing found says so and offers the services there are', async ({ page }) => {
  await page.goto(`/servicios?necesidad=housing_urban&municipio=${SOLEDAD}&buscar=zzzz-no-existe`);
  await expect(
    page.getByRole('heading', { name: 'No encontramos servicios para esta búsqueda en Soledad' }),
  ).toBeVisible();
  await expect(
    page.getByText('Pruebe con otro municipio, con otra necesidad o con menos palabras.'),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Otros servicios en Soledad y para todo el país' }),
  ).toBeVisible();
  await expectNoSeriousViolations(page);
  await shot(page, 'finder-desktop-es-empty');
});

test('an English address of a service that is gone says so', async ({ page }) => {
  await page.goto('/services/01900000-0000-7000-8000-000000000000');
  await expect(page).toHaveURL(/\/servicios\/01900000-0000-7000-8000-000000000000$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Este servicio ya no está disponible' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Volver a la búsqueda' })).toHaveAttribute(
    'href',
    '/servicios',
  );
});
