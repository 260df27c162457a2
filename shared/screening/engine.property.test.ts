import fc from 'fast-check';
import Compile from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { answersArbitrary, impoverishmentArbitrary, poorer } from '../../tests/fixtures/arbitrary-answers';
import { validateAnswers } from '../questionnaire/validate';
import { ScreeningResponse } from '../schemas/screening';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { compileScreening, screen } from './engine';
import { OUTCOMES } from './outcomes';
import { selectParameters } from './parameters';
import type { ScreeningResult } from './result';

const responseSchema = Compile(ScreeningResponse);
// Property runs are many; give them room on a busy CI machine.
const TIMEOUT = 60_000;

const asOfArbitrary = fc.constantFrom('2023-07-01', '2024-03-01', '2024-06-30', '2024-07-01', '2026-12-31');

describe('screening properties', () => {
  it('never throws on a valid answer set and always answers in the response schema', () => {
    fc.assert(
      fc.property(answersArbitrary, asOfArbitrary, (answers, asOf) => {
        expect(validateAnswers(answers).ok).toBe(true);
        const result = screen(answers, DEMO_COUNTY_PARAMETERS, asOf);
        expect(responseSchema.Check(result)).toBe(true);
        expect(result.disclaimer).toBe('最终以民政部门核查为准');
        expect(result.fallback === null).toBe(result.outcomes.length > 0);
      }),
      { numRuns: 1500 },
    );
  }, TIMEOUT);

  it('is deterministic: the same answers give the same result, from any compiled engine', () => {
    fc.assert(
      fc.property(answersArbitrary, asOfArbitrary, (answers, asOf) => {
        const first = screen(answers, DEMO_COUNTY_PARAMETERS, asOf);
        const again = screen(structuredClone(answers), DEMO_COUNTY_PARAMETERS, asOf);
        const fresh = compileScreening(selectParameters(DEMO_COUNTY_PARAMETERS, asOf)).evaluate(answers);
        expect(again).toEqual(first);
        expect(fresh).toEqual(first);
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('never takes help away from a household that gets poorer (less income and assets, more medical cost)', () => {
    const supersededBy = new Map(OUTCOMES.map((o) => [o.id, o.supersededBy]));
    const stillOffered = (before: ScreeningResult['outcomes'][number], after: ScreeningResult) =>
      after.outcomes.some((o) => o.id === before.id) ||
      // Moving up a tier is not a loss: 低保 replaces 低边, 特困 replaces 低保.
      supersededBy.get(before.id)!.some((id) => after.outcomes.some((o) => o.id === id && o.status === 'likely'));

    fc.assert(
      fc.property(answersArbitrary, impoverishmentArbitrary, asOfArbitrary, (answers, change, asOf) => {
        const worse = poorer(answers, change);
        expect(validateAnswers(worse).ok).toBe(true);
        const before = screen(answers, DEMO_COUNTY_PARAMETERS, asOf);
        const after = screen(worse, DEMO_COUNTY_PARAMETERS, asOf);
        for (const outcome of before.outcomes) expect(stillOffered(outcome, after), outcome.id).toBe(true);
        if (before.suspected) expect(after.suspected).toBe(true);
      }),
      { numRuns: 3000 },
    );
  }, TIMEOUT);
});
