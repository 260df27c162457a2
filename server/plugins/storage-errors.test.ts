import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { countOf } from '../../tests/helpers/rows';
import { buildTestApp, firstActiveEntry, testEngine, type TestApp } from '../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('when the database cannot be written', () => {
  // SQLite can be made read-only on the app's own connection; a PostgreSQL pool has many connections and no such
  // switch that reaches the ones already open, so there this is proved by the engine's own error mapping instead.
  it.skipIf(testEngine() === 'postgres')('a submission gets a clean 503 with a Chinese message, and the server keeps serving reads', async () => {
    const entryCode = (await firstActiveEntry(t.app)).code;
    await sql`PRAGMA query_only = ON`.execute(t.app.store.db);
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/requests',
        payload: { requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { name: '王五', phone: '13957711111' }, consent: true },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.json().error.message).toMatch(/不会丢失/);
      expect(res.headers['retry-after']).toBe('30');
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await sql`PRAGMA query_only = OFF`.execute(t.app.store.db);
    }
    expect(await countOf(t.app, sql`SELECT count(*) AS n FROM cases`)).toBe(0);
  });
});
