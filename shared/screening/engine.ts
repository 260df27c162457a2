/**
 * The screening engine: `screen(answers, parameterHistory, asOf)` → ScreeningResult.
 * Pure and deterministic. Rules, templates and policy links are compiled once per
 * (policy library, parameters in force); a screening then only compares numbers and joins strings.
 */
import type { Answers } from '../questionnaire/answers';
import { DEMO_COUNTY_POLICIES } from '../policies/demo-county-policies';
import type { Policy } from '../policies/policy';
import { CHECK, compileCondition, MET, NOT_MET, type CompiledCondition, type State } from './conditions';
import { FACT_VECTOR_LENGTH, writeFactVector, type FactVector } from './fact-vector';
import { householdFacts } from './facts';
import { limitsFrom } from './limits';
import { OUTCOMES, type OutcomeDefinition, type OutcomeId } from './outcomes';
import { selectParameters, type ParameterHistory, type ScreeningParameters } from './parameters';
import { RECEIVED_HELP } from './received-help';
import {
  DISCLAIMER,
  FALLBACK_TEXT,
  OUTCOME_STATUS_TEXT,
  TARGET_CLASS_LABEL,
  VERDICT_TEXT,
  type CannotJudge,
  type Criterion,
  type Level,
  type MatchedPolicy,
  type ReceivingNow,
  type ScreeningOutcome,
  type ScreeningResult,
  type TargetClass,
} from './result';
import { RULES, RULES_VERSION, type Rule } from './rules';
import { compileTemplate, fillWithLimits, type FilledTemplate } from './templates';

export interface ScreeningOptions {
  /** The policy library results link to; the demo county's by default. */
  readonly policies?: readonly Policy[];
}

export interface CompiledScreening {
  readonly parameters: ScreeningParameters;
  readonly rulesVersion: string;
  evaluate(answers: Answers): ScreeningResult;
}

interface CompiledRule {
  readonly id: string;
  readonly evaluate: CompiledCondition;
  readonly reason: FilledTemplate;
  readonly checkReason: FilledTemplate;
  readonly criterionMet: Criterion;
  readonly criterionCheck: Criterion;
  readonly cannotJudge: CannotJudge | undefined;
  readonly urgent: boolean;
}

interface CompiledPolicy {
  /** Position in the library, to mark it listed without searching the result. */
  readonly index: number;
  readonly match: MatchedPolicy;
  readonly skipIfReceiving: readonly string[];
  readonly onlyForMembers: readonly string[] | undefined;
}

