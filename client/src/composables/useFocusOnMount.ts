import { nextTick, onMounted, type Ref } from 'vue';

/** Moves focus to the page heading on arrival, so a screen reader starts at the new page's title. */
export function useFocusOnMount(target: Ref<HTMLElement | null | undefined>): () => void {
  const focus = () => void nextTick(() => target.value?.focus({ preventScroll: false }));
  onMounted(focus);
  return focus;
}
