/**
 * Schemas of the self-check routes: GET /api/questionnaire and POST /api/screenings.
 * Every field the engine returns is declared, because Fastify's serializer drops undeclared ones.
 */
import { Type, type Static } from 'typebox';
import { RISK_LEVELS } from '../cases/risk';
import { QUESTION_TOPICS } from '../questionnaire/question';
import { AnswersSchema } from '../questionnaire/schema';
import { OUTCOME_IDS } from '../screening/outcomes';
import type { ScreeningResult } from '../screening/result';

const QuestionOption = Type.Object({
  value: Type.String(),
  label: Type.String(),
  group: Type.Optional(Type.String()),
  exclusive: Type.Optional(Type.Boolean()),
});

const OptionGroup = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortTitle: Type.String(),
  select: Type.Enum(['one', 'some']),
});

const PeriodOption = Type.Object({
  value: Type.Enum(['month', 'year']),
  label: Type.String(),
});

export const QuestionSchema = Type.Object({
  id: Type.String(),
  topic: Type.Enum(QUESTION_TOPICS),
  title: Type.String(),
  shortTitle: Type.String(),
  help: Type.Optional(Type.String()),
  type: Type.Enum(['single', 'multi', 'number', 'boolean']),
  options: Type.Optional(Type.Array(QuestionOption)),
  groups: Type.Optional(Type.Array(OptionGroup)),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  integer: Type.Optional(Type.Boolean()),
  unit: Type.Optional(Type.String()),
  periods: Type.Optional(Type.Array(PeriodOption)),
  zeroLabel: Type.Optional(Type.String()),
  example: Type.Optional(Type.String()),
  required: Type.Boolean(),
});

/** 200 of GET /api/questionnaire. */
export const QuestionnaireResponse = Type.Object({
  version: Type.String(),
  questions: Type.Array(QuestionSchema, { minItems: 12, maxItems: 12 }),
});
export type QuestionnaireResponse = Static<typeof QuestionnaireResponse>;

/** Body of POST /api/screenings. */
export const ScreeningBody = Type.Object(
  {
    entryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    answers: AnswersSchema,
  },
  { additionalProperties: false },
);
export type ScreeningBody = Static<typeof ScreeningBody>;

const Level = Type.Enum(RISK_LEVELS);

const Criterion = Type.Object({
  text: Type.String(),
  state: Type.Enum(['met', 'not_met', 'check']),
});

const ScreeningOutcome = Type.Object({
  id: Type.Enum(OUTCOME_IDS),
  title: Type.String(),
  reasons: Type.Array(Type.String()),
  status: Type.Optional(Type.Enum(['likely', 'check'])),
  statusText: Type.Optional(Type.String()),
  reasonIds: Type.Optional(Type.Array(Type.String())),
  criteria: Type.Optional(Type.Array(Criterion)),
  summary: Type.Optional(Type.String()),
  estimate: Type.Optional(
    Type.Object({ outcomeId: Type.Enum(OUTCOME_IDS), monthly: Type.Number(), text: Type.String(), basis: Type.String() }),
  ),
});

const MatchedPolicy = Type.Object({
  id: Type.String(),
  name: Type.String(),
  department: Type.String(),
  summary: Type.String(),
});

/** 200 of POST /api/screenings: the CONTRACT fields, then the explanations the client shows. */
export const ScreeningResponse = Type.Object({
  suspected: Type.Boolean(),
  level: Level,
  outcomes: Type.Array(ScreeningOutcome),
  policies: Type.Array(MatchedPolicy),
  rulesVersion: Type.String(),
  verdict: Type.Optional(Type.Enum(['likely', 'check', 'unlikely'])),
  verdictText: Type.Optional(Type.String()),
  targetClass: Type.Optional(Type.Union([Type.Enum(['missing', 'insufficient', 'warning']), Type.Null()])),
  targetClassLabel: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  alreadyReceiving: Type.Optional(Type.Array(Type.Object({ id: Type.String(), label: Type.String() }))),
  cannotJudge: Type.Optional(Type.Array(Type.Object({ text: Type.String(), askWhom: Type.String() }))),
  fallback: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  disclaimer: Type.Optional(Type.String()),
  mainReason: Type.Optional(Type.String()),
  whyNot: Type.Optional(Type.Array(Type.String())),
  notJudged: Type.Optional(Type.Array(Type.String())),
  openHelp: Type.Optional(
    Type.Array(Type.Object({ id: Type.Enum(['temporary', 'station', 'wish']), title: Type.String(), text: Type.String() })),
  ),
});
export type ScreeningResponse = Static<typeof ScreeningResponse>;

// Compile-time guard: the engine's result fits the response schema (the questionnaire is checked in a test).
type Assert<T extends true> = T;
export type _ResultFitsResponse = Assert<ScreeningResult extends ScreeningResponse ? true : false>;
