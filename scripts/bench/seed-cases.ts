import { randomUUID } from 'node:crypto';
import { firstContactDue } from '../../shared/cases/due';
import { RISK_LEVELS } from '../../shared/cases/risk';
import { CASE_STATUSES } from '../../shared/cases/status';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { maskedPerson, personKey } from '../../server/domain/person';
import { generateTrackingCode } from '../../server/domain/tracking';
import { NOT_SCREENED } from '../../server/repositories/cases';
import { openSeedingCounty, seedInBatches, type SeedingPlace } from './seed-county';

const FOLLOWED_UP = new Set<string>(['contacting', 'visiting', 'reviewing', 'decided', 'closed']);
const DECIDED = new Set<string>(['decided', 'closed']);

/**
 * Fills DATA_DIR with `count` cases across `townships` townships, the way intake would store them
 * (encrypted subject, blind index, masked columns), one transaction per 1,000 rows. With `followUps`,
 * cases past 「新」 also get a contact event and decided cases a decision, as the statistics count them.
 * With `databaseUrl` (and the `dataKey` the server will be given) the cases go to PostgreSQL instead.
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
  const base = Date.parse('2026-01-01T00:00:00Z');
  // A fixed pseudo-random sequence: every township gets every level and status, run after run.
  let state = 20261122;
  const random = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  await seedInBatches(store, count, async ({ repos }, i) => {
    const first17 = `3303271960${String(i).padStart(7, '0')}`;
    const person = { name: `压测${i}`, phone: `139${String(i).padStart(8, '0')}`, idNumber: first17 + idNumberCheckChar(first17), address: `某村 ${i} 号` };
    const level = RISK_LEVELS[random(RISK_LEVELS.length)]!;
    const status = CASE_STATUSES[random(CASE_STATUSES.length)]!;
    const now = new Date(base + i * 60_000).toISOString();
    const caseId = await repos.cases.insertCase({
      township: codes[random(codes.length)]!,
      village: null,
      personKey: personKey(vault, person),
      subjectEnc: vault.encrypt(person),
      ...maskedPerson(person),
      source: random(3) === 0 ? 'report' : 'self',
      status,
      level,
      targetClass: i % 2 ? 'missing' : 'warning',
      ...NOT_SCREENED,
      dueAt: firstContactDue(now, level),
      now,
    });
    if (status === 'closed') await repos.cases.setStatus(caseId, 'closed', now);
    const submissionId = await repos.cases.insertSubmission({
      caseId,
      kind: 'request',
      requestId: randomUUID(),
      trackingCode: generateTrackingCode(),
      entryCode,
      payloadEnc: vault.encrypt({ person }),
      reporterRelation: null,
      now,
    });
    await repos.cases.appendEvent({ caseId, submissionId, at: now, type: 'submitted', actor: 'resident', publicText: '已收到您的求助' });
    if (followUps && FOLLOWED_UP.has(status)) {
      const later = (hours: number) => new Date(Date.parse(now) + hours * 3_600_000).toISOString();
      await repos.cases.appendEvent({ caseId, at: later(1 + random(72)), type: 'contact', actor: 'bench' });
      if (DECIDED.has(status)) await repos.cases.appendEvent({ caseId, at: later(100), type: 'decide', actor: 'bench', detailEnc: vault.encrypt({ decision: 'dibao' }) });
    }
  });
  await opened.close();
  return { seconds: (performance.now() - started) / 1000, townships: codes };
}
