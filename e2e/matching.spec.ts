import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { adminApi, DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// Matching. The administrator verifies an employer and posts a vacancy of its own; a caseworker of Centro Intégrate
// Barranquilla gives a person of their own a job profile, then opens the vacancy's suggested candidates and sees the
// person first with the explanation of the score, and on the person's page sees the vacancy among the suggested
// ones. A coordinator reads the labour demand view. Axe and 360 px on each page.

const SHOTS = process.env.MATCHING_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const CENTRE = 'Centro Intégrate Barranquilla';
const PHONE = { width: 360, height: 740 };

let counter = 0;
/** Letters only (names are checked as names), different in every journey and run. */
function uniqueWord(): string {
  counter += 1;
  const digits = `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const word = [...digits].map((c) => 'abcdefghijklmnopqrstuvwxyz'[Number.parseInt(c, 36) % 26]).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/** Today in Bogotá as YYYY-MM-DD, and a day some months ahead. */
function bogotaDay(monthsAhead = 0): string {
  const now = new Date(Date.now() - 5 * 3_600_000);
  now.setUTCMonth(now.getUTCMonth() + monthsAhead);
  return now.toISOString().slice(0, 10);
}

interface Network {
  offices: { id: string; name: string }[];
  organizations: { id: string; name: string; shortName: string }[];
}

/** A vacancy of Textiles del Caribe (verified here, in date) for tailors in Barranquilla. */
async function postVacancy(baseURL: string, title: string): Promise<string> {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const network = (await (await api.get('/api/v1/network')).json()) as Network;
    const employer = network.organizations.find((o) => o.shortName === 'Textiles del Caribe');
    if (!employer) throw new Error('The demo network lacks Textiles del Caribe.');
    const verified = await api.post(`/api/v1/employment/employers/${employer.id}/verifications`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        legalRegistration: true,
        formalContracts: true,
        socialSecurity: true,
        minimumWageOrMore: true,
        safeConditions: true,
        nonDiscrimination: true,
        validUntil: bogotaDay(6),
      },
    });
    expect(verified.status(), await verified.text()).toBe(201);
    const created = await api.post('/api/v1/employment/vacancies', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        organizationId: employer.id,
        title,
        ciuoCode: '7531',
        requiredSkills: ['costura', 'patronaje', 'corte'],
        educationLevel: 'secondary',
        experienceMonths: 12,
        municipalityCode: '08001',
        contractType: 'fixed_term',
        monthlyWage: 2_100_000,
        positions: 2,
        opensOn: bogotaDay(),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  } finally {
    await api.dispose();
  }
}

/** As the caseworker: a person of the centre with a job profile of a tailor in Barranquilla. */
async function personWithProfile(api: APIRequestContext, csrf: string, givenName: string): Promise<string> {
  const network = (await (await api.get('/api/v1/network')).json()) as Network;
  const centre = network.offices.find((o) => o.name === CENTRE);
  if (!centre) throw new Error('The demo network lacks the centre.');
  const person = await api.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      officeId: centre.id,
      givenName1: givenName,
      surname1: 'Modista',
      populationGroup: 'returnee',
      municipalityCode: '08001',
      acknowledgeDuplicates: true,
    },
  });
  expect(person.status(), await person.text()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const profile = await api.put(`/api/v1/employment/people/${personId}/job-profile`, {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      version: 0,
      ciuoCodes: ['7531'],
      skills: ['Costura', 'Patronaje'],
      educationLevel: 'media',
      experienceMonths: 36,
      municipalityCode: '08001',
      availability: 'immediate',
      seeking: true,
    },
  });
  expect(profile.status(), await profile.text()).toBe(200);
  return personId;
}

test('a caseworker sees suggested candidates for a vacancy and suggested vacancies for a person, explained', async ({
  page,
  baseURL,
}) => {
  const word = uniqueWord();
  const title = `Modista de confección ${word}`;
  const vacancyId = await postVacancy(baseURL as string, title);
  const csrf = await signInWithApi(page.request, DEMO.caseworker);
  const personId = await personWithProfile(page.request, csrf, word);

  await page.goto(`/employment/vacancies/${vacancyId}/candidates`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Candidatos sugeridos' })).toBeVisible();
  const candidate = page.getByTestId('suggested-candidate').filter({ hasText: `${word} Modista` });
  await expect(candidate).toBeVisible();
  await expect(candidate.getByRole('progressbar', { name: `Puntaje de ${word} Modista` })).toBeVisible();
  await expect(candidate).toContainText(/\d+ \/ 100/);
  const explanation = candidate.getByTestId('match-explanation');
  await expect(explanation).toContainText('Ocupación: misma ocupación (7531');
  await expect(explanation).toContainText('Tiene 2 de 3 habilidades pedidas: costura, patronaje');
  await expect(explanation).toContainText('Vive en el mismo municipio (Barranquilla)');
  await expectNoSeriousViolations(page);
  await shot(page, 'candidates-desktop');
  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'candidates-phone');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/people/${personId}`);
  const section = page.getByRole('region', { name: 'Vacantes sugeridas' });
  const vacancy = section.getByTestId('suggested-vacancy').filter({ hasText: title });
  await expect(vacancy).toBeVisible();
  await expect(vacancy).toContainText('Textiles del Caribe');
  await expect(vacancy.getByTestId('match-explanation')).toContainText('Educación: cumple');
  await expectNoSeriousViolations(page);
  await shot(page, 'person-vacancies-desktop');
  // Saving the profile from the characterization shows in the person's history in words.
  await section.getByRole('button', { name: 'Actualizar perfil desde la caracterización' }).click();
  await expect(
    page.getByRole('list', { name: 'Historial, lo más reciente primero' }).locator(':scope > li').first(),
  ).toContainText('Perfil laboral actualizado desde la caracterización');
  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'person-vacancies-phone');
});

test('a coordinator reads the labour demand by occupation and municipality', async ({ page, baseURL }) => {
  const word = uniqueWord();
  await postVacancy(baseURL as string, `Sastre ${word}`);
  await signInWithApi(page.request, DEMO.coordinator);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Demanda laboral' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demanda laboral' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('rowheader', { name: /^75 / })).toBeVisible();
  await expectNoSeriousViolations(page);
  await shot(page, 'demand-desktop');
  await page
    .locator('label')
    .filter({ hasText: /^Municipio$/ })
    .click();
  await expect(table.getByRole('rowheader', { name: /Barranquilla/ })).toBeVisible();
  await page.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
  await shot(page, 'demand-phone');
});
