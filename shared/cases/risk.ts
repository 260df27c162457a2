/** Seed 002's red/yellow/blue, plus none for "no sign of hardship found". */
export const RISK_LEVELS = ['red', 'yellow', 'blue', 'none'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LABEL: Record<RiskLevel, string> = { red: '红色', yellow: '黄色', blue: '蓝色', none: '未分级' };

/**
 * How urgent a level is, higher first. The queue sorts by it through cases.level_rank; the SQL that
 * fills that column (migrations 003 and 016) spells the same numbers out and says so beside it.
 */
export const RISK_RANK: Readonly<Record<RiskLevel, number>> = { red: 3, yellow: 2, blue: 1, none: 0 };

/** A stored level's rank; anything unknown ranks with none. */
export function riskRank(level: string): number {
  return RISK_RANK[level as RiskLevel] ?? 0;
}

export function moreSevere(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_RANK[a] >= RISK_RANK[b] ? a : b;
}
