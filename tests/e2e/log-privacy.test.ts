import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { fakeIdNumber } from '../helpers/people';
import { activeEntryCodes, startRealServer, type RunningServer } from './support/server';

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('server logs', () => {
  it('never contain a resident’s name, phone, ID number or tracking code, even at debug level, on errors and in staff search', async () => {
    server = await startRealServer({ LOG_LEVEL: 'debug', ADMIN_PASSWORD: 'first-admin-pass-2026' });
    const [entry] = await activeEntryCodes(server);
    const name = '隐私测试人';
    const phone = '13957712399';
    const id = fakeIdNumber('33032719580808123');
    const post = (url: string, body: unknown) =>
      fetch(`${server!.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const ok = await post('/api/requests', { requestId: randomUUID(), entryCode: entry!.code, answers: HARDSHIP_ANSWERS, person: { name, phone, idNumber: id }, consent: true });
    expect(ok.status).toBe(201);
    const bad = await post('/api/requests', { requestId: randomUUID(), entryCode: entry!.code, answers: HARDSHIP_ANSWERS, person: { name, phone, idNumber: `${id}9` }, consent: true });
    expect(bad.status).toBe(400);
    const report = await post('/api/reports', {
      requestId: randomUUID(),
      entryCode: entry!.code,
      person: { name, phone, address: '灵溪镇隐私路 1 号', situation: ['other'] },
      reporter: { relation: 'neighbour', phone: '13957712398' },
      consentConfirmed: true,
    });
    expect(report.status).toBe(201);
    const trackingCode = ((await ok.json()) as { trackingCode: string }).trackingCode;
    expect((await fetch(`${server.url}/api/track/${trackingCode}`)).status).toBe(200);
    expect((await fetch(`${server.url}/track/${trackingCode}`, { headers: { accept: 'text/html' } })).status).toBe(200);
    // A body that is not JSON: the parse error quotes it, so its message must not be logged.
    const broken = await fetch(`${server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"name":"${name}",` });
    expect(broken.status).toBe(400);

    // Staff search by full ID number, full mobile and name: the querystring goes into the request log.
    const signIn = await post('/api/staff/session', { username: 'admin', password: 'first-admin-pass-2026' });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const changed = await fetch(`${server.url}/api/staff/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ currentPassword: 'first-admin-pass-2026', newPassword: 'second-admin-pass-2026' }),
    });
    const staffCookie = changed.headers.get('set-cookie')!.split(';')[0]!;
    for (const q of [id, phone, name]) {
      const search = await fetch(`${server.url}/api/staff/cases?q=${encodeURIComponent(q)}`, { headers: { cookie: staffCookie } });
      expect(search.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));

    const log = server.output();
    expect(log).toContain('"statusCode":201');
    expect(log).toContain('/api/staff/cases?q=[redacted]');
    for (const secret of [name, encodeURIComponent(name), phone, id, '13957712398', '隐私路', trackingCode, trackingCode.replace(/-/g, '')]) expect(log, `log contains ${secret}`).not.toContain(secret);
  });
});
