/**
 * Public holidays (放假) and make-up working days (调休上班) in China, as China dates, from the State
 * Council's yearly notices:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社发布）
 * A year not listed counts Monday to Friday as working days. Add each new notice when it is published
 * (usually in November) and name it here.
 */

/** Every day from `first` to `last` inclusive, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export const HOLIDAYS: ReadonlySet<string> = new Set([
  // 2025
  ...days('2025-01-01', '2025-01-01'), // 元旦
  ...days('2025-01-28', '2025-02-04'), // 春节
  ...days('2025-04-04', '2025-04-06'), // 清明节
  ...days('2025-05-01', '2025-05-05'), // 劳动节
  ...days('2025-05-31', '2025-06-02'), // 端午节
  ...days('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  // 2026
  ...days('2026-01-01', '2026-01-03'), // 元旦
  ...days('2026-02-15', '2026-02-23'), // 春节
  ...days('2026-04-04', '2026-04-06'), // 清明节
  ...days('2026-05-01', '2026-05-05'), // 劳动节
  ...days('2026-06-19', '2026-06-21'), // 端午节
  ...days('2026-09-25', '2026-09-27'), // 中秋节
  ...days('2026-10-01', '2026-10-07'), // 国庆节
]);

export const MAKEUP_WORKDAYS: ReadonlySet<string> = new Set([
  // 2025
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
  // 2026
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
]);

/** Whether a China date (YYYY-MM-DD) is a working day for government offices. */
export function isWorkingDay(date: string): boolean {
  if (HOLIDAYS.has(date)) return false;
  if (MAKEUP_WORKDAYS.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
