import { describe, expect, it } from 'vitest';
import { addWorkingDays, firstContactDue, OVERDUE_COUNT_CAP, overdueCountText } from './due';

describe('overdueCountText', () => {
  it('says the number below the cap and "or more" at it', () => {
    expect(overdueCountText(0)).toBe('0 件');
    expect(overdueCountText(OVERDUE_COUNT_CAP - 1)).toBe('999 件');
    expect(overdueCountText(OVERDUE_COUNT_CAP)).toBe('1000 件以上');
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    // Friday 2026-11-20 10:00 in China → Monday 23rd, same time.
    expect(addWorkingDays('2026-11-20T02:00:00.000Z', 1)).toBe('2026-11-23T02:00:00.000Z');
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    // Tuesday 2026-09-29 → Wed 30th (1), then 1–7 Oct are off, Thu 8th (2), Fri 9th (3), Sat 10th is worked (4).
    expect(addWorkingDays('2026-09-29T02:00:00.000Z', 4)).toBe('2026-10-10T02:00:00.000Z');
  });

  it('counts by the China date, not the UTC date', () => {
    // 2026-02-13T17:00Z is already Saturday the 14th (a make-up working day) at 01:00 in China;
    // the next working day after it is Tuesday the 24th, after the Spring Festival.
    expect(addWorkingDays('2026-02-13T17:00:00.000Z', 1)).toBe('2026-02-23T17:00:00.000Z');
  });

  it('gives red cases one working day over a long holiday, as staff would count it', () => {
    expect(firstContactDue('2026-04-30T08:00:00.000Z', 'red')).toBe('2026-05-06T08:00:00.000Z');
    expect(firstContactDue('2026-04-30T08:00:00.000Z', 'yellow')).toBe('2026-05-08T08:00:00.000Z');
  });
});
