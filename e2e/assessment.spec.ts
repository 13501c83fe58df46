import { mkdirSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createUser, DEMO, expectNoSeriousViolations, signInWithApi } from './support';

// The integration index on a phone: a caseworker applies the household instrument to a demo household of the
// Barranquilla centre, loses the connection and reloads midway without losing answers, completes and sees the
// result; a follow-up appears in the evolution chart; an administrator imports an instrument from a JSON file;
// an analyst sees the indicator but cannot open an application.

const SHOTS = process.env.ASSESSMENT_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A household of the centre that has no index applied yet (the demo seeds many). */
async function demoHousehold(api: APIRequestContext): Promise<string> {
  const persons = (await (await api.get('/api/v1/persons?limit=100')).json()) as { items: { id: string }[] };
  for (const person of persons.items) {
    const households = (await (await api.get(`/api/v1/persons/${person.id}/households`)).json()) as {
      items: { householdId: string; leftOn: string | null }[];
    };
    const current = households.items.find((item) => item.leftOn === null);
    if (!current) continue;
    const applications = (await (
      await api.get(`/api/v1/households/${current.householdId}/assessments`)
    ).json()) as { items: unknown[] };
    if (applications.items.length === 0) return current.householdId;
  }
  throw new Error('No demo household without an index application.');
}

/** Starts an application of the household and completes it through the API with every answer at its best. */
async function completeWithBestAnswers(
  api: APIRequestContext,
  csrf: string,
  householdId: string,
): Promise<string> {
  const started = await api.post('/api/v1/assessments', {
    headers: { 'X-CSRF-Token': csrf },
    data: { subjectType: 'household', subjectId: householdId },
  });
  const application = (await started.json()) as {
    id: string;
    kind: string;
    version: number;
    definition: {
      scales: { id: string; options: { value: string; score?: number }[] }[];
      dimensions: { questions: { id: string; scale: string }[] }[];
    };
  };
  const best = Object.fromEntries(
    application.definition.dimensions.flatMap((d) =>
      d.questions.map((q) => {
        const options = application.definition.scales.find((s) => s.id === q.scale)?.options ?? [];
        const top = [...options].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
        return [q.id, top?.value];
      }),
    ),
  );
  const completed = await api.post(`/api/v1/assessments/${application.id}/complete`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: application.version, answers: best },
  });
  expect(completed.status(), await completed.text()).toBe(200);
  return application.kind;
}

/** Picks, in every question of the step shown, the option at `index` of its list. */
async function answerStep(page: Page, index: number) {
  const groups = page.getByRole('main').getByRole('radiogroup');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByRole('radio').nth(index).check();
  }
}

