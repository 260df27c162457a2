/** Rules of basic assistance (基本生活救助): 特困, 低保, 低保边缘, 支出型困难 and 临时救助. */
import { ASK, assetsRule, housesRule, lowIncomeAfter, residenceRule, vehicleRule } from './rule-parts';
import type { Rule } from './rules';

const TEKUN: readonly Rule[] = [
  {
    id: 'tekun.no_labour',
    outcome: 'tekun',
    criterion: '没有劳动能力',
    when: { kind: 'choice', fact: 'labour', met: ['none_able'] },
    reason: '您说家里没有能干活挣钱的人',
  },
  {
    id: 'tekun.no_income',
    headline: true,
    outcome: 'tekun',
    criterion: '没有生活来源（每人每月收入不超过 {tekunIncomeLine} 元）',
    when: { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'tekunIncomeLine' },
    reason: '您家每人每月收入约 {incomePerPersonMonthly} 元，基本没有生活来源',
    checkReason: '您家每人每月收入约 {incomePerPersonMonthly} 元，只比 {tekunIncomeLine} 元高一点，需要工作人员帮您细算',
    cannotJudge: ASK.income,
  },
  {
    id: 'tekun.no_supporter',
    outcome: 'tekun',
    criterion: '没有能赡养、扶养的子女等家人，或者家人没有这个能力',
    when: { kind: 'choice', fact: 'familySupport', met: ['no_family'], check: ['family_unable'] },
    reason: '您说没有子女等家人可以依靠',
    checkReason: '您说子女等家人自己也困难、帮衬不了，工作人员会了解他们的情况',
    cannotJudge: ASK.family,
  },
  {
    id: 'tekun.who',
    outcome: 'tekun',
    criterion: '是老年人、残疾人或未成年人',
    when: {
      kind: 'includesAny',
      fact: 'specialMembers',
      met: ['elderly', 'disabled', 'minor'],
      check: ['serious_illness'],
    },
    reason: '您家有老人、残疾人或未成年的孩子',
    checkReason: '您家有重病的人，能不能按特困人员供养要看具体情况',
    cannotJudge: ASK.illness,
  },
  {
    id: 'tekun.household',
    outcome: 'tekun',
    criterion: '独自生活，或者只和同样符合条件的老伴一起生活',
    when: {
      kind: 'any',
      of: [
        { kind: 'atMost', fact: 'householdSize', limit: 'tekunHouseholdSize' },
        // Bigger households are never ruled out here, only passed to staff.
        { kind: 'checkOnly', of: { kind: 'atLeast', fact: 'householdSize', limit: 'anyAmount' } },
      ],
    },
    reason: '您家共 {householdSize} 口人',
    checkReason: '您家有 {householdSize} 口人，能不能按特困人员供养要看每个人的情况',
    cannotJudge: ASK.members,
  },
  assetsRule('tekun', 'dibaoAssetLimit'),
  residenceRule('tekun'),
];

const DIBAO: readonly Rule[] = [
  {
    id: 'dibao.income',
    headline: true,
    outcome: 'dibao',
    criterion: '家里每人每月收入不超过本地低保标准 {dibaoLine} 元',
    when: { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'dibaoLine' },
    reason: '您家每人每月收入约 {incomePerPersonMonthly} 元，不超过本地低保标准 {dibaoLine} 元',
    checkReason:
      '您家每人每月收入约 {incomePerPersonMonthly} 元，只比本地低保标准 {dibaoLine} 元高一点；有些收入可以扣除，需要工作人员帮您细算',
    cannotJudge: ASK.income,
  },
  assetsRule('dibao', 'dibaoAssetLimit'),
  housesRule('dibao'),
  vehicleRule('dibao'),
  residenceRule('dibao'),
];

