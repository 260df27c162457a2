/** The sentences a household's timeline shows for register events and visits. */
import { labelOf } from '../cases/labels';
import { RISK_LABEL } from '../cases/risk';
import { DECISIONS, VISIT_DIMENSIONS, WORKFLOW, type CaseEventType } from '../cases/workflow';
import { categoryLabel } from './categories';

type Detail = Record<string, unknown> | null;
const dimensionLabel = (d: string) => VISIT_DIMENSIONS.find((x) => x.value === d)?.label ?? d;
const levelText = (level: unknown) => RISK_LABEL[level as keyof typeof RISK_LABEL] ?? String(level);

export function registerEventText(type: string, detail: Detail): string {
  const category = categoryLabel(String(detail?.category ?? ''));
  switch (type) {
    case 'enrolled':
      return detail?.source === 'import' ? `从县里的在册名单导入：${category}` : `案件认定后纳入在册：${category}`;
    case 'decision':
      return `案件认定：${labelOf(DECISIONS, String(detail?.decision ?? ''))}，类别为${category}`;
    case 'imported':
      return `在册名单重新导入，信息已更新（${category}）`;
    case 'case_opened':
      return '探访发现需要帮助，新建了案件';
    case 'case_linked':
      return '探访发现需要帮助，已有未办结的案件，已关联';
    case 'level':
      return `风险等级由${levelText(detail?.from)}调整为${levelText(detail?.to)}`;
    case 'review':
      if (detail?.decision === 'exit') return `复核：退出保障，继续监测到 ${String(detail?.until ?? '')}`;
      if (detail?.decision === 'change') return `复核：类别调整为${category}`;
      return `复核：继续保障（${category}）`;
    default:
      return type;
  }
}

export function visitText(kind: string, openRisks: string[], cleared: string[]): string {
  const head = kind === 'review' ? '复核入户' : '定期探访';
  const parts = [head];
  if (openRisks.length) parts.push(`未清零风险：${openRisks.map(dimensionLabel).join('、')}`);
  if (cleared.length) parts.push(`已清零：${cleared.map(dimensionLabel).join('、')}`);
  if (!openRisks.length && !cleared.length) parts.push('没有发现风险');
  return parts.join('；');
}

export function caseEventText(type: string, caseId: number): string {
  const verb = type === 'submitted' ? '提出求助或反映' : type === 'merged' ? '又一次求助或反映' : (WORKFLOW[type as CaseEventType]?.verb ?? type);
  return `案件 ${caseId}：${verb}`;
}
