import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../tests/helpers/postgres';
import { createPostgresPool } from './engine';

describe.skipIf(inject('postgresAdminUrl') === null)('the PostgreSQL pool', () => {
  it('survives the server dropping an idle connection, and answers the next query on a new one', async () => {
    const database = await createTestDatabase();
    const dropped: Error[] = [];
    const pool = createPostgresPool(database.url, { max: 1 }, (err) => dropped.push(err));
    try {
      const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      await expect.poll(() => dropped.length).toBe(1);
      const again = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      expect(again).not.toBe(pid);
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
