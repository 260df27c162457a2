import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedCases } from '../../scripts/bench/seed-cases';
import { createVault, loadKeys } from '../../server/domain/crypto';
import { firstContactDue } from '../../shared/cases/due';
import { RISK_LEVELS } from '../../shared/cases/risk';
import { CASE_STATUSES } from '../../shared/cases/status';
import { withStoreOf, type DataPlace } from '../helpers/data-dir-database';
import { ENGINES, engineRuns } from '../helpers/engines';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';

const CASES = 2000;
const TOWNSHIPS = 8;

/**
 * The bench seed (scripts/bench/seed-cases.ts) writes in multi-row batches; what it leaves must be what intake
 * would have stored, and what the server's repositories read: tallies kept by the triggers, a timeline per case,
 * subjects the vault opens. On both engines, whichever project runs the file.
 */
describe.each(ENGINES)('bench seed of %s', (engine) => {
  let place: DataPlace;
  let dataKey: string | undefined;
  let database: TestDatabase | undefined;
  let townships: string[];

  beforeAll(async () => {
    if (!engineRuns(engine)) return;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-seed-'));
    if (engine === 'postgres') {
      database = await createTestDatabase(inject('postgresAdminUrl')!);
      dataKey = randomBytes(64).toString('base64');
    }
    place = { dataDir, env: database ? { DATABASE_URL: database.url } : {} };
    ({ townships } = await seedCases(dataDir, CASES, TOWNSHIPS, { followUps: true, databaseUrl: database?.url, dataKey }));
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    if (place) fs.rmSync(place.dataDir, { recursive: true, force: true });
  });

  it.skipIf(!engineRuns(engine))('spreads every status and level over every township, and the queue tallies agree', async () => {
    await withStoreOf(place, async ({ db, repos }) => {
      const rows = await db
        .selectFrom('cases')
        .select(['township', 'status', 'level', sql<number>`count(*)`.as('n')])
        .groupBy(['township', 'status', 'level'])
        .execute();
      expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(CASES);
      expect(new Set(rows.map((r) => r.township))).toEqual(new Set(townships));
      for (const township of townships) {
        const mine = rows.filter((r) => r.township === township);
        expect(new Set(mine.map((r) => r.status))).toEqual(new Set(CASE_STATUSES));
        expect(new Set(mine.map((r) => r.level))).toEqual(new Set(RISK_LEVELS));
        const counted: Record<string, number> = {};
        for (const r of mine) counted[r.status] = (counted[r.status] ?? 0) + Number(r.n);
        const tallies = await repos.queue.tallies(township, '2000-01-01T00:00:00Z', 1000);
        expect(tallies.counts).toEqual(counted);
      }
    });
  });

  it.skipIf(!engineRuns(engine))('closes closed cases, and gives each case a submission and its timeline', async () => {
    await withStoreOf(place, async ({ db }) => {
      const closedMismatch = await db
        .selectFrom('cases')
        .select(sql<number>`count(*)`.as('n'))
        .where((eb) => eb.or([eb.and([eb('status', '=', 'closed'), eb('closed_at', 'is', null)]), eb.and([eb('status', '<>', 'closed'), eb('closed_at', 'is not', null)])]))
        .executeTakeFirstOrThrow();
      expect(Number(closedMismatch.n)).toBe(0);
      // Due dates as intake sets them: first contact within the level's working days.
      const dues = await db.selectFrom('cases').select(['created_at', 'level', 'due_at']).execute();
      expect(dues.filter((c) => c.due_at !== firstContactDue(c.created_at, c.level))).toEqual([]);
      const submissions = await db
        .selectFrom('submissions')
        .select([sql<number>`count(*)`.as('n'), sql<number>`count(distinct tracking_code)`.as('codes'), sql<number>`count(distinct case_id)`.as('cases')])
        .executeTakeFirstOrThrow();
      expect([Number(submissions.n), Number(submissions.codes), Number(submissions.cases)]).toEqual([CASES, CASES, CASES]);
      // Events per type, against the statuses their cases have: contact past 「新」, a decision once decided.
      const events = await db
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select(['e.type', 'c.status', sql<number>`count(*)`.as('n'), sql<number>`count(e.submission_id)`.as('linked')])
        .groupBy(['e.type', 'c.status'])
        .execute();
      const statusCounts = await db.selectFrom('cases').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
      const casesIn = (statuses: string[]) => statusCounts.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + Number(r.n), 0);
      const eventsOf = (type: string) => events.filter((r) => r.type === type);
      const sum = (rows: typeof events, key: 'n' | 'linked') => rows.reduce((s, r) => s + Number(r[key]), 0);
      expect([sum(eventsOf('submitted'), 'n'), sum(eventsOf('submitted'), 'linked')]).toEqual([CASES, CASES]);
      expect(sum(eventsOf('contact'), 'n')).toBe(casesIn(['contacting', 'visiting', 'reviewing', 'decided', 'closed']));
      expect(sum(eventsOf('decide'), 'n')).toBe(casesIn(['decided', 'closed']));
      expect(new Set(eventsOf('decide').map((r) => r.status))).toEqual(new Set(['decided', 'closed']));
    });
  });

  it.skipIf(!engineRuns(engine))('stores the subject encrypted, found again by its blind index', async () => {
    const vault = createVault(loadKeys(place.dataDir, dataKey));
    await withStoreOf(place, async ({ db, repos }) => {
      const first = await db.selectFrom('cases').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
      const row = (await repos.cases.find(first.id))!;
      const person = vault.decrypt<{ name: string; idNumber: string }>(row.subject_enc);
      expect(person.name).toBe('压测0');
      expect(row.name_masked).toBe('压*0');
      expect(row.person_key).toBe(vault.blindIndex('id', person.idNumber));
      const [submission] = await repos.cases.submissionsOf(row.id);
      expect(vault.decrypt<{ person: { name: string } }>(submission!.payload_enc).person.name).toBe('压测0');
      expect((await repos.cases.eventsOf(row.id))[0]).toMatchObject({ type: 'submitted', submission_id: submission!.id });
    });
  });
});
