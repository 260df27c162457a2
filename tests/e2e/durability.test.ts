import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { fakeIdNumber } from '../helpers/people';
import { engineOf, queryRows, queryValue } from './support/database';
import { activeEntryCodes, startRealServer, type RunningServer } from './support/server';

let server: RunningServer | undefined;
let crashed: RunningServer | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  await crashed?.dropDatabase();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

function body(entryCode: string, i: number) {
  const seq = String(i).padStart(3, '0');
  return {
    requestId: randomUUID(),
    entryCode,
    answers: HARDSHIP_ANSWERS,
    person: { name: `测试${i}`, phone: `1395780${String(i).padStart(4, '0')}`, idNumber: fakeIdNumber(`33032719600101${seq}`) },
    consent: true,
  };
}

describe('kill -9 during a burst of submissions', () => {
  it('loses no acknowledged submission and leaves no half record', async () => {
    server = await startRealServer();
    const [entry] = await activeEntryCodes(server);
    const acknowledged: string[] = [];
    let killed = false;
    const total = 120;
    let next = 0;

    // Four concurrent clients; the kill lands while requests are in flight.
    const worker = async () => {
      while (next < total && !killed) {
        const i = next++;
        try {
          const res = await fetch(`${server!.url}/api/requests`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body(entry!.code, i)),
          });
          if (res.status === 201 || res.status === 200) acknowledged.push(((await res.json()) as { trackingCode: string }).trackingCode);
        } catch {
          // The connection died with the server: not acknowledged, so nothing is owed.
        }
        if (acknowledged.length >= 15 && !killed) {
          killed = true;
          server!.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await new Promise((resolve) => (server!.process.exitCode !== null || server!.process.signalCode ? resolve(null) : server!.process.once('exit', resolve)));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);

    // Restart on the same data (the same PostgreSQL database and key on e2e-pg): every acknowledged code must be there.
    crashed = server;
    const { DATABASE_URL, DATA_KEY } = crashed.env;
    server = await startRealServer(DATABASE_URL && DATA_KEY ? { DATABASE_URL, DATA_KEY } : {}, crashed.dataDir);
    const stored = new Set((await queryRows(server, sql<{ tracking_code: string }>`SELECT tracking_code FROM submissions`)).map((row) => row.tracking_code));
    for (const code of acknowledged) expect(stored.has(code), `acknowledged ${code} was lost`).toBe(true);
    // No half records: every case has a submission, every submission its 'submitted' event.
    expect(await queryValue(server, sql`SELECT count(*) AS n FROM cases WHERE id NOT IN (SELECT case_id FROM submissions)`)).toBe(0);
    expect(await queryValue(server, sql`SELECT count(*) AS n FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.submission_id = s.id AND e.type = 'submitted')`)).toBe(0);
    if (engineOf(server) === 'sqlite') expect(await queryValue(server, sql`PRAGMA integrity_check`)).toBe('ok');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });
});
