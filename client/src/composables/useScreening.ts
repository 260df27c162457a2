import { ref, shallowRef, watch, type Ref } from 'vue';
import type { Answers } from '@shared/questionnaire/index';
import { DEMO_COUNTY_PARAMETERS, screen, type ScreeningResult } from '@shared/screening/index';
import { chinaToday } from '@shared/time';
import { ApiError, api } from '../api/http';

export type Confirmation = 'pending' | 'confirmed' | 'offline' | 'unavailable';

function isFullResult(value: unknown): value is ScreeningResult {
  const r = value as Partial<ScreeningResult> | undefined;
  return Boolean(r && typeof r.verdict === 'string' && Array.isArray(r.outcomes) && Array.isArray(r.policies) && typeof r.disclaimer === 'string');
}

/**
 * The result is worked out on the phone by the shared engine (so it shows at once, even offline),
 * then confirmed by the server, whose county figures win when they differ.
 */
export function useScreening(answers: Ref<Answers | undefined>, entryCode: Ref<string>) {
  const result = shallowRef<ScreeningResult>();
  const confirmation = ref<Confirmation>('pending');

  async function confirm(current: Answers): Promise<void> {
    confirmation.value = 'pending';
    try {
      const confirmed = await api<unknown>('/api/screenings', { method: 'POST', body: { entryCode: entryCode.value, answers: current } });
      if (answers.value !== current) return;
      if (isFullResult(confirmed)) result.value = confirmed;
      confirmation.value = 'confirmed';
    } catch (err) {
      confirmation.value = err instanceof ApiError && err.isNetwork ? 'offline' : 'unavailable';
    }
  }

  watch(
    answers,
    (current) => {
      if (!current) {
        result.value = undefined;
        return;
      }
      result.value = screen(current, DEMO_COUNTY_PARAMETERS, chinaToday(Date.now()));
      void confirm(current);
    },
    { immediate: true },
  );

  return { result, confirmation, retry: () => answers.value && confirm(answers.value) };
}
