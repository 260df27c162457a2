import { ApiError, api } from '../api/http';
import { useSubmissionsStore, type Submission, type SubmissionBody, type SubmissionKind } from '../stores/submissions';

const PATHS: Record<SubmissionKind, string> = { request: '/api/requests', report: '/api/reports' };
// WeChat's WebView does not always fire `online`; a gentle timer catches what the event misses.
const RETRY_EVERY_MS = 20_000;

const inFlight = new Map<string, Promise<void>>();
let started = false;

/** Worth trying again later: no network, rate limit, or the server having a bad moment. */
function isTransient(error: ApiError): boolean {
  return error.isNetwork || error.status === 0 || error.status === 429 || error.status >= 500;
}

/**
 * Requests and reports go through a queue kept on the phone: saved first, then sent; when there is no
 * network they wait and are sent when it returns (the `online` event, app start, a timer).
 * The client-made requestId makes every retry land on the same record, so nothing is sent twice.
 */
export function useOfflineQueue() {
  const store = useSubmissionsStore();

  function send(requestId: string): Promise<void> {
    const running = inFlight.get(requestId);
    if (running) return running;
    const attempt = (async () => {
      const item = store.find(requestId);
      if (!item || item.state !== 'queued' || !item.body) return;
      store.update(requestId, { attempts: item.attempts + 1 });
      try {
        const { trackingCode } = await api<{ trackingCode: string }>(PATHS[item.kind], { method: 'POST', body: item.body });
        store.markSent(requestId, trackingCode);
      } catch (err) {
        const error = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '网络不太好，没有连上。');
        const problem = { code: error.code, message: error.message, fields: error.fields };
        if (isTransient(error)) store.update(requestId, { problem });
        // Refused for good (a field is wrong, the 幸福码 is disabled): the form shows why; the copy is dropped.
        else store.update(requestId, { state: 'failed', problem, body: undefined });
      }
    })().finally(() => inFlight.delete(requestId));
    inFlight.set(requestId, attempt);
    return attempt;
  }

  /** Saves the submission on the phone, then tries to send it; resolves with where it ended up. */
  async function submit<K extends SubmissionKind>(kind: K, body: SubmissionBody<K>): Promise<Submission> {
    const existing = store.find(body.requestId);
    if (existing?.state === 'sent') return existing;
    store.put({
      requestId: body.requestId,
      kind,
      entryCode: body.entryCode,
      createdAt: existing?.createdAt ?? new Date().toISOString(),
      state: 'queued',
      body,
      attempts: existing?.attempts ?? 0,
    });
    await send(body.requestId);
    return store.find(body.requestId)!;
  }

  async function flush(): Promise<void> {
    await Promise.all(store.queued.map((item) => send(item.requestId)));
  }

  /** Called once at app start: send what is waiting, and again whenever the network comes back. */
  function start(): void {
    if (started) return;
    started = true;
    window.addEventListener('online', () => void flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void flush();
    });
    window.setInterval(() => {
      if (store.queued.length > 0) void flush();
    }, RETRY_EVERY_MS);
    void flush();
  }

  return { submit, flush, start, send };
}
