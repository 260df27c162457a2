import type { Decision } from '../cases/workflow';

/**
 * The register's categories (低收入人口库): who is in which government scheme, who is watched
 * without one (监测: 暂不符合 or 预警), and who left but is still followed (已退出).
 */
export const REGISTER_CATEGORIES = [
  { value: 'dibao', label: '低保' },
  { value: 'dibao_edge', label: '低边' },
  { value: 'tekun', label: '特困' },
  { value: 'expense', label: '支出型' },
  { value: 'temporary', label: '临时救助' },
  { value: 'monitor', label: '监测' },
  { value: 'exited', label: '已退出' },
] as const;
export type RegisterCategory = (typeof REGISTER_CATEGORIES)[number]['value'];

/** Register levels: every household in the register is visited, so there is no "none". */
export const REGISTER_LEVELS = ['red', 'yellow', 'blue'] as const;
export type RegisterLevel = (typeof REGISTER_LEVELS)[number];

export const REGISTER_LEVEL_LABELS: Record<RegisterLevel, string> = { red: '红', yellow: '黄', blue: '蓝' };

/** The category a case decision puts the household in; every decision keeps the household followed. */
export const CATEGORY_OF_DECISION: Record<Decision, RegisterCategory> = {
  dibao: 'dibao',
  dibao_edge: 'dibao_edge',
  tekun: 'tekun',
  temporary: 'temporary',
  special: 'expense',
  // A referral to social forces is help outside the schemes: the household stays watched.
  referral: 'monitor',
  monitor: 'monitor',
};

/** Labels as the county's roster spells them (the import file), to category ids. */
export function categoryFromLabel(label: string): RegisterCategory | null {
  const text = label.trim();
  const aliases: Record<string, RegisterCategory> = { 临时: 'temporary', 低保边缘: 'dibao_edge', 特困供养: 'tekun', 支出型困难: 'expense' };
  const found = REGISTER_CATEGORIES.find((c) => c.label === text);
  if (found && found.value !== 'exited') return found.value;
  return aliases[text] ?? null;
}

export function levelFromLabel(label: string): RegisterLevel | null {
  const text = label.trim().replace(/色$/, '');
  const entry = Object.entries(REGISTER_LEVEL_LABELS).find(([, l]) => l === text);
  return entry ? (entry[0] as RegisterLevel) : null;
}

export function categoryLabel(category: string): string {
  return REGISTER_CATEGORIES.find((c) => c.value === category)?.label ?? category;
}
