import { describe, expect, it } from 'vitest';
import { timeTakenText } from './branches';

describe('timeTakenText', () => {
  it.each([
    [0, '0 小时'],
    [23, '23 小时'],
    [24, '1 天'],
    [50, '2 天 2 小时'],
  ])('%i hours → %s', (hours, text) => {
    expect(timeTakenText(hours)).toBe(text);
  });
});
