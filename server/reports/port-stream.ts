import type { MessagePort } from 'node:worker_threads';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A byte stream from a report worker to the request thread over a MessagePort. The worker sends a chunk
 * only when the reply asks for one ("pull"), so a slow download holds the worker back instead of
 * piling the export up in memory; "cancel" stops the worker when the download is abandoned.
 */
type FromWorker = { chunk: Uint8Array } | { end: true } | { error: string };
type ToWorker = 'pull' | 'cancel';

/** Request thread: the reply body, fed by the worker. */
export function readableFromPort(port: MessagePort): Readable {
  let open = true;
  const finish = () => {
    open = false;
    port.close();
  };
  const send = (message: ToWorker) => open && port.postMessage(message);
  const readable = new Readable({
    read: () => send('pull'),
    destroy(err, callback) {
      send('cancel');
      finish();
      callback(err);
    },
  });
  port.on('message', (message: FromWorker) => {
    if ('chunk' in message) readable.push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
    else if ('end' in message) {
      readable.push(null);
      finish();
    } else readable.destroy(new Error(message.error));
  });
  return readable;
}

/** Worker: pipes `source` to the request thread, one chunk per pull; settles when done or cancelled. */
export async function sendThroughPort(port: MessagePort, source: Readable): Promise<void> {
  let credit = 0;
  let waiting: (() => void) | undefined;
  let cancelled = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const send = () => {
        credit -= 1;
        // A copy: the chunk may be a view into a pooled buffer that must not be moved to another thread.
        const copy = new Uint8Array(chunk);
        port.postMessage({ chunk: copy } satisfies FromWorker, [copy.buffer]);
        callback();
      };
      if (credit > 0) send();
      else waiting = send;
    },
    final(callback) {
      port.postMessage({ end: true } satisfies FromWorker);
      callback();
    },
  });
  port.on('message', (message: ToWorker) => {
    if (message === 'pull') {
      credit += 1;
      const send = waiting;
      waiting = undefined;
      send?.();
    } else {
      cancelled = true;
      sink.destroy();
    }
  });
  try {
    await pipeline(source, sink);
  } catch (err) {
    if (!cancelled) port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
  } finally {
    port.close();
  }
}
