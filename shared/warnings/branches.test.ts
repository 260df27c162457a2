import { describe, expect, it } from 'vitest';
import { branchRefusal, timeTakenText } from './branches';

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

describe('branchRefusal', () => {
  it('不再符合 needs a home visit first; the other branches only a call', () => {
    expect(branchRefusal('exit', ['warning', 'contact'])).toBe('认定不再符合之前，请先入户核查');
    expect(branchRefusal('exit', ['warning', 'contact', 'visit'])).toBeNull();
    expect(branchRefusal('policy', ['warning', 'contact'])).toBeNull();
  });
});
