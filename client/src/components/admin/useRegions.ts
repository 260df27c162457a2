import { computed, ref } from 'vue';
import type { RegionInfo } from '@shared/schemas/regions';
import { staffApi } from '../../composables/staff/staffApi';

const regions = ref<RegionInfo[]>([]);
let loading: Promise<void> | null = null;

/** The region tree, fetched once per page load and shared by every admin page. */
export function useRegions() {
  loading ??= staffApi<RegionInfo[]>('/api/staff/regions')
    .then((list) => void (regions.value = list))
    .catch(() => void (loading = null));
  const townships = computed(() => regions.value.filter((r) => r.level === 'township'));
  const villagesOf = (township: string) => regions.value.filter((r) => r.level === 'village' && (!township || r.parent === township));
  const nameOf = (code: string | null | undefined) => regions.value.find((r) => r.code === code)?.name ?? '';
  return { regions, townships, villagesOf, nameOf };
}
