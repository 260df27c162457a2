import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { checkParameterValues, PARAMETER_MESSAGES } from './parameter-version-rules';
import { selectParameters } from './parameters';

const shipped = selectParameters(DEMO_COUNTY_PARAMETERS, '2026-01-01').values as unknown as Record<string, unknown>;

describe('a new version of the screening parameters', () => {
  it('accepts the shipped figures, lists without repeats', () => {
    const triggers = shipped.temporaryTriggers as string[];
    const { values, fields } = checkParameterValues({ ...shipped, temporaryTriggers: [...triggers, ...triggers] });
    expect(fields).toEqual({});
    expect(values).toEqual(shipped);
  });

  it('names each missing, negative, unlisted or unknown figure, and a share above 1', () => {
    const { dibaoStandard: _missing, ...rest } = shipped;
    const { fields } = checkParameterValues({ ...rest, housesAllowed: -1, bogus: 1, temporaryTriggers: ['lottery'], rigidExpenseShare: 50 });
    expect(fields).toEqual({
      'values.dibaoStandard': PARAMETER_MESSAGES.missing,
      'values.housesAllowed': PARAMETER_MESSAGES.notANumber,
      'values.temporaryTriggers': PARAMETER_MESSAGES.notInList,
      'values.rigidExpenseShare': PARAMETER_MESSAGES.notAShare,
      'values.bogus': PARAMETER_MESSAGES.unknown,
    });
  });
});
