import { ref, watchEffect, type Ref } from 'vue';
import type { EntryInfo } from '@shared/schemas/entries';
import { ApiError, api } from '../api/http';
import { useBoot } from './useBoot';

type EntryState =
  | { kind: 'loading' }
  | { kind: 'ready'; entry: EntryInfo; county: string }
  | { kind: 'problem'; code: string; message: string; entry?: EntryInfo };

/** The scanned 幸福码: from the page's boot data when the server already looked it up, else from the API. */
export function useEntry(code: Ref<string>) {
  const state = ref<EntryState>({ kind: 'loading' });
  watchEffect(async () => {
    const boot = useBoot();
    const wanted = code.value.toUpperCase();
    if (boot.entry && boot.entry.code === wanted) {
      state.value = boot.entry.active
        ? { kind: 'ready', entry: boot.entry, county: boot.county ?? '' }
        : { kind: 'problem', code: 'ENTRY_DISABLED', message: '这个幸福码已停用', entry: boot.entry };
      return;
    }
    if (boot.problem === 'ENTRY_NOT_FOUND' && boot.entry === null) {
      state.value = { kind: 'problem', code: 'ENTRY_NOT_FOUND', message: '没有找到这个幸福码' };
      return;
    }
    state.value = { kind: 'loading' };
    try {
      const entry = await api<EntryInfo>(`/api/entries/${encodeURIComponent(wanted)}`);
      state.value = { kind: 'ready', entry, county: boot.county ?? '' };
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '网络不太好');
      state.value = { kind: 'problem', code: e.code, message: e.message };
    }
  });
  return state;
}
