/**
 * A department's list as rows of cells → clean signal rows and per-row reasons, in Chinese. Pure: the region
 * lookup comes in as a function, "today" as a date. The header is row 1; columns are found by their Chinese names.
 */
import { idNumberError, normalizeIdNumber } from '../identity/id-number';
import { nameError } from '../identity/name';
import { rosterDate } from '../register/roster';
import { DISABILITY_GRADES, type DisabilityGrade } from './parameters';
import { COMMON_COLUMNS, SOURCE_COLUMNS, type SignalSource } from './sources';

export type SignalDetail =
  | { source: 'medical'; amount: number; from: string; to: string }
  | { source: 'disability'; kind: string; grade: DisabilityGrade; issued: string }
  | { source: 'death'; died: string; age: number }
  | { source: 'unemployment'; registered: string }
  | { source: 'student'; school: string; hardship: string; schoolYear: string }
  | { source: 'exit'; formerCategory: string; exited: string };

export interface SignalRow {
  row: number;
  idNumber: string;
  name: string;
  /** The 12-digit township or village code as written. */
  region: string;
  /** The township that code lies in. */
  township: string;
  detail: SignalDetail;
}

export interface SignalRejection {
  row: number;
  reason: string;
}

/** One thing wrong in one cell, for the downloadable error report: where, and why in Chinese — never the cell's text. */
export interface SignalProblem {
  row: number;
  /** The Chinese header of the column at fault. */
  column: string;
  reason: string;
}

type CellProblem = Omit<SignalProblem, 'row'>;

/** The township of a township or village code, or undefined when the county has no such code. */
export type TownshipOf = (code: string) => string | undefined;

export class SignalHeaderError extends Error {}

function headerIndex(header: string[], source: SignalSource): Record<string, number> {
  const clean = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const columns: Record<string, string> = { ...COMMON_COLUMNS, ...SOURCE_COLUMNS[source] };
  const index = Object.fromEntries(Object.entries(columns).map(([key, label]) => [key, clean.indexOf(label)]));
  const missing = Object.entries(columns).filter(([key]) => index[key]! < 0).map(([, label]) => label);
  if (missing.length) throw new SignalHeaderError(`第 1 行（表头）缺少这些列：${missing.join('、')}`);
  return index;
}

/** 元 with optional thousands commas and at most 2 decimals. */
function amountOf(raw: string): number | null {
  const text = raw.replace(/,/g, '').trim();
  return /^\d{1,9}(\.\d{1,2})?$/.test(text) ? Number(text) : null;
}

type DateOf = (raw: string) => string | null;

/** A department's list repeats a few dates (its period) on every row: each distinct text is read once per file. */
function remembered(read: DateOf): DateOf {
  const seen = new Map<string, string | null>();
  return (raw) => {
    let value = seen.get(raw);
    if (value === undefined) {
      value = read(raw);
      // Bounded: a list of birth or death days has many distinct ones, each read once anyway.
      if (seen.size < 10_000) seen.set(raw, value);
    }
    return value;
  };
}

function dateProblem(label: string, date: string | null, today: string): string | null {
  if (!date) return `${label}请写成 2024-03-01 这样的格式`;
  if (date > today) return `${label}不能晚于今天`;
  return null;
}

/**
 * The school year a list of family-hardship students belongs to: the list carries no date, and schools draw it up
 * each year from 1 September, so a list received on 2027-03-01 is of the 2026 school year (2026学年).
 */
export function schoolYearOf(today: string): string {
  const year = Number(today.slice(0, 4));
  return String(today.slice(5) >= '09-01' ? year : year - 1);
}

