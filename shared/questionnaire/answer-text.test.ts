import { describe, expect, it } from 'vitest';
import { answerText } from './answer-text';
import { QUESTIONS } from './questions';
import type { Question } from './question';

const question = (id: string) => QUESTIONS.find((q) => q.id === id) as Question;

describe('answerText', () => {
  it.each([
    ['residence', 'local', '户口在本县，人也住在本县'],
    ['household_size', 3, '3 人'],
    ['special_members', ['elderly', 'disabled'], '60 岁以上的老人、有残疾的人'],
    ['income', { amount: 1500, period: 'month' }, '每月 1,500 元'],
    ['income', { amount: 12345.678, period: 'year' }, '每年 12,345.68 元'],
    ['income', { amount: 0, period: 'month' }, '没有收入'],
  ])('%s = %j reads 「%s」', (id, value, text) => {
    expect(answerText(question(id), value)).toBe(text);
  });

  it('gives nothing for a question not answered yet', () => {
    expect(answerText(question('residence'), undefined)).toBeUndefined();
    expect(answerText(question('income'), null)).toBeUndefined();
  });
});
