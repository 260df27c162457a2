import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readableFromPort, sendThroughPort } from './port-stream';

/** A source that records how many chunks have been taken from it. */
function countingSource(chunks: string[]) {
  const taken = { count: 0 };
  const source = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        taken.count += 1;
        yield chunk;
      }
    })(),
  );
  return { source, taken };
}

describe('report bytes across threads', () => {
  it('arrive complete and in order', async () => {
    const { port1, port2 } = new MessageChannel();
    const chunks = Array.from({ length: 50 }, (_, i) => `第${i}行\r\n`);
    const sent = sendThroughPort(port2, Readable.from(chunks));
    expect(await text(readableFromPort(port1))).toBe(chunks.join(''));
    await sent;
  });

  it('are produced only as fast as they are read, and stop when the download is abandoned', async () => {
    const { port1, port2 } = new MessageChannel();
    const { source, taken } = countingSource(Array.from({ length: 10_000 }, () => 'x'.repeat(1024)));
    const sent = sendThroughPort(port2, source);
    const body = readableFromPort(port1);
    const first = await new Promise<Buffer>((resolve) => body.once('data', resolve));
    expect(first.toString()).toBe('x'.repeat(1024));
    body.pause();
    body.destroy();
    // The sender settles instead of waiting for a reader that is gone, having made only a small part of the file.
    await sent;
    expect(taken.count).toBeLessThan(1000);
  });

  it('carries a failure to the reader', async () => {
    const { port1, port2 } = new MessageChannel();
    const failing = Readable.from(
      (function* () {
        yield 'header\r\n';
        throw new Error('disk gone');
      })(),
    );
    void sendThroughPort(port2, failing);
    await expect(text(readableFromPort(port1))).rejects.toThrow('disk gone');
  });
});
