import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import table from '../../tests/fixtures/screening-cases.json';
import type { Answers } from '../questionnaire/answers';
import { QUESTIONNAIRE } from '../questionnaire/questions';
import { DEMO_COUNTY_PARAMETERS } from '../screening/demo-county-parameters';
import { screen } from '../screening/engine';
import { QuestionnaireResponse, ScreeningBody, ScreeningResponse } from './screening';

const answers = table.base as unknown as Answers;

describe('self-check route schemas', () => {
  it('describe the questionnaire as served', () => {
    expect(Value.Check(QuestionnaireResponse, QUESTIONNAIRE)).toBe(true);
  });

  it('accept a screening body with or without an entry code, and nothing else', () => {
    expect(Value.Check(ScreeningBody, { answers })).toBe(true);
    expect(Value.Check(ScreeningBody, { entryCode: 'AB12CD', answers })).toBe(true);
    expect(Value.Check(ScreeningBody, { answers, name: '张三' })).toBe(false);
    expect(Value.Check(ScreeningBody, { entryCode: 'AB12CD' })).toBe(false);
    expect(Value.Check(ScreeningBody, { answers: { ...answers, household_size: 0 } })).toBe(false);
  });

  it('declare every field of a screening result', () => {
    for (const fixture of table.cases) {
      const result = screen({ ...answers, ...(fixture.answers as Partial<Answers>) }, DEMO_COUNTY_PARAMETERS, table.asOf);
      expect(Value.Check(ScreeningResponse, result)).toBe(true);
      const declared = Object.keys((ScreeningResponse as unknown as { properties: object }).properties);
      expect(Object.keys(result).sort()).toEqual(declared.sort());
    }
  });
});
