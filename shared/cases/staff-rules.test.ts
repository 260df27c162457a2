import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '../audit/actions';
import { canWithdrawVersion, effectiveFromError } from '../screening/version-dates';
import { dueLabel } from './due';
import { TRACK_STAGES, trackStage } from './status';
import { earliestVisitDate, visitDateError } from './visit-date';
import { EVENT_TYPES } from './workflow';

describe('visit date', () => {
  it('today and up to 90 days back are fine; the future, older days and non-dates are not', () => {
    expect(visitDateError('2026-03-10', '2026-03-10')).toBeNull();
    expect(visitDateError('2025-12-10', '2026-03-10')).toBeNull(); // 90 days
    expect(visitDateError('2026-03-11', '2026-03-10')).toBe('入户日期不能晚于今天');
    expect(visitDateError('2025-12-09', '2026-03-10')).toMatch(/90 天前/);
    expect(visitDateError('2026-02-30', '2026-03-10')).toBe('入户日期不对，请重新选择');
    expect(visitDateError('昨天', '2026-03-10')).toBe('入户日期不对，请重新选择');
    expect(earliestVisitDate('2026-03-10')).toBe('2025-12-10');
  });
});

describe('parameter version dates', () => {
  it('start today or later; withdraw only before the first day', () => {
    expect(effectiveFromError('2026-03-09', '2026-03-10')).toContain('不能早于今天（2026-03-10）');
    expect(effectiveFromError('2026-03-10', '2026-03-10')).toBeNull();
    expect(canWithdrawVersion('2026-03-10', '2026-03-10')).toBe(false);
    expect(canWithdrawVersion('2026-03-11', '2026-03-10')).toBe(true);
  });
});

describe('due label', () => {
  it('names what the deadline is for', () => {
    expect(dueLabel('new')).toBe('联系期限');
    expect(dueLabel('contacting', false)).toBe('联系期限');
    expect(dueLabel('contacting', true)).toBe('认定期限');
    expect(dueLabel('visiting', true)).toBe('认定期限');
    expect(dueLabel('decided', true)).toBe('反馈办结期限');
  });
});

describe('audit action labels', () => {
  it('case.reveal and every workflow step read in Chinese', () => {
    expect(auditActionLabel('case.reveal')).toBe('查看完整信息');
    for (const type of EVENT_TYPES) expect(auditActionLabel(`case.${type}`)).toMatch(/^案件：\p{Script=Han}/u);
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

});

describe('tracking page steps', () => {
  it('a closed case shows every step done, none still in progress', () => {
    expect(trackStage('new')).toBe(0);
    expect(trackStage('decided')).toBe(TRACK_STAGES.length - 1);
    expect(trackStage('closed')).toBe(TRACK_STAGES.length);
  });
});
