import { mkdirSync } from 'node:fs';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, signInWithApi } from './support';

// A case from opening to closure: on a phone, a caseworker opens a case for a demo person in a programme whose
// plans and closures need approval, adds a goal tied to the person's need and two actions, and submits the plan;
// the coordinator approves it; the caseworker marks an action done and sees the progress, then asks to close the
// case; the coordinator approves the closure.

const SHOTS = process.env.CASES_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A demo person of the centre with no case yet, with a need recorded through the API. */
async function demoPersonWithNeed(api: APIRequestContext, csrf: string) {
  const persons = (await (await api.get('/api/v1/persons?limit=50')).json()) as {
    items: { id: string; displayName: string }[];
  };
  for (const person of persons.items) {
    const cases = (await (await api.get(`/api/v1/persons/${person.id}/cases`)).json()) as {
      items: unknown[];
    };
    if (cases.items.length > 0) continue;
    const need = await api.post('/api/v1/needs', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        personId: person.id,
        dimension: 'productive',
        description: 'Sin empleo formal desde el retorno',
        severity: 'high',
      },
    });
    expect(need.status(), await need.text()).toBe(201);
    return person;
  }
  throw new Error('No demo person without a case.');
}

async function coordinatorPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'es-CO',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await signInWithApi(page.request, DEMO.coordinator);
  return page;
}

test.describe('a case from opening to closure', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('plan approved, progress seen, closure approved', async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const person = await demoPersonWithNeed(page.request, csrf);

    // Open the case from the person's page.
    await page.goto(`/people/${person.id}`);
    const casesSection = page.getByRole('region', { name: 'Casos' });
    await expect(casesSection.getByText('Esta persona no tiene casos en sus oficinas.')).toBeVisible();
    await casesSection.getByRole('button', { name: 'Abrir caso' }).click();
    await casesSection.getByLabel('Programa').selectOption({ label: 'Plan Retorno: inserción laboral' });
    await expect(casesSection.getByText(/La coordinación aprueba el plan/)).toBeVisible();
    await casesSection.getByRole('button', { name: 'Abrir el caso' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]+$/);
    const caseUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.displayName);
    await expect(page.getByText('Abierto', { exact: true })).toBeVisible();

    // A goal tied to the need, and two actions.
    const plan = page.getByRole('region', { name: 'Plan de acción' });
    await plan.getByRole('button', { name: 'Agregar meta' }).click();
    const goalForm = plan.getByRole('form', { name: 'Nueva meta' });
    await goalForm.getByLabel('Dimensión').selectOption({ label: 'Productiva (empleo y emprendimiento)' });
    await goalForm.getByLabel('Meta').fill('Conseguir un empleo formal en su oficio');
    await goalForm.getByRole('checkbox', { name: /Sin empleo formal desde el retorno/ }).check();
    await goalForm.getByRole('button', { name: 'Guardar meta' }).click();
    await expect(plan.getByText('Atiende: Sin empleo formal desde el retorno')).toBeVisible();

    const addAction = async (description: string, responsible: string, partner?: string) => {
      await plan.getByRole('button', { name: 'Agregar acción' }).click();
      const form = plan.getByRole('form', { name: 'Nueva acción' });
      await form.getByLabel('Acción').fill(description);
      await form.getByLabel('Responsable').selectOption({ label: responsible });
      if (partner) await form.getByLabel(/Entidad que lo hace/).selectOption({ label: partner });
      await form.getByLabel('Fecha límite').fill('2026-12-15');
      await form.getByRole('button', { name: 'Guardar acción' }).click();
      await expect(plan.getByRole('checkbox', { name: description })).toBeVisible();
    };
    await addAction('Inscribir la hoja de vida en el Servicio Público de Empleo', 'La persona o el hogar');
    await addAction('Curso de actualización en el SENA', 'Entidad aliada', 'SENA');
    await expect(page.getByText('0 % (0 de 2 acciones)').first()).toBeVisible();
    await shot(page, 'phone-plan-draft');
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Enviar el plan para aprobación' }).click();
    await expect(page.getByText('Plan en revisión')).toBeVisible();
    await expect(page.getByText('Esperando la decisión de la coordinación.')).toBeVisible();
    await page.goto('/cases');
    await expect(page.getByRole('link', { name: person.displayName })).toBeVisible();
    await shot(page, 'phone-cases-list');
    await page.goto(caseUrl);

    // The coordinator approves the plan from the pending decisions.
    const coordinator = await coordinatorPage(browser, baseURL as string);
    await coordinator.goto('/case-approvals');
    await expect(coordinator.getByRole('heading', { name: 'Decisiones pendientes' })).toBeVisible();
    await shot(coordinator, 'desktop-approvals');
    await expectNoSeriousViolations(coordinator);
    await coordinator
      .getByRole('link', { name: `Plan de acción por aprobar: ${person.displayName}` })
      .click();
    await expect(coordinator).toHaveURL(new RegExp(`${caseUrl}$`));
    await shot(coordinator, 'desktop-plan-to-approve');
    await coordinator.getByRole('button', { name: 'Aprobar el plan' }).click();
    await expect(coordinator.getByText('Plan aprobado', { exact: true }).first()).toBeVisible();
    await expect(coordinator.getByText('Activo', { exact: true })).toBeVisible();

    // The caseworker marks an action done and sees the progress.
    await page.reload();
    await expect(page.getByText('Activo', { exact: true })).toBeVisible();
    const first = page.getByRole('checkbox', {
      name: 'Inscribir la hoja de vida en el Servicio Público de Empleo',
    });
    // The box is ticked once the server has recorded the action as done.
    await first.click();
    await expect(first).toBeChecked();
    await expect(page.getByText('50 % (1 de 2 acciones)').first()).toBeVisible();
    await shot(page, 'phone-progress');

    // The caseworker asks to close the case.
    await page.getByRole('button', { name: 'Solicitar el cierre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cerrar el caso' });
    await dialog.getByLabel('Motivo del cierre').selectOption({ label: 'Cumplió las metas del plan' });
    await dialog.getByLabel('Resultado').selectOption({ label: 'Metas logradas en parte' });
    await dialog
      .getByLabel('Observaciones del cierre')
      .fill('Consiguió empleo; el curso queda para más adelante.');
    await dialog.getByRole('button', { name: 'Solicitar el cierre' }).click();
    await expect(page.getByText('Cierre por aprobar').first()).toBeVisible();

    // The coordinator approves the closure.
    await coordinator.goto(caseUrl);
    await coordinator.getByRole('button', { name: 'Aprobar el cierre' }).click();
    await expect(coordinator.getByText('Cerrado', { exact: true })).toBeVisible();
    const history = coordinator.getByRole('region', { name: 'Historia del caso' });
    await expect(history.getByText('Cierre aprobado')).toBeVisible();
    await expect(history.getByText(/Cierre solicitado — Consiguió empleo/)).toBeVisible();
    await expect(history.getByText('Plan aprobado')).toBeVisible();

    await page.reload();
    await expect(page.getByText('Cerrado', { exact: true })).toBeVisible();
    await expect(page.getByText('Cumplió las metas del plan · Metas logradas en parte')).toBeVisible();
    await shot(page, 'phone-closed');
    await page.goto(`/people/${person.id}`);
    await expect(
      page.getByRole('region', { name: 'Casos' }).getByText('50 % (1 de 2 acciones)'),
    ).toBeVisible();
    await shot(page, 'phone-person-cases');
    await coordinator.context().close();
  });
});
