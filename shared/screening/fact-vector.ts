/**
 * The household facts laid out as one vector of numbers, so compiled rules read a slot by index
 * and test choices with bit masks instead of comparing strings: this is what keeps screening fast.
 */
import type { QuestionOption } from '../questionnaire/question';
import { QUESTIONS } from '../questionnaire/questions';
import type { ChoiceFact, HouseholdFacts, NumericFact, RangeFact, SetFact } from './facts';

export const NUMERIC_SLOT: { readonly [Fact in NumericFact]: number } = {
  householdSize: 0,
  incomeYearly: 1,
  incomePerPersonMonthly: 2,
  medicalExpense: 3,
  educationExpense: 4,
  rigidExpense: 5,
  rigidShare: 6,
  educationShare: 7,
  incomeAfterRigidPerPersonMonthly: 8,
};

export const RANGE_LOW_SLOT: { readonly [Fact in RangeFact]: number } = {
  assetsPerPerson: 9,
  vehicleValue: 10,
  housesOwned: 11,
};

export const RANGE_HIGH_SLOT: { readonly [Fact in RangeFact]: number } = {
  assetsPerPerson: 12,
  vehicleValue: 13,
  housesOwned: 14,
};

/** A choice is stored as the bit of the chosen option. */
export const CHOICE_SLOT: { readonly [Fact in ChoiceFact]: number } = {
  residence: 15,
  labour: 16,
  housing: 17,
  vehicle: 18,
  financialAssets: 19,
  familySupport: 20,
};

/** A set of options is stored as the OR of their bits. */
export const SET_SLOT: { readonly [Fact in SetFact]: number } = {
  specialMembers: 21,
  incomeChange: 22,
  received: 23,
};

export const FACT_VECTOR_LENGTH = 24;

export type FactVector = Float64Array;

function optionsOf(id: string, group?: string): readonly QuestionOption[] {
  const question = QUESTIONS.find((q) => q.id === id);
  if (!question || !('options' in question)) throw new Error(`question ${id} has no options`);
  const options: readonly QuestionOption[] = question.options;
  return group ? options.filter((o) => o.group === group) : options;
}

function bitsOf(options: readonly QuestionOption[]): ReadonlyMap<string, number> {
  if (options.length > 30) throw new Error('too many options for a bit mask');
  return new Map(options.map((option, index) => [option.value, 1 << index]));
}

const OPTION_BITS: { readonly [Fact in ChoiceFact | SetFact]: ReadonlyMap<string, number> } = {
  residence: bitsOf(optionsOf('residence')),
  labour: bitsOf(optionsOf('labour')),
  housing: bitsOf(optionsOf('housing')),
  vehicle: bitsOf(optionsOf('vehicle')),
  financialAssets: bitsOf(optionsOf('financial_assets')),
  familySupport: bitsOf(optionsOf('support', 'family')),
  specialMembers: bitsOf(optionsOf('special_members')),
  incomeChange: bitsOf(optionsOf('income_change')),
  received: bitsOf(optionsOf('support', 'received')),
};

/** The mask of some option values of a fact; throws on a value the questionnaire does not have. */
export function maskOf(fact: ChoiceFact | SetFact, values: readonly string[]): number {
  let mask = 0;
  for (const value of values) {
    const bit = OPTION_BITS[fact].get(value);
    if (bit === undefined) throw new Error(`${fact} has no option "${value}"`);
    mask |= bit;
  }
  return mask;
}

function bitOf(bits: ReadonlyMap<string, number>, value: string): number {
  return bits.get(value) ?? 0;
}

function setMask(bits: ReadonlyMap<string, number>, values: readonly string[]): number {
  let mask = 0;
  for (const value of values) mask |= bitOf(bits, value);
  return mask;
}

export function writeFactVector(f: HouseholdFacts, v: FactVector): void {
  v[0] = f.householdSize;
  v[1] = f.incomeYearly;
  v[2] = f.incomePerPersonMonthly;
  v[3] = f.medicalExpense;
  v[4] = f.educationExpense;
  v[5] = f.rigidExpense;
  v[6] = f.rigidShare;
  v[7] = f.educationShare;
  v[8] = f.incomeAfterRigidPerPersonMonthly;
  v[9] = f.assetsPerPersonLow;
  v[10] = f.vehicleValueLow;
  v[11] = f.housesOwnedLow;
  v[12] = f.assetsPerPersonHigh;
  v[13] = f.vehicleValueHigh;
  v[14] = f.housesOwnedHigh;
  v[15] = bitOf(OPTION_BITS.residence, f.residence);
  v[16] = bitOf(OPTION_BITS.labour, f.labour);
  v[17] = bitOf(OPTION_BITS.housing, f.housing);
  v[18] = bitOf(OPTION_BITS.vehicle, f.vehicle);
  v[19] = bitOf(OPTION_BITS.financialAssets, f.financialAssets);
  v[20] = bitOf(OPTION_BITS.familySupport, f.familySupport);
  v[21] = setMask(OPTION_BITS.specialMembers, f.specialMembers);
  v[22] = setMask(OPTION_BITS.incomeChange, f.incomeChange);
  v[23] = setMask(OPTION_BITS.received, f.received);
}
