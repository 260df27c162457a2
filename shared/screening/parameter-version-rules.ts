import { QUESTIONS } from '../questionnaire/questions';
import { DEMO_COUNTY_PARAMETERS } from './demo-county-parameters';
import type { ParameterName, ParameterValues } from './parameters';

/**
 * What a county may save as a new version of the screening parameters (筛查参数), beyond the shape its request
 * schema already checks (ParameterVersionBody: a dated day, a source, numbers or lists): every parameter the demo
 * county ships, each of its kind, and nothing else. One version is the whole set.
 */

/** The sudden events (question 「最近遇到的难事」) a temporary-assistance trigger list may name. */
export const TRIGGER_OPTIONS: ReadonlyArray<{ value: string; label: string }> = (QUESTIONS.find((q) => q.id === 'income_change')?.options ?? [])
  .filter((o) => o.value !== 'none')
  .map((o) => ({ value: String(o.value), label: o.label }));

export const PARAMETER_MESSAGES = {
  missing: '请填写这一项',
  notInList: '请从列表中选择',
  notANumber: '请填写不小于 0 的数字',
  notAShare: '比例请填写 0 到 1 之间的小数，例如 0.5',
  unknown: '没有这个参数',
} as const;

const NAMES = Object.keys(DEMO_COUNTY_PARAMETERS).filter((key) => key !== 'region') as ParameterName[];
const ALLOWED_TRIGGERS = new Set(TRIGGER_OPTIONS.map((t) => t.value));
// Shares and margins are fractions of a whole.
const isShare = (name: string) => /Share$|Margin$/.test(name);

/**
 * The figures of a new version, lists without repeats, and a plain Chinese problem per field (`values.<name>`);
 * the values are usable only when `fields` is empty.
 */
export function checkParameterValues(input: Readonly<Record<string, unknown>>): { values: ParameterValues; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const name of NAMES) {
    const value = input[name];
    const key = `values.${name}`;
    if (value === undefined) fields[key] = PARAMETER_MESSAGES.missing;
    else if (Array.isArray(DEMO_COUNTY_PARAMETERS[name][0]?.value)) {
      if (!Array.isArray(value) || value.some((v) => !ALLOWED_TRIGGERS.has(v as string))) fields[key] = PARAMETER_MESSAGES.notInList;
      else values[name] = [...new Set(value)];
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fields[key] = PARAMETER_MESSAGES.notANumber;
    else if (isShare(name) && value > 1) fields[key] = PARAMETER_MESSAGES.notAShare;
    else values[name] = value;
  }
  for (const key of Object.keys(input)) if (!NAMES.includes(key as ParameterName)) fields[`values.${key}`] = PARAMETER_MESSAGES.unknown;
  return { values: values as unknown as ParameterValues, fields };
}
