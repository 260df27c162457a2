import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignalSource } from '../../shared/warnings/sources';
import { SIGNAL_SOURCES } from '../../shared/warnings/sources';
import { fakeIdNumber } from '../../tests/helpers/people';
import { createStaff, login } from '../../tests/helpers/staff';
import { submitRequest } from '../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../tests/helpers/test-app';
import { importRoster } from './register-import';
import { NAME_MISMATCH } from '../../shared/warnings/rules';
import { importSignals } from './warning-import';
import { firstContactDue } from '../../shared/cases/due';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const NOW = '2026-11-29T02:00:00.000Z';
const LINGXI = '330327100000';
const QIANKU = '330327104000';
const KUOSHAN = '330327104201'; // a village of 钱库镇
const JINXIANG = '330327105000';
const id = (n: number) => fakeIdNumber(`3303271985${String(1 + (n % 12)).padStart(2, '0')}01${String(n).padStart(3, '0')}`);

const COMMON = ['身份证号', '姓名', '区划代码'];
/** One file per source: a row that warns, a row that does not (where a rule can say no) and a bad row. */
const FIXTURES: Record<SignalSource, { header: string[]; warns: string[]; silent: string[] | null; bad: string[]; badReason: string }> = {
  medical: { header: ['自付金额', '期间起', '期间止'], warns: ['20000', '2026-01-01', '2026-06-30'], silent: ['19999.99', '2026-01-01', '2026-06-30'], bad: ['两万', '2026-01-01', '2026-06-30'], badReason: '自付金额请写成数字（元），例如 25000 或 25000.50' },
  disability: { header: ['残疾类别', '残疾等级', '发证日期'], warns: ['肢体', '二级', '2026-09-01'], silent: ['肢体', '三级', '2026-09-01'], bad: ['肢体', '二级', '2026-13-01'], badReason: '发证日期请写成 2024-03-01 这样的格式' },
  death: { header: ['死亡日期', '年龄'], warns: ['2026-10-01', '50'], silent: ['2026-10-01', '51'], bad: ['2026-10-01', '老'], badReason: '年龄请写成 0 到 130 之间的整数' },
  unemployment: { header: ['登记日期'], warns: ['2026-08-01'], silent: null, bad: ['2099-01-01'], badReason: '登记日期不能晚于今天' },
  student: { header: ['学校', '困难等级'], warns: ['灵溪一中', '特别困难'], silent: null, bad: ['', '困难'], badReason: '没有填学校' },
  exit: { header: ['原类别', '退出日期'], warns: ['低保', '2026-05-01'], silent: null, bad: ['低保', ''], badReason: '退出日期请写成 2024-03-01 这样的格式' },
};

/** Rows in every table but the rule preview's figures (replaced at each import, and holding no identity). */
async function countAll(): Promise<Record<string, number>> {
  const db = t.app.store.db;
  const listing =
    t.app.store.engineName === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`;
  const counts: Record<string, number> = {};
  for (const { name } of (await listing.execute(db)).rows) {
    if (name === 'warning_rule_figures') continue;
    counts[name] = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(name)}`.execute(db)).rows[0]!.n);
  }
  return counts;
}

const run = (source: SignalSource, table: string[][], now = NOW) => importSignals(t.app.store, t.app.vault, source, table, now);
const caseOf = (idNumber: string) => t.app.repos.cases.findOpenByPersonKeyAnywhere(t.app.vault.blindIndex('id', idNumber));
const warningEvents = async (caseId: number) =>
  (await t.app.repos.cases.eventsOf(caseId)).filter((e) => e.type === 'warning').map((e) => t.app.vault.decrypt<Record<string, unknown>>(e.detail_enc!));

