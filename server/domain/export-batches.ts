import { csvRow } from './csv';

type Cells = Array<string | number | null>;

/** Excel opens a UTF-8 CSV as Chinese only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/**
 * Every row of a 台账 as cells, in batches of `size` in id order. Each batch is read whole, and its rows turned
 * into cells, before it is handed on: a read left open across a slow download's pauses would keep the connection
 * busy (on SQLite, every other request's write would fail) or hold a pooled connection for as long as it lasts.
 */
export async function* exportInBatches<Row extends { id: number }>(
  readBatch: (afterId: number, limit: number) => Promise<Row[]>,
  toCells: (row: Row) => Cells | Promise<Cells>,
  size: number,
): AsyncGenerator<Cells[]> {
  let afterId = 0;
  for (;;) {
    const rows = await readBatch(afterId, size);
    const batch: Cells[] = [];
    for (const row of rows) batch.push(await toCells(row));
    if (batch.length) yield batch;
    if (rows.length < size) return;
    afterId = rows.at(-1)!.id;
  }
}

/** A 台账 as CSV text chunks: the header (after the byte-order mark Excel needs), then one chunk per batch. */
export async function* csvInBatches(header: string[], batches: AsyncIterable<Cells[]>): AsyncGenerator<string> {
  yield BOM + csvRow(header);
  for await (const batch of batches) yield batch.map((cells) => csvRow(cells)).join('');
}
