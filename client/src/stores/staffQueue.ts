import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { QueueItemInfo, QueuePage } from '@shared/schemas/staff-cases';
import { messageOf, staffApi } from '../composables/staff/staffApi';
import { apiQuery, type QueueFilters } from '../composables/staff/queueFilters';
import { useStaffSession } from './staffSession';

export interface Place {
  code: string;
  name: string;
}

/**
 * The review queue as last loaded (usePaginator's shape): kept between pages so 「返回列表」 shows the
 * same list at once instead of starting over.
 */
export const useStaffQueue = defineStore('staffQueue', () => {
  const key = ref('');
  const items = ref<QueueItemInfo[]>([]);
  const nextCursor = ref<string | null>(null);
  const counts = ref<Record<string, number>>({});
  const overdue = ref(0);
  /** Referrals in scope waiting past their acceptance deadline. */
  const referralsOverdue = ref(0);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref('');
  /** A case changed since the list was loaded: load it again next time. */
  const stale = ref(false);
  let sequence = 0;
  /** Whose list this is: another sign-in on the same phone never sees the previous person's list. */
  let owner: number | null = null;

  const finished = computed(() => loaded.value && nextCursor.value === null);
  const openCount = computed(() => Object.entries(counts.value).reduce((sum, [status, n]) => (status === 'closed' ? sum : sum + n), 0));
  const allCount = computed(() => Object.values(counts.value).reduce((sum, n) => sum + n, 0));

  async function fetchPage(filters: QueueFilters, cursor: string | null): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    error.value = '';
    try {
      const page = await staffApi<QueuePage>(`/api/staff/cases?${apiQuery(filters, cursor)}`);
      if (mine !== sequence) return;
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
      counts.value = page.counts;
      overdue.value = page.overdue;
      referralsOverdue.value = page.referralsOverdue;
      loaded.value = true;
    } catch (e) {
      if (mine === sequence) error.value = messageOf(e);
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }

  /** Shows the list for these filters: the kept one when nothing changed, else the first page. */
  async function show(filters: QueueFilters, options: { force?: boolean } = {}): Promise<void> {
    const user = useStaffSession().user?.id ?? null;
    if (user !== owner) {
      owner = user;
      key.value = '';
      counts.value = {};
      overdue.value = 0;
      referralsOverdue.value = 0;
    }
    const wanted = JSON.stringify(filters);
    if (!options.force && !stale.value && wanted === key.value && loaded.value && !error.value) return;
    if (wanted !== key.value) {
      items.value = [];
      nextCursor.value = null;
      loaded.value = false;
    }
    key.value = wanted;
    stale.value = false;
    await fetchPage(filters, null);
  }

  async function loadMore(filters: QueueFilters): Promise<void> {
    if (loading.value || !nextCursor.value) return;
    await fetchPage(filters, nextCursor.value);
  }

  function invalidate(): void {
    stale.value = true;
  }

  return { items, counts, overdue, referralsOverdue, loading, loaded, finished, error, openCount, allCount, show, loadMore, invalidate };
});
