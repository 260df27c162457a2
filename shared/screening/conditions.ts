/**
 * The small language rules are written in, and its compiler. A condition answers in three states —
 * met, check (close to a line, or only a range was given) or not met — so that near a threshold
 * a result leans to 「需要进一步了解」 instead of a hard no.
 */
import type { ReceivedHelp } from '../questionnaire/answers';
import type { ChoiceFact, HouseholdFacts, NumericFact, RangeFact, SetFact } from './facts';
import type { LimitName, Limits } from './limits';
import type { OutcomeId } from './outcomes';

export const NOT_MET = 0;
export const CHECK = 1;
export const MET = 2;
export type State = typeof NOT_MET | typeof CHECK | typeof MET;

type ChoiceCondition = {
  [Fact in ChoiceFact]: {
    readonly kind: 'choice';
    readonly fact: Fact;
    readonly met: readonly HouseholdFacts[Fact][];
    readonly check?: readonly HouseholdFacts[Fact][];
  };
}[ChoiceFact];

type IncludesCondition = {
  [Fact in SetFact]: {
    readonly kind: 'includesAny';
    readonly fact: Fact;
    /** `'temporaryTriggers'` reads the list from the parameters in force. */
    readonly met: readonly HouseholdFacts[Fact][number][] | 'temporaryTriggers';
    readonly check?: readonly HouseholdFacts[Fact][number][];
  };
}[SetFact];

export type Condition =
  /** value ≤ limit; a little above (within the margin) is a check. */
  | { readonly kind: 'atMost'; readonly fact: NumericFact; readonly limit: LimitName }
  /** value ≥ limit; a little below (within the margin) is a check. */
  | { readonly kind: 'atLeast'; readonly fact: NumericFact; readonly limit: LimitName }
  /** A banded answer: the whole range ≤ limit is met, a range reaching over it is a check. */
  | { readonly kind: 'rangeAtMost'; readonly fact: RangeFact; readonly limit: LimitName }
  | ChoiceCondition
  | IncludesCondition
  /** One of these outcomes holds (as evaluated so far), or the household already receives one of these. */
  | { readonly kind: 'outcome'; readonly outcomes: readonly OutcomeId[]; readonly orReceived: readonly ReceivedHelp[] }
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  /** The answer is only a proxy: at best it calls for a check, never a yes. */
  | { readonly kind: 'checkOnly'; readonly of: Condition };

/** Outcome states so far, indexed like OUTCOMES. */
export type OutcomeStates = Uint8Array;

export type CompiledCondition = (facts: HouseholdFacts, outcomes: OutcomeStates) => State;

export interface ConditionContext {
  readonly limits: Limits;
  readonly margin: number;
  readonly temporaryTriggers: readonly string[];
  readonly outcomeIndex: (id: OutcomeId) => number;
}

const NUMERIC: { readonly [Fact in NumericFact]: (f: HouseholdFacts) => number } = {
  householdSize: (f) => f.householdSize,
  incomeYearly: (f) => f.incomeYearly,
  incomePerPersonMonthly: (f) => f.incomePerPersonMonthly,
  medicalExpense: (f) => f.medicalExpense,
  educationExpense: (f) => f.educationExpense,
  rigidExpense: (f) => f.rigidExpense,
  rigidShare: (f) => f.rigidShare,
  educationShare: (f) => f.educationShare,
  incomeAfterRigidPerPersonMonthly: (f) => f.incomeAfterRigidPerPersonMonthly,
};

const RANGE_LOW: { readonly [Fact in RangeFact]: (f: HouseholdFacts) => number } = {
  assetsPerPerson: (f) => f.assetsPerPersonLow,
  vehicleValue: (f) => f.vehicleValueLow,
  housesOwned: (f) => f.housesOwnedLow,
};

const RANGE_HIGH: { readonly [Fact in RangeFact]: (f: HouseholdFacts) => number } = {
  assetsPerPerson: (f) => f.assetsPerPersonHigh,
  vehicleValue: (f) => f.vehicleValueHigh,
  housesOwned: (f) => f.housesOwnedHigh,
};

