/**
 * The small language rules are written in, and its compiler. A condition answers in three states —
 * met, check (close to a line, or only a range was given) or not met — so that near a threshold
 * a result leans to 「需要进一步了解」 instead of a hard no.
 * Compiled conditions read the household as a fact vector (fact-vector.ts).
 */
import type { ReceivedHelp } from '../questionnaire/answers';
import {
  CHOICE_SLOT,
  maskOf,
  NUMERIC_SLOT,
  RANGE_HIGH_SLOT,
  RANGE_LOW_SLOT,
  SET_SLOT,
  type FactVector,
} from './fact-vector';
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

export type CompiledCondition = (facts: FactVector, outcomes: OutcomeStates) => State;

export interface ConditionContext {
  readonly limits: Limits;
  readonly margin: number;
  readonly temporaryTriggers: readonly string[];
  readonly outcomeIndex: (id: OutcomeId) => number;
}

export function compileCondition(condition: Condition, context: ConditionContext): CompiledCondition {
  switch (condition.kind) {
    case 'atMost': {
      const slot = NUMERIC_SLOT[condition.fact];
      const limit = context.limits[condition.limit];
      const near = limit * (1 + context.margin);
      return (v) => {
        const value = v[slot]!;
        return value <= limit ? MET : value <= near ? CHECK : NOT_MET;
      };
    }
    case 'atLeast': {
      const slot = NUMERIC_SLOT[condition.fact];
      const limit = context.limits[condition.limit];
      const near = limit * (1 - context.margin);
      return (v) => {
        const value = v[slot]!;
        return value >= limit ? MET : value >= near ? CHECK : NOT_MET;
      };
    }
    case 'rangeAtMost': {
      const low = RANGE_LOW_SLOT[condition.fact];
      const high = RANGE_HIGH_SLOT[condition.fact];
      const limit = context.limits[condition.limit];
      const near = limit * (1 + context.margin);
      return (v) => (v[high]! <= limit ? MET : v[low]! <= near ? CHECK : NOT_MET);
    }
    case 'choice':
    case 'includesAny': {
      const slot = condition.kind === 'choice' ? CHOICE_SLOT[condition.fact] : SET_SLOT[condition.fact];
      const metValues = condition.met === 'temporaryTriggers' ? context.temporaryTriggers : condition.met;
      const met = maskOf(condition.fact, metValues);
      const check = maskOf(condition.fact, condition.check ?? []);
      return (v) => {
        const bits = v[slot]!;
        return (bits & met) !== 0 ? MET : (bits & check) !== 0 ? CHECK : NOT_MET;
      };
    }
    case 'outcome': {
      const indexes = condition.outcomes.map(context.outcomeIndex);
      const received = maskOf('received', condition.orReceived);
      const slot = SET_SLOT.received;
      return (v, outcomes) => {
        if ((v[slot]! & received) !== 0) return MET;
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
      return (v, outcomes) => {
        let worst: State = MET;
        for (const part of parts) {
          const state = part(v, outcomes);
          if (state === NOT_MET) return NOT_MET;
          if (state < worst) worst = state;
        }
        return worst;
      };
    }
    case 'any': {
      const parts = condition.of.map((c) => compileCondition(c, context));
      return (v, outcomes) => {
        let best: State = NOT_MET;
        for (const part of parts) {
          const state = part(v, outcomes);
          if (state === MET) return MET;
          if (state > best) best = state;
        }
        return best;
      };
    }
    case 'checkOnly': {
      const inner = compileCondition(condition.of, context);
      return (v, outcomes) => (inner(v, outcomes) === NOT_MET ? NOT_MET : CHECK);
    }
  }
}
