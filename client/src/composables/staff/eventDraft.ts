import { computed, reactive, watch } from 'vue';
import { readPersisted, removePersisted, writePersisted } from '../usePersisted';

/**
 * A step form's unsaved input, kept on this device per staff member, case and step, so an outside tap
 * or a reload never loses a half-written visit. Cleared once saved or discarded; old drafts expire,
 * because they hold what staff wrote about a person.
 */
export const DRAFT_MAX_AGE_MS = 7 * 86_400_000;
const VERSION = '1';
const PREFIX = 'xfm.staff.draft.';

export interface SavedDraft<T> {
  savedAt: number;
  form: T;
}

export function draftKey(userId: number, caseId: number, type: string): string {
  return `${PREFIX}${userId}.${caseId}.${type}`;
}

/** The saved form merged over a fresh one (only known fields, of the same kind), or null when missing or stale. */
export function restoreDraft<T extends Record<string, unknown>>(saved: unknown, fresh: T, now: number): T | null {
  const draft = saved as Partial<SavedDraft<Record<string, unknown>>> | null;
  if (!draft || typeof draft.savedAt !== 'number' || now - draft.savedAt > DRAFT_MAX_AGE_MS || typeof draft.form !== 'object' || !draft.form) return null;
  const form: Record<string, unknown> = { ...fresh };
  for (const [key, value] of Object.entries(draft.form)) {
    const kind = typeof fresh[key];
    if (key in fresh && typeof value === kind) form[key] = kind === 'object' && value ? { ...(fresh[key] as object), ...(value as object) } : value;
  }
  return form as T;
}

export const sameForm = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The form's reactive state, restored from the device when a draft exists; `dirty` when it differs from a fresh one. */
export function useEventDraft<T extends Record<string, unknown>>(key: string, initial: () => T) {
  const fresh = initial();
  const restored = restoreDraft(readPersisted<unknown>(key, { version: VERSION, initial: () => null }), fresh, Date.now());
  if (!restored) removePersisted(key);
  const form = reactive(restored ?? initial()) as T;
  const dirty = computed(() => !sameForm(form, fresh));
  watch(
    form,
    () => {
      if (dirty.value) writePersisted(key, VERSION, { savedAt: Date.now(), form } satisfies SavedDraft<T>);
      else removePersisted(key);
    },
    { deep: true, flush: 'sync' },
  );
  return { form, dirty, restored: restored !== null && !sameForm(restored, fresh), clear: () => removePersisted(key) };
}

/** Keys of the drafts on this device that start with `prefix` (all of them by default). */
function draftKeys(prefix = PREFIX): string[] {
  let store: Storage | undefined;
  try {
    store = window.localStorage;
  } catch {
    return [];
  }
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Removes every expired draft on this device (any staff member, any case): they hold what staff wrote about people. */
export function pruneExpiredDrafts(now = Date.now()): void {
  for (const key of draftKeys()) {
    const saved = readPersisted<unknown>(key, { version: VERSION, initial: () => null }) as Partial<SavedDraft<unknown>> | null;
    if (!saved || typeof saved.savedAt !== 'number' || now - saved.savedAt > DRAFT_MAX_AGE_MS) removePersisted(key);
  }
}

/** How many unsaved forms one staff member has on this device (asked before signing out). */
export function draftCountOf(userId: number): number {
  pruneExpiredDrafts();
  return draftKeys(`${PREFIX}${userId}.`).length;
}

/** Signing out on a shared phone: what this staff member wrote and did not save leaves the device with them. */
export function dropDraftsOf(userId: number): void {
  for (const key of draftKeys(`${PREFIX}${userId}.`)) removePersisted(key);
}

/** Which steps of a case have a draft on this device (for 「有草稿」 on the step buttons); expired drafts are removed first. */
export function draftSteps(userId: number, caseId: number, types: readonly string[]): string[] {
  pruneExpiredDrafts();
  return types.filter((type) => {
    const saved = readPersisted<unknown>(draftKey(userId, caseId, type), { version: VERSION, initial: () => null }) as Partial<SavedDraft<unknown>> | null;
    return saved !== null && typeof saved.savedAt === 'number' && Date.now() - saved.savedAt <= DRAFT_MAX_AGE_MS;
  });
}
