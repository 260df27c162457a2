import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useEntry } from './useEntry';

/** The scanned 幸福码 of the current `/q/:code/...` page, with its township's phone when known. */
export function useRouteEntry() {
  const route = useRoute();
  const code = computed(() => String(route.params.code ?? '').toUpperCase());
  const state = useEntry(code);
  const entry = computed(() => (state.value.kind === 'ready' ? state.value.entry : state.value.kind === 'problem' ? state.value.entry : undefined));
  return { code, state, entry };
}
