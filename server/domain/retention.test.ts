import fs from 'node:fs';
import path from 'node:path';
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
  const resourceId = t.app.repos.resources.create({ kind: 'station', name: '社工站', township: null, serviceTypes: ['陪护'], contact: null, capacity: null }, 'test', '2020-01-01T00:00:00.000Z');
  const referralId = t.app.repos.referrals.create({ caseId, resourceId, need: `${name}腿脚不便，需要陪护`, acceptBy: '2020-01-05T00:00:00.000Z', createdBy: 'staff:1', now: '2020-01-01T00:00:00.000Z' });
  t.app.repos.referrals.setContact(referralId, t.app.vault.encrypt({ phone: '13957600000' }), '2020-01-01T00:00:00.000Z');
  t.app.repos.cases.appendEvent({ caseId, at: new Date().toISOString(), type: 'visit', actor: 'staff:1', publicText: '工作人员已上门了解情况', detailEnc: t.app.vault.encrypt({ findings: { health: '糖尿病' } }) });
  t.app.repos.cases.setStatus(caseId, 'closed', '2020-01-01T00:00:00.000Z');
  return { code, caseId };
}

describe('retention', () => {
  it('redacts closed cases past the period, keeps statistics and the public timeline', async () => {
    const old = await submitAndClose('陈旧案', '0001');
    const recent = await submitAndClose('新近案', '0002');
    t.app.repos.cases.setStatus(recent.caseId, 'closed', new Date().toISOString());

    const count = redactClosedCases(t.app.db, t.app.repos, t.app.vault, '2023-01-01T00:00:00.000Z', new Date().toISOString());
    expect(count).toBe(1);

    const row = t.app.repos.cases.find(old.caseId)!;
    expect(row.name_masked).toBe('已清除');
    expect(row.person_key).toBeNull();
    // The same-person blind indexes go too: nothing left to match a name against.
    expect([row.name_key, row.name_phone_key]).toEqual([null, null]);
    expect(t.app.repos.cases.find(recent.caseId)!.name_key).toBeTruthy();
    expect(row.level).toBeTruthy();
    expect(t.app.vault.decrypt<{ name: string }>(row.subject_enc).name).toBe('已清除');
    expect(t.app.repos.cases.eventsOf(old.caseId).every((e) => e.detail_enc === null)).toBe(true);
    expect(t.app.repos.referrals.ofCase(old.caseId)).toEqual([expect.objectContaining({ need: '已清除', contact_enc: null })]);
    expect(t.app.repos.referrals.ofCase(recent.caseId)[0]!.need).toBe('新近案腿脚不便，需要陪护');
    expect((await t.app.inject({ method: 'GET', url: `/api/track/${old.code}` })).json().timeline.length).toBe(2);
    expect(t.app.repos.cases.find(recent.caseId)!.name_masked).toBe('新*案');

    // Redaction is the only edit the timeline allows.
    expect(() => t.app.db.prepare("UPDATE case_events SET public_text = 'x' WHERE case_id = ?").run(old.caseId)).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM case_events WHERE case_id = ?').run(old.caseId)).toThrow(/append-only/);
    expect(redactClosedCases(t.app.db, t.app.repos, t.app.vault, '2023-01-01T00:00:00.000Z', new Date().toISOString())).toBe(0);

    t.app.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(t.dataDir, 'xingfuma.sqlite'));
    expect(bytes.includes(Buffer.from('陈*案'))).toBe(false);
  });
});
