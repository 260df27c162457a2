import { watch } from 'vue';
import { usePersisted } from './usePersisted';

let elder: ReturnType<typeof load> | undefined;

function load() {
  return usePersisted<boolean>('xfm.elder', {
    version: '1',
    initial: () => false,
    accept: (data): data is boolean => typeof data === 'boolean',
  });
}

/** 长辈模式: bigger text and targets, one tap to switch, remembered on this phone. */
export function useElderMode() {
  if (!elder) {
    elder = load();
    watch(elder, (on) => document.documentElement.classList.toggle('elder', on), { immediate: true });
  }
  const state = elder;
  return {
    enabled: state,
    toggle: () => {
      state.value = !state.value;
    },
  };
}
