/** The words residents and reporters pick from; ids are stable, labels may be reworded. */
export const SITUATIONS = [
  { value: 'living_alone_elderly', label: '独居老人' },
  { value: 'serious_illness', label: '重病 / 大额医疗费' },
  { value: 'disability', label: '残疾' },
  { value: 'income_loss', label: '失业 / 收入突然减少' },
  { value: 'child_in_difficulty', label: '单亲 / 困境儿童' },
  { value: 'housing', label: '住房困难' },
  { value: 'other', label: '其他' },
] as const;
export type Situation = (typeof SITUATIONS)[number]['value'];

export const REPORTER_RELATIONS = [
  { value: 'neighbour', label: '邻居' },
  { value: 'relative', label: '亲属' },
  { value: 'grid_worker', label: '网格员' },
  { value: 'village_cadre', label: '村（社区）干部' },
  { value: 'volunteer', label: '志愿者' },
  { value: 'social_worker', label: '社工 / 社会组织' },
  { value: 'other', label: '其他' },
] as const;
export type ReporterRelation = (typeof REPORTER_RELATIONS)[number]['value'];

export const CONTACT_TIMES = [
  { value: 'any', label: '什么时候都可以' },
  { value: 'morning', label: '上午' },
  { value: 'afternoon', label: '下午' },
  { value: 'evening', label: '晚上（18 点到 20 点）' },
] as const;
export type ContactTime = (typeof CONTACT_TIMES)[number]['value'];

export function labelOf<T extends { value: string; label: string }>(list: readonly T[], value: string): string {
  return list.find((item) => item.value === value)?.label ?? value;
}
