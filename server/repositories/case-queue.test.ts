import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { RISK_LEVELS, RISK_RANK } from '../../shared/cases/risk';
import { migrate } from '../db/migrate';
import { openDatabase, type DB } from '../db/open';
import { MIGRATIONS_DIR } from '../paths';
import { createCaseQueueRepository } from './case-queue';
import { createCasesRepository, type NewCase } from './cases';

const STATUSES = ['new', 'contacting', 'visiting', 'reviewing', 'decided', 'closed'];
const TOWNSHIPS = ['330327101000', '330327102000', '330327103000'];

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfm-counts-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function addRegions(db: DB): void {
  const insert = db.prepare("INSERT INTO regions (code, name, level, parent) VALUES (?, ?, ?, ?)");
  insert.run('330327000000', '县', 'county', null);
  for (const code of TOWNSHIPS) insert.run(code, code, 'township', '330327000000');
}

function addCase(db: DB, township: string, status: string, dueAt = new Date().toISOString()): number {
  const now = new Date().toISOString();
  return Number(
    db
      .prepare(`INSERT INTO cases (township, subject_enc, name_masked, source, status, level, due_at, created_at, updated_at)
        VALUES (?, x'00', '张*', 'self', ?, 'blue', ?, ?, ?)`)
      .run(township, status, dueAt, now, now).lastInsertRowid,
  );
}

/** A migrated database with the test townships. */
function freshDatabase(): DB {
  const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
  migrate(db);
  addRegions(db);
  return db;
}

/** A case stored the way intake stores it, through the cases repository. */
function insertViaRepository(db: DB, fields: Partial<NewCase> = {}): number {
  const now = new Date().toISOString();
  return createCasesRepository(db).insertCase({
    township: TOWNSHIPS[0]!, village: null, personKey: null, subjectEnc: Buffer.from([0]), nameMasked: '张*', phoneMasked: null,
    idMasked: null, addressMasked: null, source: 'self', status: 'new', level: 'blue', targetClass: null,
    answersJson: null, resultJson: null, rulesVersion: null, situationsJson: null, dueAt: now, now, ...fields,
  });
}

/** The truth the tally must equal: a full count of the cases table. */
function countedByHand(db: DB, township: string | null): Record<string, number> {
  const rows = db
    .prepare(`SELECT status, count(*) AS n FROM cases ${township ? 'WHERE township = ?' : ''} GROUP BY status`)
    .all(...(township ? [township] : [])) as Array<{ status: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

function expectTallyMatches(db: DB): void {
  const queue = createCaseQueueRepository(db);
  for (const township of [...TOWNSHIPS, null]) expect(queue.countsByStatus({ township })).toEqual(countedByHand(db, township));
}

describe('case status tally (migration 013)', () => {
  it('is filled from the cases already there when the migration runs', () => {
    const earlier = tempDir();
    for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '013')) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(earlier, file));
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    migrate(db, earlier);
    addRegions(db);
    for (let i = 0; i < 40; i++) addCase(db, TOWNSHIPS[i % 3]!, STATUSES[i % 5]!);
    expect(migrate(db)).toContain('013_case_status_counts.sql');
    expectTallyMatches(db);
    db.close();
  });

  it('stays equal to a full count through any mix of new cases, status changes, transfers and deletions', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), township: fc.constantFrom(...TOWNSHIPS), status: fc.constantFrom(...STATUSES) }),
      fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), township: fc.constantFrom(...TOWNSHIPS) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
        migrate(db);
        addRegions(db);
        const ids: number[] = [];
        for (const o of ops) {
          if (o.kind === 'insert') ids.push(addCase(db, o.township, o.status));
          else if (ids.length === 0) continue;
          else if (o.kind === 'status') db.prepare('UPDATE cases SET status = ? WHERE id = ?').run(o.status, ids[o.pick % ids.length]);
          else if (o.kind === 'move') db.prepare('UPDATE cases SET township = ? WHERE id = ?').run(o.township, ids[o.pick % ids.length]);
          else db.prepare('DELETE FROM cases WHERE id = ?').run(ids.splice(o.pick % ids.length, 1)[0]);
        }
        expectTallyMatches(db);
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('countOverdue', () => {
  it('counts open cases past their due date in one township, up to the cap', () => {
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    migrate(db);
    addRegions(db);
    const [here, there] = TOWNSHIPS as [string, string];
    for (let i = 0; i < 5; i++) addCase(db, here, 'new', '2026-01-0' + (i + 1) + 'T00:00:00.000Z');
    addCase(db, here, 'new', '2026-12-31T00:00:00.000Z');
    addCase(db, there, 'new', '2026-01-01T00:00:00.000Z');
    const closed = addCase(db, here, 'closed', '2026-01-01T00:00:00.000Z');
    db.prepare("UPDATE cases SET closed_at = '2026-01-02T00:00:00.000Z' WHERE id = ?").run(closed);
    const queue = createCaseQueueRepository(db);
    const asOf = '2026-06-01T00:00:00.000Z';
    expect(queue.countOverdue(here, asOf, 1000)).toBe(5);
    expect(queue.countOverdue(null, asOf, 1000)).toBe(6);
    expect(queue.countOverdue(here, asOf, 3)).toBe(3);
    expect(queue.countOverdue(here, '2025-01-01T00:00:00.000Z', 1000)).toBe(0);
    db.close();
  });
});

