import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Value from 'typebox/value';
import { sql } from 'kysely';
import type { Answers } from '../../../shared/questionnaire/answers';
import { QUESTION_TOPICS } from '../../../shared/questionnaire/question';
import { ScreeningResponse } from '../../../shared/schemas/screening';
import { DEMO_COUNTY_PARAMETERS, screen } from '../../../shared/screening';
import { chinaToday } from '../../../shared/time';
import table from '../../../tests/fixtures/screening-cases.json';
import { COMFORTABLE_ANSWERS, HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { buildTestApp, firstActiveEntry, type TestApp } from '../../../tests/helpers/test-app';
import { countOf } from '../../../tests/helpers/rows';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /api/questionnaire', () => {
  it('has exactly 12 questions, one per contract topic, in the contract shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/questionnaire' });
    expect(res.statusCode).toBe(200);
    const { version, questions } = res.json();
    expect(typeof version).toBe('string');
    expect(questions).toHaveLength(12);
    expect(new Set(questions.map((q: { topic: string }) => q.topic))).toEqual(new Set(QUESTION_TOPICS));
    for (const q of questions) {
      expect(q).toMatchObject({ id: expect.any(String), title: expect.any(String), required: expect.any(Boolean) });
      expect(['single', 'multi', 'number', 'boolean']).toContain(q.type);
      if (q.type === 'single' || q.type === 'multi') expect(q.options.length).toBeGreaterThan(1);
    }
  });
});

describe('POST /api/screenings', () => {
  it('a household in hardship gets outcomes with reasons and policies', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.suspected).toBe(true);
    expect(['red', 'yellow', 'blue']).toContain(body.level);
    expect(body.outcomes.length).toBeGreaterThan(0);
    for (const outcome of body.outcomes) expect(outcome.reasons.length).toBeGreaterThan(0);
    expect(body.policies.length).toBeGreaterThan(0);
    expect(body.rulesVersion).toBeTruthy();
    expect(body.disclaimer).toContain('最终以民政部门核查为准');
  });

  it('a comfortable household is not flagged, and is never left without somewhere to turn', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: COMFORTABLE_ANSWERS, entryCode: (await firstActiveEntry(t.app)).code } });
    const body = res.json();
    expect(body.suspected).toBe(false);
    expect(body.level).toBe('none');
    expect(body.fallback).toMatch(/0577-/);
  });

  // The phone runs the engine itself (client/src/composables/useScreening.ts) on the parameters shipped in its
  // bundle, then asks the server: on a fresh county both must say exactly the same, household by household.
  const households = [HARDSHIP_ANSWERS, COMFORTABLE_ANSWERS, ...table.cases.filter((c) => !('paramOverrides' in c)).map((c) => ({ ...table.base, ...c.answers }))];
  it.each(households.map((answers, i) => [i, answers] as const))('household %i: the API gives what the phone works out', async (i, answers) => {
    // Each from its own address, so the public rate limit leaves the other tests alone.
    const res = await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers }, remoteAddress: `10.77.0.${i}` });
    expect(res.statusCode).toBe(200);
    const onThePhone = screen(answers as Answers, DEMO_COUNTY_PARAMETERS, chinaToday(Date.now()));
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(onThePhone)));
  });

  it('every result, hardship or not, matches the declared response schema exactly', async () => {
    // The route serializes with JSON.stringify, so nothing would strip an undeclared field: the schema must hold as is.
    for (const answers of [HARDSHIP_ANSWERS, COMFORTABLE_ANSWERS]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers, entryCode: (await firstActiveEntry(t.app)).code } });
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = res.json();
      expect([...Value.Errors(ScreeningResponse, body)]).toEqual([]);
      expect(Value.Clean(ScreeningResponse, structuredClone(body))).toEqual(body);
    }
  });

  it('invalid answers → 400 VALIDATION_FAILED naming each field in Chinese', async () => {
    const { household_size: _omit, ...missing } = HARDSHIP_ANSWERS as unknown as Record<string, unknown>;
    const res = await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: { ...missing, housing: 'castle' } } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields['answers.household_size']).toBe('这一项必须填写');
    expect(fields['answers.housing']).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('counts a completion per entry point without storing answers', async () => {
    const entry = await firstActiveEntry(t.app);
    await t.app.counters.flush();
    const before = (await t.app.repos.entries.find(entry.code))!.completionCount;
    await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS, entryCode: entry.code } });
    await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS, entryCode: entry.code } });
    await t.app.counters.flush();
    expect((await t.app.repos.entries.find(entry.code))!.completionCount).toBe(before + 2);
    expect(await countOf(t.app, sql`SELECT sum(suspected) AS n FROM screening_counts`)).toBeGreaterThanOrEqual(1);
    expect(await countOf(t.app, sql`SELECT count(*) AS n FROM cases`)).toBe(0);
  });
});

describe('GET /api/policies', () => {
  it('lists the current library with what a resident needs to apply', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/policies' });
    expect(res.statusCode).toBe(200);
    const { policies } = res.json();
    expect(policies.length).toBeGreaterThanOrEqual(12);
    for (const policy of policies) {
      expect(policy.howToApply.length).toBeGreaterThan(0);
      expect(policy.documents.length).toBeGreaterThan(0);
    }
    const screening = (await t.app.inject({ method: 'POST', url: '/api/screenings', payload: { answers: HARDSHIP_ANSWERS } })).json();
    const ids = new Set(policies.map((p: { id: string }) => p.id));
    for (const linked of screening.policies) expect(ids.has(linked.id)).toBe(true);
  });
});
