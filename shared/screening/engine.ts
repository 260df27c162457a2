/**
 * The screening engine: `screen(answers, parameterHistory, asOf)` → ScreeningResult.
 * Pure and deterministic. Rules, templates and policy links are compiled once per
 * (policy library, parameters in force); a screening then only compares numbers and joins strings.
 */
import type { Answers } from '../questionnaire/answers';
import { DEMO_COUNTY_POLICIES } from '../policies/demo-county-policies';
import type { Policy } from '../policies/policy';
import { compileRules } from './compile';
import { createEvaluator } from './evaluate';
import { selectParameters, type ParameterHistory, type ScreeningParameters } from './parameters';
import type { ScreeningResult } from './result';
import { RULES, RULES_VERSION, type Rule } from './rules';

export interface ScreeningOptions {
  /** The policy library results link to; the demo county's by default. */
  readonly policies?: readonly Policy[];
}

export interface CompiledScreening {
  readonly parameters: ScreeningParameters;
  readonly rulesVersion: string;
  evaluate(answers: Answers): ScreeningResult;
}

/** Compiles the rules against one set of parameters and one policy library (see compile.ts, evaluate.ts). */
export function compileScreening(
  parameters: ScreeningParameters,
  policies: readonly Policy[] = DEMO_COUNTY_POLICIES,
  rules: readonly Rule[] = RULES,
): CompiledScreening {
  const rulesVersion = `${RULES_VERSION}/${parameters.version}`;
  return { parameters, rulesVersion, evaluate: createEvaluator(compileRules(parameters, policies, rules), rulesVersion) };
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
