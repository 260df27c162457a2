/**
 * Every screening rule, as data: `{id, outcome, criterion, when, reason}`.
 * `criterion` is what the client lists under an outcome; `reason` is said to the resident when the
 * rule holds, filled with their numbers; `checkReason` when it is close or uncertain.
 * Slots: household facts (see templates.ts FACT_SLOTS) and limits (limits.ts), e.g. {dibaoLine}.
 * Changing what a rule decides is a new RULES_VERSION.
 */
import type { Condition } from './conditions';
import type { LimitName } from './limits';
import { BASIC_OUTCOMES, type OutcomeId } from './outcomes';
import { BASIC_RECEIVED_HELP } from './received-help';
import type { CannotJudge } from './result';

export const RULES_VERSION = '1.0';

export interface Rule {
  /** `<outcome>.<what it checks>`; stable, tests and case records refer to it. */
  readonly id: string;
  readonly outcome: OutcomeId;
  readonly criterion: string;
  readonly when: Condition;
  readonly reason: string;
  readonly checkReason?: string;
  /** What staff must find out when this rule is only a check. */
  readonly cannotJudge?: CannotJudge;
  /** When it holds the case is red whatever else holds (no roof tonight). */
  readonly urgent?: boolean;
}

const TOWNSHIP = '乡镇（街道）民政办';
const VILLAGE_OR_TOWNSHIP = '村（社区）干部或乡镇（街道）民政办';

const ASK = {
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
const HARDSHIP_HOUSEHOLD: Condition = { kind: 'outcome', outcomes: BASIC_OUTCOMES, orReceived: BASIC_RECEIVED_HELP };

function residenceRule(outcome: OutcomeId): Rule {
  return {
    id: `${outcome}.residence`,
    outcome,
    criterion: '户口在本县，或在本县长期居住',
    when: { kind: 'choice', fact: 'residence', met: ['local', 'local_away'], check: ['resident'] },
    reason: '您的户口在本县',
    checkReason: '您户口在外地、在本县住了半年以上，能不能在本县申请要看居住证等情况',
    cannotJudge: ASK.residence,
  };
}

function assetsRule(outcome: OutcomeId, limit: Extract<LimitName, 'dibaoAssetLimit' | 'edgeAssetLimit'>): Rule {
  return {
    id: `${outcome}.assets`,
    outcome,
    criterion: `存款、理财等每人不超过 {${limit}} 元`,
    when: { kind: 'rangeAtMost', fact: 'assetsPerPerson', limit },
    reason: `您家{assetPhrase}，按 {householdSize} 口人算，每人在 {${limit}} 元的限额以内`,
    checkReason: `您家{assetPhrase}，按 {householdSize} 口人算，可能接近或超过每人 {${limit}} 元的限额，需要工作人员核实`,
    cannotJudge: ASK.assets,
  };
}

function housesRule(outcome: OutcomeId): Rule {
  return {
    id: `${outcome}.houses`,
    outcome,
    criterion: '除了自己住的房子，没有其他住房',
    when: { kind: 'rangeAtMost', fact: 'housesOwned', limit: 'housesAllowed' },
    reason: '您家没有第二套住房',
  };
}

function vehicleRule(outcome: OutcomeId): Rule {
  return {
    id: `${outcome}.vehicle`,
    outcome,
    criterion: '没有价值超过 {vehicleLimit} 元的汽车',
    when: { kind: 'rangeAtMost', fact: 'vehicleValue', limit: 'vehicleLimit' },
    reason: '您家{vehiclePhrase}',
    checkReason: '您家{vehiclePhrase}，车的用途和价值需要工作人员核实',
    cannotJudge: ASK.vehicle,
  };
}

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
    outcome: 'dibao_edge',
    criterion: '家里每人每月收入不超过低保标准的 {edgeMultiple} 倍（{edgeLine} 元）',
    when: { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'edgeLine' },
    reason: '您家每人每月收入约 {incomePerPersonMonthly} 元，不超过本地低保边缘标准 {edgeLine} 元',
    checkReason: '您家每人每月收入约 {incomePerPersonMonthly} 元，只比本地低保边缘标准 {edgeLine} 元高一点，需要工作人员帮您细算',
    cannotJudge: ASK.income,
  },
  assetsRule('dibao_edge', 'edgeAssetLimit'),
  housesRule('dibao_edge'),
  vehicleRule('dibao_edge'),
  residenceRule('dibao_edge'),
];

