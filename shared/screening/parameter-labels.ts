// Plain data, apart from the TypeBox schemas, so the admin page can show it without bundling TypeBox.
/** How a parameter is shown and edited: its label, unit and kind. Parameters missing here show their name. */
export const PARAMETER_LABELS: Record<string, { label: string; unit?: string }> = {
  dibaoStandard: { label: '低保标准', unit: '元/人·月' },
  dibaoEdgeMultiple: { label: '低保边缘：收入不超过低保标准的倍数', unit: '倍' },
  tekunIncomeMultiple: { label: '特困“无生活来源”：收入不超过低保标准的倍数', unit: '倍' },
  tekunMaxHouseholdSize: { label: '特困：共同生活人数上限', unit: '人' },
  financialAssetMonths: { label: '低保、特困：人均金融资产上限', unit: '个月低保标准' },
  dibaoEdgeFinancialAssetMonths: { label: '低保边缘、支出型：人均金融资产上限', unit: '个月低保标准' },
  housesAllowed: { label: '可拥有住房套数', unit: '套' },
  vehicleValueLimit: { label: '机动车价值上限', unit: '元' },
  largeMedicalExpense: { label: '大额医疗费用（近 12 个月自付）', unit: '元' },
  rigidExpenseShare: { label: '支出型：医疗教育支出占家庭年收入比例', unit: '（0–1）' },
  educationBurdenShare: { label: '教育：上学支出占家庭年收入比例', unit: '（0–1）' },
  temporaryIncomeMultiple: { label: '临时救助：收入不超过低保标准的倍数', unit: '倍' },
  temporaryTriggers: { label: '可启动临时救助的突发事件' },
  nearThresholdMargin: { label: '临界范围（此范围内结果为“需要进一步了解”）', unit: '（0–1）' },
};
