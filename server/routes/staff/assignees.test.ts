import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, login, type StaffSession } from '../../../tests/helpers/staff';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let townshipA: string;
let townshipB: string;
let staffA: StaffSession;
let county: StaffSession;
let viewerA: StaffSession;

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  townshipA = a!.township;
  townshipB = b!.township;
  await createStaff(t.app, 'wang_a', 'township_staff', townshipA);
  await createStaff(t.app, 'li_a', 'township_staff', townshipA);
  const gone = await createStaff(t.app, 'left_a', 'township_staff', townshipA);
  await t.app.repos.users.setDisabled(gone, true);
  await createStaff(t.app, 'zhao_b', 'township_staff', townshipB);
  await createStaff(t.app, 'viewer_a', 'viewer', townshipA);
  await createStaff(t.app, 'county', 'county_admin', null);
  staffA = await login(t.app, 'wang_a');
  county = await login(t.app, 'county');
  viewerA = await login(t.app, 'viewer_a');
});
afterAll(() => t.close());

const names = (res: { json(): { items: Array<{ username: string }> } }) => res.json().items.map((u) => u.username);

describe('GET /api/staff/assignees', () => {
  it("gives township staff their own township's active staff, never another township's", async () => {
    expect(names(await staffA.get('/api/staff/assignees'))).toEqual(['li_a', 'wang_a']);
    expect(names(await staffA.get(`/api/staff/assignees?township=${townshipB}`))).toEqual(['li_a', 'wang_a']);
  });

  it('lets the county pick any township, and asks for one when none is given', async () => {
    expect(names(await county.get(`/api/staff/assignees?township=${townshipB}`))).toEqual(['zhao_b']);
    const none = await county.get('/api/staff/assignees');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.township).toBe('请先选择乡镇（街道）');
    expect((await county.get('/api/staff/assignees?township=330327999000')).statusCode).toBe(400);
    expect((await county.get('/api/staff/assignees?township=abc')).statusCode).toBe(400);
  });

  it('is closed to viewers and to anyone not signed in', async () => {
    expect((await viewerA.get('/api/staff/assignees')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff/assignees' })).statusCode).toBe(401);
  });

  it('lists exactly the people the assign step accepts', async () => {
    const [colleague] = (await county.get(`/api/staff/assignees?township=${townshipB}`)).json().items;
    const { caseId } = await submitRequest(t.app, { entryCode: (await t.app.repos.entries.list())[1]!.code });
    const assigned = await county.post(`/api/staff/cases/${caseId}/events`, { type: 'assign', township: townshipB, assigneeId: colleague.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assignee).toEqual({ id: colleague.id, username: 'zhao_b' });
  });
});
