import type { Question } from './question';
import { optionParts } from './option-parts';

function labelOfOption(question: Question, value: unknown): string {
  return question.options?.find((o) => o.value === value)?.label ?? String(value);
}

function formatAmount(amount: number): string {
  return amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** An answer in words, for the resident's 「检查您的回答」 and the staff case page; undefined when there is none. */
export function answerText(question: Question, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (question.type) {
    case 'single':
      return labelOfOption(question, value);
    case 'boolean':
      return value ? '是' : '否';
    case 'multi': {
      if (!Array.isArray(value)) return undefined;
      const parts = optionParts(question);
      const texts = parts.map((part) => {
        const labels = part.options.filter((o) => value.includes(o.value)).map((o) => o.label);
        return part.group ? `${part.group.shortTitle}：${labels.join('、') || '（没有选）'}` : labels.join('、');
      });
      return texts.join('；');
    }
    case 'number': {
      const amount = typeof value === 'number' ? value : (value as { amount?: number }).amount;
      if (typeof amount !== 'number') return undefined;
      if (amount === 0 && question.zeroLabel) return question.zeroLabel;
      const period = typeof value === 'object' ? (value as { period?: string }).period : undefined;
      const periodLabel = question.periods ? (question.periods.find((p) => p.value === (period ?? 'month'))?.label ?? '') : '';
      return `${periodLabel}${periodLabel ? ' ' : ''}${formatAmount(amount)} ${question.unit ?? ''}`.trim();
    }
  }
}
