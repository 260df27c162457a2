import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import { isIsoDate, selectParameters, type ParameterHistory } from './parameters';

describe('selectParameters', () => {
  it('uses the value in force on the day asked', () => {
    expect(selectParameters(DEMO_COUNTY_PARAMETERS, '2024-06-30').values.dibaoStandard).toBe(1130);
    expect(selectParameters(DEMO_COUNTY_PARAMETERS, '2024-07-01').values.dibaoStandard).toBe(1210);
    expect(selectParameters(DEMO_COUNTY_PARAMETERS, '2030-01-01').values.dibaoStandard).toBe(1210);
  });

  it('does not depend on the order of the history', () => {
    const reversed = { ...DEMO_COUNTY_PARAMETERS, dibaoStandard: [...DEMO_COUNTY_PARAMETERS.dibaoStandard].reverse() };
    expect(selectParameters(reversed, '2024-08-01').values.dibaoStandard).toBe(1210);
  });

  it('says where each figure came from and which figures were used', () => {
    const selected = selectParameters(DEMO_COUNTY_PARAMETERS, '2024-03-01');
    expect(selected.sources.dibaoStandard.effectiveFrom).toBe('2023-07-01');
    expect(selected.sources.largeMedicalExpense.source).toContain('平阳县');
    expect(selected.version).toBe('330327@2023-07-01');
    expect(selected.region).toEqual({ code: '330327', name: '浙江省温州市苍南县' });
  });

  it('refuses a day before any figure was in force, and a malformed day', () => {
    expect(() => selectParameters(DEMO_COUNTY_PARAMETERS, '2019-01-01')).toThrow(RangeError);
    expect(() => selectParameters(DEMO_COUNTY_PARAMETERS, '2024-13-01')).toThrow(/asOf/);
    expect(() => selectParameters(DEMO_COUNTY_PARAMETERS, 'today')).toThrow(/asOf/);
  });
});

describe('the demo county parameters', () => {
  const entries = Object.entries(DEMO_COUNTY_PARAMETERS).filter(([name]) => name !== 'region') as [
    string,
    ParameterHistory['dibaoStandard'],
  ][];

  it('date and source every figure', () => {
    for (const [name, history] of entries) {
      expect(history.length, name).toBeGreaterThan(0);
      for (const entry of history) {
        expect(isIsoDate(entry.effectiveFrom), name).toBe(true);
        expect(entry.source.length, name).toBeGreaterThan(10);
      }
    }
  });

  it('label unconfirmed figures as modelling choices', () => {
    for (const entry of DEMO_COUNTY_PARAMETERS.dibaoStandard) expect(entry.source).toContain('建模取值');
  });
});
