import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSignedIn, threeRoles, townshipsOf, type AdminClient } from '../../../tests/helpers/admin';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';
import { countyOf } from '../../../shared/accounts/scope';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;
let otherStaff: AdminClient;
let own: string;
let other: string;

beforeAll(async () => {
  t = await buildTestApp();
  [own, other] = (await townshipsOf(t.app)).map((r) => r.code) as [string, string];
  ({ admin, staff, viewer } = await threeRoles(t.app, own));
  otherStaff = await newSignedIn(t.app, 'other_staff', 'township_staff', other);
});
afterAll(() => t.close());

const station = (township: string | null, name = '灵溪镇社工站') => ({
  kind: 'station',
  name,
  township,
  serviceTypes: ['心理疏导', '生活照料'],
  contact: '0577-64761234',
  capacity: 30,
});
const names = async (who: AdminClient) => ((await who.get('/api/staff/resources')).json().items as Array<{ name: string }>).map((r) => r.name);

describe('the resource library', () => {
  it('is kept by county admins only: staff and viewers get 403 on every admin route', async () => {
    for (const who of [staff, viewer]) {
      expect((await who.get('/api/admin/resources')).statusCode).toBe(403);
      expect((await who.send('POST', '/api/admin/resources', station(own))).statusCode).toBe(403);
      expect((await who.send('PUT', '/api/admin/resources/1', station(own))).statusCode).toBe(403);
      expect((await who.send('POST', '/api/admin/resources/1/retire')).statusCode).toBe(403);
    }
  });

  it('adds a resource (201 {id}), audited, and refuses bad input in Chinese', async () => {
    const res = await admin.send('POST', '/api/admin/resources', station(own, '  本镇社工站  '));
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect(Number.isInteger(id)).toBe(true);
    expect(await t.app.repos.resources.find(id)).toMatchObject({ name: '本镇社工站', township: own, serviceTypes: ['心理疏导', '生活照料'], capacity: 30 });
    expect((await t.app.repos.audit.forTarget(`resource:${id}`)).at(-1)).toMatchObject({ action: 'resource.create', actor: 'county' });

    const bad = await admin.send('POST', '/api/admin/resources', { ...station(own), kind: 'bank', serviceTypes: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({ kind: expect.stringMatching(/[\u4e00-\u9fa5]/), serviceTypes: expect.stringContaining('服务内容') });
    const nowhere = await admin.send('POST', '/api/admin/resources', station('330327999000'));
    expect(nowhere.json().error.fields).toEqual({ township: '没有这个乡镇（街道）' });
  });

  it('shows staff the resources of their own township and the county-wide ones, never another township or a retired one', async () => {
    const mine = (await admin.send('POST', '/api/admin/resources', station(own, '甲镇助联体'))).json().id as number;
    await admin.send('POST', '/api/admin/resources', station(other, '乙镇助联体'));
    await admin.send('POST', '/api/admin/resources', { kind: 'enterprise', name: '县爱心企业', serviceTypes: ['物资帮扶'] });
    expect(await names(staff)).toEqual(expect.arrayContaining(['甲镇助联体', '县爱心企业']));
    expect(await names(staff)).not.toContain('乙镇助联体');
    expect(await names(otherStaff)).toEqual(expect.arrayContaining(['乙镇助联体', '县爱心企业']));
    expect(await names(otherStaff)).not.toContain('甲镇助联体');
    expect(await names(admin)).toEqual(expect.arrayContaining(['甲镇助联体', '乙镇助联体', '县爱心企业']));

    const retired = await admin.send('POST', `/api/admin/resources/${mine}/retire`);
    expect(retired.json()).toMatchObject({ name: '甲镇助联体', retiredAt: expect.any(String) });
    expect(await names(staff)).not.toContain('甲镇助联体');
    // Retired, not deleted: the county still sees it and can bring it back.
    expect(((await admin.get('/api/admin/resources')).json().items as Array<{ id: number }>).some((r) => r.id === mine)).toBe(true);
    await admin.send('POST', `/api/admin/resources/${mine}/restore`);
    expect(await names(staff)).toContain('甲镇助联体');
  });

  it('edits a resource, and a missing one is a 404', async () => {
    const id = (await admin.send('POST', '/api/admin/resources', station(own, '旧名字'))).json().id as number;
    const res = await admin.send('PUT', `/api/admin/resources/${id}`, { ...station(null, '新名字'), capacity: null, contact: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: '新名字', township: null, townshipName: null, contact: null, capacity: null, updatedBy: 'county' });
    expect((await admin.send('PUT', '/api/admin/resources/999999', station(own))).statusCode).toBe(404);
  });

  it('imports a list from XLSX or CSV: adds new rows, updates same-named ones, names each bad row', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('资源');
    const ownName = (await townshipsOf(t.app))[0]!.name;
    sheet.addRows([
      ['名称', '类别', '乡镇', '服务内容', '联系方式', '可服务户数'],
      ['导入社工站', '助联体服务站', ownName, '心理疏导、生活照料', '0577-1234567', 20],
      ['导入爱心企业', '爱心企业', '', '物资帮扶', '', ''],
      ['坏类别', '银行', '', '物资帮扶', '', ''],
      ['没乡镇', '社会组织', '不存在镇', '助学', '', ''],
      ['没服务', '社会组织', '全县', '', '', ''],
      ['负户数', '社会组织', '全县', '助学', '', -3],
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await admin.send('POST', '/api/admin/resources/import', { file: xlsx.toString('base64') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 6, imported: 2, updated: 0 });
    expect(res.json().rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7]);
    expect(res.json().rejected[0].reason).toContain('类别「银行」不对');
    expect(await names(staff)).toEqual(expect.arrayContaining(['导入社工站', '导入爱心企业']));
    expect(await t.app.repos.resources.findByName('导入社工站', own, countyOf(own))).toMatchObject({ kind: 'station', serviceTypes: ['心理疏导', '生活照料'], capacity: 20 });

    // The same list again as CSV (with a BOM): the same-named resource is updated, not doubled.
    const csv = `\uFEFF类别,名称,服务内容,可服务户数\n爱心企业,导入爱心企业,物资帮扶、助学,5\n`;
    const again = await admin.send('POST', '/api/admin/resources/import', { file: Buffer.from(csv).toString('base64') });
    expect(again.json()).toEqual({ rows: 1, imported: 0, updated: 1, rejected: [] });
    expect(await t.app.repos.resources.findByName('导入爱心企业', null, countyOf(own))).toMatchObject({ serviceTypes: ['物资帮扶', '助学'], capacity: 5 });

    const noHeader = await admin.send('POST', '/api/admin/resources/import', { file: Buffer.from('a,b\n1,2\n').toString('base64') });
    expect(noHeader.json().rejected).toEqual([{ row: 1, reason: '第一行缺少这些列：类别、名称、服务内容' }]);
    expect((await staff.send('POST', '/api/admin/resources/import', { file: xlsx.toString('base64') })).statusCode).toBe(403);
  });
});
