import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance database test runs connect to, to create and drop their own throwaway databases. */
export const POSTGRES_ADMIN_URL = process.env.XFM_TEST_POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

export const POSTGRES_SKIPPED_LINE = 'PostgreSQL 未运行：跳过 PostgreSQL 测试';

/** CI must prove both engines; only a developer's machine may go without PostgreSQL. */
export const postgresRequired = (env: NodeJS.ProcessEnv = process.env): boolean =>
  !!env.CI && env.CI !== 'false' && env.CI !== '0';

/** Whether a PostgreSQL server answers at `url` within two seconds. */
export async function postgresAnswers(url = POSTGRES_ADMIN_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file. Collation "C" orders text by code point, as SQLite does, so both
 * engines sort alike.
 */
export async function createTestDatabase(adminUrl = POSTGRES_ADMIN_URL): Promise<TestDatabase> {
  const name = `xfm_t_${randomBytes(6).toString('hex')}`;
  await onAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