test.describe('integration index on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker applies the household index, survives a dropped connection and a reload, and sees the result', async ({
    page,
  }) => {
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const householdId = await demoHousehold(page.request);
    await page.goto(`/households/${householdId}`);
    const section = page.getByRole('region', { name: 'Índice de integración' });
    await expect(section.getByText('Todavía no se ha aplicado el índice.')).toBeVisible();
    await section.getByRole('button', { name: 'Nueva aplicación' }).click();

    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
    await expect(page.getByText('Dimensión 1 de 5')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Social', level: 2 })).toBeVisible();
    await answerStep(page, 1);
    await expect(page.getByText('Respuestas guardadas')).toBeVisible();
    await expect(page.getByText('4 de 18 preguntas respondidas')).toBeVisible();
    await shot(page, 'phone-fill-social');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByText('Dimensión 2 de 5')).toBeVisible();

    // The connection drops: the answer stays on the phone and is sent when it comes back.
    await page.context().setOffline(true);
    await page
      .getByRole('radiogroup', { name: /actividades culturales/ })
      .getByRole('radio', { name: 'Varias veces' })
      .check();
    await expect(
      page.getByText(/Sin conexión: las respuestas quedan guardadas en este dispositivo/),
    ).toBeVisible();
    await shot(page, 'phone-fill-offline');
    await page.context().setOffline(false);
    await expect(page.getByText('Respuestas guardadas')).toBeVisible({ timeout: 15_000 });

    // A reload midway finds the step and the answers.
    await page.reload();
    await expect(page.getByText('Dimensión 2 de 5')).toBeVisible();
    await expect(
      page
        .getByRole('radiogroup', { name: /actividades culturales/ })
        .getByRole('radio', { name: 'Varias veces' }),
    ).toBeChecked();
    await page.getByRole('button', { name: 'Anterior' }).click();
    await expect(
      page.getByRole('radiogroup', { name: /afiliadas a salud/ }).getByRole('radio', { name: 'Algunos' }),
    ).toBeChecked();
    await page.getByRole('button', { name: 'Siguiente' }).click();

    for (const step of [2, 3, 4, 5]) {
      await expect(page.getByText(`Dimensión ${step} de 5`)).toBeVisible();
      await answerStep(page, 1);
      if (step < 5) await page.getByRole('button', { name: 'Siguiente' }).click();
    }
    await page.getByRole('button', { name: 'Terminar y ver resultado' }).click();
    await expect(page.getByRole('heading', { name: 'Resultado del índice' })).toBeVisible();
    await expect(page.getByText(/^Nivel (Bajo|Básico|Medio|Alto)$/)).toBeVisible();
    const dimensions = page.getByRole('list', { name: 'Resultado por dimensión' }).getByRole('listitem');
    await expect(dimensions).toHaveCount(5);
    await expect(dimensions.filter({ hasText: 'Vivienda y ciudad' })).toBeVisible();
    await shot(page, 'phone-result');

    // A follow-up (here through the API, all answers at their best) shows in the evolution chart.
    expect(await completeWithBestAnswers(page.request, csrf, householdId)).toBe('follow_up');
    await page.goto(`/households/${householdId}`);
    await expect(section.getByText('Evolución desde la línea base (0 a 100)')).toBeVisible();
    await expect(section.locator('.recharts-line')).toBeVisible();
    await expect(section.getByRole('cell', { name: 'Seguimiento' })).toBeVisible();
    await expect(section.getByText('Última medición:')).toBeVisible();
    await expect(section.getByText('100 de 100')).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'phone-household-section');
  });

  test('an administrator imports an instrument from a JSON file', async ({ page }) => {
    await signInWithApi(page.request, DEMO.admin);
    await page.goto('/admin/instruments');
    await expect(page.getByRole('heading', { name: 'Instrumentos del índice de integración' })).toBeVisible();
    const definition = {
      key: `sostenibilidad_${Date.now().toString(36)}`,
      name: { es: 'Sostenibilidad de la reintegración', en: 'Reintegration sustainability' },
      subject: 'person',
      scales: [
        {
          id: 'si_no',
          options: [
            { value: 'si', label: { es: 'Sí', en: 'Yes' }, score: 1 },
            { value: 'no', label: { es: 'No', en: 'No' }, score: 0 },
          ],
        },
      ],
      dimensions: ['economica', 'social', 'psicosocial'].map((id) => ({
        id,
        name: { es: id, en: id },
        questions: [
          { id: `${id}_1`, text: { es: '¿Cuenta con apoyo?', en: 'Any support?' }, scale: 'si_no' },
        ],
      })),
      missing: { rule: 'skip', maxMissing: 1 },
      levels: [
        { id: 'baja', label: { es: 'Baja', en: 'Low' }, min: 0 },
        { id: 'alta', label: { es: 'Alta', en: 'High' }, min: 0.66 },
      ],
    };
    await page.locator('input[type="file"]').setInputFiles({
      name: 'sostenibilidad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(definition)),
    });
    await expect(page.getByText('Se importó sostenibilidad.json.')).toBeVisible();
    const imported = page.getByRole('region', { name: 'Sostenibilidad de la reintegración' });
    await expect(imported.getByText('3 dimensiones, 3 preguntas')).toBeVisible();
    await expect(imported.getByText('Vigente')).toBeVisible();

    // A broken file is answered with the path of each error.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'roto.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...definition, levels: [definition.levels[1], definition.levels[0]] }),
      ),
    });
    await expect(page.getByText(/levels\.0\.min/)).toBeVisible();
    await shot(page, 'phone-admin-instruments');
  });

  test('an analyst sees the indicator but cannot open an application', async ({ page, baseURL }) => {
    const caseworkerCsrf = await signInWithApi(page.request, DEMO.caseworker);
    const householdId = await demoHousehold(page.request);
    await completeWithBestAnswers(page.request, caseworkerCsrf, householdId);
    const started = await page.request.post('/api/v1/assessments', {
      headers: { 'X-CSRF-Token': caseworkerCsrf },
      data: { subjectType: 'household', subjectId: householdId },
    });
    const applicationId = ((await started.json()) as { id: string }).id;
    await page.context().clearCookies();

    const analyst = await createUser(baseURL as string, {
      prefix: 'analista.indice',
      displayName: 'Analista Índice',
      role: 'analyst',
    });
    await signInWithApi(page.request, analyst.email, analyst.password);
    await page.goto('/indicators/integration');
    await expect(page.getByRole('heading', { name: 'Hogares con integración alta' })).toBeVisible();
    const centre = page.getByRole('listitem').filter({ hasText: 'Centro Intégrate Barranquilla' }).first();
    await expect(centre).toBeVisible();
    await expect(centre.getByText(/hogares medidos en nivel Alto/)).toBeVisible();
    await shot(page, 'phone-indicator');
    await page.goto(`/assessments/${applicationId}`);
    await expect(page.getByRole('heading', { name: 'No encontramos esta aplicación' })).toBeVisible();
    expect((await page.request.get(`/api/v1/assessments/${applicationId}`)).status()).toBe(404);
  });
});

