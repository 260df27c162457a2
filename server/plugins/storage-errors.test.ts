import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import { POSTGRES_ADMIN_URL } from '../../tests/helpers/postgres';
import { countOf } from '../../tests/helpers/rows';
import { buildTestApp, firstActiveEntry, testEngine, type TestApp } from '../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/**
 * Makes the app's database refuse writes, or take them again. SQLite: on the app's own connection. PostgreSQL: for
 * every new session of the database, and the sessions already open are ended so the pool reconnects into
 * read-only ones — what the app meets when its DATABASE_URL reaches a server that is no longer the primary.
 */
async function refuseWrites(on: boolean): Promise<void> {
  if (testEngine() === 'sqlite') {
    await sql`PRAGMA query_only = ${sql.raw(on ? 'ON' : 'OFF')}`.execute(t.app.store.db);
    return;
  }
  const name = new URL(t.databaseUrl!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  } finally {
    await admin.end();
  }
}

const health = async () => (await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode;

describe('when the database cannot be written', () => {
  it('a submission gets a clean 503 with a Chinese message, and the server keeps serving reads', async () => {
    const entryCode = (await firstActiveEntry(t.app)).code;
    await refuseWrites(true);
    try {
      // The pool has dropped the connections PostgreSQL ended; reads go on over new ones.
      await expect.poll(health).toBe(200);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/requests',
        payload: { requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { name: '王五', phone: '13957711111' }, consent: true },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.json().error.message).toMatch(/不会丢失/);
      expect(res.headers['retry-after']).toBe('30');
      expect(await health()).toBe(200);
    } finally {
      await refuseWrites(false);
    }
    await expect.poll(health).toBe(200);
    expect(await countOf(t.app, sql`SELECT count(*) AS n FROM cases`)).toBe(0);
  });
});
