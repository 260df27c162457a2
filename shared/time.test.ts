import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, chinaDayStart, chinaToday, formatChinaDate, formatChinaDateTime } from './time';

describe('chinaDate', () => {
  it.each([
    ['2026-11-22T15:59:59.999Z', '2026-11-22'],
    ['2026-11-22T16:00:00.000Z', '2026-11-23'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('%s is %s in China', (iso, day) => {
    expect(chinaDate(iso)).toBe(day);
    expect(chinaDate(Date.parse(iso))).toBe(day);
    expect(chinaDate(new Date(iso))).toBe(day);
  });
});

describe('chinaDayStart', () => {
  it.each([
    ['2026-11-23', '2026-11-22T16:00:00.000Z'],
    ['2027-01-01', '2026-12-31T16:00:00.000Z'],
  ])('%s begins at %s', (day, iso) => {
    expect(chinaDayStart(day)).toBe(iso);
    expect(chinaDate(iso)).toBe(day);
  });
});

describe('addDays', () => {
  it('crosses month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('chinaToday', () => {
  it('turns over at midnight in China (16:00 UTC), not at midnight UTC', () => {
    expect(chinaToday(Date.parse('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(chinaToday(Date.parse('2026-11-22T16:00:00.000Z'))).toBe('2026-11-23');
    expect(chinaToday(Date.parse('2026-11-23T00:30:00.000Z'))).toBe('2026-11-23');
  });

  it('agrees with chinaDate for any instant, including going back in time', () => {
    for (const iso of ['2024-02-29T16:00:00.000Z', '2026-12-31T23:59:59.000Z', '2000-01-01T00:00:00.000Z', '2026-11-22T08:00:00.000Z']) {
      expect(chinaToday(Date.parse(iso))).toBe(chinaDate(iso));
    }
  });
});

describe('formatting for people', () => {
  it('shows date and time in China, whatever the zone of the device', () => {
    expect(formatChinaDateTime('2025-03-02T06:05:00.000Z')).toBe('2025年3月2日 14:05');
    expect(formatChinaDateTime('2025-03-01T16:00:00.000Z')).toBe('2025年3月2日 00:00');
  });

  it('leaves out the year when it is this year in China', () => {
    const now = Date.parse('2026-06-01T00:00:00.000Z');
    expect(formatChinaDate('2026-03-02T06:05:00.000Z', now)).toBe('3月2日');
    expect(formatChinaDate('2025-12-31T16:30:00.000Z', now)).toBe('1月1日');
    expect(formatChinaDate('2025-12-31T15:30:00.000Z', now)).toBe('2025年12月31日');
  });

  it('gives nothing for no date and the text back for something that is not a date', () => {
    expect(formatChinaDateTime(null)).toBe('');
    expect(formatChinaDateTime('不是日期')).toBe('不是日期');
    expect(formatChinaDate(null, 0)).toBe('');
  });
});
