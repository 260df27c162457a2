/**
 * The county's roster file (在册名单) as rows of cells → clean entries and per-row reasons, in Chinese.
 * Pure: region checks come in as functions, "today" as a date. The header is row 1.
 */
import { idNumberError, normalizeIdNumber } from '../identity/id-number';
import { nameError } from '../identity/name';
import { normalizePhone, phoneError } from '../identity/phone';
import { categoryFromLabel, levelFromLabel, type RegisterCategory, type RegisterLevel } from './categories';

export const ROSTER_COLUMNS = {
  idNumber: '身份证号',
  name: '姓名',
  township: '乡镇代码',
  category: '类别',
  since: '纳入日期',
  village: '村社区代码',
  phone: '手机',
  address: '住址',
  level: '风险等级',
} as const;
type Column = keyof typeof ROSTER_COLUMNS;
const REQUIRED: readonly Column[] = ['idNumber', 'name', 'township', 'category', 'since'];

export interface RosterEntry {
  row: number;
  idNumber: string;
  name: string;
  township: string;
  village: string | null;
  category: Exclude<RegisterCategory, 'exited'>;
  since: string;
  phone: string | null;
  address: string | null;
  level: RegisterLevel | null;
}

export interface RosterRejection {
  row: number;
  reason: string;
}

export interface RosterRegions {
  isTownship(code: string): boolean;
  /** The township a village belongs to, or undefined for an unknown village. */
  townshipOfVillage(code: string): string | undefined;
}

export class RosterHeaderError extends Error {}

/** Finds each column by its Chinese header (any order, surrounding spaces ignored). */
function headerIndex(header: string[]): Record<Column, number> {
  const clean = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const index = Object.fromEntries((Object.keys(ROSTER_COLUMNS) as Column[]).map((c) => [c, clean.indexOf(ROSTER_COLUMNS[c])])) as Record<Column, number>;
  const missing = REQUIRED.filter((c) => index[c] < 0).map((c) => ROSTER_COLUMNS[c]);
  if (missing.length) throw new RosterHeaderError(`第 1 行（表头）缺少这些列：${missing.join('、')}`);
  return index;
}

/** YYYY-MM-DD (also with / or .), a real calendar date. */
export function rosterDate(raw: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

function parseRow(cells: string[], index: Record<Column, number>, row: number, regions: RosterRegions, today: string): RosterEntry | RosterRejection {
  const cell = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
  const problems: string[] = [];
  const idRaw = cell('idNumber');
  const idProblem = idRaw ? idNumberError(idRaw, today) : '没有填身份证号';
  if (idProblem) problems.push(idProblem);
  const nameProblem = nameError(cell('name'), '没有填姓名');
  if (nameProblem) problems.push(nameProblem);
  const township = cell('township');
  if (!/^\d{12}$/.test(township)) problems.push('乡镇代码应为 12 位数字');
  else if (!regions.isTownship(township)) problems.push(`本县没有乡镇代码 ${township}`);
  const village = cell('village') || null;
  if (village && regions.townshipOfVillage(village) !== township) problems.push(`村社区代码 ${village} 不属于这个乡镇`);
  const category = categoryFromLabel(cell('category'));
  if (!category) problems.push('类别只能是 低保、低边、特困、支出型、临时救助、监测 之一');
  const since = rosterDate(cell('since'));
  if (!since) problems.push('纳入日期请写成 2024-03-01 这样的格式');
  else if (since > today) problems.push('纳入日期不能晚于今天');
  const phoneRaw = cell('phone');
  const phoneProblem = phoneRaw ? phoneError(phoneRaw) : null;
  if (phoneProblem) problems.push(phoneProblem);
  const levelRaw = cell('level');
  const level = levelRaw ? levelFromLabel(levelRaw) : null;
  if (levelRaw && !level) problems.push('风险等级只能是 红、黄、蓝');
  if (problems.length) return { row, reason: problems.join('；') };
  return {
    row,
    idNumber: normalizeIdNumber(idRaw),
    name: cell('name').replace(/\s+/g, ' '),
    township,
    village,
    category: category as RosterEntry['category'],
    since: since!,
    phone: phoneRaw ? normalizePhone(phoneRaw) : null,
    address: cell('address') || null,
    level,
  };
}

/** Every data row either becomes an entry or is rejected with its row number; blank rows are skipped. */
export function parseRoster(table: string[][], regions: RosterRegions, today: string): { rows: number; entries: RosterEntry[]; rejected: RosterRejection[] } {
  const [header, ...body] = table;
  if (!header) throw new RosterHeaderError('文件是空的：第 1 行应是表头（身份证号、姓名、乡镇代码、类别、纳入日期）');
  const index = headerIndex(header);
  const parsed: Array<RosterEntry | RosterRejection> = [];
  let rows = 0;
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows++;
    parsed.push(parseRow(cells, index, i + 2, regions, today));
  });
  // The same person twice in one file: which row is right is for the county to say, so neither is imported.
  const rowsById = new Map<string, number[]>();
  for (const p of parsed) if ('idNumber' in p) rowsById.set(p.idNumber, [...(rowsById.get(p.idNumber) ?? []), p.row]);
  const entries: RosterEntry[] = [];
  const rejected: RosterRejection[] = [];
  for (const p of parsed) {
    if (!('idNumber' in p)) rejected.push(p);
    else if (rowsById.get(p.idNumber)!.length > 1) {
      const others = rowsById.get(p.idNumber)!.filter((r) => r !== p.row);
      rejected.push({ row: p.row, reason: `身份证号和第 ${others.join('、')} 行重复，请核对后只保留一行` });
    } else entries.push(p);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { rows, entries, rejected };
}
