import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIdNumber } from '../../tests/helpers/people';
import { submitRequest } from '../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../tests/helpers/test-app';
import { CALM_FINDINGS } from '../../tests/helpers/visit-findings';
import { newHousehold } from '../../tests/helpers/register-fixtures';
import { redactClosedCases, redactExitedHouseholds } from './retention';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function submitAndClose(name: string, idTail: string) {
  const { trackingCode: code, caseId } = await submitRequest(t.app, { person: { name, phone: `1395760${idTail}`, idNumber: fakeIdNumber(`33032719550505${idTail.slice(1)}`) } });
  const resourceId = await t.app.repos.resources.create({ kind: 'station', name: '社工站', township: null, serviceTypes: ['陪护'], contact: null, capacity: null }, 'test', '2020-01-01T00:00:00.000Z');
  const referralId = await t.app.repos.referrals.create({ caseId, township: (await t.app.repos.cases.find(caseId))!.township, resourceId, need: `${name}腿脚不便，需要陪护`, acceptBy: '2020-01-05T00:00:00.000Z', createdBy: 'staff:1', now: '2020-01-01T00:00:00.000Z' });
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

describe('retention of the register', () => {
  async function exitedHousehold(personKey: string, name: string, monitoredUntil: string | null, category: 'exited' | 'dibao' = 'exited') {
    const id = await t.app.repos.households.insert(
      newHousehold({ person_key: personKey, subject_enc: t.app.vault.encrypt({ name, phone: '13957600001', idNumber: null, address: '灵溪镇渎浦村 3 号' }), name_masked: `${name[0]}*${name[2]}`, category, monitored_until: monitoredUntil }),
    );
    const findings = { ...CALM_FINDINGS, health: { text: `${name}糖尿病，腿脚不便`, risk: true } };
    await t.app.repos.households.recordVisit({
      householdId: id, visitedOn: '2020-03-01', kind: 'visit', actor: 'staff:1', level: 'yellow',
      findingsEnc: t.app.vault.encrypt({ findings, note: `${name}的女儿在外地` }),
      openRisksJson: '{"health":"2020-03-01"}', clearedJson: '[]', nextVisitOn: '2020-06-01', now: '2020-03-01T01:00:00.000Z',
    });
    return id;
  }

  it("redacts households whose monitoring after exit ended before the cut-off, keeps the rest and the risk flags", async () => {
    const owner = await t.app.repos.users.create({ username: 'retention-owner', passwordHash: 'x', role: 'township_staff', township: '330327100000', mustChangePassword: false });
    const ended = await exitedHousehold('pk-retention-ended', '周老汉', '2021-06-30');
    const stillWatched = await exitedHousehold('pk-retention-watched', '吴阿婆', '2099-01-01');
    const current = await exitedHousehold('pk-retention-current', '郑大伯', null, 'dibao');
    await t.app.repos.plan.create({ householdId: ended, kind: 'wish', title: '给周老汉买一辆轮椅', policyId: null, resourceId: null, referralId: null, caseId: null, ownerId: owner, dueOn: '2020-04-01', suggestionKey: null, createdBy: 'staff:1', now: '2020-03-01T01:00:00.000Z' });

    expect(await redactExitedHouseholds(t.app.store, t.app.vault, '2023-01-01', new Date().toISOString())).toBe(1);

    const row = (await t.app.repos.households.find(ended))!;
    expect([row.name_masked, row.person_key, row.phone_masked, row.address_masked]).toEqual(['已清除', null, null, null]);
    expect(t.app.vault.decrypt<{ name: string }>(row.subject_enc).name).toBe('已清除');
    expect([row.category, row.level, row.monitored_until]).toEqual(['exited', 'yellow', '2021-06-30']);
    const [visit] = await t.app.repos.households.visitsOf(ended);
    const body = t.app.vault.decrypt<{ findings: typeof CALM_FINDINGS; note: string | null }>(visit!.findings_enc);
    expect(body.note).toBeNull();
    expect(body.findings.health).toEqual({ text: '已清除', risk: true });
    expect(JSON.stringify(body)).not.toContain('周老汉');
    expect((await t.app.repos.plan.ofHousehold(ended)).map((m) => m.title)).toEqual(['已清除']);

    for (const [id, name] of [[stillWatched, '吴*婆'], [current, '郑*伯']] as const) {
      expect((await t.app.repos.households.find(id))!.name_masked).toBe(name);
    }
    // Already redacted: a second run finds nothing.
    expect(await redactExitedHouseholds(t.app.store, t.app.vault, '2023-01-01', new Date().toISOString())).toBe(0);
  });
});
