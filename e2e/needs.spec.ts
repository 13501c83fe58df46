import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, signInWithApi } from './support';

// Needs beyond one person's page: a caseworker records and follows the needs of a household and its members on
// the household page (phone); the coordinator of the office reviews its open needs, filtered, and goes from a
// need to the person it belongs to; a caseworker has no such page.

const SHOTS = process.env.ASSESSMENT_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shotBoth(page: Page, name: string) {
  if (!SHOTS) return;
  const size = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

interface HouseholdView {
  id: string;
  members: { personId: string; displayName: string; relationship: string }[];
}

/** A household of the centre with at least two members. */
async function demoHousehold(api: APIRequestContext, skip = 0): Promise<HouseholdView> {
  const persons = (await (await api.get('/api/v1/persons?limit=100')).json()) as { items: { id: string }[] };
  const seen = new Set<string>();
  let found = 0;
  for (const person of persons.items) {
    const households = (await (await api.get(`/api/v1/persons/${person.id}/households`)).json()) as {
      items: { householdId: string; leftOn: string | null }[];
    };
    const current = households.items.find((item) => item.leftOn === null);
    if (!current || seen.has(current.householdId)) continue;
    seen.add(current.householdId);
    const household = (await (
      await api.get(`/api/v1/households/${current.householdId}`)
    ).json()) as HouseholdView;
    if (household.members.length >= 2 && found++ >= skip) return household;
  }
  throw new Error('No demo household with two members.');
}

test.describe('household needs on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker records needs of the household and of a member and moves one along', async ({
    page,
  }) => {
    await signInWithApi(page.request, DEMO.caseworker);
    const household = await demoHousehold(page.request);
    const member = household.members.find((m) => m.relationship !== 'head') ?? household.members[1];
    await page.goto(`/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Necesidades del hogar' });
    const summary = section.getByText(/^(Abiertas: \d+ de \d+|No hay necesidades registradas)/);
    await expect(summary).toBeVisible();
    const openBefore = Number((await summary.textContent())?.match(/^Abiertas: (\d+)/)?.[1] ?? 0);

    await section.getByRole('button', { name: 'Agregar necesidad' }).click();
    await section.getByRole('combobox', { name: 'Para quién' }).selectOption({ label: member?.displayName });
    await section.getByRole('combobox', { name: 'Dimensión' }).selectOption({ label: 'Salud' });
    await section.getByRole('textbox', { name: 'Descripción' }).fill('Control de crecimiento y desarrollo');
    await section.getByRole('combobox', { name: 'Gravedad' }).selectOption({ label: 'Alta' });
    await section.getByRole('button', { name: 'Guardar' }).click();
    const health = section.getByRole('region', { name: 'Salud' });
    const memberNeed = health
      .getByRole('listitem')
      .filter({ hasText: 'Control de crecimiento y desarrollo' });
    await expect(memberNeed.getByText(member?.displayName as string)).toBeVisible();
    await expect(memberNeed.getByText('Gravedad: Alta')).toBeVisible();

    await section.getByRole('button', { name: 'Agregar necesidad' }).click();
    await expect(section.getByRole('combobox', { name: 'Para quién' })).toHaveValue('0');
    await section
      .getByRole('combobox', { name: 'Dimensión' })
      .selectOption({ label: 'Vivienda y entorno urbano' });
    await section.getByRole('textbox', { name: 'Descripción' }).fill('Arriendo atrasado dos meses');
    await section.getByRole('combobox', { name: 'Gravedad' }).selectOption({ label: 'Crítica' });
    await section.getByRole('button', { name: 'Guardar' }).click();
    const householdNeed = section
      .getByRole('region', { name: 'Vivienda y entorno urbano' })
      .getByRole('listitem')
      .filter({ hasText: 'Arriendo atrasado dos meses' });
    await expect(householdNeed.getByText('Todo el hogar')).toBeVisible();

    await memberNeed
      .getByRole('combobox', { name: 'Cambiar estado de «Control de crecimiento y desarrollo»' })
      .selectOption({ label: 'En curso' });
    await expect(memberNeed.getByText('En curso', { exact: true }).first()).toBeVisible();
    await expect(section.getByText(new RegExp(`^Abiertas: ${openBefore + 2} de \\d+`))).toBeVisible();

    // The member's own page shows the need too.
    await page.goto(`/people/${member?.personId}`);
    await expect(
      page
        .getByRole('region', { name: 'Necesidades', exact: true })
        .getByText('Control de crecimiento y desarrollo'),
    ).toBeVisible();
    await page.goto(`/households/${household.id}`);
    await section.scrollIntoViewIfNeeded();
    await expectNoSeriousViolations(page);
    await shotBoth(page, 'household-needs');
  });
});

test.describe('open needs of an office', () => {
  test('the coordinator filters the open needs and goes to the person; a caseworker has no such page', async ({
    page,
  }) => {
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const household = await demoHousehold(page.request, 1);
    const person = household.members[0] as HouseholdView['members'][number];
    const record = async (data: Record<string, string>) => {
      const response = await page.request.post('/api/v1/needs', { headers: { 'X-CSRF-Token': csrf }, data });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: string; version: number };
    };
    await record({
      personId: person.personId,
      dimension: 'legal_documentation',
      description: 'Renovar el PPT vencido',
      severity: 'critical',
    });
    const started = await record({
      householdId: household.id,
      dimension: 'humanitarian_aid',
      description: 'Kit de aseo para el hogar',
      severity: 'medium',
    });
    await page.request.patch(`/api/v1/needs/${started.id}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { version: started.version, status: 'in_progress' },
    });
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Necesidades abiertas' })).toHaveCount(0);
    await page.goto('/needs');
    await expect(page.getByRole('heading', { name: 'Sin acceso' })).toBeVisible();
    await page.context().clearCookies();

    await signInWithApi(page.request, DEMO.coordinator);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Necesidades abiertas' }).click();
    await expect(page.getByRole('heading', { name: 'Necesidades abiertas', level: 1 })).toBeVisible();
    const list = page.getByRole('list', { name: 'Necesidades abiertas de la oficina' });
    // The demo's open needs come first (oldest first).
    await expect(list.getByRole('listitem').first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await shotBoth(page, 'office-needs');

    const dimension = page.getByRole('combobox', { name: 'Dimensión' });
    const severity = page.getByRole('combobox', { name: 'Gravedad' });
    const status = page.getByRole('combobox', { name: 'Estado' });
    const ppt = list.getByRole('listitem').filter({ hasText: 'Renovar el PPT vencido' });
    const kit = list.getByRole('listitem').filter({ hasText: 'Kit de aseo para el hogar' });
    await dimension.selectOption({ label: 'Documentación y asuntos legales' });
    await expect(page).toHaveURL(/dimension=legal_documentation/);
    await expect(ppt).toBeVisible();
    await severity.selectOption({ label: 'Baja' });
    await expect(page).toHaveURL(/severity=low/);
    await expect(ppt).toHaveCount(0);
    await severity.selectOption({ label: 'Crítica' });
    await expect(ppt).toBeVisible();
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await dimension.selectOption({ label: 'Ayuda humanitaria de emergencia' });
    await status.selectOption({ label: 'En curso' });
    await expect(kit).toBeVisible();
    await expect(kit.getByRole('link', { name: /^Hogar de / })).toBeVisible();
    await status.selectOption({ label: 'Identificada' });
    await expect(kit).toHaveCount(0);
    await status.selectOption({ label: 'Identificadas y en curso' });
    await dimension.selectOption({ label: 'Documentación y asuntos legales' });
    await severity.selectOption({ label: 'Crítica' });

    await ppt.getByRole('link', { name: person.displayName }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${person.personId}`));
    await expect(
      page.getByRole('region', { name: 'Necesidades', exact: true }).getByText('Renovar el PPT vencido'),
    ).toBeVisible();
  });
});