const RIGID_EXPENSE: readonly Rule[] = [
  {
    id: 'rigid_expense.share',
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
    when: {
      kind: 'all',
      of: [
        { kind: 'includesAny', fact: 'incomeChange', met: 'temporaryTriggers' },
        { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'temporaryIncomeLine' },
      ],
    },
    reason: '您家最近{eventPhrase}，现在每人每月收入约 {incomePerPersonMonthly} 元',
    checkReason: '您家最近{eventPhrase}，每人每月收入约 {incomePerPersonMonthly} 元，困难程度需要工作人员了解',
    cannotJudge: ASK.hardship,
  },
  {
    id: 'temporary.large_medical',
    outcome: 'temporary',
    criterion: '近一年看病自己花了 {largeMedicalExpense} 元以上，家里收入不高',
    when: {
      kind: 'all',
      of: [
        { kind: 'atLeast', fact: 'medicalExpense', limit: 'largeMedicalExpense' },
        { kind: 'atMost', fact: 'incomePerPersonMonthly', limit: 'temporaryIncomeLine' },
      ],
    },
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

const MEDICAL: readonly Rule[] = [
  {
    id: 'medical.hardship_household',
    outcome: 'medical',
    criterion: '困难家庭（低保、低边、特困或支出型困难）有看病的花费或病人',
    when: {
      kind: 'all',
      of: [
        {
          kind: 'any',
          of: [
            { kind: 'atLeast', fact: 'medicalExpense', limit: 'anyAmount' },
            { kind: 'includesAny', fact: 'specialMembers', met: ['serious_illness'] },
          ],
        },
        HARDSHIP_HOUSEHOLD,
      ],
    },
    reason: '您家有看病的开销或需要长期看病的家人，困难家庭看病自己付的部分还能再报销一部分',
    checkReason: '您家有看病的开销或需要长期看病的家人，如果认定为困难家庭，看病自己付的部分还能再报销一部分',
  },
  {
    id: 'medical.large_bill',
    outcome: 'medical',
    criterion: '近一年看病自己花了 {largeMedicalExpense} 元以上（因病致贫）',
    when: { kind: 'checkOnly', of: { kind: 'atLeast', fact: 'medicalExpense', limit: 'largeMedicalExpense' } },
    reason: '近一年看病自己掏了约 {medicalExpense} 元，属于大额医疗费用，工作人员可以帮您看看能不能申请医疗救助',
    cannotJudge: ASK.medicalAid,
  },
];

const EDUCATION: readonly Rule[] = [
  {
    id: 'education.hardship_household',
    outcome: 'education',
    criterion: '困难家庭有上学的孩子',
    when: {
      kind: 'all',
      of: [
        {
          kind: 'any',
          of: [
            { kind: 'includesAny', fact: 'specialMembers', met: ['student', 'minor'] },
            { kind: 'atLeast', fact: 'educationExpense', limit: 'anyAmount' },
          ],
        },
        HARDSHIP_HOUSEHOLD,
      ],
    },
    reason: '您家有上学的孩子，困难家庭的学生可以减免学费、领助学金',
    checkReason: '您家有上学的孩子，如果认定为困难家庭，可以减免学费、领助学金',
  },
  {
    id: 'education.heavy_cost',
    outcome: 'education',
    criterion: '上学花费达到全家一年收入的 {educationBurdenShare}',
    when: { kind: 'checkOnly', of: { kind: 'atLeast', fact: 'educationShare', limit: 'educationBurdenShare' } },
    reason: '近一年上学花了约 {educationExpense} 元，占全家一年收入的 {educationShare}，负担比较重，可以了解一下助学金和助学贷款',
    cannotJudge: ASK.studentAid,
  },
];

const HOUSING: readonly Rule[] = [
  {
    id: 'housing.hardship_household',
    outcome: 'housing',
    criterion: '困难家庭，住房有困难（租房、借住、房子不安全或没有住处）',
    when: {
      kind: 'all',
      of: [{ kind: 'choice', fact: 'housing', met: ['own_unsafe', 'rent', 'borrowed', 'no_home'] }, HARDSHIP_HOUSEHOLD],
    },
    reason: '您家{housingPhrase}，困难家庭可以申请租房补贴、公租房或危房改造',
    checkReason: '您家{housingPhrase}，如果认定为困难家庭，可以申请租房补贴、公租房或危房改造',
  },
  {
    id: 'housing.unsafe',
    outcome: 'housing',
    criterion: '住的房子不安全，或者没有住处',
    when: { kind: 'checkOnly', of: { kind: 'choice', fact: 'housing', met: ['own_unsafe', 'no_home'] } },
    reason: '您家{housingPhrase}，工作人员可以上门看看能不能申请危房改造或其他住房帮助',
    cannotJudge: ASK.house,
  },
];

const EMPLOYMENT: readonly Rule[] = [
  {
    id: 'employment.can_work',
    outcome: 'employment',
    criterion: '家里有能干活、但没有稳定工作的人',
    when: { kind: 'choice', fact: 'labour', met: ['able_unemployed'], check: ['working_unstable'] },
    reason: '您说家里有人能干活，但眼下没找到活干',
    checkReason: '您说家里有人在打零工或种地，收入时有时无',
    cannotJudge: ASK.work,
  },
  {
    id: 'employment.hardship',
    outcome: 'employment',
    criterion: '家里生活困难，或者最近失业、收入大减',
    when: {
      kind: 'any',
      of: [HARDSHIP_HOUSEHOLD, { kind: 'includesAny', fact: 'incomeChange', met: ['job_loss', 'income_drop'] }],
    },
    reason: '您家生活比较困难或最近断了收入，可以申请就业帮扶：推荐岗位、免费技能培训、公益性岗位',
    checkReason: '如果认定为困难家庭，可以申请就业帮扶：推荐岗位、免费技能培训、公益性岗位',
  },
];

/** All rules, grouped by outcome in OUTCOMES order. */
export const RULES: readonly Rule[] = [
  ...TEKUN,
  ...DIBAO,
  ...DIBAO_EDGE,
  ...RIGID_EXPENSE,
  ...TEMPORARY,
  ...MEDICAL,
  ...EDUCATION,
  ...HOUSING,
  ...EMPLOYMENT,
];