/** A person of the centre with no application of the person-level index yet. */
async function demoPerson(api: APIRequestContext): Promise<string> {
  const persons = (await (await api.get('/api/v1/persons?limit=100')).json()) as { items: { id: string }[] };
  for (const person of persons.items.slice(20)) {
    const applications = (await (await api.get(`/api/v1/persons/${person.id}/assessments`)).json()) as {
      items: unknown[];
    };
    if (applications.items.length === 0) return person.id;
  }
  throw new Error('No demo person without a person-level application.');
}

/** Both sizes a coordinator uses: a phone and a laptop. */
async function shotBoth(page: Page, name: string) {
  if (!SHOTS) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, `${name}-1280`);
  if (size) await page.setViewportSize(size);
}

test.describe('person-level index on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a caseworker applies the IPL-12-structured index to a person, leaves it as a draft, resumes it and sees the 0–1 score and the levels', async ({
    page,
  }) => {
    await signInWithApi(page.request, DEMO.caseworker);
    const personId = await demoPerson(page.request);
    await page.goto(`/people/${personId}`);
    const section = page.getByRole('region', { name: 'Índice de integración' });
    await expect(section.getByText('Todavía no se ha aplicado el índice.')).toBeVisible();
    // After the administrator's journey there may be more person instruments: this one is the IPL-12's.
    await section
      .getByRole('button', { name: /^(Nueva aplicación|Aplicar Índice de integración de la persona)/ })
      .click();

    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
    await expect(page.getByText('Dimensión 1 de 6')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Psicológica', level: 2 })).toBeVisible();
    await answerStep(page, 3);
    await expect(page.getByText('2 de 12 preguntas respondidas')).toBeVisible();
    await expect(page.getByText('Respuestas guardadas')).toBeVisible();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { name: 'Económica', level: 2 })).toBeVisible();
    await answerStep(page, 2);
    await expect(page.getByText('4 de 12 preguntas respondidas')).toBeVisible();
    await expect(page.getByText('Respuestas guardadas')).toBeVisible();

    // A reload keeps the step and the answers.
    await page.reload();
    await expect(page.getByText('Dimensión 2 de 6')).toBeVisible();
    await expect(page.getByText('4 de 12 preguntas respondidas')).toBeVisible();

    // The caseworker leaves; the person page offers to resume the draft, which opens where it was left.
    await page.getByRole('link', { name: 'Volver a la persona' }).click();
    await expect(section.getByRole('cell', { name: /Línea base/ })).toBeVisible();
    await section.getByRole('link', { name: 'Continuar la aplicación en borrador' }).click();
    await expect(page.getByText('Dimensión 2 de 6')).toBeVisible();
    await expect(page.getByText('4 de 12 preguntas respondidas')).toBeVisible();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    for (const step of [3, 4, 5, 6]) {
      await expect(page.getByText(`Dimensión ${step} de 6`)).toBeVisible();
      await answerStep(page, 3);
      if (step < 6) await page.getByRole('button', { name: 'Siguiente' }).click();
    }
    await expect(page.getByText('12 de 12 preguntas respondidas')).toBeVisible();
    await page.getByRole('button', { name: 'Terminar y ver resultado' }).click();

    await expect(page.getByRole('heading', { name: 'Resultado del índice' })).toBeVisible();
    await expect(
      page.getByText(/Índice de integración de la persona \(estructura IPL-12\) · Línea base/),
    ).toBeVisible();
    await expect(page.getByText(/^Nivel (Bajo|Básico|Medio|Alto)$/)).toBeVisible();
    await expect(page.getByText(/^Puntaje en la escala del índice \(0 a 1\): 0,\d\d$|: 1,00$/)).toBeVisible();
    await expect(
      page.getByText('Niveles: Bajo desde 0,00 · Básico desde 0,40 · Medio desde 0,60 · Alto desde 0,80'),
    ).toBeVisible();
    const dimensions = page.getByRole('list', { name: 'Resultado por dimensión' }).getByRole('listitem');
    await expect(dimensions).toHaveCount(6);
    await expect(dimensions.filter({ hasText: 'Lingüística' })).toBeVisible();
    await expectNoSeriousViolations(page);
    await shotBoth(page, 'person-result');

    await page.getByRole('link', { name: 'Volver a la persona' }).first().click();
    await expect(section.getByText('Última medición:')).toBeVisible();
  });
});