const CHOICE: { readonly [Fact in ChoiceFact]: (f: HouseholdFacts) => string } = {
  residence: (f) => f.residence,
  labour: (f) => f.labour,
  housing: (f) => f.housing,
  vehicle: (f) => f.vehicle,
  financialAssets: (f) => f.financialAssets,
  familySupport: (f) => f.familySupport,
};

const SET: { readonly [Fact in SetFact]: (f: HouseholdFacts) => readonly string[] } = {
  specialMembers: (f) => f.specialMembers,
  incomeChange: (f) => f.incomeChange,
  received: (f) => f.received,
};

function includesAnyOf(values: readonly string[], wanted: readonly string[]): boolean {
  for (const value of values) if (wanted.includes(value)) return true;
  return false;
}

export function compileCondition(condition: Condition, context: ConditionContext): CompiledCondition {
  switch (condition.kind) {
    case 'atMost': {
      const read = NUMERIC[condition.fact];
      const limit = context.limits[condition.limit];
      const near = limit * (1 + context.margin);
      return (f) => {
        const value = read(f);
        return value <= limit ? MET : value <= near ? CHECK : NOT_MET;
      };
    }
    case 'atLeast': {
      const read = NUMERIC[condition.fact];
      const limit = context.limits[condition.limit];
      const near = limit * (1 - context.margin);
      return (f) => {
        const value = read(f);
        return value >= limit ? MET : value >= near ? CHECK : NOT_MET;
      };
    }
    case 'rangeAtMost': {
      const low = RANGE_LOW[condition.fact];
      const high = RANGE_HIGH[condition.fact];
      const limit = context.limits[condition.limit];
      const near = limit * (1 + context.margin);
      return (f) => (high(f) <= limit ? MET : low(f) <= near ? CHECK : NOT_MET);
    }
    case 'choice': {
      const read = CHOICE[condition.fact];
      const met: readonly string[] = condition.met;
      const check: readonly string[] = condition.check ?? [];
      return (f) => {
        const value = read(f);
        return met.includes(value) ? MET : check.includes(value) ? CHECK : NOT_MET;
      };
    }
    case 'includesAny': {
      const read = SET[condition.fact];
      const met: readonly string[] = condition.met === 'temporaryTriggers' ? context.temporaryTriggers : condition.met;
      const check: readonly string[] = condition.check ?? [];
      return (f) => {
        const values = read(f);
        return includesAnyOf(values, met) ? MET : includesAnyOf(values, check) ? CHECK : NOT_MET;
      };
    }
    case 'outcome': {
      const indexes = condition.outcomes.map(context.outcomeIndex);
      const received: readonly string[] = condition.orReceived;
      return (f, outcomes) => {
        if (includesAnyOf(f.received, received)) return MET;
        let best: State = NOT_MET;
        for (const index of indexes) {
          const state = outcomes[index] as State;
          if (state > best) best = state;
        }
        return best;
      };
    }
    case 'all': {
      const parts = condition.of.map((c) => compileCondition(c, context));
      return (f, outcomes) => {
        let worst: State = MET;
        for (const part of parts) {
          const state = part(f, outcomes);
          if (state === NOT_MET) return NOT_MET;
          if (state < worst) worst = state;
        }
        return worst;
      };
    }
    case 'any': {
      const parts = condition.of.map((c) => compileCondition(c, context));
      return (f, outcomes) => {
        let best: State = NOT_MET;
        for (const part of parts) {
          const state = part(f, outcomes);
          if (state === MET) return MET;
          if (state > best) best = state;
        }
        return best;
      };
    }
    case 'checkOnly': {
      const inner = compileCondition(condition.of, context);
      return (f, outcomes) => (inner(f, outcomes) === NOT_MET ? NOT_MET : CHECK);
    }
  }
}
