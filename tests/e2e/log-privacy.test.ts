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
  it('never contain a resident’s name, phone or ID number, even at debug level and on errors', async () => {
    server = await startRealServer({ LOG_LEVEL: 'debug' });
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
    await new Promise((resolve) => setTimeout(resolve, 300));

    const log = server.output();
    expect(log).toContain('"statusCode":201');
    for (const secret of [name, phone, id, '13957712398', '隐私路']) expect(log, `log contains ${secret}`).not.toContain(secret);
  });
});
