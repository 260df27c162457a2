import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { NAME_HIDDEN_CHARACTER_MESSAGE } from '../../../shared/identity/name';
import { validateAnswers } from '../../../shared/questionnaire/validate';
import { HARDSHIP_ANSWERS } from '../../../tests/fixtures/households';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { buildTestApp, firstActiveEntry, testEngine, type TestApp } from '../../../tests/helpers/test-app';
import { countOf, rowsOf } from '../../../tests/helpers/rows';

let t: TestApp;
let entryCode: string;
beforeAll(async () => {
  t = await buildTestApp();
  entryCode = (await firstActiveEntry(t.app)).code;
});
afterAll(() => t.close());

const ID = fakeIdNumber('33032719480512003');
const PHONE = '13957712345';

function request(overrides: Record<string, unknown> = {}, person: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(),
    entryCode,
    answers: HARDSHIP_ANSWERS,
    person: { name: '王秀英', phone: PHONE, idNumber: ID, address: '灵溪镇渎浦村三组 18 号', ...person },
    consent: true,
    ...overrides,
  };
}

function report(overrides: Record<string, unknown> = {}, person: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(),
    entryCode,
    person: { name: '李大爷', address: '灵溪镇沪山村 5 号', situation: ['living_alone_elderly'], ...person },
    reporter: { relation: 'neighbour', name: '陈阿姨', phone: '13857700001' },
    consentConfirmed: true,
    ...overrides,
  };
}

const caseCount = () => countOf(t.app, sql`SELECT count(*) AS n FROM cases`);
const submissionCount = () => countOf(t.app, sql`SELECT count(*) AS n FROM submissions`);