function detailOf(source: SignalSource, cell: (key: string) => string, today: string, problems: CellProblem[], dateOf: DateOf): SignalDetail | null {
  const date = (key: string, label: string): string => {
    const value = dateOf(cell(key));
    const problem = dateProblem(label, value, today);
    if (problem) problems.push({ column: label, reason: problem });
    return value ?? '';
  };
  const text = (key: string, label: string): string => {
    const value = cell(key).replace(/\s+/g, ' ');
    if (!value) problems.push({ column: label, reason: `没有填${label}` });
    return value;
  };
  switch (source) {
    case 'medical': {
      const amount = amountOf(cell('amount'));
      if (amount === null) problems.push({ column: '自付金额', reason: '自付金额请写成数字（元），例如 25000 或 25000.50' });
      const from = date('from', '期间起');
      const to = date('to', '期间止');
      if (from && to && from > to) problems.push({ column: '期间起', reason: '期间起不能晚于期间止' });
      return { source, amount: amount ?? 0, from, to };
    }
    case 'disability': {
      const grade = cell('grade') as DisabilityGrade;
      if (!DISABILITY_GRADES.includes(grade)) problems.push({ column: '残疾等级', reason: '残疾等级只能是 一级、二级、三级、四级' });
      return { source, kind: text('kind', '残疾类别'), grade, issued: date('issued', '发证日期') };
    }
    case 'death': {
      const ageText = cell('age');
      const age = /^\d{1,3}$/.test(ageText) ? Number(ageText) : NaN;
      if (!(age >= 0 && age <= 130)) problems.push({ column: '年龄', reason: '年龄请写成 0 到 130 之间的整数' });
      return { source, died: date('died', '死亡日期'), age };
    }
    case 'unemployment':
      return { source, registered: date('registered', '登记日期') };
    case 'student':
      return { source, school: text('school', '学校'), hardship: text('hardship', '困难等级'), schoolYear: schoolYearOf(today) };
    case 'exit':
      return { source, formerCategory: text('formerCategory', '原类别'), exited: date('exited', '退出日期') };
  }
}

function parseRow(
  source: SignalSource,
  cells: string[],
  index: Record<string, number>,
  row: number,
  townshipOf: TownshipOf,
  today: string,
  dateOf: DateOf,
): SignalRow | { row: number; problems: CellProblem[] } {
  const cell = (key: string) => (cells[index[key]!] ?? '').trim();
  const problems: CellProblem[] = [];
  const idRaw = cell('idNumber');
  const idProblem = idRaw ? idNumberError(idRaw, today) : '没有填身份证号';
  if (idProblem) problems.push({ column: COMMON_COLUMNS.idNumber, reason: idProblem });
  const nameProblem = nameError(cell('name'), '没有填姓名');
  if (nameProblem) problems.push({ column: COMMON_COLUMNS.name, reason: nameProblem });
  const region = cell('region');
  const township = /^\d{12}$/.test(region) ? townshipOf(region) : undefined;
  if (!/^\d{12}$/.test(region)) problems.push({ column: COMMON_COLUMNS.region, reason: '区划代码应为 12 位数字' });
  else if (!township) problems.push({ column: COMMON_COLUMNS.region, reason: `本县没有区划代码 ${region}` });
  const detail = detailOf(source, cell, today, problems, dateOf);
  if (problems.length || !detail || !township) return { row, problems };
  return { row, idNumber: normalizeIdNumber(idRaw), name: cell('name').replace(/\s+/g, ' '), region, township, detail };
}

export interface ParsedSignals {
  rows: number;
  signals: SignalRow[];
  /** One line per bad row (the CLI's report). */
  rejected: SignalRejection[];
  /** The same, one line per bad cell (the downloadable error report). */
  problems: SignalProblem[];
}

/** Every data row either becomes a signal row or is rejected with its row number; blank rows are skipped. */
export function parseSignals(
  source: SignalSource,
  table: string[][],
  townshipOf: TownshipOf,
  today: string,
): ParsedSignals {
  const [header, ...body] = table;
  if (!header) throw new SignalHeaderError('文件是空的：第 1 行应是表头（身份证号、姓名、区划代码……）');
  const index = headerIndex(header, source);
  const signals: SignalRow[] = [];
  const rejected: SignalRejection[] = [];
  const problems: SignalProblem[] = [];
  let rows = 0;
  const dateOf = remembered(rosterDate);
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows++;
    const parsed = parseRow(source, cells, index, i + 2, townshipOf, today, dateOf);
    if ('idNumber' in parsed) {
      signals.push(parsed);
      return;
    }
    rejected.push({ row: parsed.row, reason: parsed.problems.map((p) => p.reason).join('；') });
    for (const p of parsed.problems) problems.push({ row: parsed.row, ...p });
  });
  return { rows, signals, rejected, problems };
}
