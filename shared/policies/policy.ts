/**
 * One entry of the policy library (政策库): what a result links to and staff can edit later.
 */
import type { OptionValue, ReceivedHelp } from '../questionnaire/answers';
import type { OutcomeId } from '../screening/outcomes';

export interface Policy {
  readonly id: string;
  readonly name: string;
  /** The office that handles it, as residents know it. */
  readonly department: string;
  /** One line shown in a screening result. */
  readonly summary: string;
  readonly whoQualifies: string;
  readonly whatItGives: string;
  readonly howToApply: string;
  readonly documents: readonly string[];
  /** The outcomes this policy belongs to; a result lists it when one of them fires. */
  readonly outcomes: readonly OutcomeId[];
  /** The document it rests on. */
  readonly basis: string;
  /** Not listed for a household that already receives one of these (it comes with them). */
  readonly skipIfReceiving?: readonly ReceivedHelp[];
  /** Only listed when the household has one of these members. */
  readonly onlyForMembers?: readonly OptionValue<'special_members'>[];
}

/** A policy as the API shows it: what a resident reads, without the listing conditions; the lists are copies. */
export const policyInfo = (p: Policy) => ({
  id: p.id,
  name: p.name,
  department: p.department,
  summary: p.summary,
  whoQualifies: p.whoQualifies,
  whatItGives: p.whatItGives,
  howToApply: p.howToApply,
  documents: [...p.documents],
  outcomes: [...p.outcomes],
  basis: p.basis,
});
