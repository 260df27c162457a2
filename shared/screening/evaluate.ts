/**
 * Evaluating one household against compiled rules: decide every rule and outcome into reusable
 * buffers, then build the result with reasons in the resident's own numbers.
 */
import { RISK_RANK } from '../cases/risk';
import type { Answers } from '../questionnaire/answers';
import type { CompiledOutcome, CompiledRules } from './compile';
import { CHECK, MET, NOT_MET, type State } from './conditions';
import { FACT_VECTOR_LENGTH, writeFactVector, type FactVector } from './fact-vector';
import { householdFacts } from './facts';
import { RECEIVED_HELP } from './received-help';
import { estimateFor } from './estimates';
import {
  DISCLAIMER,
  FALLBACK_TEXT,
  NOT_JUDGED,
  OPEN_HELP,
  UNLIKELY_MAIN_REASON,
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

const RECEIVING_NOW = Object.fromEntries(
  Object.entries(RECEIVED_HELP).map(([id, info]) => [id, Object.freeze({ id, label: info.label })]),
) as Record<string, ReceivingNow>;

function includesAny(values: readonly string[], wanted: readonly string[]): boolean {
  for (const value of values) if (wanted.includes(value)) return true;
  return false;
}

/** An evaluator over compiled rules, with its own scratch buffers (evaluation is synchronous). */
export function createEvaluator({ outcomes, covers, ruleCount, policyCount, limits }: CompiledRules, rulesVersion: string): (answers: Answers) => ScreeningResult {
  const vector: FactVector = new Float64Array(FACT_VECTOR_LENGTH);
  const outcomeStates = new Uint8Array(outcomes.length);
  const ruleStates = new Uint8Array(ruleCount);
  // policyListed[i] === run means policy i is already in this screening's list.
  const policyListed = new Uint32Array(policyCount);
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

  return function evaluate(answers: Answers): ScreeningResult {
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
    let headline = '';

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
        if (shown.length === 0 && !headline && rule.headline && state !== NOT_MET) {
          headline = state === MET ? rule.reason(facts) : rule.checkReason(facts);
        }
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
      const estimate = estimateFor(outcome.definition.id, facts, limits);
      shown.push({
        id: outcome.definition.id,
        title: outcome.definition.title,
        status,
        statusText: OUTCOME_STATUS_TEXT[status],
        reasons,
        reasonIds,
        criteria,
        summary: outcome.summaries[met]![check]!,
        ...(estimate ? { estimate } : {}),
      });
      const outcomeLevel: Level = urgent ? 'red' : likely ? outcome.definition.likelyLevel : 'blue';
      if (outcomeLevel !== level && RISK_RANK[outcomeLevel] > RISK_RANK[level]) level = outcomeLevel;
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
    const whyNot: string[] = [];
    if (verdict === 'unlikely') {
      for (const outcome of outcomes) {
        if ((covered & outcome.bit) !== 0) continue;
        let at = outcome.firstSlot;
        for (const rule of outcome.rules) {
          const state = ruleStates[at];
          at += 1;
          if (state !== NOT_MET || !rule.notMetReason) continue;
          const reason = rule.notMetReason(facts);
          if (!whyNot.includes(reason)) whyNot.push(reason);
        }
      }
    }
    const mainReason = verdict === 'unlikely' ? (whyNot[0] ?? UNLIKELY_MAIN_REASON) : (headline || (shown[0]?.reasons[0] ?? ''));
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
      mainReason,
      whyNot,
      notJudged: verdict === 'unlikely' ? [...NOT_JUDGED] : [],
      openHelp: verdict === 'unlikely' ? [...OPEN_HELP] : [],
    };
  };
}
