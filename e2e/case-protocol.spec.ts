import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, signInWithApi } from './support';

// A case's "hoja de ruta" and the coordinator's office view: the caseworker opens a case for a person of their
// own (registered here, so the journey shares nothing with others), marks the person as deported on the case
// page, sees the deportation protocol's steps and ticks one; the coordinator sees the caseworker's open cases
// on the office view. No counts are checked: other journeys open cases at the same office.

const SHOTS = process.env.CASE_PROTOCOL_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function ownPerson(api: APIRequestContext, csrf: string) {
  const officeId = (await (await api.get('/api/v1/auth/session')).json()).user.officeIds[0] as string;
  const suffix = Date.now().toString(36);
  const person = await api.post('/api/v1/persons', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      officeId,
      givenName1: 'Hojaruta',
      surname1: `Prueba ${suffix}`,
      populationGroup: 'returnee',
      acknowledgeDuplicates: true,
    },
  });
  expect(person.status(), await person.text()).toBe(201);
  return (await person.json()) as { id: string };
}

test.describe('the hoja de ruta of a case', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker marks a case as deported and ticks a step; the coordinator sees the office', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const person = await ownPerson(page.request, csrf);

    // The case is opened from the person's page; the vulnerability toggles are optional.
    await page.goto(`/people/${person.id}`);
    const casesSection = page.getByRole('region', { name: 'Casos' });
    await casesSection.getByRole('button', { name: 'Abrir caso' }).click();
    await casesSection.getByLabel('Programa').selectOption({ label: 'Plan Retorno: atención inmediata' });
    await expect(
      casesSection.getByRole('group', { name: 'Situación de vulnerabilidad (opcional)' }),
    ).toBeVisible();
    if (SHOTS) await casesSection.screenshot({ path: `${SHOTS}/open-case-360.png` });
    await casesSection.getByRole('button', { name: 'Abrir el caso' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]+$/);
    const opened = { id: new URL(page.url()).pathname.split('/').at(-1) as string };
    const roadmap = page.getByRole('region', { name: 'Hoja de ruta' });
    await expect(roadmap.getByText('Sin situaciones de vulnerabilidad registradas.')).toBeVisible();
    await roadmap.getByRole('button', { name: 'Cambiar' }).click();
    await roadmap.getByRole('button', { name: 'Persona deportada o expulsada' }).click();
    await roadmap.getByRole('button', { name: 'Guardar' }).click();
    const step = roadmap.getByRole('checkbox', { name: /Verificar la identidad/ });
    await expect(step).toBeVisible();
    await expect(
      roadmap.getByRole('checkbox', { name: /Remitir a una Oficina de Atención al Migrante/ }),
    ).toBeVisible();
    await step.check();
    await expect(roadmap.getByText(/Hecho por Andrés Pérez/)).toBeVisible();
    await page.reload();
    await expect(
      page
        .getByRole('region', { name: 'Hoja de ruta' })
        .getByRole('checkbox', { name: /Verificar la identidad/ }),
    ).toBeChecked();
    await expect(page.getByText('Agregó: Persona deportada o expulsada.')).toBeVisible();
    await expectNoSeriousViolations(page);
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noScroll).toBe(true);
    await roadmap.scrollIntoViewIfNeeded();
    await shot(page, 'case-roadmap-360');

    // The coordinator, on a laptop, sees the caseworker's open cases.
    const context = await browser.newContext({
      baseURL,
      locale: 'es-CO',
      viewport: { width: 1280, height: 800 },
    });
    const coordinator = await context.newPage();
    await signInWithApi(coordinator.request, DEMO.coordinator);
    await coordinator.goto('/work/office');
    const staff = coordinator.getByRole('region', { name: 'Tareas y casos por persona' });
    await expect(staff.getByRole('columnheader', { name: 'Casos', exact: true })).toBeVisible();
    const row = staff.getByRole('row', { name: /Andrés Pérez/ });
    await expect(row).toBeVisible();
    const openCases = Number(await row.getByRole('cell').last().textContent());
    expect(openCases).toBeGreaterThan(0);
    await expect(coordinator.getByRole('heading', { name: 'Casos sin actividad en 30 días' })).toBeVisible();
    await expectNoSeriousViolations(coordinator);
    await shot(coordinator, 'office-1280');
    await coordinator.goto(`/cases/${opened.id}#hoja-de-ruta`);
    await expect(
      coordinator
        .getByRole('region', { name: 'Hoja de ruta' })
        .getByText('Persona deportada o expulsada')
        .first(),
    ).toBeVisible();
    await shot(coordinator, 'case-roadmap-1280');
    await coordinator.setViewportSize({ width: 360, height: 740 });
    await coordinator.goto('/work/office');
    await expect(staff.getByRole('row', { name: /Andrés Pérez/ })).toBeVisible();
    await shot(coordinator, 'office-360');
    await context.close();
  });
});
