import { idNumberCheckChar } from '../../shared/identity/id-number';
import { addDays, chinaDate, endOfWeek } from '../../shared/register/cadence';
import { REGISTER_CATEGORIES, REGISTER_LEVELS } from '../../shared/register/categories';
import { VISIT_DIMENSIONS } from '../../shared/cases/workflow';
import { openStore, storageTarget } from '../../server/db/open-store';
import { maskedPerson, personKey } from '../../server/domain/person';
import type { RegisterPageQuery } from '../../server/repositories/households';
import { startRealServer } from '../../tests/e2e/support/server';
import { cachedDataDir } from './data-cache';
import { load } from './http-load';
import { seedInBatches, openSeedingCounty } from './seed-county';
import type { BenchSection } from './sections';
import { benchLogin, countyAdminLogin } from './staff-login';
import type { Row } from './table';

const HOUSEHOLDS = 100_000;
const VISITS = 1_000_000;
const TOWNSHIPS = 20;
const VILLAGES = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/**
 * 100,000 households in 20 townships of 20 villages and a million visits, the way the register stores them
 * (encrypted subject, blind index, masked columns). Next visits fall within each level's cadence from the seeding
 * day, one household in twelve overdue, so every worklist filter has rows. Every visit carries the same encrypted findings: list pages never open them.
 */
async function seedRegister(dataDir: string): Promise<RegisterManifest> {
  const { opened, vault, townships } = await openSeedingCounty(dataDir, TOWNSHIPS);
  const { store } = opened;
  const villages: Record<string, string[]> = {};
  await store.transaction(async ({ repos }) => {
    for (const township of townships) {
      const codes: string[] = [];
      for (let v = 0; v < VILLAGES; v++) {
        const code = `${township.slice(0, 9)}${String(900 + v)}`;
        if (!(await repos.regions.find(code))) await repos.regions.insert({ code, name: `压测村${v}`, level: 'village', parent: township, phone: null });
        codes.push(code);
      }
      villages[township] = codes;
    }
  });
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
  const findingsEnc = vault.encrypt({ findings: Object.fromEntries(VISIT_DIMENSIONS.map((d) => [d.value, { text: '正常', risk: false }])), note: null });
  const visitsPer = VISITS / HOUSEHOLDS;
  await seedInBatches(store, HOUSEHOLDS, async ({ repos }, i) => {
    const first17 = `3303271950${String(i).padStart(7, '0')}`;
    const person = { name: `在册${i}`, phone: `137${String(i).padStart(8, '0')}`, idNumber: first17 + idNumberCheckChar(first17), address: `某村 ${i} 号` };
    const township = townships[random(townships.length)]!;
    const category = categories[random(categories.length)]!;
    const level = REGISTER_LEVELS[random(REGISTER_LEVELS.length)]!;
    const masked = maskedPerson(person);
    // Most households are visited on time: the next visit lies within the level's cadence; one in twelve is overdue.
    const nextVisitOn = random(12) === 0 ? addDays(today, -1 - random(60)) : addDays(today, random(cadenceDays[level]));
    const householdId = await repos.households.insert({
      person_key: personKey(vault, person),
      township,
      village: villages[township]![random(VILLAGES)]!,
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
      next_visit_on: nextVisitOn,
      next_review_on: category === 'temporary' ? null : addDays(today, random(365) - 30),
      import_fingerprint: null,
      now,
    });
    // Oldest first, each keeping the seeded next visit, as a round of weekly visits would leave them.
    for (let v = visitsPer; v > 0; v--) {
      const visitedOn = addDays(today, -7 * v - random(7));
      await repos.households.recordVisit({ householdId, visitedOn, kind: 'visit', actor: 'bench', level, findingsEnc, openRisksJson: '{}', clearedJson: '[]', nextVisitOn, now });
    }
  });
  await opened.close();
  return { townships, villages };
}

interface RegisterManifest {
  townships: string[];
  villages: Record<string, string[]>;
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
export const benchRegister: BenchSection = async (env, check) => {
  const rows: Row[] = [];
  const { dataDir, seededSeconds, manifest } = await cachedDataDir('register', `${HOUSEHOLDS}/${VISITS}`, import.meta.filename, seedRegister);
  rows.push({
    name: '写入 10 万户在册、100 万次探访（缓存在 .bench/）',
    figure: seededSeconds === null ? '复用缓存' : `${seededSeconds.toFixed(0)} s`,
    target: '—',
  });
  const township = manifest.townships[1]!;
  const village = manifest.villages[township]![3]!;
  const today = chinaDate(new Date().toISOString());

  // The plans are read once the server has opened the file: it brings the planner's row counts up to date.
  const server = await startRealServer(env, dataDir);
  try {
    const opened = await openStore(storageTarget({ dataDir }));
    try {
      const { households } = opened.store.repos;
      for (const [scope, code] of [['乡镇', township], ['全县', null]] as const) {
        for (const f of filters(code, village, today)) {
          const detail = await households.explain(f.query);
          rows.push({ name: `  查询计划：${scope}${f.name}`, figure: detail.join('; ').slice(0, 70), target: `用索引 ${check(`register plan ${scope}${f.name}`, !scans(detail))}` });
        }
        const counts = await households.explainCounts(code, today, endOfWeek(today));
        rows.push({ name: `  查询计划：${scope}逾期/本周计数`, figure: counts.join('; ').slice(0, 70), target: `用索引 ${check(`register counts ${scope}`, !scans(counts))}` });
      }
    } finally {
      await opened.close();
    }
    const staff = await benchLogin(server, `benchhh${Date.now().toString(36)}`, 'township_staff', township);
    const county = await countyAdminLogin(server);
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
};
