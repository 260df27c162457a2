import { labelOf } from '@shared/cases/labels';
import { RISK_LABEL, type RiskLevel } from '@shared/cases/risk';
import { STATUS_LABEL, type CaseStatus } from '@shared/cases/status';
import { CONTACT_OUTCOMES, DECISIONS, VISIT_DIMENSIONS, WORKFLOW, type CaseEventType } from '@shared/cases/workflow';
import { TARGET_CLASS_LABEL, type TargetClass } from '@shared/screening/result';
import { formatChinaDate, formatChinaDateTime } from '@shared/time';

/** Words for the codes the staff API returns; one place, so the queue and the case page agree. */

export const riskLabel = (level: string): string => RISK_LABEL[level as RiskLevel] ?? level;
export const statusLabel = (status: string): string => STATUS_LABEL[status as CaseStatus] ?? status;
const SOURCE_LABEL: Record<string, string> = { self: '本人求助', report: '他人反映', warning: '数据预警' };
export const sourceLabel = (source: string): string => SOURCE_LABEL[source] ?? source;
export const targetClassLabel = (value: string | null): string => (value ? (TARGET_CLASS_LABEL[value as TargetClass] ?? value) : '');

/** Where the case is: the township only matters to the county; the village when the QR code had one. */
export function placeOf(item: { township: { name: string }; village: { name: string } | null }, withTownship: boolean): string {
  return [withTownship ? item.township.name : '', item.village?.name ?? ''].filter(Boolean).join(' ');
}

export const TARGET_CLASSES = Object.entries(TARGET_CLASS_LABEL).map(([value, label]) => ({ value, label }));
export const SOURCES = [
  { value: 'self', label: '本人求助' },
  { value: 'report', label: '他人反映' },
  { value: 'warning', label: '数据预警' },
] as const;

const EXTRA_EVENT_LABEL: Record<string, string> = {
  submitted: '收到求助',
  merged: '同一人又有新的提交',
  merge: '并入同一人的另一个案件',
  merged_into: '已合并到同一人的案件',
  referral: '转介到资源',
  referral_accept: '合作方已接单',
  referral_decline: '合作方婉拒',
  referral_complete: '合作方已完成',
  referral_contact: '已向合作方提供联系电话',
  warning: '数据预警',
};
export function eventLabel(type: string, actor = ''): string {
  if (type === 'submitted' && actor === 'reporter') return '收到他人反映';
  if (type === 'submitted' && actor === 'resident') return '收到本人求助';
  return EXTRA_EVENT_LABEL[type] ?? WORKFLOW[type as CaseEventType]?.verb ?? type;
}

/** What a staff member recorded with a step, as label–text pairs (empty values left out). */
export function eventDetails(type: string, detail: Record<string, unknown> | null): Array<{ label: string; text: string }> {
  if (!detail) return [];
  const rows: Array<{ label: string; text: string }> = [];
  const add = (label: string, value: unknown) => {
    if (typeof value === 'string' && value.trim()) rows.push({ label, text: value.trim() });
  };
  switch (type) {
    case 'contact':
      add('联系结果', labelOf(CONTACT_OUTCOMES, String(detail.outcome ?? '')));
      break;
    case 'visit': {
      if (typeof detail.visitedAt === 'string') add('入户日期', formatDay(detail.visitedAt));
      const findings = (detail.findings ?? {}) as Record<string, unknown>;
      for (const d of VISIT_DIMENSIONS) add(d.label, findings[d.value]);
      break;
    }
    case 'decide':
      add('认定结果', labelOf(DECISIONS, String(detail.decision ?? '')));
      break;
    case 'refer':
      add('转介给', detail.to);
      break;
    case 'referral':
      add('转介给', detail.resource);
      add('需求', detail.need);
      break;
    case 'referral_accept':
    case 'referral_decline':
    case 'referral_complete':
    case 'referral_contact':
      add('合作方', detail.resource);
      break;
    case 'level':
      add('调整为', riskLabel(String(detail.level ?? '')));
      add('原因', detail.reason);
      break;
    case 'reopen':
      add('原因', detail.reason);
      break;
    case 'assign':
      // Codes never reach the screen: the server names the township (old records included).
      add('派往', detail.townshipName);
      break;
    case 'village':
      add('村（社区）', detail.villageName);
      break;
    case 'target_class':
      add('对象类别', targetClassLabel(typeof detail.targetClass === 'string' ? detail.targetClass : null));
      break;
    case 'merge':
      add('并入的案件', typeof detail.from === 'number' ? `案件 ${detail.from}` : '');
      break;
    case 'merged_into':
      add('合并到', typeof detail.into === 'number' ? `案件 ${detail.into}` : '');
      break;
    case 'merged':
      add('提交方式', detail.kind === 'report' ? '他人反映' : '本人求助');
      break;
    case 'warning':
      add('数据来源', detail.sourceLabel);
      add('预警信号', detail.signal);
      add('请核对', detail.nameMismatch);
      break;
    case 'handle':
      add('处置方式', detail.branchLabel);
      add('核查发现', detail.finding);
      add('用时', detail.timeTaken);
      break;
  }
  add('备注', detail.note);
  return rows;
}

/** 2025年3月2日 14:05, in China time whatever the device's time zone. */
export const formatDateTime = formatChinaDateTime;

/** 2025-03-02 (a calendar day, no time) as 2025年3月2日. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** 3月2日 (this year) or 2024年3月2日. */
export function formatDate(iso: string | null, now = new Date()): string {
  return formatChinaDate(iso, now);
}
