/**
 * China time, the one place it is worked out: rules, deadlines and every date people see are judged by the
 * calendar in Asia/Shanghai, whatever the zone of the server or the phone. No clock here: callers pass the instant.
 */
const CHINA_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: CHINA_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface ChinaWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number): ChinaWallClock {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as unknown as ChinaWallClock;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (c: Pick<ChinaWallClock, 'year' | 'month' | 'day'>) => `${c.year}-${pad(c.month)}-${pad(c.day)}`;

function toMs(instant: string | number | Date): number {
  return typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}

/** How far China's wall clock is ahead of UTC at an instant (8 hours since 1991; the zone database knows the rest). */
function chinaOffsetMs(instant: number): number {
  const c = wallClockAt(instant);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000;
}

/** The calendar date in China ('YYYY-MM-DD') at an instant. */
export function chinaDate(instant: string | number | Date): string {
  return isoDay(wallClockAt(toMs(instant)));
}

/** The instant (ISO) at which a China calendar day ('YYYY-MM-DD') begins. */
export function chinaDayStart(day: string): string {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  return new Date(asUtc - chinaOffsetMs(asUtc - chinaOffsetMs(asUtc))).toISOString();
}

/** The calendar day `days` after (or before) a 'YYYY-MM-DD' day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

let today = { date: '', from: 0, until: 0 };

/**
 * Today's date in China at `now`, worked out once per day: every self-check asks, and formatting dates was a
 * visible slice of a screening's time.
 */
export function chinaToday(now: number | Date): string {
  const ms = toMs(now);
  if (ms < today.from || ms >= today.until) {
    const date = chinaDate(ms);
    const from = Date.parse(chinaDayStart(date));
    today = { date, from, until: Date.parse(chinaDayStart(addDays(date, 1))) };
  }
  return today.date;
}

/** 2025年3月2日 14:05, in China time; '' for no date and the text itself when it is not a date. */
export function formatChinaDateTime(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const c = wallClockAt(ms);
  return `${c.year}年${c.month}月${c.day}日 ${pad(c.hour)}:${pad(c.minute)}`;
}

/** 3月2日 in the current year (as of `now`), 2024年3月2日 otherwise; China calendar. */
export function formatChinaDate(iso: string | null, now: number | Date): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const c = wallClockAt(ms);
  const thisYear = wallClockAt(toMs(now)).year;
  return `${c.year === thisYear ? '' : `${c.year}年`}${c.month}月${c.day}日`;
}
