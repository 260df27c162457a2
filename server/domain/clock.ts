/** The one place the server reads the clock; shared/ code takes `asOf` instead. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The calendar date in China (UTC+8, no DST): rules and ID birth dates are judged by local day. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
