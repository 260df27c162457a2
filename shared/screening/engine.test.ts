import { describe, expect, it } from 'vitest';
import table from '../../tests/fixtures/screening-cases.json';
import type { Answers } from '../questionnaire/answers';
import { validateAnswers } from '../questionnaire/validate';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { compileScreening, screen } from './engine';
import { OUTCOME_IDS } from './outcomes';
import { selectParameters, type ParameterHistory, type ParameterName } from './parameters';
import { DISCLAIMER, FALLBACK_TEXT } from './result';
import { RULES, type Rule } from './rules';

interface FixtureCase {
  name: string;
  answers: Partial<Answers>;
  asOf?: string;
  paramOverrides?: Partial<Record<ParameterName, number>>;
  expect: {
    outcomes: Record<string, 'likely' | 'check'>;
    level: string;
    verdict: string;
    targetClass: string | null;
    reasonIds: string[];
    policies?: string[];
    alreadyReceiving?: string[];
  };
}

const CASES = table.cases as unknown as FixtureCase[];
const AS_OF = table.asOf;

function householdOf(overrides: Partial<Answers>): Answers {
  const result = validateAnswers({ ...table.base, ...overrides });
  if (!result.ok) throw new Error(`fixture answers are invalid: ${JSON.stringify(result.fields)}`);
  return result.answers;
}

/** The demo county's history with some figures replaced by one value in force since 2000. */
function withOverrides(overrides: Partial<Record<ParameterName, number>>): ParameterHistory {
  const history: Record<string, unknown> = { ...DEMO_COUNTY_PARAMETERS };
  for (const [name, value] of Object.entries(overrides)) history[name] = [{ value, effectiveFrom: '2000-01-01', source: 'test' }];
  return history as unknown as ParameterHistory;
}

describe('screening table (tests/fixtures/screening-cases.json)', () => {
  it('has at least 40 cases and covers every outcome', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const seen = new Set(CASES.flatMap((c) => Object.keys(c.expect.outcomes)));
    expect([...seen].sort()).toEqual([...OUTCOME_IDS].sort());
  });

  it.each(CASES)('$name', (fixture) => {
    const history = fixture.paramOverrides ? withOverrides(fixture.paramOverrides) : DEMO_COUNTY_PARAMETERS;
    const result = screen(householdOf(fixture.answers), history, fixture.asOf ?? AS_OF);
    const { expect: expected } = fixture;

    expect(Object.fromEntries(result.outcomes.map((o) => [o.id, o.status]))).toEqual(expected.outcomes);
    expect(result.level).toBe(expected.level);
    expect(result.verdict).toBe(expected.verdict);
    expect(result.targetClass).toBe(expected.targetClass);
    expect(result.outcomes.flatMap((o) => o.reasonIds).sort()).toEqual([...expected.reasonIds].sort());
    if (expected.policies) expect(result.policies.map((p) => p.id)).toEqual(expected.policies);
    expect(result.alreadyReceiving.map((r) => r.id)).toEqual(expected.alreadyReceiving ?? []);

    expect(result.suspected).toBe(expected.verdict !== 'unlikely');
    expect(result.fallback).toBe(expected.verdict === 'unlikely' ? FALLBACK_TEXT : null);
    expect(result.disclaimer).toBe('最终以民政部门核查为准');
  });
});

const ALONE_ON_850: Partial<Answers> = { household_size: 1, income: 850, financial_assets: 'under_10k', medical_expense: 0 };

