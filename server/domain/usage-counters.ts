import type { EntriesRepository } from '../repositories/entries';

/**
 * Scans and completed self-checks, counted in memory and written in one transaction every few
 * seconds. A resident's page never waits on a disk write for a statistic; a crash loses at most
 * the last interval's counts, never a submission.
 */
export function createUsageCounters(entries: EntriesRepository, write: (work: () => void) => void) {
  let scans = new Map<string, { code: string; day: string; n: number }>();
  let completions = new Map<string, { code: string; day: string; completed: number; suspected: number }>();

  function flush(): void {
    if (scans.size === 0 && completions.size === 0) return;
    const pendingScans = scans;
    const pendingCompletions = completions;
    scans = new Map();
    completions = new Map();
    write(() => {
      for (const s of pendingScans.values()) entries.countScans(s.code, s.day, s.n);
      for (const c of pendingCompletions.values()) entries.countCompletions(c.code, c.day, c.completed, c.suspected);
    });
  }

  return {
    scan(code: string, day: string): void {
      const key = `${code}\u0000${day}`;
      const current = scans.get(key) ?? { code, day, n: 0 };
      current.n += 1;
      scans.set(key, current);
    },
    completion(code: string, day: string, suspected: boolean): void {
      const key = `${code}\u0000${day}`;
      const current = completions.get(key) ?? { code, day, completed: 0, suspected: 0 };
      current.completed += 1;
      current.suspected += suspected ? 1 : 0;
      completions.set(key, current);
    },
    flush,
  };
}

export type UsageCounters = ReturnType<typeof createUsageCounters>;
