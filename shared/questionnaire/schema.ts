/**
 * The JSON schema of an answers object, generated from QUESTIONS so the server (Fastify/ajv),
 * the client and validateAnswers all check exactly what the questionnaire asks.
 * Only draft-07 keywords are used, because Fastify's ajv speaks draft-07.
 */
import Type, { type TSchema } from 'typebox';
import type { Answers } from './answers';
import { optionParts } from './option-parts';
import type { Question } from './question';
import { QUESTIONS } from './questions';

function numberSchema(question: Question): TSchema {
  const range = { minimum: question.min, maximum: question.max };
  const amount = question.integer ? Type.Integer(range) : Type.Number(range);
  if (!question.periods) return amount;
  const period = Type.Enum(question.periods.map((p) => p.value));
  const perPeriod = Type.Object({ amount, period }, { additionalProperties: false });
  return Type.Union([amount, perPeriod]);
}

function contains(values: readonly string[]): TSchema {
  return values.length === 1 ? { contains: { const: values[0] } } : { contains: { enum: values } };
}

function multiSchema(question: Question): TSchema {
  const values = (question.options ?? []).map((o) => o.value);
  const rules: TSchema[] = [];
  for (const part of optionParts(question)) {
    const partValues = part.options.map((o) => o.value);
    if (part.select === 'one') rules.push({ oneOf: partValues.map((v) => contains([v])) });
    else if (question.groups) rules.push(contains(partValues));
    for (const option of part.options) {
      if (!option.exclusive) continue;
      const others = partValues.filter((v) => v !== option.value);
      rules.push({ not: { allOf: [contains([option.value]), contains(others)] } });
    }
  }
  return Type.Array(Type.Enum(values), {
    minItems: 1,
    maxItems: values.length,
    uniqueItems: true,
    ...(rules.length > 0 ? { allOf: rules } : {}),
  });
}

export function answerSchema(question: Question): TSchema {
  switch (question.type) {
    case 'single':
      return Type.Enum((question.options ?? []).map((o) => o.value));
    case 'multi':
      return multiSchema(question);
    case 'number':
      return numberSchema(question);
    case 'boolean':
      return Type.Boolean();
  }
}

function answersSchema(questions: readonly Question[]): TSchema {
  const properties: Record<string, TSchema> = {};
  for (const question of questions) {
    const schema = answerSchema(question);
    properties[question.id] = question.required ? schema : Type.Optional(schema);
  }
  return Type.Object(properties, { additionalProperties: false });
}

/** `answers` in POST /api/screenings and POST /api/requests. */
export const AnswersSchema = Type.Unsafe<Answers>(answersSchema(QUESTIONS));
