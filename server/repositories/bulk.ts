/**
 * Set-based statements with few shapes. On SQLite each distinct SQL text is a prepared statement in the engine's
 * bounded cache (server/db/engine.ts): an import whose batches sent IN-lists and multi-row VALUES of every length would
 * prepare a statement per batch and push residents' statements out of that cache. Power-of-two sizes keep the shapes
 * to a dozen or so per table, and every statement under SQLite's 32,766 bound parameters.
 */
const MAX_PARAMETERS = 32_000;

/** The rows in power-of-two pieces (largest first), each within the parameter limit at `columns` values a row. */
export function* powerOfTwoPieces<T>(rows: readonly T[], columns: number): Generator<readonly T[]> {
  let most = 1;
  while (most * 2 * columns <= MAX_PARAMETERS) most *= 2;
  for (let at = 0; at < rows.length; ) {
    let size = most;
    while (size > rows.length - at) size /= 2;
    yield rows.slice(at, at + size);
    at += size;
  }
}

/** IN-list values padded (repeating the last) to a power of two of at least 16; the list must fit the limit. */
export function paddedInList<T>(values: readonly T[]): T[] {
  if (!values.length) return [];
  if (values.length > MAX_PARAMETERS) throw new RangeError(`IN-list of ${values.length} values is over the parameter limit`);
  let size = 16;
  while (size < values.length) size *= 2;
  const padded = [...values];
  while (padded.length < size) padded.push(values[values.length - 1]!);
  return padded;
}
