/**
 * The county's warning rules (数据预警) as dated, sourced parameters, after the register's: which figures in a
 * department's list raise a warning. `selectWarningParameters(asOf)` picks the values in force.
 */
import { allInForce, type Dated } from '../screening/parameters';

export const DISABILITY_GRADES = ['一级', '二级', '三级', '四级'] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

export interface WarningParameterValues {
  /** 自付医疗: self-paid medical costs over the file's period at or above this many 元 warn. */
  readonly medicalSelfPaidYuan: number;
  /** 新认定/变更的残疾等级 that warn. */
  readonly disabilityGrades: readonly DisabilityGrade[];
  /** 家庭主要劳动力死亡: a death at an age in this band (inclusive) warns the household. */
  readonly deathAgeBand: { readonly min: number; readonly max: number };
}

export type WarningParameterHistory = { readonly [Name in keyof WarningParameterValues]: readonly Dated<WarningParameterValues[Name]>[] };

export interface WarningParameters {
  readonly asOf: string;
  readonly values: WarningParameterValues;
  readonly sources: { readonly [Name in keyof WarningParameterValues]: { effectiveFrom: string; source: string } };
}

const SOURCE_MEDICAL =
  '温州市做法（资料 003）：平阳县对 2 万元以上大额医疗费用支出预警，泰顺县对 4.7 万元以上医疗费用大额预警。' +
  '本县默认取平阳县的 20,000 元（较低的线，少漏掉人）；县里可改为 47,000 元或其他金额';
const SOURCE_DISABILITY =
  '平阳县对新认定的残疾对象预警（资料 003）；2023 年国家意见点名重度残疾人。一级、二级（重度）为本县默认取值，可由县里调整';
const SOURCE_DEATH =
  '平阳县对家庭主要劳动力死亡预警（资料 003）。25–50 岁视为家庭主要劳动力为本县建模取值，可由县里调整';

export const WARNING_PARAMETER_HISTORY: WarningParameterHistory = {
  medicalSelfPaidYuan: [{ value: 20_000, effectiveFrom: '2021-07-01', source: SOURCE_MEDICAL }],
  disabilityGrades: [{ value: ['一级', '二级'], effectiveFrom: '2021-07-01', source: SOURCE_DISABILITY }],
  deathAgeBand: [{ value: { min: 25, max: 50 }, effectiveFrom: '2021-07-01', source: SOURCE_DEATH }],
};

/** The warning parameters in force on `asOf` (YYYY-MM-DD), each with its source. */
export function selectWarningParameters(asOf: string, history: WarningParameterHistory = WARNING_PARAMETER_HISTORY): WarningParameters {
  return { asOf, ...allInForce(history, asOf) };
}

/** A dated version of all three rules saved by the county (表 warning_rule_versions). */
export interface WarningRuleVersion {
  readonly effectiveFrom: string;
  readonly values: WarningParameterValues;
  readonly source: string;
}

/** The shipped history with the county's saved versions added: each version dates every rule at once. */
export function warningHistoryWith(versions: readonly WarningRuleVersion[], base: WarningParameterHistory = WARNING_PARAMETER_HISTORY): WarningParameterHistory {
  const add = <Name extends keyof WarningParameterValues>(name: Name): readonly Dated<WarningParameterValues[Name]>[] => [
    ...base[name],
    ...versions.map((v) => ({ value: v.values[name], effectiveFrom: v.effectiveFrom, source: v.source })),
  ];
  return { medicalSelfPaidYuan: add('medicalSelfPaidYuan'), disabilityGrades: add('disabilityGrades'), deathAgeBand: add('deathAgeBand') };
}

/** Problems with a proposed set of rules, by field (`values.<name>`), in Chinese; empty when it can be saved. */
export function warningRuleErrors(values: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const v = (values ?? {}) as Partial<Record<keyof WarningParameterValues, unknown>>;
  const amount = v.medicalSelfPaidYuan;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > 10_000_000) {
    fields['values.medicalSelfPaidYuan'] = '请填写大于 0 的金额（元），例如 20000';
  }
  const grades = v.disabilityGrades;
  if (!Array.isArray(grades) || grades.some((g) => !DISABILITY_GRADES.includes(g as DisabilityGrade))) {
    fields['values.disabilityGrades'] = '请从一级、二级、三级、四级中选择';
  }
  const band = v.deathAgeBand as { min?: unknown; max?: unknown } | undefined;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 130;
  if (!band || !whole(band.min) || !whole(band.max)) fields['values.deathAgeBand'] = '年龄请填写 0 到 130 之间的整数';
  else if (band.min > band.max) fields['values.deathAgeBand'] = '起始年龄不能大于结束年龄';
  return fields;
}
