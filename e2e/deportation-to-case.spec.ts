import { mkdirSync } from 'node:fs';
import { type APIRequestContext, type Browser, expect, type Page, request, test } from '@playwright/test';
import { adminApi, DEMO, hasHorizontalScroll, signInWithApi, uniqueEmail } from './support';

// The journey, end to end: an announced deportation arrives at El Dorado, is received at the post (the
// traveller registered through the duplicate check), follows its protocol, and is handed off to the Migrant
// Assistance Office in Bogotá in "Plan Retorno: atención inmediata"; the office's coordinator assigns the case to a
// caseworker, who sees how the person arrived, records a need and agrees an action plan tied to it. Every user and
// record is this journey's own, so it runs beside the other journeys against the same server.

const SHOTS = process.env.HANDOFF_SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
/** Full-page screenshots at a tablet's and a phone's width. */
async function shotWidths(page: Page, name: string) {
  if (!SHOTS) return;
  const size = page.viewportSize();
  for (const width of [768, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 1024 });
    // The layout settles after the resize (the navigation turns into a menu on a phone).
    await expect.poll(() => hasHorizontalScroll(page), { message: `${name} at ${width} px` }).toBe(false);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

const BOGOTA = 'Oficina de Atención al Migrante – Bogotá';
const PASSWORD = 'una frase larga de la oficina de Bogotá';

/** A user of the Bogotá office made by the administrator, with their own password already set. */
async function bogotaUser(baseURL: string, role: 'office_coordinator' | 'caseworker', displayName: string) {
  const { api, csrf } = await adminApi(baseURL);
  try {
    const network = (await (await api.get('/api/v1/network')).json()) as {
      offices: { id: string; organizationId: string; name: string }[];
    };
    const office = network.offices.find((item) => item.name === BOGOTA);
    if (!office) throw new Error(`The demo network has no ${BOGOTA}.`);
    const created = await api.post('/api/v1/users', {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        email: uniqueEmail(role === 'caseworker' ? 'gestion.bogota' : 'coordinacion.bogota'),
        displayName,
        role,
        organizationId: office.organizationId,
        officeIds: [office.id],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { user, temporaryPassword } = (await created.json()) as {
      user: { id: string; email: string };
      temporaryPassword: string;
    };
    const own = await request.newContext({ baseURL });
    try {
      const ownCsrf = await signInWithApi(own, user.email, temporaryPassword);
      const changed = await own.post('/api/v1/auth/password', {
        headers: { 'X-CSRF-Token': ownCsrf },
        data: { currentPassword: temporaryPassword, newPassword: PASSWORD },
      });
      expect(changed.status()).toBe(204);
    } finally {
      await own.dispose();
    }
    return user;
  } finally {
    await api.dispose();
  }
}

async function pageAs(
  browser: Browser,
  baseURL: string,
  email: string,
  viewport: { width: number; height: number },
  password?: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'es-CO', viewport, hasTouch: true });
  const page = await context.newPage();
  await signInWithApi(page.request as APIRequestContext, email, password);
  return page;
}

/** A `datetime-local` value some minutes from now, in the browser's time zone. */
async function minutesFromNow(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const date = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }, minutes);
}

