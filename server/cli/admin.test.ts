import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '../db/engine';
import { openDatabase } from '../db/open';
import { createStore, type Store } from '../db/store';
import { runAdmin } from '../../tests/helpers/cli';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Reads or prepares data in the CLI's database file, as the server would, between commands. */
async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const db = openDatabase(path.join(dataDir, 'xingfuma.sqlite'));
  const engine = sqliteEngine(db);
  try {
    return await work(createStore(engine, 'sqlite'));
  } finally {
    await engine.destroy();
    db.close();
  }
}

/** Runs the CLI exactly as an operator would: `npm run admin -- …`. */
const admin = (args: string[], stdin?: string) => runAdmin(args, { DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://xfm.example.cn' }, { stdin });

describe('npm run admin', () => {
  it('regions --json prints exactly one JSON document of the region tree', async () => {
    const res = await admin(['regions', '--json']);
    expect(res.code).toBe(0);
    const regions = JSON.parse(res.stdout) as Array<{ code: string; name: string; level: string; parent: string | null }>;
    expect(regions.filter((r) => r.level === 'township').length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(regions[0]!).sort()).toEqual(['code', 'level', 'name', 'parent']);
  });

  it('create-qr --json, then qr-image PNG decodes back to the public URL', async () => {
    const township = (JSON.parse((await admin(['regions', '--json'])).stdout) as Array<{ code: string; level: string }>).find((r) => r.level === 'township')!;
    const created = await admin(['create-qr', '--township', township.code, '--label', '渎浦村 8 号', '--json']);
    expect(created.code).toBe(0);
    const qr = JSON.parse(created.stdout) as { code: string; url: string; township: string; label: string };
    expect(qr).toMatchObject({ township: township.code, label: '渎浦村 8 号', url: `https://xfm.example.cn/q/${qr.code}` });
    expect(qr.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);

    const png = path.join(dataDir, 'qr.png');
    expect((await admin(['qr-image', qr.code, '--out', png])).code).toBe(0);
    const image = PNG.sync.read(fs.readFileSync(png));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(qr.url);

    const svg = path.join(dataDir, 'qr.svg');
    expect((await admin(['qr-image', qr.code, '--out', svg])).code).toBe(0);
    const poster = fs.readFileSync(svg, 'utf8');
    expect(poster).toContain('渎浦村 8 号');
    expect(poster).toContain(qr.code);
  }, 60_000);

  it('create-user reads the password from stdin and refuses a duplicate', async () => {
    const args = ['create-user', '--username', 'lx_staff', '--role', 'township_staff', '--township', '330327100000', '--password-stdin', '--json'];
    const res = await admin(args, 'a-good-password\n');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ username: 'lx_staff', role: 'township_staff', township: '330327100000' });
    const again = await admin(args, 'a-good-password\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');
    // Set by the operator, not its owner: temporary until changed at first login.
    const user = await withStore((store) => store.repos.users.findByUsername('lx_staff'));
    expect(user?.mustChangePassword).toBe(true);
    const weak = await admin(['create-user', '--username', 'lx_weak', '--role', 'viewer', '--township', '330327100000', '--password-stdin'], 'password2026\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('这个密码很常见');
  }, 30_000);

  it('create-user --role partner binds the account to one active resource, and only partners to one', async () => {
    await admin(['regions', '--json']);
    const fields = { kind: 'station' as const, name: '灵溪镇社工站', township: '330327100000', serviceTypes: ['心理疏导'], contact: null, capacity: null };
    const { id, retired } = await withStore(async ({ repos: { resources } }) => {
      const id = await resources.create(fields, 'test', new Date().toISOString());
      const retired = await resources.create({ ...fields, name: '旧站' }, 'test', new Date().toISOString());
      await resources.setRetired(retired, new Date().toISOString(), 'test', new Date().toISOString());
      return { id, retired };
    });

    const res = await admin(['create-user', '--username', 'lx_station', '--role', 'partner', '--resource', String(id), '--password-stdin', '--json'], 'a-good-password\n');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ username: 'lx_station', role: 'partner', township: null, resource: id });
    const noResource = await admin(['create-user', '--username', 'px2', '--role', 'partner', '--password-stdin'], 'a-good-password\n');
    expect(noResource.stderr).toContain('--resource');
    const gone = await admin(['create-user', '--username', 'px3', '--role', 'partner', '--resource', String(retired), '--password-stdin'], 'a-good-password\n');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('没有在用的资源');
    const staffWithResource = await admin(
      ['create-user', '--username', 'px4', '--role', 'township_staff', '--township', '330327100000', '--resource', String(id), '--password-stdin'],
      'a-good-password\n',
    );
    expect(staffWithResource.stderr).toContain('--role partner');
  }, 60_000);

  it('disable-qr and list-qr agree', async () => {
    const list = JSON.parse((await admin(['list-qr', '--json'])).stdout) as Array<{ code: string; active: boolean }>;
    const target = list[0]!;
    expect((await admin(['disable-qr', target.code, '--reason', '门牌更换'])).code).toBe(0);
    const after = JSON.parse((await admin(['list-qr', '--json'])).stdout) as Array<{ code: string; active: boolean }>;
    expect(after.find((e) => e.code === target.code)?.active).toBe(false);
  }, 30_000);

  it.each([[['bogus']], [['create-qr']], [['create-user', '--username', 'x', '--role', 'king', '--password-stdin']], [['regions', '--nope']]])(
    'wrong arguments %j → usage on stderr, exit 2',
    async (args) => {
      const res = await admin(args);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('用法');
      expect(res.stdout).toBe('');
    },
    30_000,
  );
});

// Last in the file: it adds a second county to the shared database.
describe('npm run admin create-user with counties (#16)', () => {
  const create = (username: string, ...args: string[]) =>
    admin(['create-user', '--username', username, ...args, '--password-stdin', '--json'], 'a-good-password\n');

  it('puts an account in the only county, a province admin in none, and asks which county once there are two', async () => {
    const county = await create('cn_admin', '--role', 'county_admin');
    expect(county.code).toBe(0);
    expect(JSON.parse(county.stdout)).toMatchObject({ role: 'county_admin', township: null, county: '330327000000' });
    const province = await create('zj_province', '--role', 'province_admin');
    expect(province.code).toBe(0);
    expect(JSON.parse(province.stdout)).toMatchObject({ role: 'province_admin', township: null, county: null });
    expect((await create('zj_2', '--role', 'province_admin', '--county', '330327000000')).code).toBe(2);

    await withStore(async (store) => {
      await store.repos.regions.insert({ code: '330326000000', name: '平阳县', level: 'county', parent: null, phone: null });
      await store.repos.regions.insert({ code: '330326100000', name: '昆阳镇', level: 'township', parent: '330326000000', phone: null });
    });
    const which = await create('py_admin', '--role', 'county_admin');
    expect(which.code).toBe(2);
    expect(which.stderr).toContain('--county');
    const pingyang = await create('py_admin', '--role', 'viewer', '--county', '330326000000');
    expect(JSON.parse(pingyang.stdout)).toMatchObject({ role: 'viewer', county: '330326000000' });
    const kunyang = await create('ky_staff', '--role', 'township_staff', '--township', '330326100000');
    expect(JSON.parse(kunyang.stdout)).toMatchObject({ county: '330326000000' });
    expect((await create('ky_2', '--role', 'township_staff', '--township', '330326100000', '--county', '330327000000')).code).toBe(2);
    expect((await create('nowhere', '--role', 'county_admin', '--county', '110101000000')).code).toBe(1);
  }, 60_000);
});
