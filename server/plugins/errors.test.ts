import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';

let app: FastifyInstance;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-errors-'));
  app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, { clientDist: path.join(dataDir, 'none') }));
  // Two probe routes: a strict schema, and a bug that throws.
  app.post('/api/test/echo', {
    schema: { body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 5 }), age: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }) },
  }, async (request) => request.body);
  app.get('/api/test/boom', async () => {
    throw new Error('secret internal detail at /srv/app.ts:42');
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
}

describe('the one error shape', () => {
  it('unknown API route → 404 NOT_FOUND', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 'NOT_FOUND');
  });

  it('wrong method on a known path → 404 NOT_FOUND in the same shape', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/health' });
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 'NOT_FOUND');
  });

  it('a browser asking for an unknown page gets a Chinese page, not JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/nowhere', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('没有找到这个页面');
  });

  it('an over-long path parameter → 414 URL_TOO_LONG in the same shape (found by the fuzz test)', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/entries/${'x'.repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expectErrorShape(res.json(), 'URL_TOO_LONG');
  });

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'INVALID_JSON');
  });

  it('a non-JSON body → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expectErrorShape(res.json(), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body over 64 KiB → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(70 * 1024) }) });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 'PAYLOAD_TOO_LARGE');
  });

  it('unknown fields are rejected, not silently stored or stripped', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: '张三', age: 3, isAdmin: true } });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 'VALIDATION_FAILED');
    expect(res.json().error.fields).toHaveProperty('isAdmin');
  });

  it('every bad field is named with a Chinese message', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: '太长的名字啊啊', age: -1 } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields.name).toBe('最多只能填 5 个字');
    expect(fields.age).toBe('不能小于 0');
  });

  it('a missing field is named', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { name: '张三' } });
    expect(res.json().error.fields).toEqual({ age: '这一项必须填写' });
  });

  it('a bug → 500 INTERNAL_ERROR without the stack or message', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expectErrorShape(res.json(), 'INTERNAL_ERROR');
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('app.ts');
  });

  it('sends security headers with a strict content security policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