interface CompiledOutcome {
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

const LEVEL_RANK: { readonly [L in Level]: number } = { none: 0, blue: 1, yellow: 2, red: 3 };

const RECEIVING_NOW = Object.fromEntries(
  Object.entries(RECEIVED_HELP).map(([id, info]) => [id, Object.freeze({ id, label: info.label })]),
) as Record<string, ReceivingNow>;

function outcomeIndexOf(id: OutcomeId): number {
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

function compileRule(
  rule: Rule,
  parameters: ScreeningParameters,
  outcomeIndex: number,
  intern: NoteInterner,
): CompiledRule {
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
    criterionMet: Object.freeze({ text: criterion, state: 'met' }),
    criterionCheck: Object.freeze({ text: criterion, state: 'check' }),
    cannotJudge: rule.cannotJudge ? intern(rule.cannotJudge) : undefined,
    urgent: rule.urgent === true,
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

function includesAny(values: readonly string[], wanted: readonly string[]): boolean {
  for (const value of values) if (wanted.includes(value)) return true;
  return false;
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
export function compileScreening(
  parameters: ScreeningParameters,
  policies: readonly Policy[] = DEMO_COUNTY_POLICIES,
  rules: readonly Rule[] = RULES,
): CompiledScreening {
  const compiledPolicies = policies.map(compilePolicy);
  const intern = noteInterner();
  let slot = 0;
  const outcomes: CompiledOutcome[] = OUTCOMES.map((definition, index) => {
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
  const covers = coverMasks();
  const rulesVersion = `${RULES_VERSION}/${parameters.version}`;
  // Scratch buffers: evaluation is synchronous, so one per compiled engine is enough.
  const vector: FactVector = new Float64Array(FACT_VECTOR_LENGTH);
  const outcomeStates = new Uint8Array(outcomes.length);
  const ruleStates = new Uint8Array(slot);
  // policyListed[i] === run means policy i is already in this screening's list.
  const policyListed = new Uint32Array(policies.length);
  let run = 0;

  function decide(household: FactVector): void {
    for (const outcome of outcomes) {
      const all = outcome.definition.combine === 'all';
      let combined: State = all ? MET : NOT_MET;
      let at = outcome.firstSlot;
      for (const rule of outcome.rules) {
        const state = rule.evaluate(household, outcomeStates);
        ruleStates[at] = state;
        at += 1;
        if (all ? state < combined : state > combined) combined = state;
      }
      outcomeStates[outcome.index] = combined;
    }
  }

  function isShown(outcome: CompiledOutcome, covered: number): boolean {
    if (outcomeStates[outcome.index] === NOT_MET || (covered & outcome.bit) !== 0) return false;
    for (const index of outcome.supersededBy) if (outcomeStates[index] === MET) return false;
    return true;
  }

  function evaluate(answers: Answers): ScreeningResult {
    const facts = householdFacts(answers);
    writeFactVector(facts, vector);
    decide(vector);
    if (run === 0xffffffff) {
      policyListed.fill(0);
      run = 0;
    }
    run += 1;

    let covered = 0;
    const alreadyReceiving: ReceivingNow[] = [];
    for (const help of facts.received) {
      covered |= covers[help] ?? 0;
      const receiving = RECEIVING_NOW[help];
      if (receiving) alreadyReceiving.push(receiving);
    }

    const shown: ScreeningOutcome[] = [];
    const matched: MatchedPolicy[] = [];
    const cannotJudge: CannotJudge[] = [];
    let level: Level = 'none';
    let anyLikely = false;

    for (const outcome of outcomes) {
      if (!isShown(outcome, covered)) continue;
      const likely = outcomeStates[outcome.index] === MET;
      const reasons: string[] = [];
      const reasonIds: string[] = [];
      const criteria: Criterion[] = [];
      let met = 0;
      let check = 0;
      let urgent = false;
      let at = outcome.firstSlot;
      for (const rule of outcome.rules) {
        const state = ruleStates[at];
        at += 1;
        if (state === MET) {
          met += 1;
          reasons.push(rule.reason(facts));
          reasonIds.push(rule.id);
          criteria.push(rule.criterionMet);
          if (rule.urgent) urgent = true;
        } else if (state === CHECK) {
          check += 1;
          reasons.push(rule.checkReason(facts));
          reasonIds.push(rule.id);
          criteria.push(rule.criterionCheck);
          if (rule.cannotJudge && !cannotJudge.includes(rule.cannotJudge)) cannotJudge.push(rule.cannotJudge);
        }
      }
      const status = likely ? 'likely' : 'check';
      shown.push({
        id: outcome.definition.id,
        title: outcome.definition.title,
        status,
        statusText: OUTCOME_STATUS_TEXT[status],
        reasons,
        reasonIds,
        criteria,
        summary: outcome.summaries[met]![check]!,
      });
      const outcomeLevel: Level = urgent ? 'red' : likely ? outcome.definition.likelyLevel : 'blue';
      if (outcomeLevel !== level && LEVEL_RANK[outcomeLevel] > LEVEL_RANK[level]) level = outcomeLevel;
      if (likely) anyLikely = true;

      for (const policy of outcome.policies) {
        if (policyListed[policy.index] === run) continue;
        if (includesAny(facts.received, policy.skipIfReceiving)) continue;
        if (policy.onlyForMembers && !includesAny(facts.specialMembers, policy.onlyForMembers)) continue;
        policyListed[policy.index] = run;
        matched.push(policy.match);
      }
    }

    const verdict = anyLikely ? 'likely' : shown.length > 0 ? 'check' : 'unlikely';
    let targetClass: TargetClass | null = null;
    if (shown.length > 0) targetClass = facts.received.length > 0 ? 'insufficient' : anyLikely ? 'missing' : 'warning';

    return {
      suspected: verdict !== 'unlikely',
      level,
      outcomes: shown,
      policies: matched,
      rulesVersion,
      verdict,
      verdictText: VERDICT_TEXT[verdict],
      targetClass,
      targetClassLabel: targetClass ? TARGET_CLASS_LABEL[targetClass] : null,
      alreadyReceiving,
      cannotJudge,
      fallback: verdict === 'unlikely' ? FALLBACK_TEXT : null,
      disclaimer: DISCLAIMER,
    };
  }

  return { parameters, rulesVersion, evaluate };
}

// Compiled engines, per policy library and parameter history; entries live as long as their keys.
const engines = new WeakMap<readonly Policy[], WeakMap<ParameterHistory, Map<string, CompiledScreening>>>();

// The server screens with the same region and day over and over: remember the last engine used.
let last: { policies: readonly Policy[]; history: ParameterHistory; asOf: string; engine: CompiledScreening } | undefined;

/** The compiled engine for a region's parameters on `asOf`, compiled on first use and then reused. */
export function screeningFor(
  history: ParameterHistory,
  asOf: string,
  policies: readonly Policy[] = DEMO_COUNTY_POLICIES,
): CompiledScreening {
  if (last && last.history === history && last.asOf === asOf && last.policies === policies) return last.engine;
  let byHistory = engines.get(policies);
  if (!byHistory) {
    byHistory = new WeakMap();
    engines.set(policies, byHistory);
  }
  let byKey = byHistory.get(history);
  if (!byKey) {
    byKey = new Map();
    byHistory.set(history, byKey);
  }
  let engine = byKey.get(asOf);
  if (!engine) {
    const parameters = selectParameters(history, asOf);
    // Many days share one set of figures: reuse the engine compiled for the same version.
    engine = byKey.get(parameters.version) ?? compileScreening(parameters, policies);
    byKey.set(parameters.version, engine);
    byKey.set(asOf, engine);
  }
  last = { policies, history, asOf, engine };
  return engine;
}

/**
 * Screens one household's answers (already validated) against a region's parameters on `asOf`
 * ('YYYY-MM-DD'). The same inputs always give the same result.
 */
export function screen(
  answers: Answers,
  history: ParameterHistory,
  asOf: string,
  options: ScreeningOptions = {},
): ScreeningResult {
  return screeningFor(history, asOf, options.policies).evaluate(answers);
}
