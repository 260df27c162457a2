/** The one place the server reads the clock; shared/ code takes `asOf` instead. */
export function nowIso(): string {
  return new Date().toISOString();
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China (UTC+8, no DST): rules and ID birth dates are judged by local day. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

let today = { date: '', from: 0, until: 0 };

/**
 * Today's date in China, formatted once per day: every self-check asks, and formatting dates was a
 * visible slice of a screening's time.
 */
export function chinaToday(now = Date.now()): string {
  if (now < today.from || now >= today.until) {
    const from = Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
    today = { date: chinaDate(new Date(from).toISOString()), from, until: from + DAY_MS };
  }
  return today.date;
}