describe('derived queue columns (migration 016)', () => {
  it('are right whether a case is inserted by the repository or by plain SQL without them', () => {
    const db = freshDatabase();
    const now = new Date().toISOString();
    const viaRepository = insertViaRepository(db, { phoneMasked: '139****1234', idMasked: '3303**********567X', level: 'yellow' });
    const viaSql = Number(
      db.prepare(`INSERT INTO cases (township, subject_enc, name_masked, phone_masked, id_masked, source, level, created_at, updated_at)
        VALUES (?, x'00', '李*', '138****8765', NULL, 'report', 'red', ?, ?)`).run(TOWNSHIPS[1], now, now).lastInsertRowid,
    );
    const derived = (id: number) => db.prepare('SELECT level_rank, phone_tail, id_tail FROM cases WHERE id = ?').get(id);
    expect(derived(viaRepository)).toEqual({ level_rank: 2, phone_tail: '1234', id_tail: '567X' });
    expect(derived(viaSql)).toEqual({ level_rank: 3, phone_tail: '8765', id_tail: null });
    db.close();
  });
});

describe('level_rank in SQL', () => {
  it.each(RISK_LEVELS)('is RISK_RANK for %s, whether the repository, the insert trigger or the update trigger wrote it', (level) => {
    const db = freshDatabase();
    const now = new Date().toISOString();
    const viaRepository = insertViaRepository(db, { level });
    const viaTrigger = Number(
      db.prepare(`INSERT INTO cases (township, subject_enc, name_masked, source, level, created_at, updated_at)
        VALUES (?, x'00', '李*', 'report', ?, ?, ?)`).run(TOWNSHIPS[1], level, now, now).lastInsertRowid,
    );
    const viaUpdate = Number(
      db.prepare(`INSERT INTO cases (township, subject_enc, name_masked, source, level, created_at, updated_at)
        VALUES (?, x'00', '王*', 'report', ?, ?, ?)`).run(TOWNSHIPS[2], level === 'red' ? 'none' : 'red', now, now).lastInsertRowid,
    );
    db.prepare('UPDATE cases SET level = ? WHERE id = ?').run(level, viaUpdate);
    const rank = db.prepare('SELECT level_rank FROM cases WHERE id = ?').pluck();
    expect([viaRepository, viaTrigger, viaUpdate].map((id) => rank.get(id))).toEqual([RISK_RANK[level], RISK_RANK[level], RISK_RANK[level]]);
    db.close();
  });
});

describe('queue pages', () => {
  it('walk the whole queue in order, red first then earliest due, each case once, however small the page', () => {
    const db = freshDatabase();
    const insert = db.prepare(`INSERT INTO cases (township, subject_enc, name_masked, source, status, level, due_at, created_at, updated_at)
      VALUES (?, x'00', '张*', 'self', 'new', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    const levels = ['blue', 'red', 'none', 'yellow', 'red', 'blue', 'yellow'];
    // Two cases share a due date, so the id breaks the tie.
    levels.forEach((level, i) => insert.run(TOWNSHIPS[0], level, `2026-02-0${1 + (i % 4)}T00:00:00.000Z`));
    const queue = createCaseQueueRepository(db);
    const expected = (db.prepare('SELECT id FROM cases ORDER BY level_rank DESC, due_at, id').pluck().all() as number[]);
    for (const limit of [1, 2, 3, 7, 10]) {
      const seen: number[] = [];
      let after: ReturnType<typeof queue.positionOf> | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const { rows, nextCursor } = queue.page({ township: TOWNSHIPS[0]!, openOnly: true, after: after ?? undefined, limit });
        seen.push(...rows.map((r) => r.id));
        if (!nextCursor) break;
        after = queue.positionOf(nextCursor);
        expect(after).not.toBeNull();
      }
      expect(seen).toEqual(expected);
    }
    db.close();
  });

  it.each(['', 'not-a-cursor', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"rank":1}').toString('base64url')])(
    'a cursor we did not hand out (%j) names no position',
    (cursor) => {
      const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
      migrate(db);
      expect(createCaseQueueRepository(db).positionOf(cursor)).toBeNull();
      db.close();
    },
  );
});
