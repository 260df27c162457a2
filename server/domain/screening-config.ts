import type { Policy } from '../../shared/policies/policy';
import type { Dated, ParameterHistory, ParameterName, ParameterValues } from '../../shared/screening/parameters';
import type { Store } from '../db/store';
import { libraryOf } from '../repositories/policy-library';

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

/**
 * Each county's parameter history (#16): the shipped one with the province-wide versions and the county's own.
 * `of(county)` is that county's; a county that saved none, or no county at all, gets the province-wide history
 * (in a single-county database: that county's, so a screening without a 幸福码 reads what it always did).
 */
export interface CountyHistories {
  of(county: string | null): ParameterHistory;
}

export async function storedHistories(store: Store, base: ParameterHistory): Promise<CountyHistories> {
  const versions = await store.repos.parameterVersions.list();
  const provinceWide = versions.filter((v) => v.county === null);
  const province = historyWith(base, provinceWide);
  const counties = new Map<string, ParameterHistory>();
  for (const county of new Set(versions.flatMap((v) => (v.county === null ? [] : [v.county])))) {
    counties.set(county, historyWith(base, versions.filter((v) => v.county === null || v.county === county)));
  }
  const only = await store.repos.regions.onlyCounty();
  const fallback = (only !== null && counties.get(only)) || province;
  const names = countyNames(base, await store.repos.regions.list());
  // One labelled copy per county, made on first use: a county always resolves to the same history until the reload.
  const labelled = new Map<string, ParameterHistory>();
  return {
    of(county) {
      const history = (county !== null && counties.get(county)) || fallback;
      const name = county === null ? undefined : names.get(county);
      if (name === undefined) return history;
      let found = labelled.get(county!);
      if (!found) labelled.set(county!, (found = { ...history, region: { ...history.region, code: county!.slice(0, 6), name } }));
      return found;
    },
  };
}

/**
 * The names a history is labelled with for each county (#16), so the parameters page names the admin's county and
 * each result's version (`330326@2024-07-01`) tells which county's figures were used. The shipped history names
 * its own county in full (浙江省温州市苍南县): left as it is for that county, and where a county is not known.
 */
function countyNames(base: ParameterHistory, regions: readonly { code: string; name: string; level: string }[]): Map<string, string> {
  return new Map(regions.filter((r) => r.level === 'county' && !r.code.startsWith(base.region.code)).map((r) => [r.code, r.name]));
}

/**
 * Each county's policy library (#16), as CountyHistories: the province-wide entries with the county's own over them;
 * a county with none of its own, or no county, gets the province-wide library (in a single-county database: that
 * county's). The shipped library until the library is first seeded.
 */
export interface CountyPolicies {
  of(county: string | null): readonly Policy[];
}

export async function storedPolicies(store: Store, shipped: readonly Policy[]): Promise<CountyPolicies> {
  const rows = await store.repos.policyLibrary.listAll();
  if (rows.length === 0) return { of: () => shipped };
  const province = libraryOf(rows, null).map((p) => p.policy);
  const counties = new Map<string, readonly Policy[]>();
  for (const county of new Set(rows.flatMap((r) => (r.county === null ? [] : [r.county])))) {
    counties.set(county, libraryOf(rows, county).map((p) => p.policy));
  }
  const only = await store.repos.regions.onlyCounty();
  const fallback = (only !== null && counties.get(only)) || province;
  return { of: (county) => (county !== null && counties.get(county)) || fallback };
}
