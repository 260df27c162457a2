import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../../scripts/bench/seed-cases';
import { threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../../tests/helpers/test-app';

// Fastify announces each handler as it starts; the test sends residents' requests at that very moment.
const HANDLER_START = 'tracing:fastify.request.handler:start';
// Every seeded case falls in this range (seed-cases.ts starts on 2026-01-01, one a minute).
const ALL_SEEDED = 'from=2026-01-01&to=2026-12-31';

let t: TestApp;
let admin: AdminClient;

/**
 * Runs `report` and, the moment its handler starts, a health check and a resident's screening. Before
 * reports moved to a worker, the report's handler held the only thread until it had counted every case,
 * so the residents' requests could only finish after it.
 */
async function whileReportRuns(url: string, report: () => Promise<{ statusCode: number }>): Promise<string[]> {
  const finished: string[] = [];
  const entryCode = (await firstActiveEntry(t.app)).code;
  let residents: Promise<unknown> = Promise.resolve();
  const onStart = (message: unknown) => {
    if (!(message as { request: FastifyRequest }).request.url.startsWith(url)) return;
    // The next turn of the event loop: the report's handler is under way by then.
    residents = new Promise((resolve) => setImmediate(resolve)).then(() =>
      Promise.all([
        t.app.inject({ url: '/api/health' }).then((res) => finished.push(`health ${res.statusCode}`)),
        t.app
          .inject({ method: 'POST', url: '/api/screenings', payload: { entryCode, answers: HARDSHIP_ANSWERS } })
          .then((res) => finished.push(`screening ${res.statusCode}`)),
      ]),
    );
  };
  subscribe(HANDLER_START, onStart);
  try {
    const res = await report();
    finished.push(`report ${res.statusCode}`);
    await residents;
  } finally {
    unsubscribe(HANDLER_START, onStart);
  }
  return finished;
}

// seed-cases.ts writes 3,000 cases beside the running app, as intake stores them: into the SQLite file in its
// DATA_DIR, or into its PostgreSQL database with its DATA_KEY.
describe('reports never stall a resident', () => {
  beforeAll(async () => {
    t = await buildTestApp();
    await seedCases(t.dataDir, 3000, 8, { followUps: true, databaseUrl: t.databaseUrl, dataKey: t.dataKey });
    ({ admin } = await threeRoles(t.app, (await firstActiveEntry(t.app)).township));
  });
  afterAll(() => t.close());

  it('a resident finishes while county statistics over 3,000 cases are still being counted', async () => {
    // The first report starts the worker thread; the race below is about the counting, not the start-up.
    const warm = (await admin.get(`/api/admin/stats?${ALL_SEEDED}`)).json();
    expect(warm.total.cases).toBe(3000);
    expect(warm.total.decided).toBeGreaterThan(0);

    const finished = await whileReportRuns('/api/admin/stats', () => admin.get(`/api/admin/stats?${ALL_SEEDED}`));
    expect(finished.slice(0, 2).sort()).toEqual(['health 200', 'screening 200']);
    expect(finished[2]).toBe('report 200');
  });

  it('a resident finishes while the ledger of 3,000 cases is being written', async () => {
    const finished = await whileReportRuns('/api/admin/ledger.csv', () => admin.get('/api/admin/ledger.csv'));
    expect(finished.slice(0, 2).sort()).toEqual(['health 200', 'screening 200']);
    expect(finished[2]).toBe('report 200');
  });

  it('the whole ledger still arrives, one row per case', async () => {
    const res = await admin.get('/api/admin/ledger.csv');
    expect(res.body.trim().split('\r\n')).toHaveLength(3001);
  });
});
