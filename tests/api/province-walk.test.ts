import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_READS } from '../../server/routes/admin';
import { hashPassword } from '../../server/domain/passwords';
import { signIn, type AdminClient } from '../helpers/admin';
import { registeredRoutes } from '../helpers/routes';
import { TEST_PASSWORD } from '../helpers/staff';
import { submitRequest } from '../helpers/submissions';
import { buildTestApp, firstActiveEntry, type TestApp } from '../helpers/test-app';

// Its own session (who am I, password, log out), and to read: the region names its statistics are labelled with.
const SESSION_ROUTES = new Set(['/api/staff/session', '/api/staff/me', '/api/staff/password']);
const READS = new Set(['/api/staff/regions', ...PROVINCE_READS]);

let t: TestApp;
let province: AdminClient;
let caseId: number;
let entryCode: string;

beforeAll(async () => {
  t = await buildTestApp();
  entryCode = (await firstActiveEntry(t.app)).code;
  caseId = (await submitRequest(t.app)).caseId;
  await t.app.repos.users.create({ username: 'sheng', passwordHash: await hashPassword(TEST_PASSWORD), role: 'province_admin', township: null, mustChangePassword: false });
  province = await signIn(t.app, 'sheng');
});
afterAll(() => t.close());

describe('a province admin (#16)', () => {
  it('gets 403 FORBIDDEN, and no data, on every staff and admin route but its statistics and ledger reads', async () => {
    const routes = registeredRoutes(t.app).filter((r) => /^\/api\/(staff|admin)\//.test(r.url));
    const refused = routes.filter((r) => !SESSION_ROUTES.has(r.url) && !(r.method === 'GET' && READS.has(r.url)));
    // The unmasked ledgers are POSTs to the same addresses: refused with every other write.
    expect(refused).toContainEqual({ method: 'POST', url: '/api/admin/ledger.csv' });
    expect(refused).toContainEqual({ method: 'POST', url: '/api/admin/register-ledger.xlsx' });
    expect(refused.length).toBeGreaterThan(40);
    const eventsBefore = (await t.app.repos.cases.eventsOf(caseId)).length;
    const caseBefore = await t.app.repos.cases.find(caseId);
    for (const route of refused) {
      const url = route.url.replace(':id', String(caseId)).replace(':referralId', '1').replace(':code', entryCode);
      const res = await province.send(route.method as 'POST', url, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json(), `${route.method} ${route.url}`).toEqual({ error: { code: 'FORBIDDEN', message: '您没有权限进行这个操作' } });
    }
    expect(await t.app.repos.cases.eventsOf(caseId)).toHaveLength(eventsBefore);
    expect(await t.app.repos.cases.find(caseId)).toEqual(caseBefore);
  });

  it('reads each statistics and ledger route it is open to', async () => {
    for (const url of PROVINCE_READS) expect((await province.get(url)).statusCode, url).toBe(200);
    expect((await province.get('/api/staff/regions')).statusCode).toBe(200);
  });
});
