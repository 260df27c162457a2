/**
 * Compiling the rules: once per (policy library, parameters in force), every rule's condition becomes a
 * closure over plain numbers, every reason a template with the limits already filled in, and every
 * outcome learns its rule slots, policies and worded summaries. Evaluation then only compares and joins.
 */
import type { Policy } from '../policies/policy';
import { compileCondition, type CompiledCondition } from './conditions';
import { limitsFrom, type Limits } from './limits';
import { OUTCOMES, type OutcomeDefinition, type OutcomeId } from './outcomes';
import type { ScreeningParameters } from './parameters';
import { RECEIVED_HELP } from './received-help';
import type { CannotJudge, Criterion, MatchedPolicy } from './result';
import type { Rule } from './rules';
import { compileTemplate, fillWithLimits, type FilledTemplate } from './templates';

export interface CompiledRule {
  readonly id: string;
  readonly evaluate: CompiledCondition;
  readonly reason: FilledTemplate;
  readonly checkReason: FilledTemplate;
  readonly notMetReason: FilledTemplate | undefined;
  readonly criterionMet: Criterion;
  readonly criterionCheck: Criterion;
  readonly cannotJudge: CannotJudge | undefined;
  readonly urgent: boolean;
  readonly headline: boolean;
}

export interface CompiledPolicy {
  /** Position in the library, to mark it listed without searching the result. */
  readonly index: number;
  readonly match: MatchedPolicy;
  readonly skipIfReceiving: readonly string[];
  readonly onlyForMembers: readonly string[] | undefined;
}

export interface CompiledOutcome {
  readonly definition: OutcomeDefinition;
  readonly index: number;
  readonly bit: number;
  readonly rules: readonly CompiledRule[];
  /** Where this outcome's rule states start in the shared rule-state buffer. */
  readonly firstSlot: number;
  readonly supersededBy: readonly number[];
  readonly policies: readonly CompiledPolicy[];
  /** summaries[met][check], worded once. */
  readonly summaries: readonly (readonly string[])[];
}

export interface CompiledRules {
  readonly outcomes: readonly CompiledOutcome[];
  /** Per kind of help already received, a bit mask of the outcomes it already covers. */
  readonly covers: Readonly<Record<string, number>>;
  /** Rule slots in all, for the evaluator's state buffer. */
  readonly ruleCount: number;
  readonly policyCount: number;
  /** The thresholds in force, for estimated amounts. */
  readonly limits: Limits;
}

export function outcomeIndexOf(id: OutcomeId): number {
  const index = OUTCOMES.findIndex((o) => o.id === id);
  if (index < 0) throw new Error(`unknown outcome ${id}`);
  return index;
}

/** One frozen object per distinct note, so a result lists each thing to find out once. */
type NoteInterner = (note: CannotJudge) => CannotJudge;

function noteInterner(): NoteInterner {
  const notes = new Map<string, CannotJudge>();
  return (note) => {
    const key = `${note.text}\u0000${note.askWhom}`;
    let interned = notes.get(key);
    if (!interned) {
      interned = Object.freeze({ text: note.text, askWhom: note.askWhom });
      notes.set(key, interned);
    }
    return interned;
  };
}

function compileRule(rule: Rule, parameters: ScreeningParameters, outcomeIndex: number, intern: NoteInterner): CompiledRule {
  const limits = limitsFrom(parameters.values);
  const evaluate = compileCondition(rule.when, {
    limits,
    margin: parameters.values.nearThresholdMargin,
    temporaryTriggers: parameters.values.temporaryTriggers,
    // A rule may only look at outcomes already decided, so evaluation order is well defined.
    outcomeIndex: (id) => {
      const index = outcomeIndexOf(id);
      if (index >= outcomeIndex) throw new Error(`rule ${rule.id} looks at ${id}, which is not decided before it`);
      return index;
    },
  });
  const criterion = fillWithLimits(rule.criterion, limits);
  return {
    id: rule.id,
    evaluate,
    reason: compileTemplate(rule.reason, limits),
    checkReason: compileTemplate(rule.checkReason ?? rule.reason, limits),
    notMetReason: rule.notMetReason ? compileTemplate(rule.notMetReason, limits) : undefined,
    criterionMet: Object.freeze({ text: criterion, state: 'met' }),
    criterionCheck: Object.freeze({ text: criterion, state: 'check' }),
    cannotJudge: rule.cannotJudge ? intern(rule.cannotJudge) : undefined,
    urgent: rule.urgent === true,
    headline: rule.headline === true,
  };
}

function compilePolicy(policy: Policy, index: number): CompiledPolicy {
  return {
    index,
    match: Object.freeze({ id: policy.id, name: policy.name, department: policy.department, summary: policy.summary }),
    skipIfReceiving: policy.skipIfReceiving ?? [],
    onlyForMembers: policy.onlyForMembers,
  };
}

function coverMasks(): Record<string, number> {
  const masks: Record<string, number> = {};
  for (const [help, info] of Object.entries(RECEIVED_HELP)) {
    masks[help] = info.covers.reduce((mask, id) => mask | (1 << outcomeIndexOf(id)), 0);
  }
  return masks;
}

function summaryTable(combine: 'all' | 'any', total: number): string[][] {
  const table: string[][] = [];
  for (let met = 0; met <= total; met += 1) {
    const row: string[] = [];
    for (let check = 0; check <= total - met; check += 1) row.push(outcomeSummary(combine, total, met, check));
    table.push(row);
  }
  return table;
}

function outcomeSummary(combine: 'all' | 'any', total: number, met: number, check: number): string {
  if (combine === 'all') {
    return check === 0 ? `满足全部 ${total} 项条件` : `满足 ${total} 项中的 ${met} 项，还有 ${check} 项需要工作人员核实`;
  }
  if (met === 0) return `有 ${check} 种情况需要工作人员核实`;
  return check === 0 ? `符合其中 ${met} 种情况` : `符合其中 ${met} 种情况，还有 ${check} 种情况需要工作人员核实`;
}

/** Compiles the rules against one set of parameters and one policy library. */
export function compileRules(parameters: ScreeningParameters, policies: readonly Policy[], rules: readonly Rule[]): CompiledRules {
  const compiledPolicies = policies.map(compilePolicy);
  const intern = noteInterner();
  let slot = 0;
  const outcomes = OUTCOMES.map((definition, index): CompiledOutcome => {
    const own = rules.filter((rule) => rule.outcome === definition.id);
    if (own.length === 0) throw new Error(`outcome ${definition.id} has no rules`);
    const compiled: CompiledOutcome = {
      definition,
      index,
      bit: 1 << index,
      rules: own.map((rule) => compileRule(rule, parameters, index, intern)),
      firstSlot: slot,
      supersededBy: definition.supersededBy.map(outcomeIndexOf),
      policies: compiledPolicies.filter((_, i) => policies[i]!.outcomes.includes(definition.id)),
      summaries: summaryTable(definition.combine, own.length),
    };
    slot += own.length;
    return compiled;
  });
  return { outcomes, covers: coverMasks(), ruleCount: slot, policyCount: policies.length, limits: limitsFrom(parameters.values) };
}
