/** Rules of special assistance (专项救助): medical, education, housing and employment. */
import { ASK, HARDSHIP_HOUSEHOLD, needInHardshipHousehold } from './rule-parts';
import type { Rule } from './rules';

const MEDICAL: readonly Rule[] = [
  {
    id: 'medical.hardship_household',
    outcome: 'medical',
    criterion: '困难家庭（低保、低边、特困或支出型困难）有看病的花费或病人',
    when: needInHardshipHousehold({
      kind: 'any',
      of: [
        { kind: 'atLeast', fact: 'medicalExpense', limit: 'anyAmount' },
        { kind: 'includesAny', fact: 'specialMembers', met: ['serious_illness'] },
      ],
    }),
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
    when: needInHardshipHousehold({
      kind: 'any',
      of: [
        { kind: 'includesAny', fact: 'specialMembers', met: ['student', 'minor'] },
        { kind: 'atLeast', fact: 'educationExpense', limit: 'anyAmount' },
      ],
    }),
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
    when: needInHardshipHousehold({ kind: 'choice', fact: 'housing', met: ['own_unsafe', 'rent', 'borrowed', 'no_home'] }),
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

export const SPECIAL_RULES: readonly Rule[] = [...MEDICAL, ...EDUCATION, ...HOUSING, ...EMPLOYMENT];
