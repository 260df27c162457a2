import type { Ref } from 'vue';
import { useRouter } from 'vue-router';
import { paths } from '../../lib/paths';
import { useAnswersStore, type Sheet } from '../../stores/answers';
import { showConfirmDialog } from '../../ui/vant';

/** 重新开始: after the resident confirms, clears one sheet of answers and goes back to its first question. */
export function useRestart(code: Ref<string>, sheet: () => Sheet): () => Promise<void> {
  const router = useRouter();
  const answers = useAnswersStore();
  return async () => {
    try {
      await showConfirmDialog({
        title: '重新开始？',
        message: '已经填好的回答会从这部手机上清除。',
        confirmButtonText: '清除，重新开始',
        cancelButtonText: '不清除',
      });
    } catch {
      return;
    }
    answers.clear(sheet());
    await router.replace(paths.question(code.value, sheet(), 1));
  };
}
