/**
 * Whether one department row raises a warning (数据预警), under the county's dated rules: the signal text with the
 * figures, the risk level, the target class and the period that makes it "the same warning" on a later import.
 */
import type { RiskLevel } from '../cases/risk';
import type { WarningParameterValues } from './parameters';
import type { SignalDetail } from './rows';

export interface Warning {
  /** 救助预警 for someone in the register, 救助缺失 for someone unknown. */
  targetClass: 'warning' | 'missing';
  level: RiskLevel;
  /** Which signal fired, with its figures; the case shows this and nothing else of the department's list. */
  signal: string;
  /** With the person and source, what makes two rows the same warning (one per person, signal and period). */
  period: string;
}

/** Shown on the warning when the department's name for the person differs from the one on record. */
export const NAME_MISMATCH = '部门名单上的姓名和已有记录不一致，请核对是否同一人';

// One formatter for every row: toLocaleString builds a new one per call, a visible cost over 200,000 rows.
const YUAN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const yuan = (n: number): string => `${YUAN.format(n)} 元`;

type Fired = Omit<Warning, 'targetClass'>;

function fired(detail: SignalDetail, rules: WarningParameterValues): Fired | null {
  switch (detail.source) {
    case 'medical':
      if (detail.amount < rules.medicalSelfPaidYuan) return null;
      return {
        level: detail.amount >= 2 * rules.medicalSelfPaidYuan ? 'red' : 'yellow',
        signal: `医保数据：${detail.from} 至 ${detail.to} 自付医疗费用 ${yuan(detail.amount)}，达到预警线 ${yuan(rules.medicalSelfPaidYuan)}`,
        // One medical warning a year: a later list of an overlapping period does not warn again.
        period: detail.to.slice(0, 4),
      };
    case 'disability':
      if (!rules.disabilityGrades.includes(detail.grade)) return null;
      return {
        level: detail.grade === '一级' ? 'red' : 'yellow',
        signal: `残联数据：${detail.issued} 认定${detail.kind}残疾${detail.grade}（预警等级：${rules.disabilityGrades.join('、')}）`,
        period: `${detail.grade}`,
      };
    case 'death':
      if (detail.age < rules.deathAgeBand.min || detail.age > rules.deathAgeBand.max) return null;
      return {
        level: 'red',
        signal: `死亡数据：${detail.died} 去世，终年 ${detail.age} 岁（${rules.deathAgeBand.min}–${rules.deathAgeBand.max} 岁，可能是家庭主要劳动力）`,
        period: 'death',
      };
    case 'unemployment':
      return { level: 'blue', signal: `人社数据：${detail.registered} 登记失业`, period: detail.registered };
    case 'student':
      // One student warning per school year: next year's list warns again, whatever the hardship level.
      return { level: 'yellow', signal: `教育数据：${detail.schoolYear}学年 ${detail.school} 家庭经济困难学生（${detail.hardship}）`, period: `${detail.schoolYear}学年` };
    case 'exit':
      return { level: 'yellow', signal: `民政数据：${detail.exited} 退出${detail.formerCategory}，需跟踪是否再次陷入困难`, period: detail.exited };
  }
}

/** The warning a row raises, or null: rows that raise none are only counted, never kept. */
export function warningFor(detail: SignalDetail, rules: WarningParameterValues, inRegister: boolean): Warning | null {
  const hit = fired(detail, rules);
  return hit ? { ...hit, targetClass: inRegister ? 'warning' : 'missing' } : null;
}
