import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { QuestionnaireResponse } from '../schemas/screening';
import { QUESTION_TOPICS, type Question } from './question';
import { QUESTIONNAIRE, QUESTIONS } from './questions';

describe('the self-check questionnaire', () => {
  it('has exactly 12 questions, one for each contract topic', () => {
    expect(QUESTIONS).toHaveLength(12);
    expect(QUESTIONS.map((q) => q.topic).sort()).toEqual([...QUESTION_TOPICS].sort());
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(12);
  });

  it('is served in the CONTRACT shape, with a version', () => {
    expect(Value.Check(QuestionnaireResponse, QUESTIONNAIRE)).toBe(true);
    expect(QUESTIONNAIRE.version).toMatch(/\S/);
  });

  it.each(QUESTIONS.map((q: Question) => [q.id, q] as const))('%s: options are well formed', (_id, question) => {
    const options = question.options ?? [];
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    if (question.type === 'single' || question.type === 'multi') expect(options.length).toBeGreaterThan(1);
    if (question.groups) {
      for (const option of options) expect(question.groups.map((g) => g.id)).toContain(option.group);
    }
  });

  it('offers a real 「没有」 answer wherever "nothing" is possible', () => {
    for (const question of QUESTIONS) {
      if (question.type === 'multi') {
        const parts = 'groups' in question ? question.groups.filter((g) => g.select === 'some') : [undefined];
        for (const part of parts) {
          const options = question.options.filter((o) => !part || ('group' in o && o.group === part.id));
          expect(options.some((o) => 'exclusive' in o && o.exclusive), question.id).toBe(true);
        }
      }
      if (question.type === 'number' && question.unit === '元') expect('zeroLabel' in question, question.id).toBe(true);
    }
  });

  it('never prefills an answer', () => {
    for (const question of QUESTIONS) expect(question).not.toHaveProperty('default');
  });

  it('speaks plainly and politely: 您, never 你 or 贫困户', () => {
    const text = JSON.stringify(QUESTIONS);
    expect(text).not.toMatch(/你|贫困户|穷/);
    expect(QUESTIONS.find((q) => q.id === 'household_size')!.title).toBe('和您一起生活、一起开支的人（包括您自己）有几位？');
  });

  it('asks money questions with 「估个大概数就行」', () => {
    for (const question of QUESTIONS.filter((q) => 'unit' in q && q.unit === '元')) {
      expect('help' in question && question.help).toContain('估个大概数就行');
    }
  });
});
