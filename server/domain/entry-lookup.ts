import { LRUCache } from 'lru-cache';
import { countyOf } from '../../shared/accounts/scope';
import type { Store } from '../db/store';

export interface ScreeningEntry {
  code: string;
  /** The township's service phone, shown when the result says "ask us". */
  phone: string | null;
  /** Its county (#16): whose screening parameters judge the self-check. */
  county: string;
}

export const ENTRY_LOOKUP_TTL_MS = 30_000;

/**
 * Which 幸福码 a self-check came from, read through a short-lived cache.
 * Every screening asks, thousands of times a minute at peak, and each SQLite read costs about as much as the
 * rules engine; codes and phone numbers change only when an administrator edits them. A change (from the
 * admin pages or the CLI) reaches screenings within 30 s: only counts and the fallback phone depend on it.
 * Unknown codes are remembered too, in a bounded LRU, so random codes cannot grow memory.
 */
export interface EntryLookup {
  (rawCode: string): Promise<ScreeningEntry | undefined>;
  /** Forgets everything: an administrator changed a 幸福码 (on this server, or on another one via Redis). */
  clear(): void;
}

export function createEntryLookup(store: Store, ttlMs = ENTRY_LOOKUP_TTL_MS): EntryLookup {
  const cache = new LRUCache<string, ScreeningEntry | false>({ max: 5_000, ttl: ttlMs });
  const lookup = async (rawCode: string): Promise<ScreeningEntry | undefined> => {
    // Some scanners lower-case URLs; codes are upper-case only, so this is lossless.
    const code = rawCode.trim().toUpperCase();
    let found = cache.get(code);
    if (found === undefined) {
      const entry = await store.repos.entries.find(code);
      found = entry ? { code: entry.code, phone: (await store.repos.regions.find(entry.township))?.phone ?? null, county: countyOf(entry.township) } : false;
      cache.set(code, found);
    }
    return found || undefined;
  };
  return Object.assign(lookup, { clear: () => cache.clear() });
}
