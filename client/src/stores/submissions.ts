import { computed } from 'vue';
import { defineStore } from 'pinia';
import type { ReportInput, RequestInput } from '@shared/schemas/submissions';
import { usePersisted } from '../composables/usePersisted';

export type SubmissionKind = 'request' | 'report';

export type SubmissionBody<K extends SubmissionKind = SubmissionKind> = K extends 'request' ? RequestInput : ReportInput;

export interface SubmissionProblem {
  readonly code: string;
  readonly message: string;
  readonly fields?: Record<string, string>;
}

/**
 * One request or report, from the tap on 「提交」 until the server acknowledged it.
 * `queued` holds the body on the phone until it is sent; once `sent`, the body (personal data) is dropped
 * and only the tracking code is kept. `failed` means the server refused it (e.g. a field is wrong).
 */
export interface Submission {
  readonly requestId: string;
  readonly kind: SubmissionKind;
  readonly entryCode: string;
  readonly createdAt: string;
  state: 'queued' | 'sent' | 'failed';
  body?: SubmissionBody;
  trackingCode?: string;
  /** Why the last attempt did not go through (shown honestly, not as an error when just offline). */
  problem?: SubmissionProblem;
  attempts: number;
}

/** A tracking code remembered on this phone, for one-tap lookup on the tracking page. */
export interface SavedCode {
  readonly code: string;
  readonly kind: SubmissionKind | 'lookup';
  readonly savedAt: string;
}

const MAX_SENT_KEPT = 30;
const MAX_CODES_KEPT = 20;

export const useSubmissionsStore = defineStore('submissions', () => {
  const items = usePersisted<Submission[]>('xfm.submissions', {
    version: '1',
    initial: () => [],
    accept: (data): data is Submission[] => Array.isArray(data),
  });
  const codes = usePersisted<SavedCode[]>('xfm.codes', {
    version: '1',
    initial: () => [],
    accept: (data): data is SavedCode[] => Array.isArray(data),
  });

  const queued = computed(() => items.value.filter((item) => item.state === 'queued'));

  function find(requestId: string): Submission | undefined {
    return items.value.find((item) => item.requestId === requestId);
  }

  /** Keeps the submission (replacing an earlier attempt with the same requestId). */
  /** The last submission made from one entry code (the sent page after a reload without history state). */
  function latestFor(entryCode: string): Submission | undefined {
    return [...items.value].reverse().find((item) => item.entryCode === entryCode);
  }

  function put(submission: Submission): Submission {
    const others = items.value.filter((item) => item.requestId !== submission.requestId);
    const sent = others.filter((item) => item.state === 'sent');
    const trimmed = sent.length >= MAX_SENT_KEPT ? others.filter((item) => item !== sent[0]) : others;
    items.value = [...trimmed, submission];
    return items.value[items.value.length - 1]!;
  }

  function update(requestId: string, change: Partial<Submission>): void {
    items.value = items.value.map((item) => (item.requestId === requestId ? { ...item, ...change } : item));
  }

  function markSent(requestId: string, trackingCode: string): void {
    const item = find(requestId);
    if (!item) return;
    update(requestId, { state: 'sent', trackingCode, body: undefined, problem: undefined });
    rememberCode(trackingCode, item.kind);
  }

  function rememberCode(code: string, kind: SavedCode['kind']): void {
    if (codes.value.some((saved) => saved.code === code)) return;
    codes.value = [{ code, kind, savedAt: new Date().toISOString() }, ...codes.value].slice(0, MAX_CODES_KEPT);
  }

  function forgetCode(code: string): void {
    codes.value = codes.value.filter((saved) => saved.code !== code);
  }

  return { items, codes, queued, find, latestFor, put, update, markSent, rememberCode, forgetCode };
});
