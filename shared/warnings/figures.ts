/**
 * What the rule preview keeps of a department's last list: for each good row only the figure a rule looks at
 * (the amount, the grade, the age), nothing that says whose it is. "按新规则，上次导入的 N 行中有 M 行会预警" is
 * counted from these; the next import of the same source replaces them.
 */
import type { DisabilityGrade, WarningParameterValues } from './parameters';
import type { SignalRow } from './rows';
import type { SignalSource } from './sources';

export type RuleFigures =
  | { source: 'medical'; amounts: number[] }
  | { source: 'disability'; grades: DisabilityGrade[] }
  | { source: 'death'; ages: number[] }
  /** Sources without an adjustable rule: every good row warns, only the count matters. */
  | { source: Exclude<SignalSource, 'medical' | 'disability' | 'death'>; rows: number };

export function ruleFiguresOf(source: SignalSource, signals: readonly SignalRow[]): RuleFigures {
  switch (source) {
    case 'medical':
      return { source, amounts: signals.flatMap((s) => (s.detail.source === 'medical' ? [s.detail.amount] : [])) };
    case 'disability':
      return { source, grades: signals.flatMap((s) => (s.detail.source === 'disability' ? [s.detail.grade] : [])) };
    case 'death':
      return { source, ages: signals.flatMap((s) => (s.detail.source === 'death' ? [s.detail.age] : [])) };
    default:
      return { source, rows: signals.length };
  }
}

/** How many of the kept rows, and how many of them a set of rules would warn on (the same tests as rules.ts). */
export function countWarnings(figures: RuleFigures, rules: WarningParameterValues): { rows: number; warn: number } {
  switch (figures.source) {
    case 'medical':
      return { rows: figures.amounts.length, warn: figures.amounts.filter((a) => a >= rules.medicalSelfPaidYuan).length };
    case 'disability':
      return { rows: figures.grades.length, warn: figures.grades.filter((g) => rules.disabilityGrades.includes(g)).length };
    case 'death':
      return { rows: figures.ages.length, warn: figures.ages.filter((a) => a >= rules.deathAgeBand.min && a <= rules.deathAgeBand.max).length };
    default:
      return { rows: figures.rows, warn: figures.rows };
  }
}

/** The sentence the county reads before saving new rules. */
export function previewSentence(rows: number, proposed: number, current: number): string {
  return `按新规则，上次导入的 ${rows} 行中有 ${proposed} 行会预警（现行规则：${current} 行）`;
}
