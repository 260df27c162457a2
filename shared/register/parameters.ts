/**
 * The register's dated parameters (after the screening parameters): how often each level is visited,
 * when each category is re-checked, and how long an exited household stays followed. The county can
 * add a new dated value; `selectRegisterParameters(asOf)` picks the one in force.
 */
import { allInForce, type Dated } from '../screening/parameters';
import type { RegisterCategory, RegisterLevel } from './categories';

/** A span on the calendar: whole months (clamped to the month's end) or days. */
export type Span = { readonly months: number } | { readonly days: number };

export interface RegisterParameterValues {
  /** 定期探访: time between home visits by level. */
  readonly visitCadence: Readonly<Record<RegisterLevel, Span>>;
  /** 复核: months from the last decision or re-check to the next; null: no scheduled re-check. */
  readonly reviewMonths: Readonly<Record<Exclude<RegisterCategory, 'exited'>, number | null>>;
  /** 低保 households with unstable income or able-bodied members are re-checked sooner. */
  readonly unstableDibaoReviewMonths: number;
  /** Households that left 低保/特困 stay followed this long (the 已退出 category's end date). */
  readonly exitedMonitoringMonths: number;
}

export type RegisterParameterHistory = { readonly [Name in keyof RegisterParameterValues]: readonly Dated<RegisterParameterValues[Name]>[] };

export interface RegisterParameters {
  readonly asOf: string;
  readonly values: RegisterParameterValues;
  readonly sources: { readonly [Name in keyof RegisterParameterValues]: { effectiveFrom: string; source: string } };
}

const SOURCE_VISITS =
  '温州市《困难群众定期探访入户调查表》（资料 003：按风险隐患定期探访、跟踪回访至清零）；铁力市红黄蓝分级（资料 002）；' +
  '苍南县按困难和风险程度设置不同探访周期（资料 000）。红每周、黄每月、蓝每季度为本县的建模取值，可由县里调整';
const SOURCE_DIBAO =
  '《最低生活保障审核确认办法》（民发〔2021〕57号）：收入变化不大的家庭每年核查一次，收入来源不固定或有劳动能力成员的家庭每半年核查一次';
const SOURCE_EXPENSE =
  '刚性支出困难认定有效期 12 个月（议题 #17 所引国家规则；请以本省文件为准）；低边、特困、监测对象每年复核一次为建模取值；临时救助为一次性救助，不定期复核';
const SOURCE_EXITED =
  '退出低保、特困的家庭继续监测 2 年（议题 #17 所引国家规则）；长宁区对刚退出政策保障的家庭定期排查（资料 004）';

export const REGISTER_PARAMETER_HISTORY: RegisterParameterHistory = {
  visitCadence: [{ value: { red: { days: 7 }, yellow: { months: 1 }, blue: { months: 3 } }, effectiveFrom: '2021-07-01', source: SOURCE_VISITS }],
  reviewMonths: [
    {
      value: { dibao: 12, dibao_edge: 12, tekun: 12, expense: 12, temporary: null, monitor: 12 },
      effectiveFrom: '2021-07-01',
      source: `${SOURCE_DIBAO}；${SOURCE_EXPENSE}`,
    },
  ],
  unstableDibaoReviewMonths: [{ value: 6, effectiveFrom: '2021-07-01', source: SOURCE_DIBAO }],
  exitedMonitoringMonths: [{ value: 24, effectiveFrom: '2021-07-01', source: SOURCE_EXITED }],
};

/** The register parameters in force on `asOf` (YYYY-MM-DD), each with its source. */
export function selectRegisterParameters(asOf: string, history: RegisterParameterHistory = REGISTER_PARAMETER_HISTORY): RegisterParameters {
  return { asOf, ...allInForce(history, asOf) };
}
