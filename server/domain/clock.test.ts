import { describe, expect, it } from 'vitest';
import { chinaDate, chinaToday } from './clock';

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
