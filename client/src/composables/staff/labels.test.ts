import { describe, expect, it } from 'vitest';
import { eventDetails, eventLabel, sourceLabel } from './labels';

describe('warning words on the case page', () => {
  it('names the warning source and the handling step', () => {
    expect(sourceLabel('warning')).toBe('数据预警');
    expect(eventLabel('warning')).toBe('数据预警');
    expect(eventLabel('handle')).toBe('分类处置');
  });

  it('shows which signal fired, a name to check, and the branch with its finding and time taken', () => {
    expect(eventDetails('warning', { sourceLabel: '死亡人员', signal: '死亡数据：2026-10-01 去世，终年 40 岁', nameMismatch: '请核对' })).toEqual([
      { label: '数据来源', text: '死亡人员' },
      { label: '预警信号', text: '死亡数据：2026-10-01 去世，终年 40 岁' },
      { label: '请核对', text: '请核对' },
    ]);
    expect(eventDetails('handle', { branch: 'county', branchLabel: '县级统筹（一事一议）', finding: '需县里统筹', timeTaken: '2 天 2 小时' })).toEqual([
      { label: '处置方式', text: '县级统筹（一事一议）' },
      { label: '核查发现', text: '需县里统筹' },
      { label: '用时', text: '2 天 2 小时' },
    ]);
  });
});
