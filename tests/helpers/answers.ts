import type { Answers } from '../../shared/questionnaire/answers';

/** A household the rules should flag: two people, little income, big medical bills, no one to lean on. */
export const HARDSHIP_ANSWERS = {
  residence: 'local',
  household_size: 2,
  special_members: ['elderly', 'serious_illness'],
  labour: 'none_able',
  income: { amount: 600, period: 'month' },
  income_change: ['major_illness'],
  financial_assets: 'under_10k',
  housing: 'own_one',
  vehicle: 'none',
  medical_expense: 30000,
  education_expense: 0,
  support: ['no_family', 'received_none'],
} as unknown as Answers;

/** A household with a steady income and savings: nothing should fire. */
export const COMFORTABLE_ANSWERS = {
  residence: 'local',
  household_size: 3,
  special_members: ['none'],
  labour: 'working_stable',
  income: { amount: 15000, period: 'month' },
  income_change: ['none'],
  financial_assets: 'over_200k',
  housing: 'own_multiple',
  vehicle: 'over_80k',
  medical_expense: 0,
  education_expense: 0,
  support: ['family_able', 'received_none'],
} as unknown as Answers;
