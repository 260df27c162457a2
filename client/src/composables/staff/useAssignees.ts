import { ref, watch, type Ref } from 'vue';
import type { AssigneeListInfo } from '@shared/schemas/staff-cases';
import { messageOf, staffApi } from './staffApi';

export type Assignee = AssigneeListInfo['items'][number];

/** The staff a case in `township` can be given to, fetched again whenever the township changes. */
export function useAssignees(township: Ref<string>) {
  const people = ref<Assignee[]>([]);
  const loading = ref(false);
  const error = ref('');
  let latest = 0;

  watch(
    township,
    async (code) => {
      const mine = ++latest;
      people.value = [];
      error.value = '';
      if (!/^\d{12}$/.test(code)) return;
      loading.value = true;
      try {
        const list = await staffApi<AssigneeListInfo>(`/api/staff/assignees?township=${code}`);
        if (mine === latest) people.value = list.items;
      } catch (e) {
        if (mine === latest) error.value = messageOf(e);
      } finally {
        if (mine === latest) loading.value = false;
      }
    },
    { immediate: true },
  );

  return { people, loading, error };
}
