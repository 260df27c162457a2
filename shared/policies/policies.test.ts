import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS } from '../screening/outcomes';
import { DEMO_COUNTY_POLICIES } from './demo-county-policies';

describe('the demo county policy library', () => {
  it('has at least 12 entries with unique ids', () => {
    expect(DEMO_COUNTY_POLICIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_COUNTY_POLICIES.map((p) => p.id)).size).toBe(DEMO_COUNTY_POLICIES.length);
  });

  it.each(DEMO_COUNTY_POLICIES.map((p) => [p.id, p] as const))('%s says who, what, how and with what', (_id, policy) => {
    for (const text of [policy.name, policy.department, policy.summary, policy.whoQualifies, policy.whatItGives, policy.howToApply, policy.basis]) {
      expect(text.trim().length).toBeGreaterThan(1);
    }
    expect(policy.documents.length).toBeGreaterThan(0);
    expect(policy.outcomes.length).toBeGreaterThan(0);
    expect(JSON.stringify(policy)).not.toMatch(/你|贫困户/);
  });

  it('links every outcome to at least one policy', () => {
    for (const outcome of OUTCOME_IDS) {
      expect(DEMO_COUNTY_POLICIES.some((p) => p.outcomes.includes(outcome)), outcome).toBe(true);
    }
  });
});
