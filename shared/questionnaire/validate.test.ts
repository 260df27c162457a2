import fc from 'fast-check';
import Compile from 'typebox/compile';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { answersArbitrary } from '../../tests/fixtures/arbitrary-answers';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';
import type { Answers } from './answers';
import { QUESTIONS } from './questions';
import { AnswersSchema } from './schema';
import { answerPartError, validateAnswers } from './validate';

const VALID: Answers = HARDSHIP_ANSWERS;

const compiled = Compile(AnswersSchema);

function withAnswer(id: string, value: unknown): Record<string, unknown> {
  return { ...VALID, [id]: value };
}

function without(id: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...VALID };
  delete copy[id];
  return copy;
}

function fieldsOf(answers: unknown): Record<string, string> {
  const result = validateAnswers(answers);
  return result.ok ? {} : result.fields;
}

describe('validateAnswers', () => {
  it('accepts a complete set of answers and returns it as typed answers', () => {
    const result = validateAnswers(VALID);
    expect(result).toEqual({ ok: true, answers: VALID });
  });

  it('accepts income as a plain monthly number or with a period', () => {
    expect(validateAnswers(withAnswer('income', 2500)).ok).toBe(true);
    expect(validateAnswers(withAnswer('income', { amount: 2500, period: 'month' })).ok).toBe(true);
    expect(validateAnswers(withAnswer('income', 0)).ok).toBe(true);
  });

  it('names every missing answer in plain Chinese', () => {
    const fields = fieldsOf({});
    expect(Object.keys(fields).sort()).toEqual(QUESTIONS.map((q) => q.id).sort());
    expect(fields.household_size).toBe('请填写共同生活的人数，填 1 到 20 之间的数字，例如您和老伴两个人一起过，就填 2；一个人过就填 1');
    expect(fields.residence).toBe('请选一项（户口和居住情况）');
    expect(fields.special_members).toBe('请选择家里需要照顾的人，都没有就选「都没有」');
    expect(fields.income).toBe('请填写全家收入，估个大概数就行，没有就填 0');
  });

  it.each([
    ['household_size', 0, '请填写共同生活的人数，填 1 到 20 之间的数字，例如您和老伴两个人一起过，就填 2；一个人过就填 1'],
    ['household_size', 21, '请填写共同生活的人数，填 1 到 20 之间的数字，例如您和老伴两个人一起过，就填 2；一个人过就填 1'],
    ['household_size', 2.5, '请填写共同生活的人数，填 1 到 20 之间的整数，例如您和老伴两个人一起过，就填 2；一个人过就填 1'],
    ['household_size', '3', '请填写共同生活的人数，填 1 到 20 之间的数字，例如您和老伴两个人一起过，就填 2；一个人过就填 1'],
    ['income', -1, '全家收入不能是负数，没有就填 0'],
    ['income', 100_000_000, '这个数字太大了，请核对一下全家收入'],
    ['income', { amount: 100 }, '请选择全家收入是按月还是按年填的'],
    ['income', { amount: 100, period: 'week' }, '请选择全家收入是按月还是按年填的'],
    ['income', { amount: 100, period: 'month', note: 'x' }, '请重新填写全家收入'],
    ['income', { amount: -5, period: 'year' }, '全家收入不能是负数，没有就填 0'],
    ['medical_expense', null, '请填写近一年看病自己花的钱，估个大概数就行，没有就填 0'],
  ])('rejects %s = %j: %s', (id, value, message) => {
    expect(fieldsOf(withAnswer(id, value))).toEqual({ [id]: message });
  });

  it('asks for one choice when a single-choice question is left blank on its own page', () => {
    expect(fieldsOf(withAnswer('residence', undefined))).toEqual({ residence: '请选一项（户口和居住情况）' });
  });

  it.each([
    ['residence', 'mars', '这个选项不对，请从列出的选项里重新选择户口和居住情况'],
    ['housing', 3, '这个选项不对，请从列出的选项里重新选择住房情况'],
    ['special_members', [], '请选择家里需要照顾的人，都没有就选「都没有」'],
    ['special_members', ['elderly', 'pets'], '有的选项不对，请从列出的选项里重新选择家里需要照顾的人'],
    ['special_members', ['elderly', 'elderly'], '有的选项重复了，请重新选择家里需要照顾的人'],
    ['special_members', ['elderly', 'none'], '选了「都没有」，就不能再选这部分的其他项了'],
    ['special_members', 'elderly', '请重新选择家里需要照顾的人'],
    ['support', ['received_none'], '请在「家人能不能帮衬」里选一项'],
    ['support', ['family_able', 'no_family', 'received_none'], '「家人能不能帮衬」只能选一项'],
    ['support', ['family_able'], '请在「已经在享受的帮助」里至少选一项，没有就选「还没有享受任何帮助」'],
    ['support', ['family_able', 'received_dibao', 'received_none'], '选了「还没有享受任何帮助」，就不能再选这部分的其他项了'],
  ])('rejects %s = %j: %s', (id, value, message) => {
    expect(fieldsOf(withAnswer(id, value))).toEqual({ [id]: message });
  });

  it('rejects keys the questionnaire does not have', () => {
    expect(fieldsOf({ ...VALID, name: '张三' })).toEqual({ name: '这一项不在问卷里，请刷新页面后重新填写' });
  });

  it('rejects something that is not an answers object', () => {
    for (const input of [null, undefined, [], 'answers', 42]) expect(validateAnswers(input).ok).toBe(false);
  });

  it('reports every wrong answer at once, each beside its own question', () => {
    const fields = fieldsOf({ ...without('labour'), household_size: 0, vehicle: 'bike' });
    expect(Object.keys(fields).sort()).toEqual(['household_size', 'labour', 'vehicle']);
  });
});

