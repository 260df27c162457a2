import { describe, expect, it } from 'vitest';
import { selectWarningParameters, WARNING_PARAMETER_HISTORY } from './parameters';
import { warningFor } from './rules';
import { schoolYearOf } from './rows';

const rules = selectWarningParameters('2026-11-29').values;
const medical = (amount: number) => ({ source: 'medical' as const, amount, from: '2026-01-01', to: '2026-06-30' });
const death = (age: number) => ({ source: 'death' as const, died: '2026-10-01', age });
const disability = (grade: '一级' | '二级' | '三级' | '四级') => ({ source: 'disability' as const, kind: '肢体', grade, issued: '2026-09-01' });

describe('warning parameters', () => {
  it('default to 平阳\'s 20,000 元, grades 一级/二级 and ages 25–50, each with its source', () => {
    const p = selectWarningParameters('2026-11-29');
    expect(p.values).toEqual({ medicalSelfPaidYuan: 20_000, disabilityGrades: ['一级', '二级'], deathAgeBand: { min: 25, max: 50 } });
    expect(p.sources.medicalSelfPaidYuan.source).toContain('平阳县');
    expect(p.sources.medicalSelfPaidYuan.source).toContain('泰顺县');
  });

  it('a later dated value takes over from its day (泰顺\'s 47,000 元)', () => {
    const history = { ...WARNING_PARAMETER_HISTORY, medicalSelfPaidYuan: [...WARNING_PARAMETER_HISTORY.medicalSelfPaidYuan, { value: 47_000, effectiveFrom: '2027-01-01', source: '泰顺县' }] };
    expect(selectWarningParameters('2026-12-31', history).values.medicalSelfPaidYuan).toBe(20_000);
    expect(selectWarningParameters('2027-01-01', history).values.medicalSelfPaidYuan).toBe(47_000);
  });
});

describe('warningFor', () => {
  it('medical: just under the line is silent; at the line yellow; at twice the line red', () => {
    expect(warningFor(medical(19_999.99), rules, true)).toBeNull();
    expect(warningFor(medical(20_000), rules, true)).toEqual({
      targetClass: 'warning',
      level: 'yellow',
      signal: '医保数据：2026-01-01 至 2026-06-30 自付医疗费用 20,000 元，达到预警线 20,000 元',
      period: '2026',
    });
    expect(warningFor(medical(39_999.5), rules, false)?.level).toBe('yellow');
    expect(warningFor(medical(40_000), rules, false)).toMatchObject({ level: 'red', targetClass: 'missing' });
  });

  it('death: only a main labourer\'s age (25–50 inclusive) warns, always red', () => {
    expect(warningFor(death(24), rules, true)).toBeNull();
    expect(warningFor(death(25), rules, true)).toMatchObject({ level: 'red', signal: '死亡数据：2026-10-01 去世，终年 25 岁（25–50 岁，可能是家庭主要劳动力）' });
    expect(warningFor(death(50), rules, true)?.level).toBe('red');
    expect(warningFor(death(51), rules, true)).toBeNull();
  });

  it('disability: 一级 red, 二级 yellow, 三级 and 四级 silent by default', () => {
    expect(warningFor(disability('一级'), rules, true)?.level).toBe('red');
    expect(warningFor(disability('二级'), rules, true)).toMatchObject({ level: 'yellow', period: '二级', signal: '残联数据：2026-09-01 认定肢体残疾二级（预警等级：一级、二级）' });
    expect(warningFor(disability('三级'), rules, true)).toBeNull();
    expect(warningFor(disability('四级'), rules, true)).toBeNull();
  });

  it('unemployment, students and exits always warn, with their figures', () => {
    expect(warningFor({ source: 'unemployment', registered: '2026-08-01' }, rules, false)).toEqual({
      targetClass: 'missing',
      level: 'blue',
      signal: '人社数据：2026-08-01 登记失业',
      period: '2026-08-01',
    });
    expect(warningFor({ source: 'student', school: '灵溪一中', hardship: '特别困难', schoolYear: '2026' }, rules, true)).toMatchObject({
      signal: '教育数据：2026学年 灵溪一中 家庭经济困难学生（特别困难）',
      // The same student on next year's list, at the same level, is a new warning.
      period: '2026学年',
    });
    expect(warningFor({ source: 'exit', formerCategory: '低保', exited: '2026-05-01' }, rules, true)?.signal).toContain('2026-05-01 退出低保');
  });
});

describe('schoolYearOf', () => {
  it('starts the school year on 1 September', () => {
    expect(['2026-08-31', '2026-09-01', '2027-03-01'].map(schoolYearOf)).toEqual(['2025', '2026', '2026']);
  });
});
