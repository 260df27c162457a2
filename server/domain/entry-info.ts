import type { EntryInfo } from '../../shared/schemas/entries';
import type { Store } from '../db/store';

/** What a resident's page needs to know about a scanned code, or undefined if there is no such code. */
export async function describeEntry(store: Store, rawCode: string): Promise<EntryInfo | undefined> {
  const { repos } = store;
  // Some scanners lower-case URLs; codes are upper-case only, so this is lossless.
  const entry = await repos.entries.find(rawCode.trim().toUpperCase());
  if (!entry) return undefined;
  const township = await repos.regions.find(entry.township);
  if (!township) return undefined;
  const village = entry.village ? await repos.regions.find(entry.village) : undefined;
  return {
    code: entry.code,
    label: entry.label,
    township: { code: township.code, name: township.name },
    ...(village ? { village: { code: village.code, name: village.name } } : {}),
    active: entry.active,
    ...(township.phone ? { phone: township.phone } : {}),
  };
}
