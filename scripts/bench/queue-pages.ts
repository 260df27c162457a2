import type { RunningServer } from '../../tests/e2e/support/server';
import { load, type LoadResult } from './http-load';

/** The staff queue pages a township worker opens most: the first page, each filter, and a search by phone tail. */
export const QUEUE_PAGES = [
  ['第一页', ''],
  ['按状态', '?status=new'],
  ['按风险', '?level=red'],
  ['逾期', '?overdue=true'],
  ['搜索尾号', '?q=1234'],
] as const;

export type QueuePage = (typeof QUEUE_PAGES)[number][0];

/** Each queue page under load from four staff at once, one after another, as `cookie`'s staff member. */
export async function loadQueuePages(server: RunningServer, cookie: string, seconds: number): Promise<Array<{ name: QueuePage; result: LoadResult }>> {
  const pages: Array<{ name: QueuePage; result: LoadResult }> = [];
  for (const [name, query] of QUEUE_PAGES) {
    pages.push({ name, result: await load({ url: `${server.url}/api/staff/cases${query}`, seconds, headers: { cookie }, connections: 4 }) });
  }
  return pages;
}
