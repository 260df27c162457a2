import type { Policy } from '../../shared/policies/policy';
import type { Dated, ParameterHistory, ParameterName, ParameterValues } from '../../shared/screening/parameters';
import type { Store } from '../db/store';

/** The parameters a history holds, read from the history itself so new ones need no change here. */
export function parameterNames(history: ParameterHistory): ParameterName[] {
  return Object.keys(history).filter((key) => key !== 'region') as ParameterName[];
}

export interface DatedValues {
  effectiveFrom: string;
  values: Partial<ParameterValues>;
  source: string;
}

/** The shipped history with the county's dated versions added on top: a new object every time. */
export function historyWith(base: ParameterHistory, versions: readonly DatedValues[]): ParameterHistory {
  if (versions.length === 0) return base;
  const history: Record<string, unknown> = { region: base.region };
  for (const name of parameterNames(base)) {
    // A version saved before a parameter existed simply has no value for it.
    const added = versions
      .filter((v) => v.values[name] !== undefined)
      .map((v): Dated<unknown> => ({ value: v.values[name], effectiveFrom: v.effectiveFrom, source: v.source }));
    history[name] = [...(base[name] as readonly Dated<unknown>[]), ...added];
  }
  return history as unknown as ParameterHistory;
}

/** The stored history, or the shipped one itself when the county has saved none (same object: the engine cache holds). */
export async function storedHistory(store: Store, base: ParameterHistory): Promise<ParameterHistory> {
  return historyWith(base, await store.repos.parameterVersions.list());
}

/** The stored library, or the shipped one until the county first opens it. */
export async function storedPolicies(store: Store, shipped: readonly Policy[]): Promise<readonly Policy[]> {
  const library = store.repos.policyLibrary;
  return (await library.isEmpty()) ? shipped : (await library.list()).map((p) => p.policy);
}
