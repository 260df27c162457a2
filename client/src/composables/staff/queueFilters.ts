import type { LocationQuery } from 'vue-router';

/** What the queue is narrowed to; kept in the address so 「返回」 and a shared link show the same list. */
export interface QueueFilters {
  status: string;
  level: string;
  overdue: boolean;
  township: string;
  village: string;
  source: string;
  targetClass: string;
  /** 分给我的: only cases whose 负责人 is me. */
  mine: boolean;
  q: string;
}

export const DEFAULT_FILTERS: QueueFilters = { status: 'open', level: '', overdue: false, township: '', village: '', source: '', targetClass: '', mine: false, q: '' };

const text = (value: LocationQuery[string] | undefined): string => (typeof value === 'string' ? value : '');

export function filtersFromQuery(query: LocationQuery): QueueFilters {
  return {
    status: text(query.status) || 'open',
    level: text(query.level),
    overdue: query.overdue === '1',
    township: text(query.township),
    village: text(query.village),
    source: text(query.source),
    targetClass: text(query.targetClass),
    mine: query.mine === '1',
    q: text(query.q).slice(0, 40),
  };
}

/** The address query for these filters: defaults are left out so the plain queue is just /staff/cases. */
export function filtersToQuery(filters: QueueFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.status !== 'open') query.status = filters.status;
  if (filters.overdue) query.overdue = '1';
  if (filters.mine) query.mine = '1';
  for (const key of ['level', 'township', 'village', 'source', 'targetClass', 'q'] as const) {
    if (filters[key].trim()) query[key] = filters[key].trim();
  }
  return query;
}

/** The API's query string for one page of the queue. */
export function apiQuery(filters: QueueFilters, cursor: string | null, limit = 20): string {
  const params = new URLSearchParams();
  if (filters.status !== 'open') params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.mine) params.set('assignee', 'me');
  for (const key of ['level', 'township', 'village', 'source', 'targetClass'] as const) {
    if (filters[key]) params.set(key, filters[key]);
  }
  const q = filters.q.replace(/\s+/g, '');
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}

/**
 * What the search box can find, as the server matches it: a surname (the masked name's first character),
 * the last 4 digits of a phone or ID number, or a whole 18-character ID number. A whole mobile number is
 * searched by its last 4 digits; other digit strings would silently match everything, so they are refused.
 */
export function normalizeSearch(raw: string): { q: string } | { error: string } {
  const q = raw.replace(/\s+/g, '');
  if (q === '' || /^\d{4}$/.test(q)) return { q };
  if (/^\d{17}[\dXx]$/.test(q)) return { q: q.toUpperCase() };
  if (/^1\d{10}$/.test(q)) return { q: q.slice(-4) };
  if (/^\d+$/.test(q)) return { error: '请输入手机或身份证号的后 4 位，或完整的 18 位身份证号' };
  return { q };
}

/** How many filters beyond the status tab are on, for the 「筛选」 button. */
export function activeFilterCount(filters: QueueFilters): number {
  return [filters.level, filters.township, filters.village, filters.source, filters.targetClass].filter(Boolean).length + (filters.overdue ? 1 : 0) + (filters.mine ? 1 : 0);
}
