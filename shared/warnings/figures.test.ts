import { describe, expect, it } from 'vitest';
import { countWarnings, ruleFiguresOf } from './figures';
import { selectWarningParameters, warningHistoryWith, warningRuleErrors } from './parameters';
import type { SignalRow } from './rows';
import { warningFor } from './rules';

const row = (detail: SignalRow['detail']): SignalRow => ({ row: 2, idNumber: 'x', name: '张一', region: '330327100000', township: '330327100000', detail });
const rules = selectWarningParameters('2026-11-29').values;

describe('rule figures', () => {
  it('keep only the figure a rule reads, and count as warningFor decides', () => {
    const amounts = [19_999.99, 20_000, 47_000, 5];
    const signals = amounts.map((amount) => row({ source: 'medical', amount, from: '2026-01-01', to: '2026-06-30' }));
    const figures = ruleFiguresOf('medical', signals);
    expect(figures).toEqual({ source: 'medical', amounts });
    expect(JSON.stringify(figures)).not.toContain('张一');
    const byRules = signals.filter((s) => warningFor(s.detail, rules, true)).length;
    expect(countWarnings(figures, rules)).toEqual({ rows: 4, warn: byRules });
    expect(countWarnings(figures, { ...rules, medicalSelfPaidYuan: 47_000 })).toEqual({ rows: 4, warn: 1 });
  });

  it('death ages and disability grades follow the band and the grades chosen', () => {
    const deaths = ruleFiguresOf('death', [24, 25, 50, 51].map((age) => row({ source: 'death', died: '2026-10-01', age })));
    expect(countWarnings(deaths, rules).warn).toBe(2);
    expect(countWarnings(deaths, { ...rules, deathAgeBand: { min: 18, max: 60 } }).warn).toBe(4);
    const grades = ruleFiguresOf('disability', (['一级', '三级'] as const).map((grade) => row({ source: 'disability', kind: '肢体', grade, issued: '2026-01-01' })));
    expect(countWarnings(grades, { ...rules, disabilityGrades: ['一级', '二级', '三级'] }).warn).toBe(2);
    expect(countWarnings(ruleFiguresOf('unemployment', [row({ source: 'unemployment', registered: '2026-01-01' })]), rules)).toEqual({ rows: 1, warn: 1 });
  });
});

describe('saved rule versions', () => {
  it('date every rule from their day', () => {
    const history = warningHistoryWith([{ effectiveFrom: '2027-01-01', source: '县民政局 2026 年 12 月会议', values: { medicalSelfPaidYuan: 47_000, disabilityGrades: ['一级'], deathAgeBand: { min: 18, max: 60 } } }]);
    expect(selectWarningParameters('2026-12-31', history).values.medicalSelfPaidYuan).toBe(20_000);
    expect(selectWarningParameters('2027-01-01', history).values).toEqual({ medicalSelfPaidYuan: 47_000, disabilityGrades: ['一级'], deathAgeBand: { min: 18, max: 60 } });
  });

  it('name the field at fault in plain words', () => {
    expect(warningRuleErrors({ medicalSelfPaidYuan: 20_000, disabilityGrades: ['一级'], deathAgeBand: { min: 25, max: 50 } })).toEqual({});
    expect(warningRuleErrors({ medicalSelfPaidYuan: -1, disabilityGrades: ['五级'], deathAgeBand: { min: 60, max: 25 } })).toEqual({
      'values.medicalSelfPaidYuan': '请填写大于 0 的金额（元），例如 20000',
      'values.disabilityGrades': '请从一级、二级、三级、四级中选择',
      'values.deathAgeBand': '起始年龄不能大于结束年龄',
    });
  });
});
