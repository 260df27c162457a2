import fs from 'node:fs';
import path from 'node:path';
import type { Policy } from '../../shared/policies/policy';
import type { Answers } from '../../shared/questionnaire/answers';
import { validateAnswers } from '../../shared/questionnaire/validate';
import { screen, selectParameters, type ParameterHistory } from '../../shared/screening';
import type { PreviewInfo } from '../../shared/schemas/admin-library';

interface AnswerSet {
  name: string;
  answers: Answers;
}

const FIXTURE = path.join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'screening-cases.json');

// Used when the fixtures file is not shipped: a few households around the usual thresholds.
const BUILT_IN_BASE = {
  residence: 'local',
  household_size: 3,
  special_members: ['none'],
  labour: 'working_stable',
  income: 9000,
  income_change: ['none'],
  financial_assets: '10k_30k',
  housing: 'own_one',
  vehicle: 'none',
  medical_expense: 2000,
  education_expense: 0,
  support: ['family_able', 'received_none'],
};
const BUILT_IN: Array<{ name: string; answers: Record<string, unknown> }> = [
  { name: '三口之家，月收入 9000 元', answers: {} },
  { name: '三口之家，月收入 3000 元', answers: { income: 3000 } },
  { name: '三口之家，月收入 3600 元', answers: { income: 3600 } },
  { name: '三口之家，月收入 4500 元', answers: { income: 4500 } },
  { name: '三口之家，月收入 5500 元', answers: { income: 5500 } },
  { name: '独居老人，无劳动能力，月收入 800 元', answers: { household_size: 1, special_members: ['elderly'], labour: 'none_able', income: 800, support: ['no_family', 'received_none'] } },
  { name: '重病，自付医疗费 3 万元，月收入 6000 元', answers: { special_members: ['serious_illness'], income: 6000, medical_expense: 30000, income_change: ['major_illness'] } },
  { name: '失业，月收入 5000 元', answers: { income_change: ['job_loss'], income: 5000, labour: 'unemployed' } },
];

/** The answer sets a parameter change is tried on: the shared test fixtures if present, else the built-in ones. Invalid sets are skipped. */
export function previewAnswerSets(): { source: string; sets: AnswerSet[] } {
  let source = '内置示例';
  let raw: Array<{ name: string; answers: Record<string, unknown> }> = BUILT_IN.map((c) => ({ name: c.name, answers: { ...BUILT_IN_BASE, ...c.answers } }));
  try {
    const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { base: Record<string, unknown>; cases: Array<{ name: string; answers: Record<string, unknown> }> };
    if (Array.isArray(fixture.cases) && fixture.cases.length) {
      raw = fixture.cases.map((c) => ({ name: c.name, answers: { ...fixture.base, ...c.answers } }));
      source = '测试用例（tests/fixtures/screening-cases.json）';
    }
  } catch {
    // No fixtures in this installation: the built-in examples will do.
  }
  return { source, sets: raw.filter((set) => validateAnswers(set.answers).ok).map((set) => ({ name: set.name, answers: set.answers as unknown as Answers })) };
}

function summary(answers: Answers, history: ParameterHistory, asOf: string, policies: readonly Policy[]) {
  const result = screen(answers, history, asOf, { policies });
  return { level: result.level, verdict: result.verdict, outcomes: result.outcomes.map((o) => `${o.title}：${o.statusText}`) };
}

/** Runs every answer set on the new version's first day through the figures before and after it. */
export function previewChange(before: ParameterHistory, after: ParameterHistory, effectiveFrom: string, policies: readonly Policy[]): PreviewInfo {
  const { source, sets } = previewAnswerSets();
  const cases = sets.map((set) => {
    const was = summary(set.answers, before, effectiveFrom, policies);
    const now = summary(set.answers, after, effectiveFrom, policies);
    return { name: set.name, before: was, after: now, changed: JSON.stringify(was) !== JSON.stringify(now) };
  });
  return {
    effectiveFrom,
    before: selectParameters(before, effectiveFrom).version,
    after: selectParameters(after, effectiveFrom).version,
    source,
    total: cases.length,
    changed: cases.filter((c) => c.changed).length,
    cases: cases.sort((a, b) => Number(b.changed) - Number(a.changed)),
  };
}
