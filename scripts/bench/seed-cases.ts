import { randomUUID } from 'node:crypto';
import { firstContactDue } from '../../shared/cases/due';
import { RISK_LEVELS, type RiskLevel } from '../../shared/cases/risk';
import { CASE_STATUSES } from '../../shared/cases/status';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import type { Vault } from '../../server/domain/crypto';
import { maskedPerson, personKey } from '../../server/domain/person';
import { generateTrackingCode } from '../../server/domain/tracking';
import { NOT_SCREENED, type NewCase, type NewEvent, type NewSubmission } from '../../server/repositories/cases';
import { openSeedingCounty, type SeedingPlace } from './seed-county';

const FOLLOWED_UP = new Set<string>(['contacting', 'visiting', 'reviewing', 'decided', 'closed']);
const DECIDED = new Set<string>(['decided', 'closed']);
/** Cases per transaction: a few multi-row statements per table each time, short write locks, steady memory. */
const BATCH = 2000;

/** One seeded case as intake would store it, with its submission and timeline (ids filled in once inserted). */
interface SeedRow {
  case: NewCase & { personKey: string };
  submission: Omit<NewSubmission, 'caseId'>;
  events: (caseId: number, submissionId: number) => NewEvent[];
}

interface SeedContext {
  vault: Vault;
  townships: string[];
  entryCode: string;
  followUps: boolean;
  random: (n: number) => number;
  dueAt: ReturnType<typeof dueTimes>;
}

const BASE = Date.parse('2026-01-01T00:00:00Z');
const CHINA_OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;

/**
 * firstContactDue, remembered per China day and level: it walks the holiday calendar through Intl (~70 µs, the
 * seed's costliest step), yet keeps the time of day and China keeps one UTC offset, so every minute of a day
 * is due the same span later.
 */
function dueTimes(): (nowMs: number, level: RiskLevel) => string {
  const spans = new Map<string, number>();
  return (nowMs, level) => {
    const key = `${level}:${Math.floor((nowMs + CHINA_OFFSET) / DAY)}`;
    let span = spans.get(key);
    if (span === undefined) {
      span = Date.parse(firstContactDue(new Date(nowMs).toISOString(), level)) - nowMs;
      spans.set(key, span);
    }
    return new Date(nowMs + span).toISOString();
  };
}

function seedRow({ vault, townships, entryCode, followUps, random, dueAt }: SeedContext, i: number): SeedRow {
  const first17 = `3303271960${String(i).padStart(7, '0')}`;
  const person = { name: `压测${i}`, phone: `139${String(i).padStart(8, '0')}`, idNumber: first17 + idNumberCheckChar(first17), address: `某村 ${i} 号` };
  const level = RISK_LEVELS[random(RISK_LEVELS.length)]!;
  const status = CASE_STATUSES[random(CASE_STATUSES.length)]!;
  const nowMs = BASE + i * 60_000;
  const now = new Date(nowMs).toISOString();
  const theCase = {
    township: townships[random(townships.length)]!,
    village: null,
    personKey: personKey(vault, person)!,
    subjectEnc: vault.encrypt(person),
    ...maskedPerson(person),
    source: random(3) === 0 ? ('report' as const) : ('self' as const),
    status,
    level,
    targetClass: i % 2 ? 'missing' : 'warning',
    ...NOT_SCREENED,
    dueAt: dueAt(nowMs, level),
    now,
    closedAt: status === 'closed' ? now : null,
  };
  const submission = {
    kind: 'request' as const,
    requestId: randomUUID(),
    trackingCode: generateTrackingCode(),
    entryCode,
    payloadEnc: vault.encrypt({ person }),
    reporterRelation: null,
    now,
  };
  const later = (hours: number) => new Date(nowMs + hours * 3_600_000).toISOString();
  const contactAt = followUps && FOLLOWED_UP.has(status) ? later(1 + random(72)) : null;
  const decision = contactAt && DECIDED.has(status) ? vault.encrypt({ decision: 'dibao' }) : null;
  return {
    case: theCase,
    submission,
    events: (caseId, submissionId) => [
      { caseId, submissionId, at: now, type: 'submitted', actor: 'resident', publicText: '已收到您的求助' },
      ...(contactAt ? [{ caseId, at: contactAt, type: 'contact', actor: 'bench' }] : []),
      ...(decision ? [{ caseId, at: later(100), type: 'decide', actor: 'bench', detailEnc: decision }] : []),
    ],
  };
}

/**
 * Fills DATA_DIR with `count` cases across `townships` townships, the way intake would store them
 * (encrypted subject, blind index, masked columns, a submission with its tracking code, the 「已收到」 event),
 * in multi-row inserts of 2,000 cases a transaction. With `followUps`, cases past 「新」 also get a contact
 * event and decided cases a decision, as the statistics count them. With `databaseUrl` (and the `dataKey`
 * the server will be given) the cases go to PostgreSQL instead.
 */
export async function seedCases(
  dataDir: string,
  count: number,
  townships = 20,
  { followUps = false, ...place }: { followUps?: boolean } & SeedingPlace = {},
): Promise<{ seconds: number; townships: string[] }> {
  const started = performance.now();
  const { opened, vault, townships: codes } = await openSeedingCounty(dataDir, townships, place);
  const { store } = opened;
  const entryCode = (await store.repos.entries.list())[0]!.code;
  // A fixed pseudo-random sequence: every township gets every level and status, run after run.
  let state = 20261122;
  const random = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const context: SeedContext = { vault, townships: codes, entryCode, followUps, random, dueAt: dueTimes() };
  for (let from = 0; from < count; from += BATCH) {
    const rows: SeedRow[] = [];
    for (let i = from; i < Math.min(from + BATCH, count); i++) rows.push(seedRow(context, i));
    await store.transaction(async ({ repos }) => {
      const caseIds = await repos.cases.insertCases(rows.map((r) => r.case));
      const idOf = (r: SeedRow) => caseIds.get(r.case.personKey)!;
      const submissionIds = await repos.cases.insertSubmissions(rows.map((r) => ({ ...r.submission, caseId: idOf(r) })));
      await repos.cases.appendEvents(rows.flatMap((r) => r.events(idOf(r), submissionIds.get(r.submission.requestId)!)));
    });
  }
  await opened.close();
  return { seconds: (performance.now() - started) / 1000, townships: codes };
}
