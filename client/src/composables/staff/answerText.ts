import type { Question } from '@shared/questionnaire/index';

/** A self-check answer in words for the case page (the resident's own choices, not a judgement). */
export function answerText(question: Question, value: unknown): string {
  if (value === undefined || value === null) return '没有回答';
  const label = (v: unknown) => question.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (question.type) {
    case 'single':
      return label(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'multi':
      return Array.isArray(value) ? value.map(label).join('、') : String(value);
    case 'number': {
      const amount = typeof value === 'number' ? value : (value as { amount?: unknown }).amount;
      if (typeof amount !== 'number') return String(value);
      if (amount === 0 && question.zeroLabel) return question.zeroLabel;
      const period = typeof value === 'object' ? (value as { period?: string }).period : undefined;
      const periodLabel = question.periods?.find((p) => p.value === (period ?? 'month'))?.label ?? '';
      return `${periodLabel ? `${periodLabel} ` : ''}${amount.toLocaleString('zh-CN')} ${question.unit ?? ''}`.trim();
    }
  }
}