/** Letters only, different on every run: names are checked for duplicates, so each run brings its own person. */
function uniqueSurname(): string {
  const letters = 'bcdfghjklmnprstvz';
  let n = Date.now() + Math.floor(Math.random() * 1000);
  let out = '';
  while (n > 0) {
    out += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return `Ya${out.slice(0, 7)}`;
}

test('an announced deportation becomes a case at a Migrant Assistance Office with an agreed plan', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const surname = uniqueSurname();
  const traveller = `Jhon Fredy ${surname} Cárdenas`;
  const document = String(Date.now()).slice(-10);
  const coordinatorName = `Coordinación Bogotá ${surname}`;
  const caseworkerName = `Gestión Bogotá ${surname}`;
  const coordinatorUser = await bogotaUser(base, 'office_coordinator', coordinatorName);
  const caseworkerUser = await bogotaUser(base, 'caseworker', caseworkerName);

  // At El Dorado, on a tablet: the notice before the flight lands.
  const reception = await pageAs(browser, base, DEMO.reception, { width: 768, height: 1024 });
  await reception.goto('/arrivals/new');
  await expect(reception.getByRole('heading', { name: 'Registrar llegada', level: 1 })).toBeVisible();
  await reception.getByLabel('Quién avisa').selectOption('migration_authority');
  await reception.getByLabel('Llegada prevista').fill(await minutesFromNow(reception, 30));
  await reception.getByLabel('Número de vuelo').fill('AV 047');
  await reception.getByLabel('Nombre de la persona').fill(traveller);
  await reception.getByLabel('Documento (si el aviso lo trae)').fill(`CC ${document}`);
  await reception.getByRole('button', { name: 'Persona deportada o expulsada' }).click();
  await reception.getByRole('button', { name: 'Guardar aviso' }).click();
  await expect(reception.getByRole('heading', { name: traveller, level: 1 })).toBeVisible();
  await expect(reception.getByText('Anunciada', { exact: true })).toBeVisible();
  // Nothing to hand off before the traveller is received.
  await expect(
    reception.getByRole('region', { name: 'Remitir a una Oficina de Atención al Migrante' }),
  ).toHaveCount(0);

  // The traveller is at the post: registered now, through the duplicate check.
  const receive = reception.getByRole('region', { name: 'Recibir en el puesto' });
  await receive.getByRole('button', { name: 'Registrar persona nueva' }).click();
  await expect(receive.getByLabel('Primer apellido')).toHaveValue(surname);
  await expect(receive.getByLabel('Número de documento')).toHaveValue(document);
  await receive.getByLabel('Fecha de nacimiento').fill('1991-07-23');
  await receive.getByRole('button', { name: 'Alimentación' }).click();
  await receive.getByRole('button', { name: 'Transporte' }).click();
  await receive.getByRole('button', { name: 'Confirmar recepción' }).click();
  const received = reception.getByText('Recibida', { exact: true });
  const duplicates = receive.getByText('¿Ya está en el registro?');
  await expect(received.or(duplicates)).toBeVisible();
  if (await duplicates.isVisible()) {
    // Someone alike is registered: this traveller is another person.
    await receive.getByRole('button', { name: 'Es otra persona, registrar de todas formas' }).click();
  }
  await expect(received).toBeVisible();

  // Some steps of the deportation protocol.
  const checklist = reception.getByRole('region', { name: 'Hoja de ruta' });
  for (const step of [/Verificar la identidad/, /valoración inicial de salud/]) {
    await checklist.getByRole('checkbox', { name: step }).check();
    await expect(checklist.getByRole('checkbox', { name: step })).toBeChecked();
  }
  const referStep = checklist.getByRole('checkbox', {
    name: /Remitir a una Oficina de Atención al Migrante/,
  });
  await expect(referStep).not.toBeChecked();

  // The hand-off to Bogotá in the immediate-assistance programme.
  const handoff = reception.getByRole('region', { name: 'Remitir a una Oficina de Atención al Migrante' });
  await expect(handoff.getByLabel('Programa')).toHaveValue('plan-retorno-atencion-inmediata');
  await handoff.getByLabel('Oficina que recibe').selectOption({ label: BOGOTA });
  await shotWidths(reception, 'handoff-form');
  await handoff.getByRole('button', { name: 'Remitir y abrir el caso' }).click();
  await expect(handoff.getByText(`Caso abierto en ${BOGOTA} el`)).toBeVisible();
  await expect(handoff.getByText('Programa: Plan Retorno: atención inmediata')).toBeVisible();
  await expect(handoff.getByRole('link')).toHaveCount(0);
  await expect(referStep).toBeChecked();
  await shotWidths(reception, 'handoff-done');
  await reception.context().close();

  // The Bogotá coordinator finds the new case among the office's cases and assigns it.
  const coordinator = await pageAs(
    browser,
    base,
    coordinatorUser.email,
    { width: 1280, height: 800 },
    PASSWORD,
  );
  await coordinator.goto('/cases?scope=office');
  await coordinator.getByRole('link', { name: traveller }).click();
  await expect(coordinator.getByRole('heading', { name: traveller, level: 1 })).toBeVisible();
  const caseUrl = new URL(coordinator.url()).pathname;
  await coordinator.getByRole('button', { name: 'Reasignar' }).click();
  const dialog = coordinator.getByRole('dialog', { name: 'Reasignar el caso' });
  await dialog.getByLabel('Nuevo gestor(a)').selectOption({ label: caseworkerName });
  await dialog.getByRole('button', { name: 'Reasignar' }).click();
  await expect(
    coordinator.getByRole('region', { name: 'Historia del caso' }).getByText('Caso reasignado'),
  ).toBeVisible();
  await coordinator.context().close();

  // The caseworker, on a phone: the case in the office's cases, and how the person arrived.
  const caseworker = await pageAs(browser, base, caseworkerUser.email, { width: 360, height: 740 }, PASSWORD);
  await caseworker.goto('/cases?scope=office');
  await caseworker.getByRole('link', { name: traveller }).click();
  await expect(caseworker).toHaveURL(new RegExp(`${caseUrl}$`));
  const arrived = caseworker.getByRole('region', { name: 'Cómo llegó' });
  await expect(
    arrived.getByText(
      /^Llegó por Puesto de control migratorio – Aeropuerto El Dorado el .+ \(persona deportada o expulsada\)$/,
    ),
  ).toBeVisible();
  await expect(arrived.getByText('Anunciada por Migración Colombia · Número de vuelo: AV 047')).toBeVisible();
  await expect(arrived.getByText('Se le brindó: Alimentación, Transporte')).toBeVisible();
  await expect(
    caseworker
      .getByRole('region', { name: 'Historia del caso' })
      .getByText('Caso abierto por remisión desde Puesto de control migratorio – Aeropuerto El Dorado'),
  ).toBeVisible();

  // A need of the person, recorded on their page.
  await caseworker.getByRole('region', { name: 'Resumen' }).getByRole('link', { name: traveller }).click();
  const needs = caseworker.getByRole('region', { name: 'Necesidades', exact: true });
  await needs.getByRole('button', { name: 'Agregar necesidad' }).click();
  const needForm = needs.getByRole('form', { name: 'Nueva necesidad' });
  await needForm.getByLabel('Dimensión').selectOption('housing_urban');
  await needForm.getByLabel('Descripción').fill('Sin lugar dónde quedarse en Bogotá');
  await needForm.getByLabel('Gravedad').selectOption('high');
  await needForm.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(needs.locator('li', { hasText: 'Sin lugar dónde quedarse en Bogotá' })).toBeVisible();

  // The plan: a goal tied to that need, with an action, agreed (the programme needs no approval).
  await caseworker.goto(caseUrl);
  const plan = caseworker.getByRole('region', { name: 'Plan de acción' });
  await plan.getByRole('button', { name: 'Agregar meta' }).click();
  const goalForm = plan.getByRole('form', { name: 'Nueva meta' });
  await goalForm.getByLabel('Dimensión').selectOption('housing_urban');
  await goalForm.getByLabel('Meta').fill('Tener alojamiento seguro las primeras semanas');
  await goalForm.getByRole('checkbox', { name: /Sin lugar dónde quedarse en Bogotá/ }).check();
  await goalForm.getByRole('button', { name: 'Guardar meta' }).click();
  await expect(plan.getByText('Atiende: Sin lugar dónde quedarse en Bogotá')).toBeVisible();
  await plan.getByRole('button', { name: 'Agregar acción' }).click();
  const actionForm = plan.getByRole('form', { name: 'Nueva acción' });
  const action = 'Gestionar cupo en un hogar de paso de la Secretaría de Integración Social';
  await actionForm.getByLabel('Acción').fill(action);
  await actionForm.getByLabel('Fecha límite').fill('2026-12-20');
  await actionForm.getByRole('button', { name: 'Guardar acción' }).click();
  await expect(plan.getByRole('checkbox', { name: action })).toBeVisible();
  await caseworker.getByRole('button', { name: 'Acordar el plan' }).click();
  await expect(caseworker.getByText('Activo', { exact: true })).toBeVisible();
  await expect(
    caseworker.getByRole('region', { name: 'Historia del caso' }).getByText('Plan acordado'),
  ).toBeVisible();
  await shotWidths(caseworker, 'case-page');
  await caseworker.context().close();
});
