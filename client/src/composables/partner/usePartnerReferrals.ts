import { ref } from 'vue';
import type { PartnerReferralInfo } from '@shared/schemas/referrals';
import type { PartnerEvent } from '@shared/referrals/status';
import { ApiError } from '../../api/http';
import { messageOf, staffApi } from '../staff/staffApi';

/** The partner's referrals and its answers; the server decides what may happen, this only asks and shows. */
export function usePartnerReferrals() {
  const resourceName = ref('');
  const items = ref<PartnerReferralInfo[]>([]);
  const loading = ref(false);
  const problem = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    problem.value = '';
    try {
      const list = await staffApi<{ resource: { id: number; name: string }; items: PartnerReferralInfo[] }>('/api/partner/referrals');
      resourceName.value = list.resource.name;
      items.value = list.items;
    } catch (error) {
      problem.value = messageOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Sends one answer; returns the message to show by the note (null when it went through). */
  async function answer(id: number, type: PartnerEvent, note: string): Promise<string | null> {
    try {
      const updated = await staffApi<PartnerReferralInfo>(`/api/partner/referrals/${id}/events`, { method: 'POST', body: { type, note } });
      items.value = items.value.map((item) => (item.id === id ? updated : item));
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.fields.note) return error.fields.note;
      return messageOf(error);
    }
  }

  return { resourceName, items, loading, problem, load, answer };
}
