import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIdNumber } from '../../tests/helpers/people';
import { submitRequest } from '../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../tests/helpers/test-app';
import { redactClosedCases } from './retention';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function submitAndClose(name: string, idTail: string) {
  const { trackingCode: code, caseId } = await submitRequest(t.app, { person: { name, phone: `1395760${idTail}`, idNumber: fakeIdNumber(`33032719550505${idTail.slice(1)}`) } });
  const resourceId = await t.app.repos.resources.create({ kind: 'station', name: '社工站', township: null, serviceTypes: ['陪护'], contact: null, capacity: null }, 'test', '2020-01-01T00:00:00.000Z');
  const referralId = await t.app.repos.referrals.create({ caseId, resourceId, need: `${name}腿脚不便，需要陪护`, acceptBy: '2020-01-05T00:00:00.000Z', createdBy: 'staff:1', now: '2020-01-01T00:00:00.000Z' });
  await t.app.repos.referrals.setContact(referralId, t.app.vault.encrypt({ phone: '13957600000' }), '2020-01-01T00:00:00.000Z');
  await t.app.repos.cases.appendEvent({ caseId, at: new Date().toISOString(), type: 'visit', actor: 'staff:1', publicText: '工作人员已上门了解情况', detailEnc: t.app.vault.encrypt({ findings: { health: '糖尿病' } }) });
  await t.app.repos.cases.setStatus(caseId, 'closed', '2020-01-01T00:00:00.000Z');
  return { code, caseId };
}

describe('retention', () => {
  it('redacts closed cases past the period, keeps statistics and the public timeline', async () => {
    const old = await submitAndClose('陈旧案', '0001');
    const recent = await submitAndClose('新近案', '0002');
    await t.app.repos.cases.setStatus(recent.caseId, 'closed', new Date().toISOString());

    const count = await redactClosedCases(t.app.store, t.app.vault, '2023-01-01T00:00:00.000Z', new Date().toISOString());
    expect(count).toBe(1);

    const row = (await t.app.repos.cases.find(old.caseId))!;
    expect(row.name_masked).toBe('已清除');
    expect(row.person_key).toBeNull();
    // The same-person blind indexes go too: nothing left to match a name against.
    expect([row.name_key, row.name_phone_key]).toEqual([null, null]);
    expect((await t.app.repos.cases.find(recent.caseId))!.name_key).toBeTruthy();
    expect(row.level).toBeTruthy();
    expect(t.app.vault.decrypt<{ name: string }>(row.subject_enc).name).toBe('已清除');
    expect((await t.app.repos.cases.eventsOf(old.caseId)).every((e) => e.detail_enc === null)).toBe(true);
    expect(await t.app.repos.referrals.ofCase(old.caseId)).toEqual([expect.objectContaining({ need: '已清除', contact_enc: null })]);
    expect((await t.app.repos.referrals.ofCase(recent.caseId))[0]!.need).toBe('新近案腿脚不便，需要陪护');
    expect((await t.app.inject({ method: 'GET', url: `/api/track/${old.code}` })).json().timeline.length).toBe(2);
    expect((await t.app.repos.cases.find(recent.caseId))!.name_masked).toBe('新*案');

    // Redaction is the only edit the timeline allows.
    const db = t.app.store.db;
    await expect(sql`UPDATE case_events SET public_text = 'x' WHERE case_id = ${old.caseId}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM case_events WHERE case_id = ${old.caseId}`.execute(db)).rejects.toThrow(/append-only/);
    expect(await redactClosedCases(t.app.store, t.app.vault, '2023-01-01T00:00:00.000Z', new Date().toISOString())).toBe(0);

    // SQLite: the redacted name must not linger in the database file either.
    if (t.app.store.engineName === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      const bytes = fs.readFileSync(path.join(t.dataDir, 'xingfuma.sqlite'));
      expect(bytes.includes(Buffer.from('陈*案'))).toBe(false);
    }
  });
});