describe('importSignals', () => {
  it.each(SIGNAL_SOURCES.map((s, i) => [s, i] as const))('%s: the warning row opens a case, the silent row keeps nothing, the bad row is reported', async (source, i) => {
    const f = FIXTURES[source];
    const person = id(100 + i);
    const table = [
      [...COMMON, ...f.header],
      [person, `预警${i}`, KUOSHAN, ...f.warns],
      ...(f.silent ? [[id(200 + i), `无事${i}`, KUOSHAN, ...f.silent]] : []),
      [id(300 + i), `错行${i}`, KUOSHAN, ...f.bad],
    ];
    const summary = await run(source, table);
    expect(summary).toEqual({ rows: table.length - 1, matched: 0, warnings: 1, duplicates: 0, rejected: [{ row: table.length, reason: f.badReason }] });
    const opened = (await caseOf(person))!;
    expect([opened.source, opened.township, opened.village, opened.target_class]).toEqual(['warning', QIANKU, KUOSHAN, 'missing']);
    expect((await warningEvents(opened.id))[0]).toMatchObject({ source });
    if (f.silent) expect(await caseOf(id(200 + i))).toBeUndefined();
    expect(await caseOf(id(300 + i))).toBeUndefined();
  });

  it('rows that raise no warning leave nothing in any table; the rule preview keeps only their amounts', async () => {
    const before = await countAll();
    const table = [[...COMMON, '自付金额', '期间起', '期间止'], ...Array.from({ length: 20 }, (_, n) => [id(400 + n), `小额${n}`, LINGXI, '500', '2026-01-01', '2026-06-30'])];
    expect(await run('medical', table)).toMatchObject({ rows: 20, warnings: 0, duplicates: 0, rejected: [] });
    expect(await countAll()).toEqual(before);
    const kept = (await t.app.repos.warningRules.figures(await t.app.repos.regions.onlyCounty())).find((f) => f.figures.source === 'medical')!;
    expect(kept.figures).toEqual({ source: 'medical', amounts: Array(20).fill(500) });
    expect(JSON.stringify(kept)).not.toMatch(/小额|3303271985/);
  });

  it('a register person\'s warning goes to the household\'s township, flags a name that disagrees, and is red for a main labourer', async () => {
    const person = id(500);
    await importRoster(t.app.store, t.app.vault, [['身份证号', '姓名', '乡镇代码', '类别', '纳入日期'], [person, '陈在册', JINXIANG, '低保', '2025-01-01']], NOW);
    // The department writes another name and another place: the register decides where it goes.
    const summary = await run('death', [[...COMMON, '死亡日期', '年龄'], [person, '陈再册', KUOSHAN, '2026-10-01', '40']]);
    expect(summary).toMatchObject({ matched: 1, warnings: 1 });
    const opened = (await caseOf(person))!;
    expect([opened.township, opened.target_class, opened.level, opened.source]).toEqual([JINXIANG, 'warning', 'red', 'warning']);
    expect(await warningEvents(opened.id)).toEqual([
      { source: 'death', sourceLabel: '死亡人员', signal: '死亡数据：2026-10-01 去世，终年 40 岁（25–50 岁，可能是家庭主要劳动力）', level: 'red', nameMismatch: NAME_MISMATCH },
    ]);
  });

  it('the same file again raises nothing new; an overlapping file only its new rows; another signal joins the open case', async () => {
    const [a, b, c] = [id(600), id(601), id(602)];
    const header = [...COMMON, '自付金额', '期间起', '期间止'];
    const first = [header, [a, '甲', LINGXI, '30000', '2026-01-01', '2026-06-30'], [b, '乙', LINGXI, '45000', '2026-01-01', '2026-06-30']];
    expect(await run('medical', first)).toMatchObject({ warnings: 2, duplicates: 0 });
    const cases = (await countAll()).cases!;
    expect(await run('medical', first)).toMatchObject({ rows: 2, matched: 2, warnings: 0, duplicates: 2 });
    const overlapping = [header, [b, '乙', LINGXI, '46000', '2026-01-01', '2026-09-30'], [c, '丙', LINGXI, '21000', '2026-03-01', '2026-09-30']];
    expect(await run('medical', overlapping)).toMatchObject({ warnings: 1, duplicates: 1 });
    expect((await countAll()).cases).toBe(cases + 1);
    expect((await caseOf(b))!.level).toBe('red');

    // Registered unemployed too: the same open case gains the warning, no second case.
    // The department spells the name otherwise: flagged against the open case's name.
    expect(await run('unemployment', [[...COMMON, '登记日期'], [a, '甲乙', QIANKU, '2026-08-01']])).toMatchObject({ matched: 1, warnings: 1 });
    expect((await countAll()).cases).toBe(cases + 1);
    expect((await warningEvents((await caseOf(a))!.id)).map((e) => [e.source, e.nameMismatch])).toEqual([
      ['medical', undefined],
      ['unemployment', NAME_MISMATCH],
    ]);
  });

  it('one file naming a person twice raises one warning, and a second signal in it joins that case', async () => {
    const d = id(650);
    const twice = [[...COMMON, '自付金额', '期间起', '期间止'], [d, '丁', LINGXI, '30000', '2026-01-01', '2026-06-30'], [d, '丁', LINGXI, '31000', '2026-01-01', '2026-06-30']];
    expect(await run('medical', twice)).toMatchObject({ rows: 2, warnings: 1, duplicates: 1 });
    const twoSignals = [[...COMMON, '学校', '困难等级'], [d, '丁', LINGXI, '灵溪一中', '困难'], [d, '丁', LINGXI, '灵溪一中', '特别困难']];
    // One student warning a school year, whatever the level: the second line is a duplicate.
    expect(await run('student', twoSignals)).toMatchObject({ rows: 2, warnings: 1, duplicates: 1, matched: 2 });
    expect((await warningEvents((await caseOf(d))!.id)).map((e) => e.source)).toEqual(['medical', 'student']);
  });

  it('a case opened by a file and raised again further down it is written once, at the higher level and the earlier due', async () => {
    const e = id(660);
    const header = [...COMMON, '自付金额', '期间起', '期间止'];
    const file = [header, [e, '戊', LINGXI, '30000', '2026-01-01', '2026-06-30'], [e, '戊', LINGXI, '45000', '2025-01-01', '2025-06-30']];
    expect(await run('medical', file)).toEqual({ rows: 2, matched: 1, warnings: 2, duplicates: 0, rejected: [] });
    const opened = (await caseOf(e))!;
    expect([opened.level, opened.due_at, opened.target_class]).toEqual(['red', firstContactDue(NOW, 'red'), 'missing']);
    expect((await warningEvents(opened.id)).map((w) => w.level)).toEqual(['yellow', 'red']);
  });

  it('a warning case is in its township\'s ?source=warning queue and hidden from other townships', async () => {
    const person = id(700);
    await run('exit', [[...COMMON, '原类别', '退出日期'], [person, '林退出', KUOSHAN, '特困', '2026-05-01']]);
    const caseId = (await caseOf(person))!.id;
    await createStaff(t.app, 'qianku-w', 'township_staff', QIANKU);
    await createStaff(t.app, 'lingxi-w', 'township_staff', LINGXI);
    const qianku = await login(t.app, 'qianku-w');
    const lingxi = await login(t.app, 'lingxi-w');
    const queue = await qianku.get('/api/staff/cases?source=warning&limit=100');
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as Array<{ id: number; source: string }>;
    expect(items.map((i) => i.id)).toContain(caseId);
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(['warning']));
    const detail = await qianku.get(`/api/staff/cases/${caseId}`);
    expect(detail.json().timeline.find((e: { type: string }) => e.type === 'warning').detail.signal).toBe('民政数据：2026-05-01 退出特困，需跟踪是否再次陷入困难');
    expect((await lingxi.get(`/api/staff/cases/${caseId}`)).statusCode).toBe(404);
    expect((await lingxi.get('/api/staff/cases?source=warning&limit=100')).json().items.map((i: { id: number }) => i.id)).not.toContain(caseId);
  });

  it('分类处置: after a call, staff choose a branch with their finding; 县级统筹 puts the case in the county\'s list', async () => {
    const person = id(800);
    // Raised 50 hours (and a few seconds) ago: the branch records how long handling took.
    await run('unemployment', [[...COMMON, '登记日期'], [person, '吴失业', QIANKU, '2026-08-01']], new Date(Date.now() - 50 * 3_600_000 - 5_000).toISOString());
    const caseId = (await caseOf(person))!.id;
    await createStaff(t.app, 'qianku-h', 'township_staff', QIANKU);
    await createStaff(t.app, 'county-h', 'county_admin', null);
    const staff = await login(t.app, 'qianku-h');
    const county = await login(t.app, 'county-h');

    const early = await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'handle', branch: 'county', finding: '家里没有收入' });
    expect([early.statusCode, early.json().error.message]).toEqual([409, '请先电话了解或入户核查，再分类处置']);
    expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'handle', branch: 'nothing', finding: '家里没有收入' })).statusCode).toBe(400);
    expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' })).statusCode).toBeLessThan(300);
    expect((await county.get('/api/staff/cases?escalated=true&limit=100')).json().items.map((i: { id: number }) => i.id)).not.toContain(caseId);
    const handled = await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'handle', branch: 'county', finding: '夫妻同时失业，孩子上学，需县里统筹' });
    expect(handled.statusCode).toBeLessThan(300);

    const detail = (await staff.get(`/api/staff/cases/${caseId}`)).json();
    expect(detail.status).toBe('decided');
    expect(detail.escalatedAt).not.toBeNull();
    const step = detail.timeline.find((e: { type: string }) => e.type === 'handle');
    expect(step.detail).toMatchObject({ branch: 'county', branchLabel: '县级统筹（一事一议）', finding: '夫妻同时失业，孩子上学，需县里统筹', hoursTaken: 50, timeTaken: '2 天 2 小时' });
    expect((await county.get('/api/staff/cases?escalated=true&limit=100')).json().items.map((i: { id: number }) => i.id)).toContain(caseId);
  });

  it('分类处置 is refused on a resident\'s own request, and not offered there', async () => {
    const { caseId } = await submitRequest(t.app);
    await createStaff(t.app, 'county-r', 'county_admin', null);
    const county = await login(t.app, 'county-r');
    await county.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' });
    expect((await county.get(`/api/staff/cases/${caseId}`)).json().allowedEvents).not.toContain('handle');
    const res = await county.post(`/api/staff/cases/${caseId}/events`, { type: 'handle', branch: 'policy', finding: '已落实低保' });
    expect([res.statusCode, res.json().error.message]).toEqual([409, '只有数据预警的案件需要分类处置']);
  });

  it('不再符合 is chosen only after a home visit (核查 then exit), and the case can then close', async () => {
    const person = id(801);
    await run('student', [[...COMMON, '学校', '困难等级'], [person, '郑学生', LINGXI, '灵溪二中', '一般困难']]);
    const caseId = (await caseOf(person))!.id;
    await createStaff(t.app, 'lingxi-e', 'township_staff', LINGXI);
    const staff = await login(t.app, 'lingxi-e');
    await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'contact', outcome: 'reached' });
    const early = await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'handle', branch: 'exit', finding: '家里已有稳定收入' });
    expect([early.statusCode, early.json().error.message]).toEqual([409, '认定不再符合之前，请先入户核查']);
    expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'visit', findings: { economy: '父母都在工作' } })).statusCode).toBeLessThan(300);
    expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'handle', branch: 'exit', finding: '家里已有稳定收入' })).statusCode).toBeLessThan(300);
    expect((await staff.post(`/api/staff/cases/${caseId}/events`, { type: 'close' })).statusCode).toBeLessThan(300);
    const detail = (await staff.get(`/api/staff/cases/${caseId}`)).json();
    expect([detail.status, detail.escalatedAt]).toEqual(['closed', null]);
  });
});
