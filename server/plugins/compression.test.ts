import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';
import { COMPRESSION_THRESHOLD } from './compression';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('compression of replies built per request', () => {
  it('sends a large JSON answer as brotli when offered, and it decodes to the same answer', async () => {
    const plain = await t.app.inject({ url: '/api/policies' });
    expect(plain.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ url: '/api/policies', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('leaves small answers and the screening answer as they are', async () => {
    const health = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.headers['content-encoding']).toBeUndefined();
    const screening = await t.app.inject({
      method: 'POST',
      url: '/api/screenings',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      payload: { entryCode: (await firstActiveEntry(t.app)).code, answers: HARDSHIP_ANSWERS },
    });
    expect(screening.statusCode).toBe(200);
    expect(screening.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    expect(screening.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the server-rendered landing page', async () => {
    const landing = await t.app.inject({ url: `/q/${(await firstActiveEntry(t.app)).code}`, headers: { 'accept-encoding': 'gzip' } });
    expect(landing.statusCode).toBe(200);
    expect(landing.headers['content-encoding']).toBe('gzip');
  });
});
