import { describe, expect, it } from 'vitest';
import { HOLIDAYS, isWorkingDay, MAKEUP_WORKDAYS } from './china-holidays';

describe('China working-day calendar', () => {
  it('knows the 2026 Spring Festival: nine days off, with both make-up Saturdays worked', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true); // Friday before
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    for (const day of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) expect(isWorkingDay(day)).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休上班
  });

  it('treats ordinary weekends as days off and weekdays as working days, also in years not listed', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2027-03-06')).toBe(false); // Saturday
    expect(isWorkingDay('2027-03-08')).toBe(true); // Monday
  });

  it('lists 13 public holiday days each year (the 2024 revision) and no make-up day that is also a holiday', () => {
    // 元旦 1, 春节 4 (with 除夕), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 = 13 statutory days; the rest are weekends moved.
    for (const year of ['2025', '2026']) {
      const off = [...HOLIDAYS].filter((d) => d.startsWith(year));
      const weekdaysOff = off.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
      const makeUp = [...MAKEUP_WORKDAYS].filter((d) => d.startsWith(year));
      expect(weekdaysOff.length - makeUp.length).toBe(13);
    }
    for (const day of MAKEUP_WORKDAYS) expect(HOLIDAYS.has(day)).toBe(false);
  });
});
