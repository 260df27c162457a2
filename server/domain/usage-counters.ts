import type { Store } from '../db/store';

/**
 * Scans and completed self-checks, counted in memory and written in one transaction every few
 * seconds. A resident's page never waits on a disk write for a statistic; a crash loses at most
 * the last interval's counts, never a submission.
 */
export function createUsageCounters(store: Store, onError: (err: unknown) => void) {
  let scans = new Map<string, { code: string; day: string; n: number }>();
  let completions = new Map<string, { code: string; day: string; completed: number; suspected: number }>();

  /** Writes what was counted since the last flush; a failed write is reported, never thrown at a resident. */
  async function flush(): Promise<void> {
    if (scans.size === 0 && completions.size === 0) return;
    const pendingScans = scans;
    const pendingCompletions = completions;
    scans = new Map();
    completions = new Map();
    try {
      await store.transaction(async ({ repos }) => {
        for (const s of pendingScans.values()) await repos.entries.countScans(s.code, s.day, s.n);
        for (const c of pendingCompletions.values()) await repos.entries.countCompletions(c.code, c.day, c.completed, c.suspected);
      });
    } catch (err) {
      onError(err);
    }
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
