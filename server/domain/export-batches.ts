import type { LedgerPersonColumns } from '../repositories/ledger-columns';
import type { Vault } from './crypto';
import { csvRow } from './csv';
import type { CleanPerson } from './person';

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

/**
 * The cells every 台账 row starts with — its number, township, village, then name, ID number, phone and address —
 * masked unless the caller chose the audited full export.
 */
export function personCells(vault: Vault, row: LedgerPersonColumns, unmasked: boolean): Cells {
  const person = unmasked
    ? vault.decrypt<CleanPerson>(row.subject_enc)
    : { name: row.name_masked, idNumber: row.id_masked, phone: row.phone_masked, address: row.address_masked };
  return [row.id, row.township_name, row.village_name, person.name, person.idNumber, person.phone, person.address];
}
