import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { chinaDate } from '../../shared/time';
import { signIn } from '../helpers/admin';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { createStaff, login } from '../helpers/staff';

const REDIS_URL = process.env.XFM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/**
 * A province runs several app servers over one PostgreSQL and one Redis: what one server does, the others see.
 * Two real apps here share a throwaway database and Redis (each its own data folder, as on two machines).
 */
describe.skipIf(inject('postgresAdminUrl') === null)('two app servers on one PostgreSQL and one Redis', () => {
  let database: TestDatabase;
  const servers: FastifyInstance[] = [];
  const dirs: string[] = [];
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl')!);
    const dataKey = randomBytes(64).toString('base64');
    for (let i = 0; i < 2; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-two-'));
      dirs.push(dataDir);
      const config = loadConfig(
        { DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATA_KEY: dataKey, REDIS_URL: REDIS_URL },
        { clientDist: path.join(dataDir, 'no-client') },
      );
      const app = await buildApp(config);
      await app.ready();
      servers.push(app);
    }
    [a, b] = servers as [FastifyInstance, FastifyInstance];
  });

  afterAll(async () => {
    for (const app of servers) await app.close();
    await database?.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a login on one server is valid on the other', async () => {
    await createStaff(a, 'two_staff', 'county_admin', null);
    const session = await login(a, 'two_staff');
    const me = await b.inject({ url: '/api/staff/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('two_staff');
  });

  it('shares one rate limit: what one server counted, the other refuses', async () => {
    // The tracking page allows 30 looks a minute per address; 30 on server A use it up for server B too.
    // A fresh address each run: Redis keeps the count for a minute, and an earlier run must not spill over.
    const octet = () => 1 + Math.floor(Math.random() * 250);
    const remoteAddress = `10.${octet()}.${octet()}.${octet()}`;
    for (let i = 0; i < 30; i++) {
      const res = await a.inject({ url: '/api/track/XXXX-XXXX', remoteAddress });
      expect(res.statusCode).not.toBe(429);
    }
    const refused = await b.inject({ url: '/api/track/XXXX-XXXX', remoteAddress });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    // Another address is not held back.
    expect((await b.inject({ url: '/api/track/XXXX-XXXX', remoteAddress: `10.${octet()}.${octet()}.251` })).statusCode).not.toBe(429);
  });

  it('a parameter change saved on one server is used by the other within a second', async () => {
    await createStaff(a, 'two_county', 'county_admin', null);
    const admin = await signIn(a, 'two_county');
    const current = (await admin.get('/api/admin/parameters')).json().current as Record<string, unknown>;
    const effectiveFrom = chinaDate(Date.now());
    const saved = await admin.post('/api/admin/parameters', { effectiveFrom, source: '两台服务器测试', values: { ...current, dibaoStandard: 1234 } });
    expect(saved.statusCode).toBe(201);
    const sawIt = () => b.screening.current().history.dibaoStandard.some((d) => d.value === 1234 && d.effectiveFrom === effectiveFrom);
    const deadline = Date.now() + 1_000;
    while (!sawIt() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sawIt()).toBe(true);
  });

  it("a county's policy edit saved on one server is in that county's library on the other within a second", async () => {
    const admin = await signIn(a, 'two_county');
    const county = (await a.repos.users.findByUsername('two_county'))!.county!;
    const { id, updatedAt: _u, updatedBy: _b, ...fields } = (await admin.get('/api/admin/policies')).json().items[0];
    expect((await admin.send('PUT', `/api/admin/policies/${id}`, { ...fields, name: '两台服务器的政策' })).statusCode).toBe(200);
    const sawIt = () => b.screening.current(county).policies.some((p) => p.id === id && p.name === '两台服务器的政策');
    const deadline = Date.now() + 1_000;
    while (!sawIt() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sawIt()).toBe(true);
  });
});
