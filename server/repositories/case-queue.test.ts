import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../tests/helpers/postgres';
import { ENGINES, engineRuns, useMigratedEngine } from '../../tests/helpers/engines';
import { RISK_LEVELS, RISK_RANK, type RiskLevel } from '../../shared/cases/risk';
import { createPostgresPool, postgresEngine, sqliteEngine, type Engine } from '../db/engine';
import { migratePostgres } from '../db/migrate-postgres';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { createCaseQueueRepository } from './case-queue';
import { createCasesRepository, type NewCase } from './cases';
import { createRegionsRepository } from './regions';

const STATUSES = ['new', 'contacting', 'visiting', 'reviewing', 'decided', 'closed'];
const TOWNSHIPS = ['330327101000', '330327102000', '330327103000'];
const SUBJECT = Buffer.from([0]);

async function addRegions(db: Engine): Promise<void> {
  const regions = createRegionsRepository(db);
  await regions.insert({ code: '330327000000', name: '县', level: 'county', parent: null, phone: null });
  for (const code of TOWNSHIPS) await regions.insert({ code, name: code, level: 'township', parent: '330327000000', phone: null });
}

/** A case written by plain SQL, as an older version or a hand repair would: the triggers fill the derived columns. */
async function addCase(
  db: Engine,
  fields: { township: string; status?: string; level?: RiskLevel; dueAt?: string; phoneMasked?: string | null; nameMasked?: string },
): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('cases')
    .values({
      township: fields.township,
      subject_enc: SUBJECT,
      name_masked: fields.nameMasked ?? '张*',
      phone_masked: fields.phoneMasked ?? null,
      source: 'self',
      status: fields.status ?? 'new',
      level: fields.level ?? 'blue',
      due_at: fields.dueAt ?? now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A case stored the way intake stores it, through the cases repository. */
function insertViaRepository(db: Engine, fields: Partial<NewCase> = {}): Promise<number> {
  const now = new Date().toISOString();
  return createCasesRepository(db).insertCase({
    township: TOWNSHIPS[0]!, village: null, personKey: null, subjectEnc: SUBJECT, nameMasked: '张*', phoneMasked: null,
    idMasked: null, addressMasked: null, source: 'self', status: 'new', level: 'blue', targetClass: null,
    answersJson: null, resultJson: null, rulesVersion: null, situationsJson: null, dueAt: now, now, ...fields,
  });
}

/** The truth the tally must equal: a full count of the cases table. */
async function countedByHand(db: Engine, township: string | null): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .$if(township !== null, (q) => q.where('township', '=', township!))
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

async function expectTallyMatches(db: Engine): Promise<void> {
  const queue = createCaseQueueRepository(db);
  for (const township of [...TOWNSHIPS, null]) expect(await queue.countsByStatus({ township })).toEqual(await countedByHand(db, township));
}

const derived = (db: Engine, id: number) =>
  db.selectFrom('cases').select(['level_rank', 'phone_tail', 'id_tail']).where('id', '=', id).executeTakeFirstOrThrow();

describe.each(ENGINES)('case status tally (migration 013) on %s, for a database that had cases before it', (engine) => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  /** The migrations before 013 (and their PostgreSQL twins), to build a database as it was then. */
  function migrationsBefore013(): string {
    const earlier = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-counts-'));
    dirs.push(earlier);
    fs.mkdirSync(path.join(earlier, 'pg'));
    for (const sub of ['', 'pg']) {
      for (const file of fs.readdirSync(path.join(MIGRATIONS_DIR, sub)).filter((f) => f.endsWith('.sql') && f < '013')) {
        fs.copyFileSync(path.join(MIGRATIONS_DIR, sub, file), path.join(earlier, sub, file));
      }
    }
    return earlier;
  }

  it.skipIf(!engineRuns(engine))('is filled from the cases already there when the migration runs', async () => {
    const earlier = migrationsBefore013();
    let db: Engine;
    let migrateRest: () => Promise<string[]>;
    let close: () => Promise<void>;
    if (engine === 'sqlite') {
      const data = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-counts-'));
      dirs.push(data);
      const connection = openDatabase(path.join(data, 'db.sqlite'));
      migrate(connection, earlier);
      db = sqliteEngine(connection);
      migrateRest = () => Promise.resolve(migrate(connection));
      close = async () => {
        await db.destroy();
        connection.close();
      };
    } else {
      const database = await createTestDatabase(inject('postgresAdminUrl')!);
      const pool = createPostgresPool(database.url, { max: 2 });
      await migratePostgres(pool, earlier);
      db = postgresEngine(pool);
      migrateRest = () => migratePostgres(pool);
      close = async () => {
        await db.destroy();
        await database.drop();
      };
    }
    try {
      await addRegions(db);
      for (let i = 0; i < 40; i++) await addCase(db, { township: TOWNSHIPS[i % 3]!, status: STATUSES[i % 5]! });
      expect(await migrateRest()).toContain('013_case_status_counts.sql');
      await expectTallyMatches(db);
    } finally {
      await close();
    }
  });
});

describe.each(ENGINES)('case queue on %s', (engine) => {
  describe.skipIf(!engineRuns(engine))('freshly migrated', () => {
    const db = useMigratedEngine(engine);
    const empty = async () => {
      await db().deleteFrom('cases').execute();
    };

    it('sets up the townships', async () => {
      await addRegions(db());
    });

    it('keeps the status tally equal to a full count through any mix of new cases, status changes, transfers and deletions', async () => {
      const op = fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), township: fc.constantFrom(...TOWNSHIPS), status: fc.constantFrom(...STATUSES) }),
        fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
        fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), township: fc.constantFrom(...TOWNSHIPS) }),
        fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
          await empty();
          const ids: number[] = [];
          for (const o of ops) {
            if (o.kind === 'insert') ids.push(await addCase(db(), { township: o.township, status: o.status }));
            else if (ids.length === 0) continue;
            else if (o.kind === 'status') await db().updateTable('cases').set({ status: o.status }).where('id', '=', ids[o.pick % ids.length]!).execute();
            else if (o.kind === 'move') await db().updateTable('cases').set({ township: o.township }).where('id', '=', ids[o.pick % ids.length]!).execute();
            else await db().deleteFrom('cases').where('id', '=', ids.splice(o.pick % ids.length, 1)[0]!).execute();
          }
          await expectTallyMatches(db());
        }),
        { numRuns: 25 },
      );
    });

    it('counts open cases past their due date, in one township or all, up to the cap', async () => {
      await empty();
      const [here, there] = TOWNSHIPS as [string, string];
      for (let i = 0; i < 5; i++) await addCase(db(), { township: here, dueAt: `2026-01-0${i + 1}T00:00:00.000Z` });
      await addCase(db(), { township: here, dueAt: '2026-12-31T00:00:00.000Z' });
      await addCase(db(), { township: there, dueAt: '2026-01-01T00:00:00.000Z' });
      const closed = await addCase(db(), { township: here, status: 'closed', dueAt: '2026-01-01T00:00:00.000Z' });
      await db().updateTable('cases').set({ closed_at: '2026-01-02T00:00:00.000Z' }).where('id', '=', closed).execute();
      const queue = createCaseQueueRepository(db());
      const asOf = '2026-06-01T00:00:00.000Z';
      expect(await queue.countOverdue(here, asOf, 1000)).toBe(5);
      expect(await queue.countOverdue(null, asOf, 1000)).toBe(6);
      expect(await queue.countOverdue(here, asOf, 3)).toBe(3);
      expect(await queue.countOverdue(here, '2025-01-01T00:00:00.000Z', 1000)).toBe(0);
      // The figures above the queue, in one round trip: the same answers as the counts asked one by one.
      expect(await queue.tallies(here, asOf, 1000)).toEqual({ counts: { new: 6, closed: 1 }, overdue: 5, referralsOverdue: 0 });
      expect(await queue.tallies(null, asOf, 1000)).toEqual({ counts: { new: 7, closed: 1 }, overdue: 6, referralsOverdue: 0 });
      expect(await queue.tallies(here, asOf, 3)).toMatchObject({ overdue: 3 });
      const page = await queue.page({ township: null, overdueAsOf: asOf, limit: 10 });
      expect(page.rows).toHaveLength(6);
    });

    it('derives level_rank and the tails whether the repository or plain SQL inserts the case (migration 016)', async () => {
      const viaRepository = await insertViaRepository(db(), { phoneMasked: '139****1234', idMasked: '3303**********567X', level: 'yellow' });
      const viaSql = await addCase(db(), { township: TOWNSHIPS[1]!, level: 'red', phoneMasked: '138****8765' });
      expect(await derived(db(), viaRepository)).toEqual({ level_rank: 2, phone_tail: '1234', id_tail: '567X' });
      expect(await derived(db(), viaSql)).toEqual({ level_rank: 3, phone_tail: '8765', id_tail: null });
    });

    it.each(RISK_LEVELS)('stores level_rank = RISK_RANK for %s, whether the repository, the insert trigger or the update trigger wrote it', async (level) => {
      const viaRepository = await insertViaRepository(db(), { level });
      const viaTrigger = await addCase(db(), { township: TOWNSHIPS[1]!, level });
      const viaUpdate = await addCase(db(), { township: TOWNSHIPS[2]!, level: level === 'red' ? 'none' : 'red' });
      await db().updateTable('cases').set({ level }).where('id', '=', viaUpdate).execute();
      const ranks = [];
      for (const id of [viaRepository, viaTrigger, viaUpdate]) ranks.push((await derived(db(), id)).level_rank);
      expect(ranks).toEqual([RISK_RANK[level], RISK_RANK[level], RISK_RANK[level]]);
    });

    it('walks the whole queue in order, red first then earliest due, each case once, however small the page', async () => {
      await empty();
      const levels: RiskLevel[] = ['blue', 'red', 'none', 'yellow', 'red', 'blue', 'yellow'];
      // Two cases share a due date, so the id breaks the tie.
      for (const [i, level] of levels.entries()) await addCase(db(), { township: TOWNSHIPS[0]!, level, dueAt: `2026-02-0${1 + (i % 4)}T00:00:00.000Z` });
      await addCase(db(), { township: TOWNSHIPS[1]!, level: 'red' });
      const expected = (
        await db().selectFrom('cases').select('id').where('township', '=', TOWNSHIPS[0]!).orderBy('level_rank', 'desc').orderBy('due_at').orderBy('id').execute()
      ).map((r) => r.id);
      const queue = createCaseQueueRepository(db());
      for (const limit of [1, 2, 3, 7, 10]) {
        const seen: number[] = [];
        let after: ReturnType<typeof queue.positionOf> | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const { rows, nextCursor } = await queue.page({ township: TOWNSHIPS[0]!, openOnly: true, after: after ?? undefined, limit });
          seen.push(...rows.map((r) => r.id));
          if (!nextCursor) break;
          after = queue.positionOf(nextCursor);
          expect(after).not.toBeNull();
        }
        expect(seen).toEqual(expected);
      }
    });

    it('filters by level, status, source, escalation, assignee and search (name prefix, phone tail, person key)', async () => {
      await empty();
      const cases = createCasesRepository(db());
      const queue = createCaseQueueRepository(db());
      const red = await insertViaRepository(db(), { level: 'red', nameMasked: '王*', phoneMasked: '139****1234', personKey: 'pk-1' });
      const blue = await insertViaRepository(db(), { level: 'blue', nameMasked: '王_', source: 'report', status: 'visiting' });
      const elsewhere = await insertViaRepository(db(), { township: TOWNSHIPS[1]!, level: 'red', nameMasked: '李*', idMasked: '3303**********1234' });
      await cases.escalate(red, '2026-03-01T00:00:00.000Z');
      const ids = async (filter: Partial<Parameters<typeof queue.page>[0]>) =>
        (await queue.page({ township: TOWNSHIPS[0]!, limit: 10, ...filter })).rows.map((r) => r.id).sort((a, b) => a - b);
      expect(await ids({ level: 'red' })).toEqual([red]);
      expect(await ids({ level: 'purple' })).toEqual([]);
      expect(await ids({ status: 'visiting' })).toEqual([blue]);
      expect(await ids({ source: 'report' })).toEqual([blue]);
      expect(await ids({ escalated: true })).toEqual([red]);
      expect(await ids({ personKey: 'pk-1' })).toEqual([red]);
      expect(await ids({ maskedPrefix: '王' })).toEqual([red, blue]);
      // An underscore typed by staff is a character, not "any one character".
      expect(await ids({ maskedPrefix: '王_' })).toEqual([blue]);
      expect(await ids({ digitsSuffix: '1234' })).toEqual([red]);
      expect(await ids({ township: null, digitsSuffix: '1234' })).toEqual([red, elsewhere]);
      expect(await ids({ assigneeId: 1 })).toEqual([]);
      expect((await queue.explain({ township: TOWNSHIPS[0]!, openOnly: true, limit: 10 })).length).toBeGreaterThan(0);
    });

    it.each(['', 'not-a-cursor', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"rank":1}').toString('base64url')])(
      'a cursor we did not hand out (%j) names no position',
      (cursor) => {
        expect(createCaseQueueRepository(db()).positionOf(cursor)).toBeNull();
      },
    );

    it('reads the tally straight from the table', async () => {
      const rows = (await sql<{ n: number }>`SELECT count(*) AS n FROM case_status_counts`.execute(db())).rows;
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    });
  });
});
