/**
 * The household facts rules look at, worked out once per screening from the answers:
 * per-person monthly income, expense shares, and the ranges a banded answer stands for.
 */
import type { Answers, AnswerValue, FamilySupport, OptionValue, ReceivedHelp } from '../questionnaire/answers';

/** A banded answer stands for a range; `high` may be Infinity (「20 万元以上」, 「说不清」). */
type Range = readonly [low: number, high: number];

/** Household total of 存款、理财 etc. for each answer band, in 元. */
export const FINANCIAL_ASSET_RANGES: { readonly [Band in AnswerValue<'financial_assets'>]: Range } = {
  none: [0, 0],
  under_10k: [0, 10_000],
  '10k_30k': [10_000, 30_000],
  '30k_50k': [30_000, 50_000],
  '50k_100k': [50_000, 100_000],
  '100k_200k': [100_000, 200_000],
  over_200k: [200_000, Number.POSITIVE_INFINITY],
  unsure: [0, Number.POSITIVE_INFINITY],
};

/** Value of the household's car in 元; a work vehicle's value is unknown, so it needs a check. */
export const VEHICLE_RANGES: { readonly [Band in AnswerValue<'vehicle'>]: Range } = {
  none: [0, 0],
  work_only: [0, Number.POSITIVE_INFINITY],
  under_30k: [0, 30_000],
  '30k_80k': [30_000, 80_000],
  over_80k: [80_000, Number.POSITIVE_INFINITY],
};

export const HOUSES_OWNED: { readonly [Band in AnswerValue<'housing'>]: Range } = {
  own_one: [1, 1],
  own_unsafe: [1, 1],
  own_multiple: [2, Number.POSITIVE_INFINITY],
  rent: [0, 0],
  borrowed: [0, 0],
  no_home: [0, 0],
};

const FAMILY_SUPPORT: ReadonlySet<string> = new Set<FamilySupport>(['family_able', 'family_unable', 'no_family']);

export interface HouseholdFacts {
  readonly householdSize: number;
  readonly incomeYearly: number;
  readonly incomePerPersonMonthly: number;
  readonly medicalExpense: number;
  readonly educationExpense: number;
  /** Medical + education out-of-pocket in the last 12 months. */
  readonly rigidExpense: number;
  /** rigidExpense / incomeYearly; Infinity when there is expense but no income. */
  readonly rigidShare: number;
  readonly educationShare: number;
  /** What is left per person per month once rigid expense is paid; may be negative. */
  readonly incomeAfterRigidPerPersonMonthly: number;
  readonly assetsPerPersonLow: number;
  readonly assetsPerPersonHigh: number;
  readonly vehicleValueLow: number;
  readonly vehicleValueHigh: number;
  readonly housesOwnedLow: number;
  readonly housesOwnedHigh: number;
  readonly residence: AnswerValue<'residence'>;
  readonly labour: AnswerValue<'labour'>;
  readonly housing: AnswerValue<'housing'>;
  readonly vehicle: AnswerValue<'vehicle'>;
  readonly financialAssets: AnswerValue<'financial_assets'>;
  readonly familySupport: FamilySupport;
  readonly specialMembers: readonly OptionValue<'special_members'>[];
  readonly incomeChange: readonly OptionValue<'income_change'>[];
  /** Help already received, without 「还没有享受任何帮助」. */
  readonly received: readonly ReceivedHelp[];
}

export type NumericFact =
  | 'householdSize'
  | 'incomeYearly'
  | 'incomePerPersonMonthly'
  | 'medicalExpense'
  | 'educationExpense'
  | 'rigidExpense'
  | 'rigidShare'
  | 'educationShare'
  | 'incomeAfterRigidPerPersonMonthly';

export type RangeFact = 'assetsPerPerson' | 'vehicleValue' | 'housesOwned';
export type ChoiceFact = 'residence' | 'labour' | 'housing' | 'vehicle' | 'financialAssets' | 'familySupport';
export type SetFact = 'specialMembers' | 'incomeChange' | 'received';

function monthlyIncome(income: AnswerValue<'income'>): number {
  if (typeof income === 'number') return income;
  return income.period === 'year' ? income.amount / 12 : income.amount;
}

function share(part: number, whole: number): number {
  if (part <= 0) return 0;
  return whole <= 0 ? Number.POSITIVE_INFINITY : part / whole;
}

export function householdFacts(answers: Answers): HouseholdFacts {
  const size = answers.household_size;
  const incomeYearly = monthlyIncome(answers.income) * 12;
  const medicalExpense = answers.medical_expense;
  const educationExpense = answers.education_expense;
  const rigidExpense = medicalExpense + educationExpense;
  const assets = FINANCIAL_ASSET_RANGES[answers.financial_assets];
  const vehicle = VEHICLE_RANGES[answers.vehicle];
  const houses = HOUSES_OWNED[answers.housing];

  let familySupport: FamilySupport = 'family_able';
  const received: ReceivedHelp[] = [];
  for (const value of answers.support) {
    if (FAMILY_SUPPORT.has(value)) familySupport = value as FamilySupport;
    else if (value !== 'received_none') received.push(value as ReceivedHelp);
  }

  return {
    householdSize: size,
    incomeYearly,
    incomePerPersonMonthly: incomeYearly / 12 / size,
    medicalExpense,
    educationExpense,
    rigidExpense,
    rigidShare: share(rigidExpense, incomeYearly),
    educationShare: share(educationExpense, incomeYearly),
    incomeAfterRigidPerPersonMonthly: (incomeYearly - rigidExpense) / 12 / size,
    assetsPerPersonLow: assets[0] / size,
    assetsPerPersonHigh: assets[1] / size,
    vehicleValueLow: vehicle[0],
    vehicleValueHigh: vehicle[1],
    housesOwnedLow: houses[0],
    housesOwnedHigh: houses[1],
    residence: answers.residence,
    labour: answers.labour,
    housing: answers.housing,
    vehicle: answers.vehicle,
    financialAssets: answers.financial_assets,
    familySupport,
    specialMembers: answers.special_members,
    incomeChange: answers.income_change,
    received,
  };
}
