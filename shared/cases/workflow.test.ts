import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from './status';
import { EVENT_TYPES, transition, type CaseEventType } from './workflow';

/**
 * Every step from every status, written out by hand (not read from WORKFLOW): '=' keeps the status,
 * '×' is refused, anything else is the status after the step.
 */
const EXPECTED: Record<CaseEventType, Record<CaseStatus, CaseStatus | '=' | '×'>> = {
  //         new           contacting    visiting      reviewing     decided    closed
  assign: { new: '=', contacting: '=', visiting: '=', reviewing: '=', decided: '=', closed: '×' },
  contact: { new: 'contacting', contacting: 'contacting', visiting: 'contacting', reviewing: '×', decided: '×', closed: '×' },
  visit: { new: 'visiting', contacting: 'visiting', visiting: 'visiting', reviewing: 'visiting', decided: '×', closed: '×' },
  decide: { new: '×', contacting: 'decided', visiting: 'decided', reviewing: 'decided', decided: '×', closed: '×' },
  refer: { new: '=', contacting: '=', visiting: '=', reviewing: '=', decided: '=', closed: '×' },
  feedback: { new: '=', contacting: '=', visiting: '=', reviewing: '=', decided: '=', closed: '=' },
  close: { new: '×', contacting: '×', visiting: '×', reviewing: '×', decided: 'closed', closed: '×' },
  reopen: { new: '×', contacting: '×', visiting: '×', reviewing: '×', decided: '×', closed: 'reviewing' },
  level: { new: '=', contacting: '=', visiting: '=', reviewing: '=', decided: '=', closed: '×' },
  village: { new: '=', contacting: '=', visiting: '=', reviewing: '=', decided: '=', closed: '×' },
  target_class: { new: '=', contacting: '=', visiting: '=', reviewing: '=', decided: '=', closed: '×' },
  handle: { new: '×', contacting: 'decided', visiting: 'decided', reviewing: 'decided', decided: '×', closed: '×' },
};

const cells = EVENT_TYPES.flatMap((step) => CASE_STATUSES.map((status) => [step, status, EXPECTED[step][status]] as const));

describe('transition', () => {
  it('has an expectation for every step and status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...EVENT_TYPES].sort());
    expect(cells).toHaveLength(EVENT_TYPES.length * CASE_STATUSES.length);
  });

  it.each(cells.filter(([, , expected]) => expected !== '×'))('%s from %s is allowed (→ %s)', (step, status, expected) => {
    expect(transition(status, step)).toEqual({ ok: true, to: expected === '=' ? status : expected });
  });

  it.each(cells.filter(([, , expected]) => expected === '×'))('%s from %s is refused with a reason', (step, status) => {
    const result = transition(status, step);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('why a step is refused', () => {
  it.each([
    ['contact', 'closed', '案件已办结，不能再电话了解；如需继续，请先「重新办理」'],
    ['assign', 'closed', '案件已办结，不能再派单；如需继续，请先「重新办理」'],
    ['close', 'visiting', '请先作出认定，再办结'],
    ['reopen', 'decided', '案件还没有办结，不需要重新办理'],
    ['decide', 'new', '请先电话了解或入户核查，再作出认定'],
    ['contact', 'reviewing', '当前状态下不能电话了解'],
    ['visit', 'decided', '当前状态下不能入户核查'],
    ['handle', 'new', '请先电话了解或入户核查，再分类处置'],
    ['handle', 'decided', '当前状态下不能分类处置'],
  ] as const)('%s from %s: %s', (step, status, message) => {
    expect(transition(status, step)).toEqual({ ok: false, message });
  });
});
