/** The self-check questionnaire: its data, the answers type, schema and validation. */
export type { Question, QuestionOption, OptionGroup, PeriodOption, QuestionTopic, QuestionType } from './question';
export { QUESTION_TOPICS } from './question';
export type { Questionnaire } from './questions';
export { QUESTIONS, QUESTIONNAIRE, QUESTIONNAIRE_VERSION } from './questions';
export type {
  Answers,
  AnswerValue,
  FamilySupport,
  OptionValue,
  PeriodAmount,
  QuestionId,
  ReceivedHelp,
} from './answers';
export { AnswersSchema, answerSchema } from './schema';
export type { AnswerErrors, ValidationResult } from './validate';
export { validateAnswers } from './validate';
