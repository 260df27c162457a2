import { describe, expect, it } from 'vitest';
import { measureTransition, PLAN_MESSAGES } from './measures';
import { suggestMeasures, type SuggestionInputs } from './suggestions';

const base: SuggestionInputs = {
  cases: [
    { id: 12, policies: [{ id: 'dibao', name: '最低生活保障' }, { id: 'medical', name: '医疗救助' }] },
    { id: 7, policies: [{ id: 'medical', name: '医疗救助' }, { id: 'education', name: '教育救助' }] },
  ],
  openRisks: ['health'],
  resources: [
    { id: 1, name: '社工站', kind: 'station', serviceTypes: ['心理疏导'] },
    { id: 2, name: '助学基金', kind: 'organisation', serviceTypes: ['助学'] },
    { id: 3, name: '轮椅心愿', kind: 'wish', serviceTypes: ['残疾康复'] },
  ],
  measures: [],
  dropped: [],
};

describe('plan suggestions', () => {
  it('offers each matched policy once across two cases, naming both, then resources fitting the open risks', () => {
    const s = suggestMeasures(base);
    expect(s.map((x) => x.key)).toEqual(['policy:dibao', 'policy:medical', 'policy:education', 'resource:1', 'resource:3']);
    expect(s.find((x) => x.key === 'policy:medical')).toMatchObject({ kind: 'policy', caseId: 12, reason: '预判结果匹配（案件 #12、#7）' });
    expect(s.find((x) => x.key === 'resource:1')).toMatchObject({ kind: 'referral', resourceId: 1, reason: '探访发现健康方面有困难' });
    expect(s.find((x) => x.key === 'resource:3')!.kind).toBe('wish');
  });

  it('offers no resource when no risk is open, and names every dimension a resource answers', () => {
    expect(suggestMeasures({ ...base, openRisks: [] }).filter((x) => x.resourceId !== null)).toEqual([]);
    const both = suggestMeasures({ ...base, openRisks: ['education', 'needs'], resources: [{ id: 9, name: '关爱站', kind: 'station', serviceTypes: ['儿童关爱', '生活照料'] }] });
    expect(both.at(-1)!.reason).toBe('探访发现教育、主要需求方面有困难');
  });

  it('leaves out what the plan already holds and what staff dropped', () => {
    const s = suggestMeasures({ ...base, measures: [{ policyId: 'dibao', resourceId: null }, { policyId: null, resourceId: 3 }], dropped: ['policy:education', 'resource:1'] });
    expect(s.map((x) => x.key)).toEqual(['policy:medical']);
  });
});

describe('measure status', () => {
  it('moves forward, asks a reason for 办不成, and keeps finished measures as they are', () => {
    expect(measureTransition('planned', 'under_way', undefined)).toEqual({ ok: true });
    expect(measureTransition('under_way', 'done', undefined)).toEqual({ ok: true });
    expect(measureTransition('planned', 'not_possible', ' ')).toEqual({ ok: false, message: PLAN_MESSAGES.reasonRequired });
    expect(measureTransition('planned', 'not_possible', '户籍不在本县')).toEqual({ ok: true });
    expect(measureTransition('under_way', 'planned', undefined)).toEqual({ ok: false, message: PLAN_MESSAGES.backwards });
    expect(measureTransition('done', 'not_possible', '没办成')).toEqual({ ok: false, message: PLAN_MESSAGES.finished });
    expect(measureTransition('planned', 'planned', undefined)).toEqual({ ok: false, message: PLAN_MESSAGES.same });
  });
});
