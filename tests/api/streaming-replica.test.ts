import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { REPORT_APPLICATION_NAME } from '../../server/reports/worker-store';
import { signIn, type AdminClient } from '../helpers/admin';
import { createStaff } from '../helpers/staff';
import { STREAMING_PAIR_SKIPPED_LINE, startStreamingPair, streamingPairUnavailable, type StreamingPair } from '../helpers/streaming-pair';
import { submitRequest } from '../helpers/submissions';

const unavailable = streamingPairUnavailable();
if (unavailable) console.log(`${STREAMING_PAIR_SKIPPED_LINE}（${unavailable}）`);

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The app's sessions on a server, other than the test's own: which pools the app opened there. */
const appSessions = (url: string) =>
  onServer(url, async (c) =>
    (await c.query<{ application_name: string }>("SELECT application_name FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")).rows.map((r) => r.application_name),
  );

/**
 * A province's PostgreSQL with a streaming standby (DATABASE_REPLICA_URL): the county's statistics are counted on
 * the standby, everything else (and every write) stays on the primary, and when the standby stops the statistics
 * are counted on the primary. A real primary and a real hot standby, built for this file (tests/helpers/streaming-pair.ts).
 */
describe.skipIf(unavailable !== null)('county statistics on a streaming standby', () => {
  let pair: StreamingPair | undefined;
  let app: FastifyInstance | undefined;
  let dataDir: string | undefined;
  let admin: AdminClient;

  const requestsCounted = async () => {
    const res = await admin.get('/api/admin/stats');
    expect(res.statusCode).toBe(200);
    return res.json().total.requests as number;
  };

  beforeAll(async () => {
    pair = await startStreamingPair();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-replica-app-'));
    const config = loadConfig(
      { DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URL: pair.standbyUrl, DATA_KEY: randomBytes(64).toString('base64') },
      { clientDist: path.join(dataDir, 'no-client') },
    );
    app = await buildApp(config);
    await app.ready();
    await createStaff(app, 'replica_admin', 'county_admin', null);
    admin = await signIn(app, 'replica_admin');
  });

  afterAll(async () => {
    await app?.close();
    await pair?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts on the standby: a case submitted on the primary shows once replayed, and not while replay is paused', async () => {
    const before = await requestsCounted();
    await submitRequest(app!);
    await expect.poll(requestsCounted, { timeout: 10_000, interval: 100 }).toBe(before + 1);

    // Replay held on the standby: a new case is written on the primary, but the statistics, counted on the standby, do not see it yet.
    await onServer(pair!.standbyUrl, (c) => c.query('SELECT pg_wal_replay_pause()'));
    await expect
      .poll(() => onServer(pair!.standbyUrl, async (c) => (await c.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0]!.s))
      .toBe('paused');
    await submitRequest(app!);
    expect(await requestsCounted()).toBe(before + 1);
    await onServer(pair!.standbyUrl, (c) => c.query('SELECT pg_wal_replay_resume()'));
    await expect.poll(requestsCounted, { timeout: 10_000, interval: 100 }).toBe(before + 2);

    // Only the report pool reads there; the app's own store, which writes, has never connected to the standby.
    expect(new Set(await appSessions(pair!.standbyUrl))).toEqual(new Set([REPORT_APPLICATION_NAME]));
    expect(await appSessions(pair!.primaryUrl)).not.toContain(REPORT_APPLICATION_NAME);
  });

  it('the standby refuses writes: PostgreSQL runs it read-only', async () => {
    await expect(onServer(pair!.standbyUrl, (c) => c.query("UPDATE settings SET value = value WHERE key = 'none'"))).rejects.toThrow(/read-only transaction/);
  });

  it('when the standby stops, the statistics are counted on the primary, with a warning in the log', async () => {
    const warn = vi.spyOn(app!.log, 'warn');
    const before = await requestsCounted();
    await pair!.stopStandby();
    await submitRequest(app!);
    // At once, with no replay to wait for: the primary answers.
    expect(await requestsCounted()).toBe(before + 1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/replica \(DATABASE_REPLICA_URL\) does not answer/));
    expect(await appSessions(pair!.primaryUrl)).toContain(REPORT_APPLICATION_NAME);
  });
});