describe('POST /api/requests', () => {
  it('the fixture answers are valid', () => {
    expect(validateAnswers(HARDSHIP_ANSWERS).ok).toBe(true);
  });

  it('stores a request and answers 201 with a tracking code', async () => {
    const before = await caseCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request() });
    expect(res.statusCode).toBe(201);
    expect(res.json().trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(await caseCount()).toBe(before + 1);
  });

  it('the same requestId again → 200, the same tracking code, no second record', async () => {
    const body = request({}, { idNumber: fakeIdNumber('33032719500101004'), phone: '13957700002' });
    const first = await t.app.inject({ method: 'POST', url: '/api/requests', payload: body });
    const cases = await caseCount();
    const submissions = await submissionCount();
    const again = await t.app.inject({ method: 'POST', url: '/api/requests', payload: body });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    expect(await caseCount()).toBe(cases);
    expect(await submissionCount()).toBe(submissions);
  });

  it('a name with hidden characters is refused with a clear message; a decomposed name is stored as NFC', async () => {
    for (const name of ['王\u200B秀英', '\u202E英秀王', '王\u0007秀英']) {
      const res = await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/requests', payload: request({}, { name, idNumber: fakeIdNumber('33032719500101024'), phone: '13957700022' }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields['person.name']).toBe(NAME_HIDDEN_CHARACTER_MESSAGE);
    }
    const hidden = await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/reports', payload: report({ reporter: { relation: 'neighbour', name: '陈\u200D阿姨' } }) });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields['reporter.name']).toBe(NAME_HIDDEN_CHARACTER_MESSAGE);
    const ok = await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/requests', payload: request({}, { name: 'Zoe\u0301 Li', idNumber: fakeIdNumber('33032719500101034'), phone: '13957700032' }) });
    expect(ok.statusCode).toBe(201);
    const caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(ok.json().trackingCode))!.case_id;
    expect(t.app.vault.decrypt<{ name: string }>((await t.app.repos.cases.find(caseId))!.subject_enc).name).toBe('Zoé Li');
  });

  it('the same requestId with a different body → 409 REQUEST_ID_REUSED, never the first tracking code', async () => {
    const body = request({}, { idNumber: fakeIdNumber('33032719500101014'), phone: '13957700012' });
    const first = await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/requests', payload: body });
    expect(first.statusCode).toBe(201);
    const reordered = { consent: true, person: { ...body.person }, answers: body.answers, entryCode: body.entryCode, requestId: body.requestId };
    expect((await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/requests', payload: reordered })).statusCode).toBe(200);
    const submissions = await submissionCount();
    const other = await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/requests', payload: { ...body, person: { ...body.person, name: '别人家' } } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('REQUEST_ID_REUSED');
    expect(other.body).not.toContain(first.json().trackingCode);
    const asReport = await t.app.inject({ remoteAddress: '10.9.0.1', method: 'POST', url: '/api/reports', payload: report({ requestId: body.requestId }) });
    expect(asReport.statusCode).toBe(409);
    expect(await submissionCount()).toBe(submissions);
  });

  it('a second request about the same ID number joins the open case with its own tracking code', async () => {
    const id = fakeIdNumber('33032719520202005');
    const first = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, { idNumber: id, phone: '13957700003' }) });
    const cases = await caseCount();
    const second = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, { idNumber: id, phone: '13957700004', name: '王秀英' }) });
    expect(second.statusCode).toBe(201);
    expect(second.json().trackingCode).not.toBe(first.json().trackingCode);
    expect(await caseCount()).toBe(cases);
    const caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(first.json().trackingCode))!.case_id;
    expect((await t.app.repos.cases.findSubmissionByTrackingCode(second.json().trackingCode))!.case_id).toBe(caseId);
    expect((await t.app.repos.cases.eventsOf(caseId)).map((e) => e.type)).toEqual(['submitted', 'merged', 'submitted']);
  });

  it('records the screening result, rules version, level and a due date', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, { idNumber: fakeIdNumber('33032719530303006'), phone: '13957700005' }) });
    const row = (await t.app.repos.cases.find((await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode))!.case_id))!;
    expect(row.rules_version).toBeTruthy();
    expect(['red', 'yellow', 'blue']).toContain(row.level);
    expect(JSON.parse(row.result_json!).outcomes.length).toBeGreaterThan(0);
    expect(row.due_at! > row.created_at).toBe(true);
    expect(row.source).toBe('self');
    expect(row.name_masked).toBe('王*英');
    expect(row.phone_masked).toBe('139****0005');
  });

  it.each([
    [{ phone: '12345' }, 'person.phone', '请输入 11 位手机号码'],
    [{ idNumber: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1') }, 'person.idNumber', '身份证号码有一位不对，请对照身份证再核对一遍'],
    [{ idNumber: '123' }, 'person.idNumber', '身份证号码应为 18 位，请核对'],
  ])('a bad %j is named next to its field', async (person, field, message) => {
    const before = await caseCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, person) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields[field]).toBe(message);
    expect(await caseCount()).toBe(before);
  });

  it('refuses without consent, with bad answers, or with unknown fields', async () => {
    const noConsent = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({ consent: false }) });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields.consent).toBe('请勾选同意，工作人员才能联系您');
    const badAnswers = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({ answers: { ...HARDSHIP_ANSWERS, household_size: -3 } }) });
    expect(badAnswers.statusCode).toBe(400);
    expect(Object.keys(badAnswers.json().error.fields).some((k) => k.startsWith('answers.household_size'))).toBe(true);
    const extra = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({ isAdmin: true }) });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toHaveProperty('isAdmin');
  });

  it('an unknown code is 404 ENTRY_NOT_FOUND; a disabled one 410 ENTRY_DISABLED', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({ entryCode: 'ZZZZZZZZZZ' }) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('ENTRY_NOT_FOUND');
    const other = (await t.app.repos.entries.list())[3]!;
    await t.app.repos.entries.setActive(other.code, false, 'test');
    const disabled = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({ entryCode: other.code }) });
    expect(disabled.statusCode).toBe(410);
    await t.app.repos.entries.setActive(other.code, true, null);
  });
});

