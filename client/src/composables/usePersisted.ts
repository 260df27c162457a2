import { ref, watch, type Ref } from 'vue';

/** What is written to localStorage: the data and the version of its shape. */
interface Saved {
  readonly v: string;
  readonly data: unknown;
}

export interface PersistOptions<T> {
  /** The shape's version; data saved under another version goes through `migrate`. */
  readonly version: string;
  readonly initial: () => T;
  /** Turns data saved under another version (or shape) into current data; undefined drops it. */
  readonly migrate?: (old: unknown, oldVersion: string | undefined) => T | undefined;
  /** Checks data saved under the current version still has the expected shape. */
  readonly accept?: (data: unknown) => data is T;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Some WebViews throw on access when storage is disabled; the app then works without memory.
    return undefined;
  }
}

/** Reads a persisted value once, migrating or dropping what an older version of the app saved. */
export function readPersisted<T>(key: string, options: PersistOptions<T>): T {
  const raw = storage()?.getItem(key);
  if (!raw) return options.initial();
  let saved: Partial<Saved> | undefined;
  try {
    saved = JSON.parse(raw) as Partial<Saved>;
  } catch {
    return options.initial();
  }
  if (saved && saved.v === options.version && (!options.accept || options.accept(saved.data))) return saved.data as T;
  return options.migrate?.(saved?.data, saved?.v) ?? options.initial();
}

export function writePersisted(key: string, version: string, data: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify({ v: version, data } satisfies Saved));
  } catch {
    // Quota or private mode: keep working from memory rather than failing the resident's tap.
  }
}

/** A ref backed by localStorage under a versioned key (after elk's settings storage). */
export function usePersisted<T>(key: string, options: PersistOptions<T>): Ref<T> {
  const state = ref(readPersisted(key, options)) as Ref<T>;
  // Write back at once, so data migrated from an older version is stored in the new shape.
  writePersisted(key, options.version, state.value);
  watch(state, (value) => writePersisted(key, options.version, value), { deep: true, flush: 'sync' });
  return state;
}

export function removePersisted(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing stored, or storage unavailable: nothing to remove.
  }
}
