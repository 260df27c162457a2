import { describe, expect, it } from 'vitest';
import type { Answers } from '../questionnaire/answers';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { screen } from './engine';
import { NOT_JUDGED, OPEN_HELP, UNLIKELY_MAIN_REASON } from './result';

const AS_OF = '2024-03-01'; // 低保标准 1,130; 低边 1,695

const COMFORTABLE: Answers = {
  residence: 'local',
  household_size: 3,
  special_members: ['none'],
  labour: 'working_stable',
  income: 20_000,
  income_change: ['none'],
  financial_assets: '10k_30k',
  housing: 'own_one',
  vehicle: 'none',
  medical_expense: 0,
  education_expense: 0,
  support: ['family_able', 'received_none'],
};

describe('暂不符合 says why, in the resident own numbers', () => {
  it('names the income per person and the local lines', () => {
    const result = screen(COMFORTABLE, DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(result.verdict).toBe('unlikely');
    expect(result.mainReason).toBe('您家每人每月收入约 6,667 元，高于本地低保标准 1,130 元，也高于低保边缘标准 1,695 元');
    expect(result.whyNot).toEqual([result.mainReason]);
  });

  it('names each condition that is not met, once', () => {
    const result = screen({ ...COMFORTABLE, housing: 'own_multiple', vehicle: 'over_80k' }, DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(result.whyNot).toEqual([
      '您家每人每月收入约 6,667 元，高于本地低保标准 1,130 元，也高于低保边缘标准 1,695 元',
      '您家有两套或更多房子，超过了低保、低保边缘对住房的要求',
      '您家的汽车大约值 8 万元以上，超过了 50,000 元的车辆限额',
    ]);
  });

  it('explains assets over the limit when income alone would qualify', () => {
    const result = screen({ ...COMFORTABLE, income: 3000, financial_assets: 'over_200k' }, DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(result.verdict).toBe('unlikely');
    expect(result.mainReason).toBe('您家存款、理财等在 20 万元以上，按 3 口人算，超过了每人 40,680 元的限额');
  });

  it('names what was not judged and the help that needs no qualification', () => {
    const result = screen(COMFORTABLE, DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(result.notJudged).toEqual(NOT_JUDGED);
    expect(result.openHelp.map((h) => h.id)).toEqual(['temporary', 'station', 'wish']);
    expect(result.openHelp).toEqual(OPEN_HELP);
  });

  it('falls back to a plain sentence when the household already receives the help that was not met', () => {
    const result = screen({ ...COMFORTABLE, support: ['family_able', 'received_dibao_edge'] }, DEMO_COUNTY_PARAMETERS, AS_OF);
    if (result.verdict === 'unlikely') expect(result.mainReason).toBe(result.whyNot[0] ?? UNLIKELY_MAIN_REASON);
  });
});

describe('any other verdict', () => {
  it('leads with 特困 income, not its first criterion, when 特困 comes first', () => {
    const result = screen(
      { ...COMFORTABLE, household_size: 1, labour: 'none_able', income: 300, special_members: ['elderly'], support: ['no_family', 'received_none'] },
      DEMO_COUNTY_PARAMETERS,
      AS_OF,
    );
    expect(result.outcomes[0]!.id).toBe('tekun');
    expect(result.mainReason).toBe('您家每人每月收入约 300 元，基本没有生活来源');
  });

  it('leads with the income test of the first outcome and lists nothing under 暂不符合', () => {
    const result = screen({ ...COMFORTABLE, income: 2400 }, DEMO_COUNTY_PARAMETERS, AS_OF);
    expect(result.verdict).toBe('likely');
    expect(result.mainReason).toBe('您家每人每月收入约 800 元，不超过本地低保标准 1,130 元');
    expect(result.whyNot).toEqual([]);
    expect(result.notJudged).toEqual([]);
    expect(result.openHelp).toEqual([]);
  });
});
