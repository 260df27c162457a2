import type { Policy } from '../../shared/policies/policy';
import type { Dated, ParameterHistory, ParameterName, ParameterValues } from '../../shared/screening/parameters';
import type { Repositories } from '../repositories';

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
export function storedHistory(repos: Repositories, base: ParameterHistory): ParameterHistory {
  return historyWith(base, repos.parameterVersions.list());
}

/** The stored library, or the shipped one until the county first opens it. */
export function storedPolicies(repos: Repositories, shipped: readonly Policy[]): readonly Policy[] {
  return repos.policyLibrary.isEmpty() ? shipped : repos.policyLibrary.list().map((p) => p.policy);
}