describe('POST /api/reports', () => {
  it('stores a report without ID or phone and gives the reporter a tracking code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: report() });
    expect(res.statusCode).toBe(201);
    const row = (await t.app.repos.cases.find((await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode))!.case_id))!;
    expect(row.source).toBe('report');
    expect(row.level).toBe('yellow');
    expect(JSON.parse(row.situations_json!)).toEqual(['living_alone_elderly']);
  });

  it('a report about someone who already asked (same name + phone) joins their case', async () => {
    const own = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, { idNumber: undefined, name: '赵桂兰', phone: '13957700077' }) });
    const caseId = (await t.app.repos.cases.findSubmissionByTrackingCode(own.json().trackingCode))!.case_id;
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: report({}, { name: '赵桂兰', phone: '139 5770 0077', situation: ['serious_illness'] }) });
    expect(res.statusCode).toBe(201);
    expect((await t.app.repos.cases.findSubmissionByTrackingCode(res.json().trackingCode))!.case_id).toBe(caseId);
  });

  it('requires consent, an address and at least one situation', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: report({ consentConfirmed: false }, { address: '', situation: [] }) });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields.consentConfirmed).toBe('请先征得本人同意，再勾选确认');
    expect(fields['person.address']).toMatch(/住址/);
    expect(fields['person.situation']).toBe('请至少选一种困难情况');
  });

  it('is idempotent on requestId', async () => {
    const body = report({}, { name: '孙奶奶' });
    const a = await t.app.inject({ method: 'POST', url: '/api/reports', payload: body });
    const b = await t.app.inject({ method: 'POST', url: '/api/reports', payload: body });
    expect([a.statusCode, b.statusCode]).toEqual([201, 200]);
    expect(b.json().trackingCode).toBe(a.json().trackingCode);
  });
});

describe('GET /api/track/:trackingCode', () => {
  it('shows status and public timeline with no personal data', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, { idNumber: fakeIdNumber('33032719600606007'), phone: '13957700088', name: '钱多多' }) });
    const code = created.json().trackingCode as string;
    const res = await t.app.inject({ method: 'GET', url: `/api/track/${code.toLowerCase().replace(/(.{4})/g, '$1-').replace(/-$/, '')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('new');
    expect(body.statusText).toMatch(/已受理/);
    expect(body.timeline).toHaveLength(1);
    expect(body.timeline[0].text).toMatch(/已收到您的求助/);
    expect(res.body).not.toContain('钱');
    expect(res.body).not.toContain('13957700088');
  });

  it('an unknown code is 404 TRACKING_NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/track/ABCDEFGHJKMN' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TRACKING_NOT_FOUND');
  });

  it('is rate limited per client', async () => {
    let limited = 0;
    for (let i = 0; i < 40; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/track/ABCDEFGHJKMN', remoteAddress: '10.9.9.9' });
      if (res.statusCode === 429) {
        limited++;
        expect(res.json().error.code).toBe('RATE_LIMITED');
      }
    }
    expect(limited).toBeGreaterThan(0);
  });
});

describe('personal data at rest', () => {
  const id = fakeIdNumber('33032719700707008');
  const phone = '13957799999';
  beforeAll(async () => {
    await t.app.inject({ method: 'POST', url: '/api/requests', payload: request({}, { idNumber: id, phone, name: '周明明' }) });
  });

  it('no plaintext ID number, phone or name in any row of any table (encrypted or masked only)', async () => {
    const tables = await t.app.store.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toContain('submissions');
    for (const table of tables) {
      const rows = await rowsOf(t.app, sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table.name)}`);
      const text = JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('latin1') : value));
      expect(text.includes(id), `${table.name} holds the ID number`).toBe(false);
      expect(text.includes(phone), `${table.name} holds the phone`).toBe(false);
      expect(text.includes('周明明'), `${table.name} holds the name`).toBe(false);
    }
  });

  // The SQLite file itself, write-ahead log included; PostgreSQL's files are the database server's, not ours to read.
  it.skipIf(testEngine() !== 'sqlite')('no plaintext ID number or phone in any file in DATA_DIR (WAL included)', async () => {
    const files = fs.readdirSync(t.dataDir).map((f) => path.join(t.dataDir, f)).filter((f) => fs.statSync(f).isFile());
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from(id)), `${file} holds the ID number`).toBe(false);
      expect(bytes.includes(Buffer.from(phone)), `${file} holds the phone`).toBe(false);
      expect(bytes.includes(Buffer.from('周明明')), `${file} holds the name`).toBe(false);
    }
  });
});
