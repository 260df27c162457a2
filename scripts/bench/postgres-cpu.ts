import pg from 'pg';
import { POSTGRES_ADMIN_URL } from '../../tests/helpers/postgres';
import { processCpuMs } from './process-cpu';

/**
 * CPU used so far by each PostgreSQL backend serving `database`, by process id (a local server only: read from
 * /proc). Two readings apart tell what a stretch of load cost the database, which neighbours' load does not inflate.
 */
export async function backendCpuMs(database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    const used = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        used.set(pid, processCpuMs(pid));
      } catch {
        // ended between the listing and the reading
      }
    }
    return used;
  } finally {
    await client.end();
  }
}

/** CPU the backends used between two readings (a backend that started in between counts from zero). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
