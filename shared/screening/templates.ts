/**
 * Reason sentences with slots, e.g. 「您家每人每月收入约 {incomePerPersonMonthly} 元」.
 * A template is parsed once when the rules are compiled: parameter slots become fixed text
 * then, so filling one per screening is only joining a few strings.
 */
import type { AnswerValue, OptionValue } from '../questionnaire/answers';
import type { HouseholdFacts } from './facts';
import { LIMIT_FORMATS, type LimitName, type Limits } from './limits';

function threeDigits(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/** 1234.5 → 「1,235」; money is never shown below zero. */
export function formatMoney(amount: number): string {
  if (!(amount > 0)) return '0';
  if (amount === Number.POSITIVE_INFINITY) return '很多';
  let rest = Math.round(amount);
  if (rest < 1000) return String(rest);
  let out = '';
  while (rest >= 1000) {
    out = `,${threeDigits(rest % 1000)}${out}`;
    rest = Math.floor(rest / 1000);
  }
  return `${rest}${out}`;
}

/** 0.625 → 「63%」; a share of no income at all reads 「100% 以上」. */
export function formatPercent(share: number): string {
  if (share === Number.POSITIVE_INFINITY) return '100% 以上';
  return `${Math.round(share * 100)}%`;
}

function formatPlain(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const ASSET_PHRASES: { readonly [Band in AnswerValue<'financial_assets'>]: string } = {
  none: '没有存款',
  under_10k: '存款、理财等不到 1 万元',
  '10k_30k': '存款、理财等大约 1 万到 3 万元',
  '30k_50k': '存款、理财等大约 3 万到 5 万元',
  '50k_100k': '存款、理财等大约 5 万到 10 万元',
  '100k_200k': '存款、理财等大约 10 万到 20 万元',
  over_200k: '存款、理财等在 20 万元以上',
  unsure: '存款、理财等说不清有多少',
};

const VEHICLE_PHRASES: { readonly [Band in AnswerValue<'vehicle'>]: string } = {
  none: '没有汽车',
  work_only: '只有干活用的车或残疾人代步车',
  under_30k: '的汽车大约值 3 万元以下',
  '30k_80k': '的汽车大约值 3 万到 8 万元',
  over_80k: '的汽车大约值 8 万元以上',
};

const HOUSING_PHRASES: { readonly [Band in AnswerValue<'housing'>]: string } = {
  own_one: '有一套自己的房子',
  own_unsafe: '的房子破旧、住着不安全',
  own_multiple: '有两套或更多房子',
  rent: '是租房住',
  borrowed: '借住在亲戚朋友家',
  no_home: '没有固定的住处',
};

const EVENT_PHRASES: { readonly [Event in OptionValue<'income_change'>]: string } = {
  job_loss: '有人失业或停工',
  major_illness: '有人得了重病或受了重伤',
  disability: '有人新近残疾',
  death: '主要挣钱的人去世了',
  disaster: '遇到了意外灾祸',
  income_drop: '收入少了一大半',
  none: '',
};

function eventPhrase(f: HouseholdFacts): string {
  let out = '';
  for (const event of f.incomeChange) {
    const phrase = EVENT_PHRASES[event];
    if (phrase) out = out ? `${out}、${phrase}` : phrase;
  }
  return out;
}

/** Everything a reason may say about the household, each already worded. */
export const FACT_SLOTS = {
  householdSize: (f: HouseholdFacts) => String(f.householdSize),
  incomeYearly: (f: HouseholdFacts) => formatMoney(f.incomeYearly),
  incomePerPersonMonthly: (f: HouseholdFacts) => formatMoney(f.incomePerPersonMonthly),
  incomeAfterRigidPerPersonMonthly: (f: HouseholdFacts) => formatMoney(f.incomeAfterRigidPerPersonMonthly),
  medicalExpense: (f: HouseholdFacts) => formatMoney(f.medicalExpense),
  educationExpense: (f: HouseholdFacts) => formatMoney(f.educationExpense),
  rigidExpense: (f: HouseholdFacts) => formatMoney(f.rigidExpense),
  rigidShare: (f: HouseholdFacts) => formatPercent(f.rigidShare),
  educationShare: (f: HouseholdFacts) => formatPercent(f.educationShare),
  assetPhrase: (f: HouseholdFacts) => ASSET_PHRASES[f.financialAssets],
  vehiclePhrase: (f: HouseholdFacts) => VEHICLE_PHRASES[f.vehicle],
  housingPhrase: (f: HouseholdFacts) => HOUSING_PHRASES[f.housing],
  eventPhrase,
} as const satisfies Record<string, (f: HouseholdFacts) => string>;

export type FactSlot = keyof typeof FACT_SLOTS;

export type FilledTemplate = (facts: HouseholdFacts) => string;

function limitText(limits: Limits, name: LimitName): string {
  const value = limits[name];
  switch (LIMIT_FORMATS[name]) {
    case 'money':
      return formatMoney(value);
    case 'percent':
      return formatPercent(value);
    case 'plain':
      return formatPlain(value);
  }
}

function isFactSlot(name: string): name is FactSlot {
  return Object.prototype.hasOwnProperty.call(FACT_SLOTS, name);
}

function isLimitSlot(name: string): name is LimitName {
  return Object.prototype.hasOwnProperty.call(LIMIT_FORMATS, name);
}

function parseTemplate(template: string, limits: Limits, allowFacts: boolean): (string | FilledTemplate)[] {
  const parts: (string | FilledTemplate)[] = [];
  let text = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) break;
    const close = template.indexOf('}', open);
    if (close < 0) throw new Error(`unclosed slot in template: ${template}`);
    text += template.slice(at, open);
    const name = template.slice(open + 1, close);
    if (isLimitSlot(name)) {
      text += limitText(limits, name);
    } else if (allowFacts && isFactSlot(name)) {
      parts.push(text, FACT_SLOTS[name]);
      text = '';
    } else {
      throw new Error(`unknown slot {${name}} in template: ${template}`);
    }
    at = close + 1;
  }
  parts.push(text + template.slice(at));
  return parts;
}

/** Compiles a template; throws on an unknown slot so a typo fails at start-up, not in a resident's result. */
export function compileTemplate(template: string, limits: Limits): FilledTemplate {
  const parts = parseTemplate(template, limits, true);
  // Most reasons have one to three slots: joining them without a loop keeps screening fast.
  const [a, f1, b, f2, c, f3, d] = parts as [string, FilledTemplate, string, FilledTemplate, string, FilledTemplate, string];
  switch (parts.length) {
    case 1:
      return () => a;
    case 3:
      return (facts) => a + f1(facts) + b;
    case 5:
      return (facts) => a + f1(facts) + b + f2(facts) + c;
    case 7:
      return (facts) => a + f1(facts) + b + f2(facts) + c + f3(facts) + d;
  }
  return (facts) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(facts);
    return out;
  };
}

/** Fills a template that may only name parameters (a criterion), once. */
export function fillWithLimits(template: string, limits: Limits): string {
  return parseTemplate(template, limits, false).join('');
}
