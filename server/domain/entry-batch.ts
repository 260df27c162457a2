import { BATCH_LIMIT } from '../../shared/schemas/admin-entries';
import { AppError } from '../app-error';
import type { Store } from '../db/store';
import type { NewEntry } from '../repositories/entries';
import type { Region } from '../repositories/regions';
import { parseCsv } from './csv';
import { generateEntryCode } from './entry-codes';

export const LABEL_MAX = 60;

/** One row of a batch as the admin gave it: its line number in the source, the village as written, the label. */
export interface BatchRow {
  line: number;
  village: string;
  label: string;
}

/** A pasted list: one doorplate per line; blank lines are skipped. */
export function rowsFromLines(text: string, village: string): BatchRow[] {
  return text
    .split(/\r?\n/)
    .map((label, i) => ({ line: i + 1, village, label: label.trim() }))
    .filter((row) => row.label !== '');
}

const HEADER = /村|社区|village|门牌|标签|label|地址/i;

/** A CSV file: 村（社区）代码或名称, 门牌号. A first row that names its columns is a header. */
export function rowsFromCsv(text: string, defaultVillage: string | undefined, regions: Region[]): BatchRow[] {
  const rows = parseCsv(text);
  const villages = regions.filter((r) => r.level === 'village');
  const known = (cell: string) => villages.some((v) => v.code === cell || v.name === cell);
  return rows
    .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }))
    .filter(({ cells, line }) => !(line === 1 && cells.some((c) => HEADER.test(c)) && !known(cells[0] ?? '')))
    .filter(({ cells }) => cells.some((c) => c !== ''))
    .map(({ line, cells }) => {
      // One column: the label alone, for the village chosen on the page.
      if (cells.length === 1) return { line, village: defaultVillage ?? '', label: cells[0]! };
      return { line, village: cells[0] || (defaultVillage ?? ''), label: cells.slice(1).join(',').trim() };
    });
}

/**
 * Checks every row and returns the new codes, or throws one 400 naming each bad row — so nothing is
 * created unless everything can be.
 */
export async function planBatch(store: Store, rows: BatchRow[]): Promise<NewEntry[]> {
  const { repos } = store;
  const fields: Record<string, string> = {};
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', 400, '没有可以生成的门牌号，请每行填写一个', { rows: '没有可以生成的门牌号，请每行填写一个' });
  if (rows.length > BATCH_LIMIT) {
    throw new AppError('VALIDATION_FAILED', 400, `一次最多生成 ${BATCH_LIMIT} 个，请分批导入`, { rows: `一次最多生成 ${BATCH_LIMIT} 个，现在有 ${rows.length} 个` });
  }
  const regions = await repos.regions.list();
  const villageOf = (raw: string): Region | undefined | 'ambiguous' => {
    const byCode = regions.find((r) => r.level === 'village' && r.code === raw);
    if (byCode) return byCode;
    const byName = regions.filter((r) => r.level === 'village' && r.name === raw);
    return byName.length > 1 ? 'ambiguous' : byName[0];
  };
  const existing = new Map<string, Set<string>>();
  const seen = new Map<string, number>();
  const planned: NewEntry[] = [];
  const codes = new Set<string>();

  for (const row of rows) {
    const key = `row:${row.line}`;
    const where = `第 ${row.line} 行`;
    if (!row.village) {
      fields[key] = `${where}：请填写村（社区）`;
      continue;
    }
    const village = villageOf(row.village);
    if (village === 'ambiguous') {
      fields[key] = `${where}：有多个叫「${row.village}」的村（社区），请改填 12 位代码`;
      continue;
    }
    if (!village) {
      fields[key] = `${where}：没有这个村（社区）「${row.village}」，请填写名称或 12 位代码`;
      continue;
    }
    if (!row.label) {
      fields[key] = `${where}：请填写门牌号`;
      continue;
    }
    if ([...row.label].length > LABEL_MAX) {
      fields[key] = `${where}：门牌号最多 ${LABEL_MAX} 个字`;
      continue;
    }
    const dupKey = `${village.code}\u0000${row.label}`;
    const earlier = seen.get(dupKey);
    if (earlier !== undefined) {
      fields[key] = `${where}：和第 ${earlier} 行重复`;
      continue;
    }
    seen.set(dupKey, row.line);
    if (!existing.has(village.code)) existing.set(village.code, await repos.entries.activeLabelsIn(village.code));
    if (existing.get(village.code)!.has(row.label)) {
      fields[key] = `${where}：${village.name}已经有「${row.label}」的幸福码`;
      continue;
    }
    let code = generateEntryCode();
    while (codes.has(code) || (await repos.entries.codeExists(code))) code = generateEntryCode();
    codes.add(code);
    planned.push({ code, township: village.parent!, village: village.code, label: row.label });
  }
  const bad = Object.keys(fields).length;
  if (bad) throw new AppError('VALIDATION_FAILED', 400, `有 ${bad} 行需要修改，全部改好后才会生成（这次一个也没有生成）`, fields);
  return planned;
}
