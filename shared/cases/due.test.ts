import { describe, expect, it } from 'vitest';
import { OVERDUE_COUNT_CAP, overdueCountText } from './due';

describe('overdueCountText', () => {
  it('says the number below the cap and "or more" at it', () => {
    expect(overdueCountText(0)).toBe('0 件');
    expect(overdueCountText(OVERDUE_COUNT_CAP - 1)).toBe('999 件');
    expect(overdueCountText(OVERDUE_COUNT_CAP)).toBe('1000 件以上');
  });
});
