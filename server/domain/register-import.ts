import { countyOf } from '../../shared/accounts/scope';
import path from 'node:path';
import { chinaDate, nextVisitDate, upcomingReviewDate } from '../../shared/register/cadence';
import { selectRegisterParameters } from '../../shared/register/parameters';
import { parseRoster, type RosterEntry, type RosterRejection } from '../../shared/register/roster';
import type { Store } from '../db/store';
import type { Vault } from './crypto';
import { parseCsv } from './csv';
import { maskedPerson, type CleanPerson } from './person';

export interface ImportSummary {
  rows: number;
  imported: number;
  updated: number;
  rejected: RosterRejection[];
}

/** A cell as the roster means it: dates as YYYY-MM-DD, everything else as its text. */
function cellText(value: unknown, text: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return text;
}

/** Excel in China saves CSV as GBK unless told otherwise: UTF-8 first (a BOM is dropped later), then GB18030. */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A roster as rows of cells: CSV (with or without a BOM) or the first sheet of an XLSX workbook. */
export async function readRoster(bytes: Buffer, fileName: string): Promise<string[][]> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv') return parseCsv(decodeCsv(bytes));
  if (ext !== '.xlsx') throw new Error('只能导入 .csv 或 .xlsx 文件');
  // Loaded only when a workbook is imported: ExcelJS is large.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.text ?? ''));
    }
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (row) => row ?? []);
}

/** Thrown inside the preview's transaction so nothing it did is kept. */
class PreviewRollback extends Error {}

const BATCH = 500;

/**
 * Loads parsed roster rows into the register, keyed by the ID number's blind index. A row identical
 * to the one imported last time changes nothing; a changed row updates the entry but keeps what
 * visits learnt since (level, schedule, open risks).
 */
export async function importRoster(
  store: Store,
  vault: Vault,
  table: string[][],
  now: string,
  options: { onProgress?: (done: number, total: number) => void; preview?: boolean; county?: string | null } = {},
): Promise<ImportSummary> {
  const today = chinaDate(now);
  // The roster is checked row by row against the regions, read once up front: a county admin's, their county's (#16).
  const { county } = options;
  const regions = new Map((await store.repos.regions.list()).filter((r) => !county || countyOf(r.code) === county).map((r) => [r.code, r]));
  const parsed = parseRoster(
    table,
    {
      isTownship: (code) => regions.get(code)?.level === 'township',
      townshipOfVillage: (code) => {
        const region = regions.get(code);
        return region?.level === 'village' ? (region.parent ?? undefined) : undefined;
      },
    },
    today,
  );
  const { values } = selectRegisterParameters(today);
  let imported = 0;
  let updated = 0;

  const upsert = async (tx: Store, entry: RosterEntry): Promise<void> => {
    const { row: _row, ...fields } = entry;
    const key = vault.blindIndex('id', entry.idNumber);
    const fingerprint = vault.blindIndex('register_row', JSON.stringify(fields));
    const existing = await tx.repos.households.findByPersonKey(key);
    if (existing?.import_fingerprint === fingerprint) return;
    const old = existing ? vault.decrypt<CleanPerson>(existing.subject_enc) : null;
    const person: CleanPerson = { name: entry.name, idNumber: entry.idNumber, phone: entry.phone ?? old?.phone ?? null, address: entry.address ?? old?.address ?? null };
    const masked = maskedPerson(person);
    const level = entry.level ?? existing?.level ?? 'blue';
    const row = {
      township: entry.township,
      village: entry.village ?? '',
      subject_enc: vault.encrypt(person),
      name_masked: masked.nameMasked,
      phone_masked: masked.phoneMasked,
      id_masked: masked.idMasked,
      address_masked: masked.addressMasked,
      category: entry.category,
      category_since: entry.since,
      monitored_until: null,
      level,
      unstable: existing?.unstable ?? 0,
      next_visit_on: existing?.next_visit_on ?? nextVisitDate(today, level, values),
      next_review_on: upcomingReviewDate(entry.since, entry.category, existing?.unstable === 1, values, today),
      import_fingerprint: fingerprint,
      now,
    };
    if (existing) {
      await tx.repos.households.update(existing.id, row);
      await tx.repos.households.appendEvent({ householdId: existing.id, at: now, type: 'imported', actor: 'cli', detail: { category: entry.category } });
      updated++;
    } else {
      const id = await tx.repos.households.insert({ ...row, person_key: key });
      await tx.repos.households.appendEvent({ householdId: id, at: now, type: 'enrolled', actor: 'cli', detail: { category: entry.category, level, source: 'import' } });
      imported++;
    }
  };

  if (options.preview) {
    // The preview runs the real import and rolls it back: its figures are exactly what 「导入」 would do.
    try {
      await store.transaction(async (tx) => {
        for (const entry of parsed.entries) await upsert(tx, entry);
        throw new PreviewRollback();
      });
    } catch (err) {
      if (!(err instanceof PreviewRollback)) throw err;
    }
  } else {
    // Batches keep each write transaction short, so the running server is never held up for long.
    for (let i = 0; i < parsed.entries.length; i += BATCH) {
      const entries = parsed.entries.slice(i, i + BATCH);
      await store.transaction(async (tx) => {
        for (const entry of entries) await upsert(tx, entry);
      });
      options.onProgress?.(Math.min(i + BATCH, parsed.entries.length), parsed.entries.length);
    }
  }
  return { rows: parsed.rows, imported, updated, rejected: parsed.rejected };
}