/** Values that are right for some question and wrong for most, to probe every check. */
const PROBES: unknown[] = [
  null,
  true,
  0,
  -1,
  1,
  2.5,
  21,
  1e9,
  '',
  'local',
  'none',
  [],
  ['none'],
  ['elderly', 'none'],
  ['elderly', 'elderly'],
  ['family_able', 'received_none'],
  ['no_family', 'received_dibao', 'received_none'],
  ['received_dibao'],
  { amount: 100, period: 'month' },
  { amount: 100, period: 'day' },
  { amount: -1, period: 'year' },
  { amount: 100 },
  { amount: 100, period: 'month', extra: 1 },
  {},
];

const mutatedAnswers = fc
  .tuple(
    answersArbitrary,
    fc.array(fc.tuple(fc.constantFrom(...QUESTIONS.map((q) => q.id), 'extra', 'name'), fc.constantFrom(...PROBES)), {
      maxLength: 3,
    }),
    fc.array(fc.constantFrom(...QUESTIONS.map((q) => q.id)), { maxLength: 2 }),
  )
  .map(([answers, changes, removals]) => {
    const copy: Record<string, unknown> = { ...answers };
    for (const [id, value] of changes) copy[id] = value;
    for (const id of removals) delete copy[id];
    // Only what can arrive as JSON.
    return JSON.parse(JSON.stringify(copy)) as unknown;
  });

describe('validateAnswers and the TypeBox schema agree', () => {
  it('accepts every generated valid answer set', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        expect(validateAnswers(answers).ok).toBe(true);
        expect(Value.Check(AnswersSchema, answers)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accept and reject the same inputs (typebox/value and typebox/compile)', () => {
    fc.assert(
      fc.property(mutatedAnswers, (input) => {
        const ours = validateAnswers(input).ok;
        expect(Value.Check(AnswersSchema, input)).toBe(ours);
        expect(compiled.Check(input)).toBe(ours);
      }),
      { numRuns: 1000 },
    );
  });

  it.each(PROBES.map((probe) => [JSON.stringify(probe), probe]))('agree on %s for every question', (_label, probe) => {
    for (const question of QUESTIONS) {
      const input = withAnswer(question.id, probe);
      expect(Value.Check(AnswersSchema, input), question.id).toBe(validateAnswers(input).ok);
    }
  });

  it('is plain JSON schema with additionalProperties false (what Fastify/ajv needs)', () => {
    const schema = JSON.parse(JSON.stringify(AnswersSchema)) as Record<string, unknown>;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(QUESTIONS.map((q) => q.id));
  });
});

describe('answerPartError (a question shown in parts)', () => {
  const support = QUESTIONS.find((q) => q.id === 'support')!;

  it('checks only the part on screen', () => {
    expect(answerPartError(support, 0, ['family_able'])).toBeUndefined();
    expect(answerPartError(support, 0, undefined)).toBe('请在「家人能不能帮衬」里选一项');
    expect(answerPartError(support, 0, ['received_none'])).toBe('请在「家人能不能帮衬」里选一项');
    expect(answerPartError(support, 1, ['family_able'])).toBe('请在「已经在享受的帮助」里至少选一项，没有就选「还没有享受任何帮助」');
    expect(answerPartError(support, 1, ['family_able', 'received_dibao'])).toBeUndefined();
  });
});
