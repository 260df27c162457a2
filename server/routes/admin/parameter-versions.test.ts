import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { chinaDate } from '../../domain/clock';

/** New parameter versions start today or later (China date); one not yet in effect can be withdrawn. Both audited. */
let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;

beforeAll(async () => {
  t = await buildTestApp();
  ({ admin, staff } = await threeRoles(t.app, (await t.app.repos.entries.list())[0]!.township, 'pv_'));
});
afterAll(() => t.close());

const today = () => chinaDate(new Date().toISOString());
const shift = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000).toISOString());
const values = async () => (await admin.get('/api/admin/parameters')).json().current as Record<string, number | string[]>;
const save = async (effectiveFrom: string, source: string, change: Record<string, unknown> = {}) =>
  admin.post('/api/admin/parameters', { effectiveFrom, source, values: { ...(await values()), ...change } });
type Version = { id: number; effectiveFrom: string; withdrawnAt: string | null; withdrawnBy: string | null; canWithdraw: boolean };

describe('screening parameter versions', () => {
  it('refuses a first day in the past, in preview and in save', async () => {
    for (const url of ['/api/admin/parameters/preview', '/api/admin/parameters']) {
      const res = await admin.post(url, { effectiveFrom: shift(-1), source: '补录', values: await values() });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.effectiveFrom).toContain('不能早于今天');
    }
    expect(await t.app.repos.parameterVersions.listAll()).toEqual([]);
  });

  it('a version starting today is in effect and cannot be withdrawn', async () => {
    const res = await save(today(), '当日生效');
    expect(res.statusCode).toBe(201);
    const version = (res.json().versions as Version[]).find((v) => v.effectiveFrom === today())!;
    expect(version.canWithdraw).toBe(false);
    const withdraw = await admin.post(`/api/admin/parameters/${version.id}/withdraw`, {});
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.message).toContain('已经生效');
  });

  it('a future version is withdrawn: screening stops using it, the record stays, the date is free again, audited', async () => {
    const day = shift(30);
    const res = await save(day, '苍民〔2026〕9 号', { dibaoStandard: 9999 });
    const version = (res.json().versions as Version[]).find((v) => v.effectiveFrom === day)!;
    expect(version.canWithdraw).toBe(true);
    expect(t.app.screening.current().history.dibaoStandard.at(-1)).toMatchObject({ value: 9999, effectiveFrom: day });

    expect((await staff.post(`/api/admin/parameters/${version.id}/withdraw`, {})).statusCode).toBe(403);
    const withdrawn = await admin.post(`/api/admin/parameters/${version.id}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(200);
    expect((withdrawn.json().versions as Version[]).find((v) => v.id === version.id)).toMatchObject({ withdrawnBy: 'pv_county', canWithdraw: false });
    expect(t.app.screening.current().history.dibaoStandard.some((d) => d.effectiveFrom === day)).toBe(false);
    expect((await t.app.repos.audit.forTarget(`parameters:${version.id}`)).map((a) => a.action)).toEqual(['parameters.create_version', 'parameters.withdraw_version']);

    expect((await admin.post(`/api/admin/parameters/${version.id}/withdraw`, {})).statusCode).toBe(404);
    expect((await save(day, '重新发布')).statusCode).toBe(201);
    // The table itself allows nothing but a single withdrawal.
    await expect(sql`UPDATE parameter_versions SET withdrawn_at = NULL WHERE id = ${version.id}`.execute(t.app.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM parameter_versions`.execute(t.app.store.db)).rejects.toThrow(/append-only/);
  });
});
