import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { latestKnownMigration } from '../db/migrate';
import { createTestApp } from '../testing/test-app';
import { AppError } from './http/problem';

const ProbeBody = z.object({
  email: z.email(),
  age: z.number().int().min(0).max(120),
  kind: z.enum(['returnee', 'migrant']),
  name: z.string().min(2),
});

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await createTestApp({
    env: { BODY_LIMIT_BYTES: '2048' },
    register(app) {
      app.post(
        '/api/test/probe',
        { schema: { hide: true, security: [], body: ProbeBody } },
        async (request) => request.body,
      );
      app.get('/api/test/crash', { schema: { hide: true, security: [] } }, async () => {
        throw new Error('secret connection string postgres://admin:hunter2@db');
      });
      app.get('/api/test/conflict', { schema: { hide: true, security: [] } }, async () => {
        throw new AppError('conflict', {}, { current: { version: 3 } });
      });
    },
  }));
});
afterAll(() => app.close());

describe('GET /api/health', () => {
  it('reports a reachable database and the schema version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database.reachable).toBe(true);
    expect(body.database.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.schemaVersion).toBe(latestKnownMigration());
  });

  it('carries a request id, echoing a valid one the client sent', async () => {
    const generated = await app.inject({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-1234567' },
    });
    expect(echoed.headers['x-request-id']).toBe('trace-1234567');
  });

  it('sends security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('problem+json errors', () => {
  it('answers an unknown API path with 404 in Spanish by default', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: 'urn:ruta:problem:not-found',
      title: 'No encontrado',
      status: 404,
      detail: 'No existe ningún recurso en /api/v1/nothing-here.',
    });
  });

  it('follows Accept-Language, including regional variants', async () => {
    const english = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(english.json().title).toBe('Not found');
    const colombian = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'es-CO' },
    });
    expect(colombian.json().title).toBe('No encontrado');
    const unsupported = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'fr-FR' },
    });
    expect(unsupported.json().title).toBe('No encontrado');
  });

  it('answers a wrong method with 405 and the allowed methods', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/health' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toContain('GET');
    expect(response.json()).toMatchObject({ status: 405, type: 'urn:ruta:problem:method-not-allowed' });
  });

  it('names every invalid field, in the caller’s language', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/probe',
      payload: { email: 'not-an-email', age: 200, kind: 'tourist' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.type).toBe('urn:ruta:problem:validation');
    expect(problem.title).toBe('Hay datos por corregir');
    expect(problem.errors).toEqual([
      { in: 'body', path: 'email', message: 'Escriba un correo electrónico válido.' },
      { in: 'body', path: 'age', message: 'Debe ser menor o igual a 120.' },
      { in: 'body', path: 'kind', message: 'Debe ser uno de estos valores: returnee, migrant.' },
      { in: 'body', path: 'name', message: 'Este campo es obligatorio.' },
    ]);
    expect(problem.detail).toBe('Revise 4 campos: email, age, kind, name.');

    const english = await app.inject({
      method: 'POST',
      url: '/api/test/probe',
      headers: { 'accept-language': 'en' },
      payload: { email: 'ana@example.org', age: 30, kind: 'migrant', name: 'A' },
    });
    expect(english.json().errors).toEqual([
      { in: 'body', path: 'name', message: 'Must be at least 2 characters long.' },
    ]);
    expect(english.json().detail).toBe('Check 1 field: name.');
  });

  it('accepts a valid body', async () => {
    const payload = { email: 'ana@example.org', age: 30, kind: 'migrant', name: 'Ana' };
    const response = await app.inject({ method: 'POST', url: '/api/test/probe', payload });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(payload);
  });

  it('rejects malformed JSON and unsupported content types', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/test/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().type).toBe('urn:ruta:problem:malformed-body');

    const xml = await app.inject({
      method: 'POST',
      url: '/api/test/probe',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().type).toBe('urn:ruta:problem:unsupported-media-type');
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/probe',
      payload: { email: 'a@b.co', age: 1, kind: 'migrant', name: 'x'.repeat(4096) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, detail: expect.stringContaining('2 KB') });
  });

  it('hides internals of unexpected errors behind a 500 with the request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(response.statusCode).toBe(500);
    const problem = response.json();
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.detail).toContain(response.headers['x-request-id']);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('turns a service’s AppError into its problem with extensions', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ status: 409, current: { version: 3 } });
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document in which every operation is tagged with its module', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const knownTags = new Set(document.tags.map((tag: { name: string }) => tag.name));
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { tags?: string[] }>).map(([method, op]) => ({
        path,
        method,
        op,
      })),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method, op } of operations) {
      expect(op.tags?.length, `${method} ${path} has no tag`).toBeGreaterThan(0);
      for (const tag of op.tags ?? [])
        expect(knownTags.has(tag), `${method} ${path}: unknown tag ${tag}`).toBe(true);
    }
    expect(document.paths['/api/health'].get.security).toEqual([]);
  });

  it('serves the browsable documentation', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});

describe('web app', () => {
  let webApp: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'ruta-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Ruta</title><div id="root"></div>');
    ({ app: webApp } = await createTestApp({ env: { WEB_DIST_DIR: webDir } }));
  });
  afterAll(async () => {
    await webApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the single-page app for client-side routes, uncached', async () => {
    for (const url of ['/', '/sign-in', '/people/123']) {
      const response = await webApp.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the precompressed copy of an asset that the browser accepts, and the plain file otherwise', async () => {
    const script = 'console.log("Ruta");\n'.repeat(200);
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), script);
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js.br'), brotliCompressSync(script));
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js.gz'), gzipSync(script));

    const brotli = await webApp.inject({
      method: 'GET',
      url: '/assets/app-1a2b.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    expect(brotli.headers['cache-control']).toContain('immutable');

    const gzip = await webApp.inject({
      method: 'GET',
      url: '/assets/app-1a2b.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await webApp.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('keeps API 404s as problem+json', async () => {
    const response = await webApp.inject({ method: 'GET', url: '/api/v1/unknown' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
