import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await createTestApp());
});
afterAll(() => app.close());

describe('reference lists (public)', () => {
  it('names countries in the caller’s language, Colombia and Venezuela first', async () => {
    const es = (await app.inject({ method: 'GET', url: '/api/v1/reference/countries' })).json().items;
    const en = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/reference/countries',
        headers: { 'accept-language': 'en' },
      })
    ).json().items;
    expect(es.slice(0, 2).map((c: { code: string }) => c.code)).toEqual(['CO', 'VE']);
    expect(es.length).toBeGreaterThanOrEqual(249);
    expect(es.find((c: { code: string }) => c.code === 'DE').name).toBe('Alemania');
    expect(en.find((c: { code: string }) => c.code === 'DE').name).toBe('Germany');
  });

  it('finds municipalities with or without accents, and by code', async () => {
    const search = async (q: string) =>
      (await app.inject({ method: 'GET', url: '/api/v1/reference/municipalities', query: { q } })).json()
        .items;
    expect((await search('cucuta'))[0]).toMatchObject({
      code: '54001',
      departmentName: 'Norte de Santander',
    });
    expect((await search('Bogotá'))[0]).toMatchObject({ code: '11001' });
    expect((await search('54874'))[0]).toMatchObject({ name: 'Villa del Rosario' });
  });

  it('lists the document types with their rules and the 33 departments', async () => {
    const types = (await app.inject({ method: 'GET', url: '/api/v1/reference/document-types' })).json().items;
    expect(types.find((t: { code: string }) => t.code === 'CC')).toMatchObject({ charset: 'digits' });
    const departments = (await app.inject({ method: 'GET', url: '/api/v1/reference/departments' })).json()
      .items;
    expect(departments).toHaveLength(33);
  });
});
