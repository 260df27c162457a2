import type { FastifyInstance } from 'fastify';
import type { RawBuilder } from 'kysely';

/** The rows of a raw check on whichever engine the test app runs (write the SQL so both engines accept it). */
export async function rowsOf<R>(app: FastifyInstance, query: RawBuilder<R>): Promise<R[]> {
  return (await query.execute(app.store.db)).rows;
}

/** A `SELECT count(*) AS n …` or `sum(…) AS n` check as a number: PostgreSQL may hand a bigint or a sum back as text. */
export async function countOf(app: FastifyInstance, query: RawBuilder<{ n: number | string | null }>): Promise<number> {
  const [row] = await rowsOf(app, query);
  return Number(row?.n ?? 0);
}
