/**
 * Checks an answers object the same way AnswersSchema does, but says what is wrong with each
 * answer in plain Chinese the resident can act on, keyed by question id for the client.
 * Agreement with the schema is a tested property (validate.test.ts).
 */
import type { Answers } from './answers';
import type { Question } from './question';
import { QUESTIONS } from './questions';
import { optionParts } from './option-parts';

/** Messages keyed by question id (or by an unknown key that should not be there). */
export type AnswerErrors = Record<string, string>;

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; fields: AnswerErrors };

/** Returns a message when the answer is wrong, undefined when it is fine. */
type AnswerCheck = (value: unknown) => string | undefined;

const UNKNOWN_FIELD = '这一项不在问卷里，请刷新页面后重新填写';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function singleCheck(question: Question): AnswerCheck {
  const allowed = new Set((question.options ?? []).map((o) => o.value));
  return (value) => {
    if (typeof value === 'string' && allowed.has(value)) return undefined;
    if (value === null || value === undefined || value === '') return `请选一项（${question.shortTitle}）`;
    return `这个选项不对，请从列出的选项里重新选择${question.shortTitle}`;
  };
}

/** Each part of a multi question with the messages that name it. */
function describeParts(question: Question) {
  return optionParts(question).map((part) => {
    const partExclusive = part.options.find((o) => o.exclusive);
    const name = part.group?.shortTitle ?? question.shortTitle;
    return {
      values: new Set(part.options.map((o) => o.value)),
      select: part.select,
      grouped: part.group !== undefined,
      exclusive: partExclusive?.value,
      exclusiveMessage: partExclusive ? `选了「${partExclusive.label}」，就不能再选这部分的其他项了` : '',
      noneMessage:
        part.select === 'one'
          ? `请在「${name}」里选一项`
          : `请在「${name}」里至少选一项${partExclusive ? `，没有就选「${partExclusive.label}」` : ''}`,
      tooManyMessage: `「${name}」只能选一项`,
    };
  });
}

function multiCheck(question: Question): AnswerCheck {
  const allowed = new Set((question.options ?? []).map((o) => o.value));
  const exclusive = (question.options ?? []).find((o) => o.exclusive && !o.group);
  const emptyMessage = `请选择${question.shortTitle}${exclusive ? `，都没有就选「${exclusive.label}」` : ''}`;
  const parts = describeParts(question);

  return (value) => {
    if (!Array.isArray(value)) return value === null || value === undefined ? emptyMessage : `请重新选择${question.shortTitle}`;
    if (value.length === 0) return emptyMessage;
    const seen = new Set<string>();
    for (const item of value) {
      if (typeof item !== 'string' || !allowed.has(item)) {
        return `有的选项不对，请从列出的选项里重新选择${question.shortTitle}`;
      }
      if (seen.has(item)) return `有的选项重复了，请重新选择${question.shortTitle}`;
      seen.add(item);
    }
    for (const part of parts) {
      let chosen = 0;
      for (const item of seen) if (part.values.has(item)) chosen += 1;
      if (part.grouped && chosen === 0) return part.noneMessage;
      if (part.select === 'one' && chosen > 1) return part.tooManyMessage;
      if (part.exclusive !== undefined && chosen > 1 && seen.has(part.exclusive)) return part.exclusiveMessage;
    }
    return undefined;
  };
}

function amountCheck(question: Question): AnswerCheck {
  const min = question.min ?? Number.NEGATIVE_INFINITY;
  const max = question.max ?? Number.POSITIVE_INFINITY;
  const isMoney = question.unit === '元';
  const fillMessage = isMoney
    ? `请填写${question.shortTitle}，估个大概数就行，没有就填 0`
    : `请填写${question.shortTitle}，填 ${min} 到 ${max} 之间的数字${question.example ? `，${question.example}` : ''}`;
  const belowMessage = isMoney ? `${question.shortTitle}不能是负数，没有就填 0` : fillMessage;
  const aboveMessage = isMoney ? `这个数字太大了，请核对一下${question.shortTitle}` : fillMessage;
  const wholeMessage = `请填写${question.shortTitle}，填 ${min} 到 ${max} 之间的整数${question.example ? `，${question.example}` : ''}`;
  return (value) => {
    if (typeof value !== 'number' || Number.isNaN(value)) return fillMessage;
    if (value < min) return belowMessage;
    if (value > max) return aboveMessage;
    if (question.integer && !Number.isInteger(value)) return wholeMessage;
    return undefined;
  };
}

