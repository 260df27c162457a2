/**
 * Screening parameters as dated data per region (after OpenFisca): each figure is a history of
 * `{value, effectiveFrom, source}` and the engine uses the one in force on `asOf`.
 */
import type { OptionValue } from '../questionnaire/answers';

export interface Dated<T> {
  readonly value: T;
  /** 'YYYY-MM-DD', the first day the value applies. */
  readonly effectiveFrom: string;
  /** Where the figure comes from, or why it is a modelling choice. */
  readonly source: string;
}

export type SuddenEvent = Exclude<OptionValue<'income_change'>, 'none'>;

/** One value of every parameter, as in force on one day. */
export interface ParameterValues {
  /** 低保标准, 元/人·月. */
  readonly dibaoStandard: number;
  /** 低保边缘: household income per person up to this multiple of 低保标准. */
  readonly dibaoEdgeMultiple: number;
  /** 特困 "no income source": income per person up to this multiple of 低保标准. */
  readonly tekunIncomeMultiple: number;
  /** 特困 is for people on their own (or a couple); a bigger household needs a closer look. */
  readonly tekunMaxHouseholdSize: number;
  /** 低保 and 特困: financial assets per person up to this many months of 低保标准. */
  readonly financialAssetMonths: number;
  /** 低保边缘 and 支出型: financial assets per person up to this many months of 低保标准. */
  readonly dibaoEdgeFinancialAssetMonths: number;
  /** Houses the household may own; a second house rules 低保 out. */
  readonly housesAllowed: number;
  /** A car worth more than this (元) rules 低保 out. */
  readonly vehicleValueLimit: number;
  /** Out-of-pocket medical cost in 12 months (元) that counts as a large bill (大额医疗费用). */
  readonly largeMedicalExpense: number;
  /** 支出型: medical + education out-of-pocket as a share of household yearly income. */
  readonly rigidExpenseShare: number;
  /** 教育: education cost as a share of household yearly income that counts as a heavy burden. */
  readonly educationBurdenShare: number;
  /** 临时救助: household income per person up to this multiple of 低保标准. */
  readonly temporaryIncomeMultiple: number;
  /** Sudden events (income_change answers) that can start 临时救助. */
  readonly temporaryTriggers: readonly SuddenEvent[];
  /** Within this fraction of a threshold the result is 「需要进一步了解」, not a yes or no. */
  readonly nearThresholdMargin: number;
}

export type ParameterName = keyof ParameterValues;

export interface Region {
  readonly code: string;
  readonly name: string;
}

/** Every parameter's dated history for one region. */
export type ParameterHistory = { readonly region: Region } & {
  readonly [Name in ParameterName]: readonly Dated<ParameterValues[Name]>[];
};

export interface ParameterSource {
  readonly effectiveFrom: string;
  readonly source: string;
}

/** The parameters in force on one day, with where each came from. */
export interface ScreeningParameters {
  readonly region: Region;
  readonly asOf: string;
  readonly values: ParameterValues;
  readonly sources: { readonly [Name in ParameterName]: ParameterSource };
  /** `<region code>@<latest effectiveFrom in use>`: two results with the same version used the same figures. */
  readonly version: string;
}

const PARAMETER_NAMES = [
  'dibaoStandard',
  'dibaoEdgeMultiple',
  'tekunIncomeMultiple',
  'tekunMaxHouseholdSize',
  'financialAssetMonths',
  'dibaoEdgeFinancialAssetMonths',
  'housesAllowed',
  'vehicleValueLimit',
  'largeMedicalExpense',
  'rigidExpenseShare',
  'educationBurdenShare',
  'temporaryIncomeMultiple',
  'temporaryTriggers',
  'nearThresholdMargin',
] as const satisfies readonly ParameterName[];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/** The entry of `history` in force on `asOf` ('YYYY-MM-DD'); none before its first. */
function inForce<T>(history: readonly Dated<T>[], asOf: string): Dated<T> | undefined {
  let chosen: Dated<T> | undefined;
  for (const entry of history) {
    // ISO dates compare correctly as strings.
    if (entry.effectiveFrom <= asOf && (!chosen || entry.effectiveFrom > chosen.effectiveFrom)) chosen = entry;
  }
  return chosen;
}

/**
 * Every parameter of a dated history (the register's, the warnings') as in force on `asOf`, with its source.
 * Before a parameter's first value its earliest one applies: a roster or a department's list can hold dates older
 * than the rules.
 */
export function allInForce<V>(
  history: { readonly [Name in keyof V]: readonly Dated<V[Name]>[] },
  asOf: string,
): { values: V; sources: { readonly [Name in keyof V]: { effectiveFrom: string; source: string } } } {
  const names = Object.keys(history) as (keyof V)[];
  const picked = names.map((name) => {
    const dated = history[name] as readonly Dated<unknown>[];
    const entry = inForce(dated, asOf) ?? [...dated].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
    return [name, entry] as const;
  });
  return {
    values: Object.fromEntries(picked.map(([name, entry]) => [name, entry.value])) as V,
    sources: Object.fromEntries(picked.map(([name, entry]) => [name, { effectiveFrom: entry.effectiveFrom, source: entry.source }])) as {
      readonly [Name in keyof V]: { effectiveFrom: string; source: string };
    },
  };
}

/** Picks, for each parameter, the value in force on `asOf` ('YYYY-MM-DD'). Throws if one has none yet. */
export function selectParameters(history: ParameterHistory, asOf: string): ScreeningParameters {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date like 2025-01-31, got "${asOf}"`);
  const values: Record<string, unknown> = {};
  const sources: Record<string, ParameterSource> = {};
  let latest = '';
  for (const name of PARAMETER_NAMES) {
    const entry = inForce<unknown>(history[name], asOf);
    if (!entry) throw new RangeError(`${history.region.code}: no value of ${name} is in force on ${asOf}`);
    values[name] = entry.value;
    sources[name] = { effectiveFrom: entry.effectiveFrom, source: entry.source };
    if (entry.effectiveFrom > latest) latest = entry.effectiveFrom;
  }
  return {
    region: history.region,
    asOf,
    values: values as unknown as ParameterValues,
    sources: sources as ScreeningParameters['sources'],
    version: `${history.region.code}@${latest}`,
  };
}
