/**
 * The thresholds rules compare against, worked out once from the parameters in force
 * (低保标准 × multiple, months × 低保标准 …), so evaluating a screening only compares numbers.
 */
import type { ParameterValues } from './parameters';

export interface Limits {
  /** 元/人·月 */
  readonly dibaoLine: number;
  /** 元/人·月 */
  readonly edgeLine: number;
  /** For wording only: 「低保标准的 1.5 倍」. */
  readonly edgeMultiple: number;
  /** 元/人·月 */
  readonly tekunIncomeLine: number;
  /** people */
  readonly tekunHouseholdSize: number;
  /** 元 per person */
  readonly dibaoAssetLimit: number;
  /** 元 per person */
  readonly edgeAssetLimit: number;
  readonly housesAllowed: number;
  /** 元 */
  readonly vehicleLimit: number;
  /** 元 in 12 months */
  readonly largeMedicalExpense: number;
  /** share of yearly income */
  readonly rigidExpenseShare: number;
  /** share of yearly income */
  readonly educationBurdenShare: number;
  /** 元/人·月 */
  readonly temporaryIncomeLine: number;
  /** Any amount at all (「有花费」). */
  readonly anyAmount: number;
}

export type LimitName = keyof Limits;

export type LimitFormat = 'money' | 'percent' | 'plain';

/** How each limit reads inside a sentence. */
export const LIMIT_FORMATS: { readonly [Name in LimitName]: LimitFormat } = {
  dibaoLine: 'money',
  edgeLine: 'money',
  edgeMultiple: 'plain',
  tekunIncomeLine: 'money',
  tekunHouseholdSize: 'plain',
  dibaoAssetLimit: 'money',
  edgeAssetLimit: 'money',
  housesAllowed: 'plain',
  vehicleLimit: 'money',
  largeMedicalExpense: 'money',
  rigidExpenseShare: 'percent',
  educationBurdenShare: 'percent',
  temporaryIncomeLine: 'money',
  anyAmount: 'money',
};

export function limitsFrom(values: ParameterValues): Limits {
  const standard = values.dibaoStandard;
  return {
    dibaoLine: standard,
    edgeLine: standard * values.dibaoEdgeMultiple,
    edgeMultiple: values.dibaoEdgeMultiple,
    tekunIncomeLine: standard * values.tekunIncomeMultiple,
    tekunHouseholdSize: values.tekunMaxHouseholdSize,
    dibaoAssetLimit: standard * values.financialAssetMonths,
    edgeAssetLimit: standard * values.dibaoEdgeFinancialAssetMonths,
    housesAllowed: values.housesAllowed,
    vehicleLimit: values.vehicleValueLimit,
    largeMedicalExpense: values.largeMedicalExpense,
    rigidExpenseShare: values.rigidExpenseShare,
    educationBurdenShare: values.educationBurdenShare,
    temporaryIncomeLine: standard * values.temporaryIncomeMultiple,
    anyAmount: 1,
  };
}
