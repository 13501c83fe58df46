import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import {
  adminApi,
  DEMO,
  expectNoSeriousViolations,
  hasHorizontalScroll,
  signInWithApi,
  uniqueEmail,
} from './support';

// Job insertion. A coordinator verifies Textiles del Caribe's work conditions; a caseworker of Centro Intégrate
// Barranquilla proposes a person who consents to sharing to the employer's vacancy; the employer's focal point
// (made for the journey) sees the candidate with only the minimum data, schedules an interview and hires; the
// caseworker sees the follow-ups at 3 and 6 months. Proposing to Agroindustrias del Valle, whose verification
// expired, shows why it is refused. Every journey makes its own vacancies, person and focal point.

const SHOTS = process.env.EMPLOYMENT_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const PHONE = { width: 360, height: 740 };
let counter = 0;
/** Letters only, different in every journey and run. */
function uniqueWord(): string {
  counter += 1;
  const digits = `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const word = [...digits].map((c) => 'abcdefghijklmnopqrstuvwxyz'[Number.parseInt(c, 36) % 26]).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

interface Network {
  offices: { id: string; name: string }[];
  organizations: { id: string; name: string; shortName: string }[];
}
async function networkOf(api: APIRequestContext) {
  const network = (await (await api.get('/api/v1/network')).json()) as Network;
  const find = (shortName: string) =>
    network.organizations.find((o) => o.shortName === shortName) as { id: string };
  return {
    centre: network.offices.find((o) => o.name === 'Centro Intégrate Barranquilla') as { id: string },
    textiles: find('Textiles del Caribe'),
    agro: find('Agroindustrias del Valle'),
  };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());

/** A vacancy of its own, posted by the administrator. */
async function postVacancy(baseURL: string, organization: 'textiles' | 'agro', title: string) {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const network = await networkOf(api);
    const created = await api.post('/api/v1/employment/vacancies', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        organizationId: network[organization].id,
        title,
        ciuoCode: organization === 'textiles' ? '8153' : '9211',
        description: 'Vacante de la prueba de inserción laboral.',
        requiredSkills: ['máquina plana'],
        educationLevel: 'primary',
        experienceMonths: 6,
        municipalityCode: organization === 'textiles' ? '08001' : '54001',
        contractType: 'fixed_term',
        monthlyWage: 1_900_000,
        positions: 2,
        opensOn: today(),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  } finally {
    await api.dispose();
  }
}

/** A focal point of Textiles del Caribe of its own, with the temporary password already changed. */
async function createEmployerFocalPoint(baseURL: string) {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const { textiles } = await networkOf(api);
    const created = await api.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email: uniqueEmail('enlace.textiles'),
        displayName: `Enlace Textiles ${uniqueWord()}`,
        role: 'partner_focal_point',
        organizationId: textiles.id,
        officeIds: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { user, temporaryPassword } = (await created.json()) as {
      user: { email: string };
      temporaryPassword: string;
    };
    const password = 'una frase larga de la gente de Textiles';
    const own = await request.newContext({ baseURL });
    try {
      const ownCsrf = await signInWithApi(own, user.email, temporaryPassword);
      const changed = await own.post('/api/v1/auth/password', {
        headers: { 'X-CSRF-Token': ownCsrf },
        data: { currentPassword: temporaryPassword, newPassword: password },
      });
      expect(changed.status()).toBe(204);
    } finally {
      await own.dispose();
    }
    return { email: user.email, password };
  } finally {
    await api.dispose();
  }
}

/** A person of the centre who consents to sharing with partners, registered by the caseworker signed in on `api`. */
async function consentingPerson(api: APIRequestContext, csrf: string) {
  const { centre } = await networkOf(api);
  const surname = uniqueWord();
  const registered = await api.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      officeId: centre.id,
      acknowledgeDuplicates: true,
      givenName1: 'Yorladis',
      surname1: 'Mercado',
      surname2: surname,
      sexAtBirth: 'female',
      birthDate: '1992-08-20',
      populationGroup: 'returnee',
      phone: '300 555 1212',
      email: `yorladis.${surname.toLowerCase()}@correo.example`,
      addressLine: 'Carrera 38 # 70-15',
      municipalityCode: '08001',
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const person = (await registered.json()) as { id: string };
  const consent = await api.post(`/api/v1/persons/${person.id}/consents`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { purpose: 'sharing_with_partners', givenBy: 'self', method: 'written' },
  });
  expect(consent.status(), await consent.text()).toBe(201);
  return { id: person.id, name: `Yorladis Mercado ${surname}`, address: 'Carrera 38 # 70-15' };
}

test('a verified employer receives a consenting candidate, interviews and hires; the caseworker follows up', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL as string;
  const title = `Operaria de confección ${uniqueWord()}`;
  const expiredTitle = `Recolector de cosecha ${uniqueWord()}`;
  const [vacancyId] = await Promise.all([
    postVacancy(base, 'textiles', title),
    postVacancy(base, 'agro', expiredTitle),
  ]);
  const focal = await createEmployerFocalPoint(base);

  // The coordinator verifies Textiles del Caribe's six conditions.
  const coordinator = await (await browser.newContext()).newPage();
  await signInWithApi(coordinator.request, DEMO.coordinator);
  await coordinator.goto('/employment');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Empleadores aliados' })).toBeVisible();
  await expect(
    coordinator
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Empleo' }),
  ).toBeVisible();
  await coordinator.getByRole('link', { name: 'Textiles del Caribe S.A.S.' }).click();
  await coordinator.getByRole('button', { name: 'Registrar verificación' }).click();
  for (const condition of [
    'Está legalmente constituida (RUT/Cámara de Comercio)',
    'Contrata formalmente',
    'Afilia a seguridad social',
    'Paga al menos el salario mínimo',
    'Condiciones de trabajo seguras',
    'No discrimina',
  ])
    await coordinator.getByRole('checkbox', { name: condition }).check();
  await coordinator.getByLabel('Observaciones').fill(`Visita de la prueba ${title}`);
  await expectNoSeriousViolations(coordinator);
  await shot(coordinator, 'employer-verification');
  await coordinator.getByRole('button', { name: 'Guardar verificación' }).click();
  await expect(coordinator.getByText(`Visita de la prueba ${title}`)).toBeVisible();
  await expect(coordinator.getByText('Verificado', { exact: true }).first()).toBeVisible();

  // The coordinator edits the employer's profile; the municipality is picked by typing its name.
  const activity = `Confección de prendas de vestir ${uniqueWord()}`;
  await coordinator.getByRole('button', { name: 'Editar perfil' }).click();
  const profile = coordinator.getByRole('form', { name: 'Editar perfil' });
  await profile.getByLabel('NIT').fill('900123456');
  await profile.getByLabel('Actividad económica').fill(activity);
  await profile.getByRole('textbox', { name: 'Municipio' }).fill('Soledad');
  await coordinator.getByRole('option', { name: 'Soledad (Atlántico)' }).click();
  await profile.getByLabel('Dirección').fill('Calle 30 # 12-45');
  await expectNoSeriousViolations(coordinator);
  await shot(coordinator, 'employer-profile-form');
  await profile.getByRole('button', { name: 'Guardar perfil' }).click();
  await expect(coordinator.getByText(`Actividad económica: ${activity}`)).toBeVisible();
  await expect(coordinator.getByText('Dirección: Calle 30 # 12-45, Soledad')).toBeVisible();

  // The vacancy form finds the occupation and the municipality by their names and keeps their codes.
  const typedTitle = `Costurera ${uniqueWord()}`;
  await coordinator.getByRole('link', { name: 'Publicar vacante' }).click();
  await coordinator.getByLabel('Nombre del cargo').fill(typedTitle);
  await coordinator.getByRole('textbox', { name: 'Ocupación (CIUO-08)' }).fill('máquinas de coser');
  await coordinator.getByRole('option', { name: 'Operadores de máquinas de coser (8153)' }).click();
  await coordinator.getByRole('textbox', { name: 'Municipio' }).fill('Soledad');
  await coordinator.getByRole('option', { name: 'Soledad (Atlántico)' }).click();
  await coordinator.getByLabel('Salario mensual').fill('1900000');
  await coordinator.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(coordinator)).toBe(false);
  await expectNoSeriousViolations(coordinator);
  await shot(coordinator, 'vacancy-form-phone');
  await coordinator.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: typedTitle })).toBeVisible();
  await expect(
    coordinator.getByText('Ocupación (CIUO-08): 8153 · Operadores de máquinas de coser'),
  ).toBeVisible();
  await expect(coordinator.getByText(/Lugar y condiciones: Soledad/)).toBeVisible();
  await coordinator.context().close();

  // The caseworker proposes a consenting person from the person's page; the expired employer is refused.
  const caseworker = await (await browser.newContext()).newPage();
  const csrf = await signInWithApi(caseworker.request, DEMO.caseworker);
  const person = await consentingPerson(caseworker.request, csrf);
  await caseworker.goto(`/people/${person.id}`);
  const section = caseworker.getByRole('region', { name: 'Empleo', exact: true });
  await expect(section.getByText('No ha sido propuesta a ninguna vacante.')).toBeVisible();
  await section.getByRole('button', { name: 'Proponer a una vacante' }).click();
  await section
    .getByLabel('Vacante abierta')
    .selectOption({ label: `${expiredTitle} · Agroindustrias del Valle S.A.S. · San José de Cúcuta` });
  await section.getByRole('button', { name: 'Proponer', exact: true }).click();
  await expect(section.getByRole('alert')).toContainText('Agroindustrias del Valle S.A.S.');
  await expect(section.getByRole('alert')).toContainText('venció');
  await shot(caseworker, 'person-refused');
  await section
    .getByLabel('Vacante abierta')
    .selectOption({ label: `${title} · Textiles del Caribe S.A.S. · Barranquilla` });
  await section.getByRole('button', { name: 'Proponer', exact: true }).click();
  await expect(section.getByRole('link', { name: title })).toBeVisible();
  await expect(section.getByText('Propuesta', { exact: true })).toBeVisible();

  // The employer's focal point sees only the minimum data, schedules the interview and hires.
  const employer = await (await browser.newContext()).newPage();
  await signInWithApi(employer.request, focal.email, focal.password);
  await employer.goto(`/employment/vacancies/${vacancyId}`);
  await expect(
    employer.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Empleo' }),
  ).toBeVisible();
  const card = employer.getByRole('listitem', { name: person.name });
  await expect(card).toBeVisible();
  await expect(card).toContainText('+573005551212');
  await expect(card.getByRole('link')).toHaveCount(0);
  await expect(employer.getByText(person.address)).toHaveCount(0);
  await expect(employer.getByText(/Propuesta por/)).toHaveCount(0);
  await card.getByRole('button', { name: 'Programar entrevista' }).click();
  await card.getByLabel('Fecha y hora de la entrevista').fill(`${today()}T15:30`);
  await card.getByRole('button', { name: 'Confirmar: Programar entrevista' }).click();
  await expect(employer.getByRole('heading', { name: 'En entrevista (1)' })).toBeVisible();
  await expectNoSeriousViolations(employer);
  await employer.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(employer)).toBe(false);
  await shot(employer, 'pipeline-phone');
  await employer
    .getByRole('listitem', { name: person.name })
    .getByRole('button', { name: 'Contratar', exact: true })
    .click();
  await employer.getByRole('button', { name: 'Confirmar: Contratar' }).click();
  await expect(employer.getByRole('heading', { name: 'Contratadas (1)' })).toBeVisible();
  await employer.context().close();

  // The caseworker sees the hire and its follow-ups at 3 and 6 months.
  await caseworker.reload();
  await expect(section.getByText('Contratada', { exact: true })).toBeVisible();
  await expect(section.getByText(/A los 3 meses .*A los 6 meses/)).toBeVisible();
  await caseworker.goto('/employment/follow-ups');
  await caseworker.getByLabel('Mostrar').selectOption('upcoming');
  const followUps = caseworker.getByRole('listitem').filter({ hasText: person.name });
  await expect(followUps).toHaveCount(2);
  await expect(followUps.first()).toContainText('A los 3 meses');
  await expectNoSeriousViolations(caseworker);
  await caseworker.setViewportSize(PHONE);
  await expect.poll(() => hasHorizontalScroll(caseworker)).toBe(false);
  await shot(caseworker, 'follow-ups-phone');
  await caseworker.context().close();
});
