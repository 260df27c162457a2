import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { buildTestApp, firstActiveEntry, type TestApp } from '../helpers/test-app';
import { countOf } from '../helpers/rows';

let t: TestApp;
let entryCode: string;
beforeAll(async () => {
  t = await buildTestApp();
  entryCode = (await firstActiveEntry(t.app)).code;
});
afterAll(() => t.close());

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('<script>alert(1)</script>', "'; DROP TABLE cases; --", '\u0000', '𠀀𠀁', ' ', '%00', '../../etc/passwd', 'x'.repeat(5000)),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A valid body with one part replaced by something random or hostile. */
function mutated(valid: Record<string, unknown>) {
  return fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra'), fc.oneof(hostile, anyJson)).map(([key, value]) => ({ ...valid, [key]: value }));
}

const validRequest = () => ({ requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person: { name: '王芳', phone: '13957712345' }, consent: true });
const validReport = () => ({
  requestId: randomUUID(),
  entryCode,
  person: { name: '李伯', address: '某村 1 号', situation: ['other'] },
  reporter: { relation: 'neighbour' },
  consentConfirmed: true,
});

let client = 0;
async function send(method: 'GET' | 'POST', url: string, payload?: unknown) {
  // A fresh client address each time: the fuzz is about input handling, not the rate limiter.
  client++;
  const remoteAddress = `10.77.${(client >> 8) & 255}.${client & 255}`;
  const res = await t.app.inject({ method, url, remoteAddress, ...(payload !== undefined ? { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } } : {}) });
  expect(res.statusCode, `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (res.statusCode >= 400 && url.startsWith('/api/')) {
    const body = res.json();
    expect(body.error.code).toMatch(/^[A-Z_]+$/);
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  return res;
}

async function noHalfRecords() {
  expect(await countOf(t.app, sql`SELECT count(*) AS n FROM cases WHERE id NOT IN (SELECT case_id FROM submissions)`)).toBe(0);
  expect(
    await countOf(t.app, sql`SELECT count(*) AS n FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.submission_id = s.id AND e.type = 'submitted')`),
  ).toBe(0);
}

describe('fuzzing every public route with random and hostile input', () => {
  it('POST /api/requests and /api/reports: 2xx or a 4xx in the one error shape, never half a record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(validRequest()), anyJson), async (body) => {
        await send('POST', '/api/requests', body);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(validReport()), anyJson), async (body) => {
        await send('POST', '/api/reports', body);
      }),
      { numRuns: 150 },
    );
    await noHalfRecords();
  });

  it('POST /api/screenings with mutated answers', async () => {
    const answers = HARDSHIP_ANSWERS as unknown as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(mutated(answers), async (mutatedAnswers) => {
        await send('POST', '/api/screenings', { answers: mutatedAnswers });
      }),
      { numRuns: 200 },
    );
  });

  it('path parameters: entries, tracking codes and landing pages', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const segment = encodeURIComponent(raw).slice(0, 300) || 'x';
        await send('GET', `/api/entries/${segment}`);
        await send('GET', `/api/track/${segment}`);
        await send('GET', `/q/${segment}`);
      }),
      { numRuns: 100 },
    );
  });

  it('the server is still healthy afterwards', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await noHalfRecords();
  });
});