function numberCheck(question: Question): AnswerCheck {
  const checkAmount = amountCheck(question);
  if (!question.periods) return checkAmount;
  const periods = new Set<unknown>(question.periods.map((p) => p.value));
  const periodMessage = `请选择${question.shortTitle}是按月还是按年填的`;
  return (value) => {
    if (!isPlainObject(value)) return checkAmount(value);
    for (const key of Object.keys(value)) {
      if (key !== 'amount' && key !== 'period') return `请重新填写${question.shortTitle}`;
    }
    const amountMessage = checkAmount(value.amount);
    if (amountMessage) return amountMessage;
    return periods.has(value.period) ? undefined : periodMessage;
  };
}

function booleanCheck(question: Question): AnswerCheck {
  return (value) => (typeof value === 'boolean' ? undefined : `请回答${question.shortTitle}，选「是」或「否」`);
}

function checkFor(question: Question): AnswerCheck {
  switch (question.type) {
    case 'single':
      return singleCheck(question);
    case 'multi':
      return multiCheck(question);
    case 'number':
      return numberCheck(question);
    case 'boolean':
      return booleanCheck(question);
  }
}

interface CompiledQuestion {
  readonly id: string;
  readonly required: boolean;
  readonly missingMessage: string;
  readonly check: AnswerCheck;
}

function missingMessage(question: Question): string {
  if (question.type !== 'multi') return checkFor(question)(undefined) ?? '';
  const exclusive = (question.options ?? []).find((o) => o.exclusive && !o.group);
  return `请选择${question.shortTitle}${exclusive ? `，都没有就选「${exclusive.label}」` : ''}`;
}

const COMPILED: readonly CompiledQuestion[] = QUESTIONS.map((question: Question) => ({
  id: question.id,
  required: question.required,
  missingMessage: missingMessage(question),
  check: checkFor(question),
}));

const KNOWN_IDS = new Set(COMPILED.map((q) => q.id));

/**
 * The message for one part of a question shown in parts (Q12's two screens), looking only at that part's
 * options, so the first screen does not complain about the second.
 */
export function answerPartError(question: Question, partIndex: number, value: unknown): string | undefined {
  const part = describeParts(question)[partIndex];
  if (!part) return undefined;
  const chosen = Array.isArray(value) ? value.filter((v) => part.values.has(v as string)) : [];
  if (chosen.length === 0) return part.noneMessage;
  if (part.select === 'one' && chosen.length > 1) return part.tooManyMessage;
  if (part.exclusive !== undefined && chosen.length > 1 && chosen.includes(part.exclusive)) return part.exclusiveMessage;
  return undefined;
}

/** Validates answers for POST /api/screenings and the client's 「检查您的回答」 page. */
export function validateAnswers(answers: unknown): ValidationResult {
  const source = isPlainObject(answers) ? answers : {};
  const fields: AnswerErrors = {};
  let failed = !isPlainObject(answers);
  for (const question of COMPILED) {
    if (!hasOwn(source, question.id)) {
      if (question.required) {
        fields[question.id] = question.missingMessage;
        failed = true;
      }
      continue;
    }
    const message = question.check(source[question.id]);
    if (message !== undefined) {
      fields[question.id] = message;
      failed = true;
    }
  }
  for (const key of Object.keys(source)) {
    if (!KNOWN_IDS.has(key)) {
      fields[key] = UNKNOWN_FIELD;
      failed = true;
    }
  }
  return failed ? { ok: false, fields } : { ok: true, answers: source as unknown as Answers };
}
