/**
 * The 12-question self-check (自主预判), one question per contract topic.
 * Wording is for a 70-year-old reading on a small phone: plain, warm, never shaming.
 * Changing a question id, an option value or a range is a new QUESTIONNAIRE_VERSION.
 */
import type { Question } from './question';

export const QUESTIONNAIRE_VERSION = '1.0';

/** Money answers are capped only to catch typing slips, not to judge anyone. */
const MONEY_MAX = 99_999_999;

export const QUESTIONS = [
  {
    id: 'residence',
    topic: 'residence',
    title: '您的户口在哪里？现在住在哪里？',
    shortTitle: '户口和居住情况',
    help: '选最接近的一项。户口不在本县也没关系，我们一样帮您看看。',
    type: 'single',
    options: [
      { value: 'local', label: '户口在本县，人也住在本县' },
      { value: 'local_away', label: '户口在本县，但人常年在外地' },
      { value: 'resident', label: '户口在外地，在本县住了半年以上' },
      { value: 'elsewhere', label: '户口在外地，来本县还不到半年' },
    ],
    required: true,
  },
  {
    id: 'household_size',
    topic: 'household_size',
    title: '和您一起生活、一起开支的人（包括您自己）有几位？',
    shortTitle: '共同生活的人数',
    help: '住在一起、吃在一起、钱放在一起花的家里人都算上。在外打工但把钱寄回家的也算。',
    type: 'number',
    min: 1,
    max: 20,
    integer: true,
    unit: '人',
    example: '例如您和老伴两个人一起过，就填 2；一个人过就填 1',
    required: true,
  },
  {
    id: 'special_members',
    topic: 'special_members',
    title: '家里有没有下面这些人？（可以选多项）',
    shortTitle: '家里需要照顾的人',
    help: '包括您自己。都没有就选「都没有」。',
    type: 'multi',
    options: [
      { value: 'elderly', label: '60 岁以上的老人' },
      { value: 'minor', label: '不满 18 岁的孩子' },
      { value: 'disabled', label: '有残疾的人' },
      { value: 'serious_illness', label: '得了重病或常年吃药的慢性病人' },
      { value: 'student', label: '正在上学的学生（包括上大学）' },
      { value: 'none', label: '都没有', exclusive: true },
    ],
    required: true,
  },
  {
    id: 'labour',
    topic: 'labour',
    title: '家里能干活挣钱的人，现在是什么情况？',
    shortTitle: '家里干活挣钱的情况',
    help: '选最接近的一项。',
    type: 'single',
    options: [
      { value: 'working_stable', label: '有人在上班或做生意，收入比较稳定' },
      { value: 'working_unstable', label: '有人在打零工或种地，收入时有时无' },
      { value: 'able_unemployed', label: '有人能干活，但眼下没找到活干' },
      { value: 'none_able', label: '家里没有能干活的人（年纪大、生病、残疾或还在上学）' },
    ],
    required: true,
  },
  {
    id: 'income',
    topic: 'income',
    title: '全家每个月大概一共有多少收入？',
    shortTitle: '全家收入',
    help:
      '工资、养老金、种地养殖、做生意、家人给的钱都算上；已经在领的低保金、低边补助不用算。' +
      '估个大概数就行，按月或按年填都可以。',
    type: 'number',
    min: 0,
    max: MONEY_MAX,
    unit: '元',
    periods: [
      { value: 'month', label: '每月' },
      { value: 'year', label: '每年' },
    ],
    zeroLabel: '没有收入',
    required: true,
  },
  {
    id: 'income_change',
    topic: 'income_change',
    title: '最近半年，家里有没有遇到下面这些事？（可以选多项）',
    shortTitle: '最近遇到的难事',
    help: '都没有就选「都没有」。',
    type: 'multi',
    options: [
      { value: 'job_loss', label: '挣钱的人失业、停工，或者生意做不下去了' },
      { value: 'major_illness', label: '有人得了重病或受了重伤' },
      { value: 'disability', label: '有人新近残疾了' },
      { value: 'death', label: '家里主要挣钱的人去世了' },
      { value: 'disaster', label: '遇到火灾、水灾、车祸等意外' },
      { value: 'income_drop', label: '收入比以前少了一大半' },
      { value: 'none', label: '都没有', exclusive: true },
    ],
    required: true,
  },
  {
    id: 'financial_assets',
    topic: 'financial_assets',
    title: '全家的存款、理财、股票这些，加起来大概有多少？',
    shortTitle: '存款等金融资产',
    help: '估个大概数就行，选最接近的一项。实在说不清就选「说不清」。',
    type: 'single',
    options: [
      { value: 'none', label: '没有存款' },
      { value: 'under_10k', label: '不到 1 万元' },
      { value: '10k_30k', label: '1 万到 3 万元' },
      { value: '30k_50k', label: '3 万到 5 万元' },
      { value: '50k_100k', label: '5 万到 10 万元' },
      { value: '100k_200k', label: '10 万到 20 万元' },
      { value: 'over_200k', label: '20 万元以上' },
      { value: 'unsure', label: '说不清' },
    ],
    required: true,
  },
  {
    id: 'housing',
    topic: 'housing',
    title: '您家现在住的房子是什么情况？',
    shortTitle: '住房情况',
    help: '选最接近的一项。',
    type: 'single',
    options: [
      { value: 'own_one', label: '有一套自己的房子，住着还行' },
      { value: 'own_unsafe', label: '有自己的房子，但破旧漏雨，住着不安全' },
      { value: 'own_multiple', label: '有两套或更多房子' },
      { value: 'rent', label: '租房住' },
      { value: 'borrowed', label: '借住在亲戚朋友家' },
      { value: 'no_home', label: '没有固定的住处' },
    ],
    required: true,
  },
  {
    id: 'vehicle',
    topic: 'vehicle',
    title: '家里有汽车吗？',
    shortTitle: '家里的汽车',
    help: '摩托车、电动自行车不用算。',
    type: 'single',
    options: [
      { value: 'none', label: '没有汽车' },
      { value: 'work_only', label: '只有干活用的三轮车、小货车，或残疾人代步车' },
      { value: 'under_30k', label: '有汽车，现在大概值 3 万元以下' },
      { value: '30k_80k', label: '有汽车，大概值 3 万到 8 万元' },
      { value: 'over_80k', label: '有汽车，大概值 8 万元以上' },
    ],
    required: true,
  },
  {
    id: 'medical_expense',
    topic: 'medical_expense',
    title: '最近 12 个月，全家看病吃药自己掏了多少钱？',
    shortTitle: '近一年看病自己花的钱',
    help: '医保报销以后，自己付的那部分。估个大概数就行。',
    type: 'number',
    min: 0,
    max: MONEY_MAX,
    unit: '元',
    zeroLabel: '没有',
    required: true,
  },
  {
    id: 'education_expense',
    topic: 'education_expense',
    title: '最近 12 个月，家里人上学一共花了多少钱？',
    shortTitle: '近一年上学花的钱',
    help: '学费、住宿费、书本费都算上，已经拿到的助学金要减掉。估个大概数就行。',
    type: 'number',
    min: 0,
    max: MONEY_MAX,
    unit: '元',
    zeroLabel: '没有',
    required: true,
  },
  {
    id: 'support',
    topic: 'support',
    title: '家里人能不能帮衬您家？现在已经在享受哪些帮助？',
    shortTitle: '家人帮衬和已经享受的帮助',
    help: '分两部分：先选家里人能不能帮衬，再选已经在享受的帮助。还没有享受任何帮助，就选最后一项。',
    type: 'multi',
    groups: [
      {
        id: 'family',
        title: '不住在一起的子女等家人，能不能在钱上帮衬您家？',
        shortTitle: '家人能不能帮衬',
        select: 'one',
      },
      {
        id: 'received',
        title: '已经在享受的帮助（可以选多项）',
        shortTitle: '已经在享受的帮助',
        select: 'some',
      },
    ],
    options: [
      { value: 'family_able', label: '有子女等家人，他们能帮衬', group: 'family' },
      { value: 'family_unable', label: '有子女等家人，但他们自己也困难，帮衬不了', group: 'family' },
      { value: 'no_family', label: '没有子女等家人可以依靠', group: 'family' },
      { value: 'received_tekun', label: '已经是特困供养人员', group: 'received' },
      { value: 'received_dibao', label: '已经在领低保', group: 'received' },
      { value: 'received_dibao_edge', label: '已经是低保边缘（低边）家庭', group: 'received' },
      { value: 'received_temporary', label: '最近一年领过临时救助', group: 'received' },
      { value: 'received_medical', label: '看病已经享受医疗救助', group: 'received' },
      { value: 'received_education', label: '上学已经享受教育资助', group: 'received' },
      { value: 'received_housing', label: '已经享受住房救助（公租房、租房补贴或危房改造）', group: 'received' },
      { value: 'received_employment', label: '已经享受就业帮扶（公益性岗位等）', group: 'received' },
      { value: 'received_none', label: '还没有享受任何帮助', group: 'received', exclusive: true },
    ],
    required: true,
  },
] as const satisfies readonly Question[];

export interface Questionnaire {
  readonly version: string;
  readonly questions: readonly Question[];
}

/** What GET /api/questionnaire returns. */
export const QUESTIONNAIRE: Questionnaire = { version: QUESTIONNAIRE_VERSION, questions: QUESTIONS };