test.describe('indicator targets', () => {
  test('a coordinator sets the target of the centre programme, with the percentage checked; an analyst only reads', async ({
    page,
    baseURL,
  }) => {
    await signInWithApi(page.request, DEMO.coordinator);
    await page.goto('/indicators/integration');
    await expect(page.getByRole('heading', { name: 'Hogares con integración alta' })).toBeVisible();
    // The demo measured the centre's households under its programme, named (not keyed), with Barranquilla's 70 %.
    const card = page.getByRole('listitem', {
      name: 'Centro Intégrate Barranquilla · Centro Intégrate: integración socioeconómica de migrantes y comunidad de acogida',
    });
    await expect(card.getByText(/Meta 70 %/)).toBeVisible();
    await expect(card.getByText(/de \d+ hogares medidos en nivel Alto/)).toBeVisible();
    await expect(page.getByText('integrate-integracion')).toHaveCount(0);
    await shotBoth(page, 'indicator-targets');

    await card.getByRole('button', { name: /Cambiar la meta de Centro Intégrate Barranquilla/ }).click();
    const share = card.getByRole('textbox', { name: /^Meta \(%\)/ });
    await share.fill('150');
    await card.getByRole('button', { name: 'Guardar meta' }).click();
    await expect(card.getByText('Escriba un porcentaje entero entre 0 y 100.')).toBeVisible();
    await expectNoSeriousViolations(page);
    await share.fill('60');
    await card.getByRole('button', { name: 'Guardar meta' }).click();
    await expect(card.getByText(/Meta 60 %/)).toBeVisible();

    // A target for the office's applications without a programme, from the form below the cards.
    const form = page.getByRole('region', { name: 'Fijar una meta' });
    // A coordinator of one office sets targets for it: no office to choose.
    await expect(form.getByText('Centro Intégrate Barranquilla')).toBeVisible();
    await expect(form.getByRole('combobox', { name: 'Oficina' })).toHaveCount(0);
    await expect(form.getByRole('combobox', { name: 'Programa' }).locator('option')).toContainText([
      'Sin programa',
      'Centro Intégrate: integración socioeconómica de migrantes y comunidad de acogida',
    ]);
    await form.getByRole('textbox', { name: /^Meta \(%\)/ }).fill('50');
    await form.getByRole('button', { name: 'Guardar meta' }).click();
    await expect(form.getByText('Meta guardada: 50 %.')).toBeVisible();
    await expect(
      page
        .getByRole('listitem', { name: 'Centro Intégrate Barranquilla · Sin programa' })
        .getByText(/Meta 50 %/),
    ).toBeVisible();
    await page.context().clearCookies();

    const analyst = await createUser(baseURL as string, {
      prefix: 'analista.metas',
      displayName: 'Analista Metas',
      role: 'analyst',
    });
    await signInWithApi(page.request, analyst.email, analyst.password);
    await page.goto('/indicators/integration');
    await expect(page.getByText(/Meta 60 %/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Cambiar meta|Fijar meta/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Fijar una meta' })).toHaveCount(0);
  });
});
