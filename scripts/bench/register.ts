import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { addDays, chinaDate, endOfWeek } from '../../shared/register/cadence';
import { REGISTER_CATEGORIES, REGISTER_LEVELS } from '../../shared/register/categories';
import { VISIT_DIMENSIONS } from '../../shared/cases/workflow';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open';
import { loadDemoCounty } from '../../server/domain/bootstrap';
import { createVault, loadKeys } from '../../server/domain/crypto';
import { maskedPerson, personKey } from '../../server/domain/person';
import { MIGRATIONS_DIR } from '../../server/paths';
import { createRepositories } from '../../server/repositories';
import { createHouseholdsRepository, type RegisterPageQuery } from '../../server/repositories/households';
import { startRealServer } from '../../tests/e2e/support/server';
import { benchLogin } from './staff-login';
import { buildStale, ROOT } from '../build.mjs';
import { load } from './http-load';
import { printTable, type Row } from './table';

const HOUSEHOLDS = 100_000;
const VISITS = 1_000_000;
const TOWNSHIPS = 20;
const VILLAGES = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CACHE = path.join(ROOT, '.bench');
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** What the seeded file depends on: every migration and this file. */
function seedVersion(): string {
  const hash = createHash('sha256').update(`${HOUSEHOLDS}/${VISITS}\n`);
  for (const name of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) hash.update(name).update(fs.readFileSync(path.join(MIGRATIONS_DIR, name)));
  hash.update(fs.readFileSync(import.meta.filename));
  return hash.digest('hex').slice(0, 12);
}

/**
 * 100,000 households in 20 townships of 20 villages and a million visits, the way the register stores them
 * (encrypted subject, blind index, masked columns). Next visits fall within each level's cadence from the seeding
 * day, one household in twelve overdue, so every worklist filter has rows. Every visit carries the same encrypted findings: list pages never open them.
 */
function seedRegister(dataDir: string): { townships: string[]; villages: Map<string, string[]> } {
  const db = openDatabase(path.join(dataDir, 'xingfuma.sqlite'));
  migrate(db);
  const repos = createRepositories(db);
  loadDemoCounty(db, repos);
  const vault = createVault(loadKeys(dataDir));
  const county = repos.regions.list().find((r) => r.level === 'county')!;
  const townships = repos.regions.list().filter((r) => r.level === 'township').map((r) => r.code);
  const villages = new Map<string, string[]>();
  db.transaction(() => {
    for (let n = townships.length; n < TOWNSHIPS; n++) {
      const code = `${county.code.slice(0, 6)}${String(200 + n).padStart(3, '0')}000`;
      repos.regions.insert({ code, name: `压测镇${n}`, level: 'township', parent: county.code, phone: null });
      townships.push(code);
    }
    for (const township of townships) {
      const codes: string[] = [];
      for (let v = 0; v < VILLAGES; v++) {
        const code = `${township.slice(0, 9)}${String(900 + v)}`;
        if (!repos.regions.find(code)) repos.regions.insert({ code, name: `压测村${v}`, level: 'village', parent: township, phone: null });
        codes.push(code);
      }
      villages.set(township, codes);
    }
  })();
  // mulberry32: successive draws independent enough that category, level and township do not move together.
  let state = 20261129;
  const random = (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (((x ^ (x >>> 14)) >>> 0) % n);
  };
  const cadenceDays = { red: 7, yellow: 30, blue: 91 } as const;
  const today = chinaDate(new Date().toISOString());
  const now = new Date().toISOString();
  const categories = REGISTER_CATEGORIES.map((c) => c.value);
  const findings = vault.encrypt({ findings: Object.fromEntries(VISIT_DIMENSIONS.map((d) => [d.value, { text: '正常', risk: false }])), note: null });
  const insertVisit = db.prepare(`INSERT INTO household_visits (household_id, visited_on, kind, actor, level, findings_enc, open_risks_json, cleared_json, created_at)
    VALUES (?, ?, 'visit', 'bench', ?, ?, '{}', '[]', ?)`);
  const visitsPer = VISITS / HOUSEHOLDS;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const first17 = `3303271950${String(i).padStart(7, '0')}`;
      const person = { name: `在册${i}`, phone: `137${String(i).padStart(8, '0')}`, idNumber: first17 + idNumberCheckChar(first17), address: `某村 ${i} 号` };
      const township = townships[random(townships.length)]!;
      const category = categories[random(categories.length)]!;
      const level = REGISTER_LEVELS[random(REGISTER_LEVELS.length)]!;
      const masked = maskedPerson(person);
      const id = repos.households.insert({
        person_key: personKey(vault, person),
        township,
        village: villages.get(township)![random(VILLAGES)]!,
        subject_enc: vault.encrypt(person),
        name_masked: masked.nameMasked,
        phone_masked: masked.phoneMasked,
        id_masked: masked.idMasked,
        address_masked: masked.addressMasked,
        category,
        category_since: addDays(today, -400 - random(1000)),
        monitored_until: category === 'exited' ? addDays(today, random(900) - 200) : null,
        level,
        unstable: random(4) === 0 ? 1 : 0,
        // Most households are visited on time: the next visit lies within the level's cadence; one in twelve is overdue.
        next_visit_on: random(12) === 0 ? addDays(today, -1 - random(60)) : addDays(today, random(cadenceDays[level])),
        next_review_on: category === 'temporary' ? null : addDays(today, random(365) - 30),
        import_fingerprint: null,
        now,
      });
      for (let v = 0; v < visitsPer; v++) insertVisit.run(id, addDays(today, -7 * (v + 1) - random(7)), level, findings, now);
    }
  });
  for (let from = 0; from < HOUSEHOLDS; from += 1000) batch.immediate(from, Math.min(from + 1000, HOUSEHOLDS));
  db.close();
  return { townships, villages };
}

