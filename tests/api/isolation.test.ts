import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../shared/cases/status';
import { createStaff, login, type StaffSession } from '../helpers/staff';
import { submitRequest } from '../helpers/submissions';
import { buildTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every staff route × role × township: no one reads or writes another township's cases, viewers never
 * write, and only county admins reach county administration. Each call is a fresh request with a fresh case.
 */
let t: TestApp;
let townshipA: string;
let entryA: string;
let entryB: string;
const sessions: Record<string, StaffSession> = {};
let seq = 0;

async function newCase(entryCode: string): Promise<number> {
  seq++;
  return (await submitRequest(t.app, { entryCode, remoteAddress: `10.55.0.${seq}` })).caseId;
}

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  townshipA = a!.township;
  entryA = a!.code;
  entryB = b!.code;
  await createStaff(t.app, 'county', 'county_admin', null);
  await createStaff(t.app, 'staff_a', 'township_staff', townshipA);
  await createStaff(t.app, 'viewer_a', 'viewer', townshipA);
  await createStaff(t.app, 'viewer_county', 'viewer', null);
  for (const name of ['county', 'staff_a', 'viewer_a', 'viewer_county']) sessions[name] = await login(t.app, name);
});
afterAll(() => t.close());

type Who = 'county' | 'staff_a' | 'viewer_a' | 'viewer_county';
type Where = 'own' | 'other';

// Expected status for each case route, by caller and by whether the case is in township A ('own') or B.
interface CaseRoute {
  name: string;
  /** The status the case must be in for the step to be possible at all (a fresh case is 'new'). */
  from?: CaseStatus;
  call: (s: StaffSession, id: number) => Promise<{ statusCode: number }>;
  expect: Record<Who, Record<Where, number>>;
}
const WRITE_EXPECT: Record<Who, Record<Where, number>> = { county: { own: 200, other: 200 }, staff_a: { own: 200, other: 404 }, viewer_a: { own: 403, other: 403 }, viewer_county: { own: 403, other: 403 } };

const CASE_ROUTES: CaseRoute[] = [
  {
    name: 'GET case',
    call: (s, id) => s.get(`/api/staff/cases/${id}`),
    expect: { county: { own: 200, other: 200 }, staff_a: { own: 200, other: 404 }, viewer_a: { own: 200, other: 404 }, viewer_county: { own: 200, other: 200 } },
  },
  {
    name: 'POST reveal',
    call: (s, id) => s.post(`/api/staff/cases/${id}/reveal`, { reason: 'phone_call' }),
    // Viewers may reveal (audited) what they may read: free text is hidden from them until they do.
    expect: { county: { own: 200, other: 200 }, staff_a: { own: 200, other: 404 }, viewer_a: { own: 200, other: 404 }, viewer_county: { own: 200, other: 200 } },
  },
  ...(['contact', 'visit', 'refer', 'level', 'feedback'] as const).map((type) => ({
    name: `POST event ${type}`,
    call: (s: StaffSession, id: number) =>
      s.post(`/api/staff/cases/${id}/events`, {
        contact: { type: 'contact', outcome: 'reached' },
        visit: { type: 'visit', findings: { economy: '无收入' } },
        refer: { type: 'refer', to: '县慈善总会' },
        level: { type: 'level', level: 'red', reason: '独居高龄' },
        feedback: { type: 'feedback', text: '已安排走访' },
      }[type]),
    expect: WRITE_EXPECT,
  })),
  ...(
    [
      ['assign', 'new', { type: 'assign' }],
      ['decide', 'contacting', { type: 'decide', decision: 'dibao' }],
      ['close', 'decided', { type: 'close' }],
      ['reopen', 'closed', { type: 'reopen', reason: '家里又出了变故' }],
    ] as const
  ).map(([type, from, body]) => ({ name: `POST event ${type}`, from, call: (s: StaffSession, id: number) => s.post(`/api/staff/cases/${id}/events`, body), expect: WRITE_EXPECT })),
];

const cases = CASE_ROUTES.flatMap((route) =>
  (['county', 'staff_a', 'viewer_a', 'viewer_county'] as Who[]).flatMap((who) => (['own', 'other'] as Where[]).map((where) => [route.name, who, where, route] as const)),
);

describe('case routes × role × township', () => {
  it.each(cases)('%s by %s on %s township → expected status', async (_name, who, where, route) => {
    const id = await newCase(where === 'own' ? entryA : entryB);
    if (route.from) await t.app.repos.cases.setStatus(id, route.from, new Date().toISOString());
    const before = (await t.app.repos.cases.eventsOf(id)).length;
    const res = await route.call(sessions[who]!, id);
    expect(res.statusCode).toBe(route.expect[who][where]);
    if (res.statusCode !== 200 && route.name.startsWith('POST event')) expect((await t.app.repos.cases.eventsOf(id)).length).toBe(before);
  });

  it.each(['staff_a', 'viewer_a'] as Who[])('the queue for %s holds only township A', async (who) => {
    await newCase(entryB);
    const items = (await sessions[who]!.get('/api/staff/cases?status=all&limit=100')).json().items as Array<{ township: { code: string } }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.township.code === townshipA)).toBe(true);
  });
});

const ADMIN_ROUTES: Array<[method: 'GET' | 'POST', url: string, body?: unknown]> = [
  ['GET', '/api/admin/entries'],
  ['POST', '/api/admin/entries', { township: '330327100000', label: '测试' }],
  ['GET', '/api/admin/users'],
  ['GET', '/api/admin/policies'],
  ['GET', '/api/admin/parameters'],
  ['GET', '/api/admin/stats'],
  ['GET', '/api/admin/ledger.csv'],
  ['GET', '/api/admin/audit'],
];

describe('county administration × role', () => {
  it.each(ADMIN_ROUTES.flatMap(([method, url, body]) => (['staff_a', 'viewer_a', 'viewer_county'] as Who[]).map((who) => [method, url, body, who] as const)))(
    '%s %s by %s → 403',
    async (method, url, body, who) => {
      const s = sessions[who]!;
      const res = method === 'GET' ? await s.get(url) : await s.post(url, body);
      expect(res.statusCode).toBe(403);
      expect((res as { json(): { error: { code: string } } }).json().error.code).toBe('FORBIDDEN');
    },
  );

  it.each(ADMIN_ROUTES.filter(([method]) => method === 'GET'))('%s %s by the county admin → 200', async (_method, url) => {
    expect((await sessions.county!.get(url)).statusCode).toBe(200);
  });
});
