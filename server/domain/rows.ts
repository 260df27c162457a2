/**
 * Rows as a repository hands them back: an array, an iterator, an async iterator (a cursor), or a promise of
 * one of these. Repositories move from better-sqlite3 iterators to Kysely one by one; readers written against
 * this type need no change when theirs moves.
 */
export type RowSource<T> = Iterable<T> | AsyncIterable<T> | Promise<Iterable<T> | AsyncIterable<T>>;

/** The rows one at a time, as they are read. */
export async function* rowsOf<T>(source: RowSource<T>): AsyncGenerator<T> {
  yield* await source;
}

/** Every row read before the caller does anything else, so no read stays open across the caller's awaits. */
export async function allRows<T>(source: RowSource<T>): Promise<T[]> {
  const rows: T[] = [];
  for await (const row of await source) rows.push(row);
  return rows;
}
