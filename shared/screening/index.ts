/** The screening engine and its data: parameters, outcomes, rules and the result shape. */
export { screen, screeningFor, compileScreening } from './engine';
export type { CompiledScreening, ScreeningOptions } from './engine';
export { selectParameters } from './parameters';
export type {
  Dated,
  ParameterHistory,
  ParameterName,
  ParameterSource,
  ParameterValues,
  Region,
  ScreeningParameters,
  SuddenEvent,
} from './parameters';
export { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
export { OUTCOMES, OUTCOME_IDS } from './outcomes';
export type { OutcomeDefinition, OutcomeId } from './outcomes';
export { RECEIVED_HELP } from './received-help';
export { RULES, RULES_VERSION } from './rules';
export type { Rule } from './rules';
export type { Condition } from './conditions';
export { dibaoTopUp, estimateFor, tekunSupport, TEKUN_SUPPORT_MULTIPLE } from './estimates';
export type { MonthlyEstimate } from './estimates';
// The result shape and its fixed texts, whole.
export * from './result';
