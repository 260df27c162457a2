/** Today in China ('YYYY-MM-DD'): the shared rules take the date instead of reading the clock. */
export function chinaToday(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  return china.toISOString().slice(0, 10);
}

/** 2025年3月2日 14:05, in China time whatever the phone's zone. */
export function formatChinaDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const china = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}
