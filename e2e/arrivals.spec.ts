import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, expectNoSeriousViolations, hasHorizontalScroll, signInWithApi } from './support';

// Immediate assistance at El Dorado on a tablet: the reception officer records a deportation notice before the
// flight lands, finds it on today's pending board, receives the traveller (registering them runs the registry's
// duplicate check, which finds the record already there), and works the deportation protocol. Then a caseworker's
// "Mi trabajo de hoy" shows overdue tasks first.

const SHOTS = process.env.ARRIVALS_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A `datetime-local` value a few minutes from now, in the browser's time zone. */
async function minutesFromNow(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const date = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }, minutes);
}

const TRAVELLER = 'Édgar Yesid Montoya Arrieta';
const DOCUMENT = '79345612';

test.describe('arrivals on a tablet', () => {
  test.use({ viewport: { width: 800, height: 1180 }, hasTouch: true });

  test('recepción records a deportation notice, receives the traveller and follows the protocol', async ({
    page,
  }) => {
    const csrf = await signInWithApi(page.request, DEMO.reception);
    const post = (await (await page.request.get('/api/v1/auth/session')).json()).user.officeIds[0] as string;
    // The traveller was registered at the post on an earlier return.
    const earlier = await page.request.post('/api/v1/persons', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        officeId: post,
        givenName1: 'Édgar',
        givenName2: 'Yesid',
        surname1: 'Montoya',
        surname2: 'Arrieta',
        birthDate: '1988-02-14',
        populationGroup: 'returnee',
        documents: [{ type: 'CC', number: DOCUMENT }],
      },
    });
    expect(earlier.status(), await earlier.text()).toBe(201);

    await page.goto('/arrivals/new');
    await expect(page.getByRole('heading', { name: 'Registrar llegada', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Con aviso previo' })).toBeChecked();
    await page.getByLabel('Quién avisa').selectOption('migration_authority');
    await page.getByLabel('Llegada prevista').fill(await minutesFromNow(page, 2));
    await page.getByLabel('Número de vuelo').fill('AV 033');
    await page.getByLabel('Nombre de la persona').fill(TRAVELLER);
    await page.getByLabel('Documento (si el aviso lo trae)').fill(`CC ${DOCUMENT}`);
    await page.getByRole('button', { name: 'Persona deportada o expulsada' }).click();
    await expect(page.getByRole('button', { name: 'Persona deportada o expulsada' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await shot(page, 'tablet-intake');
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Guardar aviso' }).click();

    await expect(page.getByRole('heading', { name: TRAVELLER, level: 1 })).toBeVisible();
    await expect(page.getByText('Anunciada', { exact: true })).toBeVisible();
    await expect(page.getByText(/Verificar la identidad con el documento/)).toBeVisible();

    // Today's board at the post.
    await page.getByRole('navigation').getByRole('link', { name: 'Llegadas' }).click();
    await expect(page.getByRole('heading', { name: 'Llegadas de hoy', level: 1 })).toBeVisible();
    const row = page.getByRole('listitem').filter({ hasText: TRAVELLER });
    await expect(row).toBeVisible();
    await expect(row.getByText('Anunciada')).toBeVisible();
    await expect(row.getByText('AV 033')).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shot(page, 'tablet-board');
    await expectNoSeriousViolations(page);

    // The traveller is at the post: registering them again runs into the record already there.
    await row.getByRole('link', { name: TRAVELLER }).click();
    const receive = page.getByRole('region', { name: 'Recibir en el puesto' });
    await receive.getByRole('button', { name: 'Registrar persona nueva' }).click();
    await expect(receive.getByLabel('Primer nombre')).toHaveValue('Édgar');
    await expect(receive.getByLabel('Segundo apellido')).toHaveValue('Arrieta');
    await expect(receive.getByLabel('Número de documento')).toHaveValue(DOCUMENT);
    await receive.getByLabel('Fecha de nacimiento').fill('1988-02-14');
    await receive.getByRole('button', { name: 'Alimentación' }).click();
    await receive.getByRole('button', { name: 'Confirmar recepción' }).click();
    await expect(receive.getByText('¿Ya está en el registro?')).toBeVisible();
    await expect(receive.getByText('Mismo documento')).toBeVisible();
    await shot(page, 'tablet-duplicate');
    await expectNoSeriousViolations(page);
    await receive.getByRole('button', { name: 'Es esta persona' }).click();
    await expect(receive.getByText('Persona del registro')).toBeVisible();
    await receive.getByRole('button', { name: 'Confirmar recepción' }).click();

    await expect(page.getByText('Recibida', { exact: true })).toBeVisible();
    await expect(page.getByText(/Recibida por Camila Rojas/)).toBeVisible();
    await expect(page.getByText('Se le brindó: Alimentación')).toBeVisible();
    const checklist = page.getByRole('region', { name: 'Hoja de ruta' });
    await expect(checklist.getByRole('checkbox')).toHaveCount(5);
    for (const step of [/Verificar la identidad/, /valoración inicial de salud/]) {
      await checklist.getByRole('checkbox', { name: step }).check();
      await expect(checklist.getByRole('checkbox', { name: step })).toBeChecked();
    }
    await expect(checklist.getByText(/Hecho por Camila Rojas/)).toHaveCount(2);
    await expect(checklist.getByText('A tiempo')).toHaveCount(2);
    await expect(checklist.getByRole('checkbox', { name: /Contactar a un familiar/ })).not.toBeChecked();
    await page.reload();
    await expect(checklist.getByRole('checkbox', { name: /Verificar la identidad/ })).toBeChecked();
    await shot(page, 'tablet-checklist');
    await expectNoSeriousViolations(page);

    // The board now shows it received, with the steps still to do.
    await page.goto('/arrivals');
    const received = page.getByRole('listitem').filter({ hasText: TRAVELLER });
    await expect(received.getByText('Recibida')).toBeVisible();
    await expect(received.getByText('3 pasos pendientes')).toBeVisible();
  });
});

test.describe("a caseworker's work today on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('overdue tasks come first', async ({ page }) => {
    const csrf = await signInWithApi(page.request, DEMO.caseworker);
    const session = (await (await page.request.get('/api/v1/auth/session')).json()).user;
    for (const [title, minutes] of [
      ['Tarea de hoy del recorrido', 1],
      ['Tarea vencida del recorrido', -120],
    ] as const) {
      const created = await page.request.post('/api/v1/tasks', {
        headers: { 'X-CSRF-Token': csrf },
        data: {
          officeId: session.officeIds[0],
          assigneeId: session.id,
          title,
          dueAt: new Date(Date.now() + minutes * 60_000).toISOString(),
        },
      });
      expect(created.status(), await created.text()).toBe(201);
    }
    await page.goto('/');
    await page.getByRole('button', { name: 'Abrir el menú de navegación' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Mi trabajo de hoy' }).click();
    await expect(page.getByRole('heading', { name: 'Mi trabajo de hoy', level: 1 })).toBeVisible();
    const sections = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(sections.nth(0)).toHaveText('Vencidas');
    await expect(sections.nth(1)).toHaveText('Para hoy');
    const overdue = page.getByRole('region', { name: 'Vencidas' });
    await expect(overdue.getByText('Tarea vencida del recorrido')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Para hoy' }).getByText('Tarea de hoy del recorrido'),
    ).toBeVisible();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await shot(page, 'phone-my-work');
    await expectNoSeriousViolations(page);
  });
});