/** The seeded register under .bench/ (gitignored), reused while the schema and this file stay the same. */
function cachedRegister(): { dataDir: string; seededSeconds: number | null; townships: string[]; villages: Record<string, string[]> } {
  const prefix = 'register-';
  const dataDir = path.join(CACHE, `${prefix}${seedVersion()}`);
  const manifest = path.join(dataDir, 'seeded.json');
  if (fs.existsSync(manifest)) return { dataDir, seededSeconds: null, ...(JSON.parse(fs.readFileSync(manifest, 'utf8')) as { townships: string[]; villages: Record<string, string[]> }) };
  fs.mkdirSync(CACHE, { recursive: true });
  for (const old of fs.readdirSync(CACHE).filter((name) => name.startsWith(prefix))) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  const partial = `${dataDir}.partial`;
  const started = performance.now();
  const seeded = seedRegister(partial);
  const villages = Object.fromEntries(seeded.villages);
  fs.writeFileSync(path.join(partial, 'seeded.json'), JSON.stringify({ townships: seeded.townships, villages }));
  fs.renameSync(partial, dataDir);
  return { dataDir, seededSeconds: (performance.now() - started) / 1000, townships: seeded.townships, villages };
}

/** The worklist filters as the route builds them (server/routes/staff/households.ts), for the query plans. */
function filters(township: string | null, village: string, today: string): Array<{ name: string; url: string; query: RegisterPageQuery }> {
  const base = { township, today, limit: 51 };
  const q = (params: string) => (params ? `?${params}` : '');
  return [
    { name: '第一页', url: q(''), query: base },
    { name: '逾期', url: q('due=overdue'), query: { ...base, visitBy: addDays(today, -1) } },
    { name: '7 天内', url: q('due=7'), query: { ...base, visitBy: addDays(today, 7) } },
    { name: '按风险', url: q('level=red'), query: { ...base, level: 'red' } },
    { name: '按类别', url: q('category=tekun'), query: { ...base, category: 'tekun' } },
    { name: '按村', url: q(`village=${village}`), query: { ...base, village } },
  ];
}

// A plan step that reads households or visits without an index (SCAN without USING INDEX) misses its index.
const scans = (detail: string[]) => detail.some((d) => /^SCAN (households|household_visits)\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));

/** The township worklist and the county register page on 100,000 households and a million visits. */
export async function benchRegister(env: Record<string, string>, check: (name: string, ok: boolean) => string): Promise<Row[]> {
  const rows: Row[] = [];
  const seeded = cachedRegister();
  rows.push({
    name: '写入 10 万户在册、100 万次探访（缓存在 .bench/）',
    figure: seeded.seededSeconds === null ? '复用缓存' : `${seeded.seededSeconds.toFixed(0)} s`,
    target: '—',
  });
  const township = seeded.townships[1]!;
  const village = seeded.villages[township]![3]!;
  const today = chinaDate(new Date().toISOString());

  // The plans are read once the server has opened the file: it brings the planner's row counts up to date.
  const server = await startRealServer(env, seeded.dataDir);
  try {
    const db = new Database(path.join(seeded.dataDir, 'xingfuma.sqlite'), { readonly: true });
    try {
      const households = createHouseholdsRepository(db);
      for (const [scope, code] of [['乡镇', township], ['全县', null]] as const) {
        for (const f of filters(code, village, today)) {
          const detail = households.explain(f.query);
          rows.push({ name: `  查询计划：${scope}${f.name}`, figure: detail.join('; ').slice(0, 70), target: `用索引 ${check(`register plan ${scope}${f.name}`, !scans(detail))}` });
        }
        const counts = households.explainCounts(code, today, endOfWeek(today));
        rows.push({ name: `  查询计划：${scope}逾期/本周计数`, figure: counts.join('; ').slice(0, 70), target: `用索引 ${check(`register counts ${scope}`, !scans(counts))}` });
      }
    } finally {
      db.close();
    }
    const stamp = Date.now().toString(36);
    const staff = await benchLogin(server, `benchhh${stamp}`, 'township_staff', township);
    const county = await benchLogin(server, `benchcc${stamp}`, 'county_admin');
    for (const [scope, cookie] of [['乡镇', staff], ['全县', county]] as const) {
      for (const f of filters(scope === '乡镇' ? township : null, village, today)) {
        const page = await load({ url: `${server.url}/api/staff/households${f.url}`, seconds: Math.max(2, SECONDS / 4), headers: { cookie }, connections: 4 });
        rows.push({
          name: `GET /api/staff/households ${scope}${f.name}（10 万户）`,
          figure: `p50 ${ms(page.p50)}，p99 ${ms(page.p99)}`,
          target: `p99 < 25 ms ${check(`register ${scope}${f.name}`, page.p99 < 25 && page.non2xx === 0 && page.requests > 0)}`,
        });
      }
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** `npm run bench -- --only=register`: this part alone. */
export async function runRegisterBench(env: Record<string, string>): Promise<void> {
  await buildStale();
  const failures: string[] = [];
  const rows = await benchRegister(env, (name, ok) => {
    if (!ok) failures.push(name);
    return ok ? '✓' : '✗';
  });
  printTable(rows);
  if (failures.length) {
    console.log(`\n未达标：${failures.join('、')}`);
    process.exitCode = 1;
  }
}
