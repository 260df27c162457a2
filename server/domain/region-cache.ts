import type { Region, RegionsRepository } from '../repositories/regions';

/**
 * How long a found region is kept. The app only ever adds regions (bootstrap) and never edits or removes one, so
 * a code once found keeps its name; the limit only bounds how long a hand edit in the database goes unseen.
 */
export const REGION_CACHE_MS = 5 * 60_000;

interface Kept {
  found: Promise<Region | undefined>;
  at: number;
}

const kept = new WeakMap<RegionsRepository, Map<string, Kept>>();

/**
 * Region lookups kept for the life of the repository (the app's, or one transaction's), so a queue page names its
 * townships and villages without a round trip. A code not found is asked again next time: it may be added later.
 */
export function cachedRegions(regions: RegionsRepository, clock: () => number = Date.now): (code: string) => Promise<Region | undefined> {
  let cache = kept.get(regions);
  if (!cache) kept.set(regions, (cache = new Map()));
  const entries = cache;
  return (code) => {
    const hit = entries.get(code);
    if (hit && clock() - hit.at < REGION_CACHE_MS) return hit.found;
    const found = regions.find(code);
    const entry = { found, at: clock() };
    entries.set(code, entry);
    const forget = () => {
      if (entries.get(code) === entry) entries.delete(code);
    };
    found.then((region) => {
      if (!region) forget();
    }, forget);
    return found;
  };
}
