import type { EntryInfo } from '../../shared/schemas/entries';
import type { Repositories } from '../repositories';

/** What a resident's page needs to know about a scanned code, or undefined if there is no such code. */
export function describeEntry(repos: Repositories, rawCode: string): EntryInfo | undefined {
  // Some scanners lower-case URLs; codes are upper-case only, so this is lossless.
  const entry = repos.entries.find(rawCode.trim().toUpperCase());
  if (!entry) return undefined;
  const township = repos.regions.find(entry.township);
  if (!township) return undefined;
  const village = entry.village ? repos.regions.find(entry.village) : undefined;
  return {
    code: entry.code,
    label: entry.label,
    township: { code: township.code, name: township.name },
    ...(village ? { village: { code: village.code, name: village.name } } : {}),
    active: entry.active,
    ...(township.phone ? { phone: township.phone } : {}),
  };
}
