import { useAnswersStore } from '../stores/answers';
import { paths } from './paths';

/** Where 「自助测一测」 should land: the first unanswered question, or the review when all are answered. */
export function resumeCheck(code: string): string {
  const answers = useAnswersStore();
  const next = answers.firstUnanswered('self');
  return next === undefined ? paths.review(code, 'self') : paths.question(code, 'self', next);
}
