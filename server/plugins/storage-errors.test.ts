import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('when the database cannot be written', () => {
  it('a submission gets a clean 503 with a Chinese message, and the server keeps serving reads', async () => {
    t.app.db.pragma('query_only = ON');
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/requests',
        payload: { requestId: randomUUID(), entryCode: (await firstActiveEntry(t.app)).code, answers: HARDSHIP_ANSWERS, person: { name: '王五', phone: '13957711111' }, consent: true },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.json().error.message).toMatch(/不会丢失/);
      expect(res.headers['retry-after']).toBe('30');
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      t.app.db.pragma('query_only = OFF');
    }
    expect(t.app.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });
});