const DIBAO_EDGE: readonly Rule[] = [
  {
    id: 'dibao_edge.income',
    headline: true,
    outcome: 'dibao_edge',
    criterion: '家里每人每月收入不超过低保标准的 {edgeMultiple} 倍（{edgeLine} 元）',
    when: { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'edgeLine' },
    reason: '您家每人每月收入约 {incomePerPersonMonthly} 元，不超过本地低保边缘标准 {edgeLine} 元',
    checkReason: '您家每人每月收入约 {incomePerPersonMonthly} 元，只比本地低保边缘标准 {edgeLine} 元高一点，需要工作人员帮您细算',
    notMetReason: '您家每人每月收入约 {incomePerPersonMonthly} 元，高于本地低保标准 {dibaoLine} 元，也高于低保边缘标准 {edgeLine} 元',
    cannotJudge: ASK.income,
  },
  // 低边 is the widest of the income-tested classes: its reasons say why 暂不符合.
  assetsRule('dibao_edge', 'edgeAssetLimit', true),
  housesRule('dibao_edge', true),
  vehicleRule('dibao_edge', true),
  residenceRule('dibao_edge', true),
];

const RIGID_EXPENSE: readonly Rule[] = [
  {
    id: 'rigid_expense.share',
    headline: true,
    outcome: 'rigid_expense',
    criterion: '近一年看病、上学自己花的钱，达到全家一年收入的 {rigidExpenseShare}',
    when: { kind: 'atLeast', fact: 'rigidShare', limit: 'rigidExpenseShare' },
    reason: '近一年看病、上学自己掏了约 {rigidExpense} 元，全家一年收入约 {incomeYearly} 元，花费占了 {rigidShare}',
    checkReason:
      '近一年看病、上学自己掏了约 {rigidExpense} 元，占全家一年收入的 {rigidShare}，接近 {rigidExpenseShare} 的参考线，需要工作人员核实',
    cannotJudge: ASK.expense,
  },
  {
    id: 'rigid_expense.left_over',
    outcome: 'rigid_expense',
    criterion: '扣除这些花费后，每人每月不超过 {edgeLine} 元',
    when: { kind: 'atMost', fact: 'incomeAfterRigidPerPersonMonthly', limit: 'edgeLine' },
    reason: '扣除这些花费后，您家每人每月只剩约 {incomeAfterRigidPerPersonMonthly} 元',
    checkReason: '扣除这些花费后，您家每人每月约 {incomeAfterRigidPerPersonMonthly} 元，只比 {edgeLine} 元高一点，需要工作人员帮您细算',
    cannotJudge: ASK.income,
  },
  assetsRule('rigid_expense', 'edgeAssetLimit'),
  residenceRule('rigid_expense'),
];

const TEMPORARY: readonly Rule[] = [
  {
    id: 'temporary.sudden_event',
    outcome: 'temporary',
    criterion: '最近遇到失业、重病、意外等急事难事，家里收入不高',
    when: lowIncomeAfter({ kind: 'includesAny', fact: 'incomeChange', met: 'temporaryTriggers' }),
    reason: '您家最近{eventPhrase}，现在每人每月收入约 {incomePerPersonMonthly} 元',
    checkReason: '您家最近{eventPhrase}，每人每月收入约 {incomePerPersonMonthly} 元，困难程度需要工作人员了解',
    cannotJudge: ASK.hardship,
  },
  {
    id: 'temporary.large_medical',
    outcome: 'temporary',
    criterion: '近一年看病自己花了 {largeMedicalExpense} 元以上，家里收入不高',
    when: lowIncomeAfter({ kind: 'atLeast', fact: 'medicalExpense', limit: 'largeMedicalExpense' }),
    reason: '近一年看病自己掏了约 {medicalExpense} 元，属于大额医疗费用，家里每人每月收入约 {incomePerPersonMonthly} 元',
    checkReason: '近一年看病自己掏了约 {medicalExpense} 元，接近大额医疗费用线 {largeMedicalExpense} 元，需要工作人员了解',
    cannotJudge: ASK.expense,
  },
  {
    id: 'temporary.no_home',
    outcome: 'temporary',
    criterion: '没有固定的住处',
    when: { kind: 'choice', fact: 'housing', met: ['no_home'] },
    reason: '您说现在没有固定的住处，可以马上申请急难救助',
    urgent: true,
  },
];

export const BASIC_RULES: readonly Rule[] = [...TEKUN, ...DIBAO, ...DIBAO_EDGE, ...RIGID_EXPENSE, ...TEMPORARY];
