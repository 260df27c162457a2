/**
 * Screening parameters of the demo county, 浙江省温州市苍南县 (330327).
 *
 * Sources. Only the large-medical-bill line is a figure published by a Zhejiang county that we could
 * cite (平阳县, in the 温州 report in seeds/003). The published 苍南 low-income standards could not be
 * retrieved while writing this file, so every figure marked 「建模取值」 is a plausible modelling choice
 * in the range of 温州's published standards, to be replaced from the county's own notice before any
 * real use. Staff edit these per region later; this file is the shipped default.
 */
import type { ParameterHistory } from './parameters';

const MODELLING = '建模取值（未能核实原文）：';
const REPLACE = '上线前请以苍南县民政局公布的文件为准替换。';

export const DEMO_COUNTY_PARAMETERS: ParameterHistory = {
  region: { code: '330327', name: '浙江省温州市苍南县' },
  dibaoStandard: [
    {
      value: 1130,
      effectiveFrom: '2023-07-01',
      source: `${MODELLING}按温州市城乡一体低保标准的量级设定（元/人·月）。温州率先实现低保标准城乡一体化，见 seeds/003。${REPLACE}`,
    },
    {
      value: 1210,
      effectiveFrom: '2024-07-01',
      source: `${MODELLING}浙江各地每年 7 月前后调整低保标准，此处按约 7% 的年度增幅设定（元/人·月）。${REPLACE}`,
    },
  ],
  dibaoEdgeMultiple: [
    {
      value: 1.5,
      effectiveFrom: '2023-01-01',
      source:
        '浙江省低保边缘家庭按家庭人均收入低于当地低保标准 1.5 倍认定（杭州等地已放宽到 2 倍）；' +
        `温州实行低收入农户与低保边缘户认定标准“两线合一”，见 seeds/003。苍南现行倍数待核实，${REPLACE}`,
    },
  ],
  tekunIncomeMultiple: [
    {
      value: 1,
      effectiveFrom: '2016-02-10',
      source:
        '《国务院关于进一步健全特困人员救助供养制度的意见》（国发〔2016〕14号）：收入低于当地最低生活保障标准，' +
        '且财产符合当地特困人员财产状况规定的，认定为无生活来源。',
    },
  ],
  tekunMaxHouseholdSize: [
    {
      value: 2,
      effectiveFrom: '2023-01-01',
      source:
        `${MODELLING}特困人员一般是独自生活的老人、残疾人或未成年人（夫妻都符合条件的也可以）；共同生活 3 人以上的，` +
        `交工作人员了解每个人的情况。${REPLACE}`,
    },
  ],
  financialAssetMonths: [
    {
      value: 24,
      effectiveFrom: '2023-01-01',
      source: `${MODELLING}低保、特困家庭人均金融资产不超过 24 个月低保标准。${REPLACE}`,
    },
  ],
  dibaoEdgeFinancialAssetMonths: [
    {
      value: 36,
      effectiveFrom: '2023-01-01',
      source: `${MODELLING}低保边缘、支出型困难家庭人均金融资产不超过 36 个月低保标准。${REPLACE}`,
    },
  ],
  housesAllowed: [
    {
      value: 1,
      effectiveFrom: '2023-01-01',
      source: `${MODELLING}按各地通行口径，共同生活家庭成员名下有两套及以上住房的，一般不符合低保条件。${REPLACE}`,
    },
  ],
  vehicleValueLimit: [
    {
      value: 50_000,
      effectiveFrom: '2023-01-01',
      source:
        `${MODELLING}家庭名下有价值 5 万元以上的机动车（残疾人功能性补偿代步车、生产经营用车除外）的，一般不符合低保条件。` +
        REPLACE,
    },
  ],
  largeMedicalExpense: [
    {
      value: 20_000,
      effectiveFrom: '2020-01-01',
      source:
        '温州市民政局主动发现机制试点材料（seeds/003）：平阳县启动 2 万元以上大额医疗费用支出动态监测预警' +
        '（泰顺县为 4.7 万元）。本县取平阳口径。',
    },
  ],
  rigidExpenseShare: [
    {
      value: 0.5,
      effectiveFrom: '2023-01-01',
      source:
        `${MODELLING}近 12 个月医疗、教育自付支出达到家庭年收入的 50%，且扣除后人均收入不超过低保边缘标准的，` +
        `视为刚性支出困难（支出型困难）。依据国办发〔2023〕39号对刚性支出困难家庭的要求设定。${REPLACE}`,
    },
  ],
  educationBurdenShare: [
    {
      value: 0.3,
      effectiveFrom: '2023-01-01',
      source: `${MODELLING}上学支出达到家庭年收入 30% 的，提示了解教育资助。${REPLACE}`,
    },
  ],
  temporaryIncomeMultiple: [
    {
      value: 2,
      effectiveFrom: '2023-01-01',
      source: `${MODELLING}遭遇急难、家庭人均收入不超过低保标准 2 倍的，提示申请临时救助。${REPLACE}`,
    },
  ],
  temporaryTriggers: [
    {
      value: ['job_loss', 'major_illness', 'disability', 'death', 'disaster', 'income_drop'],
      effectiveFrom: '2021-01-01',
      source:
        '浙江低收入人口动态监测重点排查的致贫信息（seeds/001）：高额医疗费用支出、新增残疾人、主要劳动力死亡、新增失业人员；' +
        '温州“监测预警”机制（seeds/003）：因病、因残收入骤减或支出骤增、家庭主要劳动力死亡。',
    },
  ],
  nearThresholdMargin: [
    {
      value: 0.1,
      effectiveFrom: '2023-01-01',
      source: '产品口径（issue #4）：离标准 10% 以内，或回答只是一个大概范围时，结果为「需要进一步了解」，交工作人员核实。',
    },
  ],
};
