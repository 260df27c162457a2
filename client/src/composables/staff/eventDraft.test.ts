import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, draftCountOf, draftKey, draftSteps, dropDraftsOf, pruneExpiredDrafts, restoreDraft, useEventDraft } from './eventDraft';

const fresh = () => ({ note: '', visitedAt: '2026-03-10', findings: { economy: '', health: '' } as Record<string, string> });

class MemoryStorage {
  private data = new Map<string, string>();
  key = (i: number) => [...this.data.keys()][i] ?? null;
  get length() {
    return this.data.size;
  }
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
  get size() {
    return this.data.size;
  }
}
let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { window?: unknown }).window = { localStorage: storage };
});
afterEach(() => delete (globalThis as { window?: unknown }).window);

describe('visit form draft on the device', () => {
  it('restores known fields of the right kind, drops unknown and stale ones', () => {
    const now = Date.now();
    const saved = { savedAt: now - 1000, form: { note: '下午再去', findings: { health: '腿脚不便' }, bogus: 1, visitedAt: 5 } };
    expect(restoreDraft(saved, fresh(), now)).toEqual({ note: '下午再去', visitedAt: '2026-03-10', findings: { economy: '', health: '腿脚不便' } });
    expect(restoreDraft({ ...saved, savedAt: now - DRAFT_MAX_AGE_MS - 1 }, fresh(), now)).toBeNull();
    expect(restoreDraft('garbage', fresh(), now)).toBeNull();
  });

  it('survives a new form (reload): typing is kept, a blank form stores nothing, clear forgets it', () => {
    const key = draftKey(7, 42, 'visit');
    const first = useEventDraft(key, fresh);
    expect(first.restored).toBe(false);
    expect(storage.size).toBe(0);
    first.form.findings.health = '长期卧床';
    expect(first.dirty.value).toBe(true);
    expect(draftSteps(7, 42, ['visit', 'decide'])).toEqual(['visit']);
    expect(draftSteps(8, 42, ['visit'])).toEqual([]); // another staff member on the same device

    const second = useEventDraft(key, fresh);
    expect(second.restored).toBe(true);
    expect(second.form.findings.health).toBe('长期卧床');
    second.form.findings.health = '';
    expect(storage.size).toBe(0); // back to blank: nothing kept

    second.form.note = 'x';
    second.clear();
    expect(useEventDraft(key, fresh).restored).toBe(false);
  });

  it('expired drafts of any case or staff member are removed from the device; fresh ones and other data stay', () => {
    const now = Date.now();
    const put = (key: string, savedAt: number) => storage.setItem(key, JSON.stringify({ v: '1', data: { savedAt, form: { note: 'x' } } }));
    put(draftKey(1, 1, 'visit'), now - DRAFT_MAX_AGE_MS - 1);
    put(draftKey(2, 5, 'decide'), now - 1000);
    storage.setItem('xfm.other', 'keep');
    pruneExpiredDrafts(now);
    expect(storage.getItem(draftKey(1, 1, 'visit'))).toBeNull();
    expect(storage.getItem(draftKey(2, 5, 'decide'))).not.toBeNull();
    expect(storage.getItem('xfm.other')).toBe('keep');
  });

  it("signing out drops that staff member's drafts only", () => {
    useEventDraft(draftKey(7, 42, 'visit'), fresh).form.note = '下午再去';
    useEventDraft(draftKey(7, 43, 'call'), fresh).form.note = '没接';
    useEventDraft(draftKey(71, 42, 'visit'), fresh).form.note = '另一位同事的';
    expect([draftCountOf(7), draftCountOf(71)]).toEqual([2, 1]);
    dropDraftsOf(7);
    expect([draftCountOf(7), draftCountOf(71)]).toEqual([0, 1]);
    expect(draftSteps(71, 42, ['visit'])).toEqual(['visit']);
  });
});
