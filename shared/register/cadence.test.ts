import { describe, expect, it } from 'vitest';
import { addMonths, chinaDate, endOfWeek, nextVisitDate, reviewDueDate, visitDue } from './cadence';
import { selectRegisterParameters } from './parameters';
import { carryRisks, type Findings } from './risks';

const { values } = selectRegisterParameters('2026-11-29');

describe('next visit on the working calendar', () => {
  it.each([
    // A plain week: Monday → next Monday.
    ['2026-11-23', 'red', '2026-11-30'],
    // Friday before 中秋 (09-25…27 off): a week later is a holiday, so the Thursday before it.
    ['2026-09-18', 'red', '2026-09-24'],
    // Friday before 春节 (02-15…23 off): the Saturday make-up working day 02-14 is the last working day.
    ['2026-02-13', 'red', '2026-02-14'],
    // Wednesday before 国庆 (10-01…07 off): no working day in the week after, so the first one after it.
    ['2026-09-30', 'red', '2026-10-08'],
    // Yellow: a calendar month; 2026-12-31 + 1 month = 2027-01-31, a Sunday → Friday 01-29.
    ['2026-12-31', 'yellow', '2027-01-29'],
    // Yellow on the 31st into a short month: clamped to 02-28 (a make-up working Saturday in 2026).
    ['2026-01-31', 'yellow', '2026-02-28'],
    // Blue: a quarter; 2026-07-01 + 3 months = 10-01, 国庆 → the last working day before, 09-30.
    ['2026-07-01', 'blue', '2026-09-30'],
  ] as const)('visited %s at %s → next visit %s', (visitedOn, level, expected) => {
    expect(nextVisitDate(visitedOn, level, values)).toBe(expected);
  });

  it('a red household visited on a Friday before a holiday is still seen within the week', () => {
    const next = nextVisitDate('2026-09-18', 'red', values);
    expect(next > '2026-09-18' && next <= '2026-09-25').toBe(true);
  });
});

describe('re-check dates', () => {
  it.each([
    ['dibao', false, '2027-03-15'],
    ['dibao', true, '2026-09-15'],
    ['expense', false, '2027-03-15'],
    ['exited', false, '2028-03-15'],
    ['temporary', false, null],
  ] as const)('%s (unstable %s) since 2026-03-15 → %s', (category, unstable, expected) => {
    expect(reviewDueDate('2026-03-15', category, unstable, values)).toBe(expected);
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
});

describe('worklist standing', () => {
  it('uses the China date of an instant', () => {
    expect(chinaDate('2026-11-29T17:00:00Z')).toBe('2026-11-30');
  });
  it.each([
    ['2026-11-25', 'overdue'],
    ['2026-11-26', 'this_week'],
    ['2026-11-29', 'this_week'],
    ['2026-11-30', 'later'],
  ] as const)('due %s seen on Thursday 2026-11-26 → %s', (due, expected) => {
    expect(endOfWeek('2026-11-26')).toBe('2026-11-29');
    expect(visitDue(due, '2026-11-26')).toBe(expected);
  });
});

describe('open risks', () => {
  const none = { text: '正常', risk: false };
  const base: Findings = { economy: none, health: none, education: none, housing: none, employment: none, needs: none };

  it('stay open with their first date until a later visit clears them', () => {
    const first = carryRisks({}, { ...base, health: { text: '慢性病无人照护', risk: true } }, '2026-11-02');
    expect(first).toEqual({ open: { health: '2026-11-02' }, raised: ['health'], cleared: [] });
    const second = carryRisks(first.open, { ...base, health: { text: '仍无人照护', risk: true }, housing: { text: '漏雨', risk: true } }, '2026-11-09');
    expect(second.open).toEqual({ health: '2026-11-02', housing: '2026-11-09' });
    const third = carryRisks(second.open, { ...base, housing: { text: '已修好', risk: false }, health: { text: '已请护工', risk: false } }, '2026-11-16');
    expect(third).toEqual({ open: {}, raised: [], cleared: ['health', 'housing'] });
  });
});
