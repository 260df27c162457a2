import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keepPlannerInformed } from './planner';

function filled() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE cases (id INTEGER PRIMARY KEY, township TEXT NOT NULL)');
  db.prepare('INSERT INTO cases (township) SELECT ? FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT i FROM n)').run('330327100000');
  return db;
}
const statsOf = (db: Database.Database, index: string) =>
  db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = ?").pluck().get(index) as string | undefined;

describe('the query planner is kept informed', () => {
  it('measures an index that a migration has just added', () => {
    const db = filled();
    keepPlannerInformed(db).stop();
    // What a migration does; the server then opens the database again.
    db.exec('CREATE INDEX cases_by_township ON cases (township)');
    const planner = keepPlannerInformed(db);
    // The planner now knows the index and how many rows it covers.
    expect(statsOf(db, 'cases_by_township')).toMatch(/^5000 \d+$/);
    planner.stop();
    db.close();
  });

  it('measures tables never analyzed when the server opens the database', () => {
    const db = filled();
    db.exec('CREATE INDEX cases_by_township ON cases (township)');
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(0);
    keepPlannerInformed(db).stop();
    expect(statsOf(db, 'cases_by_township')).toMatch(/^\d+ \d+$/);
    db.close();
  });

  it('measures again on close once a table has grown many times over', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE cases (id INTEGER PRIMARY KEY, township TEXT NOT NULL); CREATE INDEX cases_by_township ON cases (township); INSERT INTO cases (township) VALUES ('a'), ('b')");
    const planner = keepPlannerInformed(db);
    expect(statsOf(db, 'cases_by_township')).toMatch(/^2 /);
    db.prepare("INSERT INTO cases (township) SELECT 'c' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT i FROM n)").run();
    // A query the planner had to plan with the index, as the queue's are all day.
    db.prepare("SELECT count(*) FROM cases WHERE township = 'c'").get();
    planner.stop();
    expect(statsOf(db, 'cases_by_township')).toMatch(/^5002 /);
    db.close();
  });
});
