import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { DEMO_PROGRAMMES } from '../../demo/network';
import { signIn } from '../../testing/sessions';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
let database: DatabaseHandle;

beforeAll(async () => {
  ({ app, database } = await createTestApp({ seedDemo: true }));
});

afterAll(async () => {
  await app.close();
});

describe('GET /api/v1/programmes', () => {
  it('refuses an anonymous caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/programmes' });
    expect(response.statusCode).toBe(401);
  });

  it('lists the demo programmes with their approval rules, named in Spanish by default', async () => {
    const { session } = await signIn(app, 'enlace.sena@ruta.example');
    const response = await session.request({ method: 'GET', url: '/api/v1/programmes' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<Record<string, unknown>>;
    expect(items.map((p) => p.key).sort()).toEqual(DEMO_PROGRAMMES.map((p) => p.key).sort());
    expect(items.find((p) => p.key === 'plan-retorno-insercion-laboral')).toMatchObject({
      name: 'Plan Retorno: inserción laboral',
      requiresPlanApproval: true,
      requiresClosureApproval: true,
      active: true,
    });
    expect(items.find((p) => p.key === 'plan-retorno-atencion-inmediata')).toMatchObject({
      requiresPlanApproval: false,
      requiresClosureApproval: false,
    });
  });

  it('names them in English when asked, and hides inactive programmes unless included', async () => {
    await database.db
      .updateTable('programme')
      .set({ active: false })
      .where('key', '=', 'plan-retorno-emprendimiento')
      .execute();
    const { session } = await signIn(app, 'gestor@ruta.example');
    const english = await session.request({
      method: 'GET',
      url: '/api/v1/programmes',
      headers: { 'accept-language': 'en' },
    });
    const keys = english.json().items.map((p: { key: string }) => p.key);
    expect(keys).not.toContain('plan-retorno-emprendimiento');
    expect(english.json().items.find((p: { key: string }) => p.key === 'integrate-integracion').name).toBe(
      'Centro Intégrate: socioeconomic integration of migrants and the host community',
    );
    const all = await session.request({ method: 'GET', url: '/api/v1/programmes?includeInactive=true' });
    expect(
      all.json().items.find((p: { key: string }) => p.key === 'plan-retorno-emprendimiento'),
    ).toMatchObject({ active: false });
  });
});
