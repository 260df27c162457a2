/** Seed 002's red/yellow/blue, plus none for "no sign of hardship found". */
export const RISK_LEVELS = ['red', 'yellow', 'blue', 'none'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LABEL: Record<RiskLevel, string> = { red: '红色', yellow: '黄色', blue: '蓝色', none: '未分级' };

const RANK: Record<RiskLevel, number> = { red: 3, yellow: 2, blue: 1, none: 0 };

export function moreSevere(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RANK[a] >= RANK[b] ? a : b;
}
