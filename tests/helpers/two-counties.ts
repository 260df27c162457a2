import { expect } from 'vitest';
import { countyOf } from '../../shared/accounts/scope';
import { hashPassword } from '../../server/domain/passwords';
import { signIn, type AdminClient } from './admin';
import { TEST_PASSWORD } from './staff';
import { buildTestApp, firstActiveEntry, type TestApp } from './test-app';

/** The second county (平阳县, B) added beside the demo county (苍南县, A), with one township and one village. */
export const B = { county: '330326000000', township: '330326100000', village: '330326100201' };

/** Two counties in one database (#16): the app, each county's admin, B's township staff, a province admin. */
export interface TwoCounties {
  t: TestApp;
  /** The demo county's code. */
  countyA: string;
  entryA: { code: string; township: string };
  /** B's first 幸福码, made by B's admin. */
  entryB: string;
  adminA: AdminClient;
  adminB: AdminClient;
  staffB: AdminClient;
  province: AdminClient;
  account(username: string, role: 'county_admin' | 'township_staff' | 'viewer' | 'province_admin', county: string | null, township?: string | null): Promise<AdminClient>;
}

/** A fresh test app holding two counties; close `t` after. */
export async function buildTwoCounties(): Promise<TwoCounties> {
  const t = await buildTestApp();
  const entryA = await firstActiveEntry(t.app);
  const countyA = countyOf(entryA.township);
  for (const region of [
    { code: B.county, name: '平阳县', level: 'county' as const, parent: null, phone: null },
    { code: B.township, name: '昆阳镇', level: 'township' as const, parent: B.county, phone: null },
    { code: B.village, name: '城南社区', level: 'village' as const, parent: B.township, phone: null },
  ]) {
    await t.app.repos.regions.insert(region);
  }
  // A province's regions are in place before its servers start; B is added to a running app, so it re-reads its
  // screening settings as a start would (each county's parameters are labelled with the county's name).
  await t.app.screening.reload(null);
  const account: TwoCounties['account'] = async (username, role, county, township = null) => {
    await t.app.repos.users.create({ username, passwordHash: await hashPassword(TEST_PASSWORD), role, township, county, mustChangePassword: false });
    return signIn(t.app, username);
  };
  const adminB = await account('admin_b', 'county_admin', B.county);
  const madeB = await adminB.send('POST', '/api/admin/entries', { township: B.township, village: B.village, label: '城南 1 号' });
  expect(madeB.statusCode).toBe(201);
  return {
    t, countyA, entryA, entryB: madeB.json().code as string, adminB, account,
    adminA: await account('admin_a', 'county_admin', countyA),
    staffB: await account('kunyang', 'township_staff', null, B.township),
    province: await account('sheng', 'province_admin', null),
  };
}

/** Uploads a 死亡 signal file as `client` and waits for its import job to finish. */
export async function importDeaths(t: TestApp, client: AdminClient, csv: string) {
  const upload = await t.app.inject({
    method: 'POST',
    url: `/api/admin/signals/imports?source=death&fileName=${encodeURIComponent('死亡.csv')}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  expect(upload.statusCode).toBe(202);
  const id = upload.json().id as number;
  let job = (await client.get(`/api/admin/signals/imports/${id}`)).json();
  while (job.status !== 'done' && job.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await client.get(`/api/admin/signals/imports/${id}`)).json();
  }
  return { id, job };
}
