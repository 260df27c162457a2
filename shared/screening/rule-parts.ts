/**
 * Pieces several rules share: what staff must find out (with whom), the "already a hardship household"
 * condition, and the residence / assets / houses / vehicle rules that 特困, 低保 and 低边 each apply.
 */
import type { Condition } from './conditions';
import type { LimitName } from './limits';
import { BASIC_OUTCOMES, type OutcomeId } from './outcomes';
import { BASIC_RECEIVED_HELP } from './received-help';
import type { CannotJudge } from './result';
import type { Rule } from './rules';

const TOWNSHIP = '乡镇（街道）民政办';
const VILLAGE_OR_TOWNSHIP = '村（社区）干部或乡镇（街道）民政办';

export const ASK = {
  residence: { text: '户口不在本县时，能不能在本县申请（要看居住证等情况）', askWhom: TOWNSHIP },
  income: { text: '家里收入的准确数目，以及哪些收入可以扣除', askWhom: TOWNSHIP },
  assets: { text: '家里存款、理财等的具体数目（申请后会统一核对）', askWhom: TOWNSHIP },
  vehicle: { text: '家里车辆的用途和价值', askWhom: TOWNSHIP },
  family: { text: '子女等家人有没有能力赡养、扶养', askWhom: VILLAGE_OR_TOWNSHIP },
  illness: { text: '重病的家人能不能按特困人员认定', askWhom: TOWNSHIP },
  members: { text: '家里每个人的劳动能力和收入情况', askWhom: TOWNSHIP },
  expense: { text: '看病、上学花费的票据和报销情况', askWhom: TOWNSHIP },
  hardship: { text: '家里遇到的急事难事有多严重', askWhom: VILLAGE_OR_TOWNSHIP },
  medicalAid: { text: '能不能按因病致贫重病患者申请医疗救助', askWhom: '县医疗保障局或乡镇（街道）民政办' },
  studentAid: { text: '孩子能不能申请助学金、助学贷款', askWhom: '孩子就读的学校或县教育局学生资助管理中心' },
  house: { text: '房屋安全情况（需要上门看一看）', askWhom: VILLAGE_OR_TOWNSHIP },
  work: { text: '家里人的就业情况和就业意愿', askWhom: '乡镇（街道）民政办或人力社保所' },
} as const satisfies Record<string, CannotJudge>;

/** Already in a recognised hardship class, or likely to be. */
export const HARDSHIP_HOUSEHOLD: Condition = { kind: 'outcome', outcomes: BASIC_OUTCOMES, orReceived: BASIC_RECEIVED_HELP };

/** The household has this need and is already (or likely to be) a hardship household. */
export const needInHardshipHousehold = (need: Condition): Condition => ({ kind: 'all', of: [need, HARDSHIP_HOUSEHOLD] });

/** Something went wrong lately and income is at or below the 临时救助 line. */
export const lowIncomeAfter = (trigger: Condition): Condition => ({
  kind: 'all',
  of: [trigger, { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'temporaryIncomeLine' }],
});

/** `explainsNotMet`: this outcome's copy of the rule also says why, when the result is 暂不符合. */
export function residenceRule(outcome: OutcomeId, explainsNotMet = false): Rule {
  return {
    id: `${outcome}.residence`,
    outcome,
    criterion: '户口在本县，或在本县长期居住',
    when: { kind: 'choice', fact: 'residence', met: ['local', 'local_away'], check: ['resident'] },
    reason: '您的户口在本县',
    checkReason: '您户口在外地、在本县住了半年以上，能不能在本县申请要看居住证等情况',
    ...(explainsNotMet ? { notMetReason: '您户口在外地、来本县还不到半年，低保等救助一般要在户口所在地申请' } : {}),
    cannotJudge: ASK.residence,
  };
}

export function assetsRule(outcome: OutcomeId, limit: Extract<LimitName, 'dibaoAssetLimit' | 'edgeAssetLimit'>, explainsNotMet = false): Rule {
  return {
    id: `${outcome}.assets`,
    outcome,
    criterion: `存款、理财等每人不超过 {${limit}} 元`,
    when: { kind: 'rangeAtMost', fact: 'assetsPerPerson', limit },
    reason: `您家{assetPhrase}，按 {householdSize} 口人算，每人在 {${limit}} 元的限额以内`,
    checkReason: `您家{assetPhrase}，按 {householdSize} 口人算，可能接近或超过每人 {${limit}} 元的限额，需要工作人员核实`,
    ...(explainsNotMet ? { notMetReason: `您家{assetPhrase}，按 {householdSize} 口人算，超过了每人 {${limit}} 元的限额` } : {}),
    cannotJudge: ASK.assets,
  };
}

export function housesRule(outcome: OutcomeId, explainsNotMet = false): Rule {
  return {
    id: `${outcome}.houses`,
    outcome,
    criterion: '除了自己住的房子，没有其他住房',
    when: { kind: 'rangeAtMost', fact: 'housesOwned', limit: 'housesAllowed' },
    reason: '您家没有第二套住房',
    ...(explainsNotMet ? { notMetReason: '您家有两套或更多房子，超过了低保、低保边缘对住房的要求' } : {}),
  };
}

export function vehicleRule(outcome: OutcomeId, explainsNotMet = false): Rule {
  return {
    id: `${outcome}.vehicle`,
    outcome,
    criterion: '没有价值超过 {vehicleLimit} 元的汽车',
    when: { kind: 'rangeAtMost', fact: 'vehicleValue', limit: 'vehicleLimit' },
    reason: '您家{vehiclePhrase}',
    checkReason: '您家{vehiclePhrase}，车的用途和价值需要工作人员核实',
    ...(explainsNotMet ? { notMetReason: '您家{vehiclePhrase}，超过了 {vehicleLimit} 元的车辆限额' } : {}),
    cannotJudge: ASK.vehicle,
  };
}