describe('what a result says', () => {
  it('fills reasons with the resident’s own numbers and the local figures', () => {
    const [dibao] = screen(householdOf(ALONE_ON_850), DEMO_COUNTY_PARAMETERS, AS_OF).outcomes;
    expect(dibao!.id).toBe('dibao');
    expect(dibao!.reasons[0]).toBe('您家每人每月收入约 850 元，不超过本地低保标准 1,130 元');
    expect(dibao!.reasons[1]).toBe('您家存款、理财等不到 1 万元，按 1 口人算，每人在 27,120 元的限额以内');
  });

  it('says how many criteria hold and which need staff to check', () => {
    const result = screen(householdOf({ ...ALONE_ON_850, income: 1150 }), DEMO_COUNTY_PARAMETERS, AS_OF);
    const dibao = result.outcomes.find((o) => o.id === 'dibao')!;
    expect(dibao.status).toBe('check');
    expect(dibao.statusText).toBe('需要进一步了解');
    expect(dibao.summary).toBe('满足 5 项中的 4 项，还有 1 项需要工作人员核实');
    expect(dibao.criteria[0]).toEqual({ text: '家里每人每月收入不超过本地低保标准 1,130 元', state: 'check' });
    expect(dibao.criteria.slice(1).every((c) => c.state === 'met')).toBe(true);
    expect(dibao.reasons[0]).toContain('只比本地低保标准 1,130 元高一点');
    expect(result.cannotJudge).toContainEqual({ text: '家里收入的准确数目，以及哪些收入可以扣除', askWhom: '乡镇（街道）民政办' });
    expect(result.verdictText).toBe('您可能符合');
    expect(result.targetClassLabel).toBe('救助缺失');
  });

  it('lists each thing staff must find out once, with whom to ask', () => {
    const result = screen(
      householdOf({ ...ALONE_ON_850, residence: 'resident', financial_assets: 'unsure' }),
      DEMO_COUNTY_PARAMETERS,
      AS_OF,
    );
    const texts = result.cannotJudge.map((c) => c.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('户口不在本县时，能不能在本县申请（要看居住证等情况）');
    expect(texts).toContain('家里存款、理财等的具体数目（申请后会统一核对）');
    expect(result.cannotJudge.every((c) => c.askWhom.length > 0)).toBe(true);
  });

  it('names help already received and calls the rest 救助不充分', () => {
    const result = screen(
      householdOf({ household_size: 2, income: 1600, medical_expense: 3000, support: ['family_able', 'received_dibao'] }),
      DEMO_COUNTY_PARAMETERS,
      AS_OF,
    );
    expect(result.alreadyReceiving).toEqual([{ id: 'received_dibao', label: '低保' }]);
    expect(result.outcomes.map((o) => o.id)).toEqual(['medical']);
    expect(result.targetClassLabel).toBe('救助不充分');
    expect(result.policies.map((p) => p.id)).not.toContain('dibao_support');
  });

  it('is never a dead end: no match still points to 临时救助 and the township', () => {
    const result = screen(householdOf({}), DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(result.verdictText).toBe('暂不符合');
    expect(result.fallback).toContain('临时救助');
    expect(result.fallback).toContain('乡镇（街道）');
    expect(result.disclaimer).toBe(DISCLAIMER);
  });

  it('records which rules and figures it used', () => {
    expect(screen(householdOf({}), DEMO_COUNTY_PARAMETERS, '2024-03-01').rulesVersion).toBe('1.0/330327@2023-07-01');
    expect(screen(householdOf({}), DEMO_COUNTY_PARAMETERS, '2025-03-01').rulesVersion).toBe('1.0/330327@2024-07-01');
  });

  it('never shames: no 你 or 贫困户 in anything a resident reads', () => {
    const result = screen(
      householdOf({ household_size: 4, income: 0, special_members: ['elderly', 'student'], income_change: ['death'], housing: 'own_unsafe' }),
      DEMO_COUNTY_PARAMETERS,
      AS_OF,
    );
    const text = JSON.stringify(result) + JSON.stringify(RULES);
    expect(text).not.toMatch(/你|贫困户/);
  });

  it('leaves the answers untouched', () => {
    const answers = householdOf({ income: { amount: 20_000, period: 'year' }, special_members: ['student'] });
    const before = JSON.stringify(answers);
    screen(Object.freeze(answers), DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(JSON.stringify(answers)).toBe(before);
  });
});

describe('compiling the rules', () => {
  const parameters = selectParameters(DEMO_COUNTY_PARAMETERS, AS_OF);

  it('refuses a rule that looks at an outcome decided after it', () => {
    const early: Rule = {
      id: 'tekun.peek',
      outcome: 'tekun',
      criterion: 'x',
      when: { kind: 'outcome', outcomes: ['medical'], orReceived: [] },
      reason: 'x',
    };
    expect(() => compileScreening(parameters, undefined, [...RULES, early])).toThrow(/not decided before it/);
  });

  it('refuses a reason with an unknown slot', () => {
    const typo: Rule = { ...RULES[0]!, id: 'tekun.typo', reason: '收入 {incmoe} 元' };
    expect(() => compileScreening(parameters, undefined, [...RULES, typo])).toThrow(/unknown slot \{incmoe\}/);
  });

  it('gives every rule a unique id named after its outcome', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) expect(rule.id.startsWith(`${rule.outcome}.`)).toBe(true);
  });
});
