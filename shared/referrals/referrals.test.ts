import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../identity/id-number';
import { acceptWorkingDaysOn, isReferralOverdue, referralAcceptBy } from './deadline';
import { personalNumberIn } from './privacy';
import { referralPublicText, referralTransition, surnameOnly } from './status';

const ID = `33032719560307123${idNumberCheckChar('33032719560307123')}`;

describe('personal numbers in a text written for a partner', () => {
  it.each([
    [`身份证${ID}`, 'id'],
    [`身份证 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, 'id'],
    ['老身份证 330327560307123', 'id'],
    ['手机 139-5881-2345', 'phone'],
    ['电话 +86 139 5881 2345', 'phone'],
    ['座机 0577-64761234', 'phone'],
    ['编号13958812345678', 'phone'],
  ])('finds one in %s', (text, kind) => {
    expect(personalNumberIn(text, '2026-11-29')).toBe(kind);
  });

  it.each(['独居老人，需要每周上门两次', '2026-12-01 前送 2 袋米', '月收入 600 元，医疗费 30000 元', '3 号楼 402 室'])('lets %s through', (text) => {
    expect(personalNumberIn(text, '2026-11-29')).toBeNull();
  });
});

describe('the acceptance deadline', () => {
  it('counts working days on China’s calendar: a Friday referral is due the next Wednesday', () => {
    // 2026-11-27 is a Friday; 3 working days later is Wednesday 2026-12-02, same time of day.
    expect(referralAcceptBy('2026-11-27T02:00:00.000Z')).toBe('2026-12-02T02:00:00.000Z');
  });

  it('uses the number in force on the day, so a county can change it from a date', () => {
    const history = [
      { value: 3, effectiveFrom: '2025-01-01', source: 'a' },
      { value: 1, effectiveFrom: '2026-12-01', source: 'b' },
    ];
    expect(acceptWorkingDaysOn('2026-11-30', history)).toBe(3);
    expect(acceptWorkingDaysOn('2026-12-01', history)).toBe(1);
    expect(() => acceptWorkingDaysOn('2024-12-31', history)).toThrow(RangeError);
  });

  it('flags only referrals still waiting past the deadline', () => {
    expect(isReferralOverdue('planned', '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBe(true);
    expect(isReferralOverdue('accepted', '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBe(false);
    expect(isReferralOverdue('planned', '2026-11-03T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBe(false);
  });
});

describe('the referral steps', () => {
  it('accept or decline a planned one, complete only an accepted one, nothing after the end', () => {
    expect(referralTransition('planned', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(referralTransition('planned', 'complete').ok).toBe(false);
    expect(referralTransition('accepted', 'complete')).toEqual({ ok: true, to: 'completed' });
    expect(referralTransition('completed', 'decline').ok).toBe(false);
  });

  it('tell the resident in plain words, naming the resource and no person', () => {
    expect(referralPublicText('referred', '灵溪镇社工站')).toBe('已请灵溪镇社工站联系您');
    expect(referralPublicText('decline', '灵溪镇社工站')).toBeNull();
    expect(surnameOnly('张*明')).toBe('张*');
  });
});
