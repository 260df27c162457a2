import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../../shared/register/cadence';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { CALM_FINDINGS as calm } from '../../../tests/helpers/visit-findings';

let t: TestApp;
let admin: StaffSession;
let townshipA: string;
let townshipB: string;

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  townshipA = a!.township;
  townshipB = b!.township;
  await createStaff(t.app, 'rs_a', 'township_staff', townshipA);
  await createStaff(t.app, 'rs_admin', 'county_admin', null);
  const staff = await login(t.app, 'rs_a');
  admin = await login(t.app, 'rs_admin');
  const { caseId } = await submitRequest(t.app, {
    entryCode: a!.code,
    person: { name: '周九妹', phone: '13957710091', idNumber: fakeIdNumber('33032719600101091') },
  });
  for (const step of [{ type: 'contact', outcome: 'reached' }, { type: 'decide', decision: 'dibao' }]) {
    expect((await staff.post(`/api/staff/cases/${caseId}/events`, step)).statusCode).toBe(200);
  }
  // A red household last visited three weeks ago: its weekly visit is overdue.
  const household = (await t.app.repos.households.findByCase(caseId))!.id;
  const visitedAt = addDays(chinaDate(new Date().toISOString()), -21);
  expect((await staff.post(`/api/staff/households/${household}/visits`, { visitedAt, findings: calm, level: 'red' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('county statistics include the register', () => {
  it('visits overdue per township and village, re-checks due, and the register by category and level', async () => {
    const res = await admin.get('/api/admin/stats');
    expect(res.statusCode).toBe(200);
    const register = res.json().register;
    expect(register.totals).toEqual({ households: 1, overdue: 1, dueThisWeek: 0, reviewsDue: 0 });
    expect(register.byCategory).toEqual({ dibao: 1 });
    expect(register.byLevel).toEqual({ red: 1 });
    expect(register.townships).toEqual([expect.objectContaining({ code: townshipA, households: 1, overdue: 1, villages: [expect.objectContaining({ overdue: 1 })] })]);
  });

  it('a township filter counts that township only', async () => {
    const other = (await admin.get(`/api/admin/stats?township=${townshipB}`)).json().register;
    expect(other.totals.households).toBe(0);
    expect(other.townships).toEqual([]);
  });
});
