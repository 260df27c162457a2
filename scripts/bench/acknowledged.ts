import type { RunningServer } from '../../tests/e2e/support/server';
import { withStoreOf } from '../../tests/helpers/data-dir-database';
import { load, nextClientAddress, type LoadResult } from './http-load';
import { requestBody } from './request-body';

// What a resident is owed: a request acknowledged with a tracking code is stored, whatever happens next.

/** Help requests posted through `load` for `seconds`; answers the run and the tracking codes of every 201. */
export async function postRequests(
  server: RunningServer,
  entryCode: string,
  { seconds, connections, firstSeq = 0 }: { seconds: number; connections?: number; firstSeq?: number },
): Promise<{ result: LoadResult; acked: string[] }> {
  const acked: string[] = [];
  let seq = firstSeq;
  const result = await load({
    url: `${server.url}/api/requests`,
    method: 'POST',
    seconds,
    connections,
    body: () => requestBody(entryCode, seq++),
    perRequestHeaders: nextClientAddress,
    onResponse: (status, body) => {
      if (status === 201) acked.push((JSON.parse(body) as { trackingCode: string }).trackingCode);
    },
  });
  return { result, acked };
}

/**
 * `clients` residents keep posting until `killAfter` requests are acknowledged, then the server is killed with
 * SIGKILL while others are in flight. Answers the acknowledged tracking codes and how many answers were not a 201
 * (by status). A server that keeps refusing instead of acknowledging ends the run with its output.
 */
export async function killUnderLoad(
  server: RunningServer,
  entryCode: string,
  { clients = 4, killAfter = 50, firstSeq = 0 } = {},
): Promise<{ acked: string[]; refused: Record<number, number> }> {
  const acked: string[] = [];
  const refused: Record<number, number> = {};
  let seq = firstSeq;
  let killed = false;
  let refusals = 0;
  const client = async () => {
    while (!killed && refusals < 100) {
      try {
        const res = await fetch(`${server.url}/api/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...nextClientAddress() },
          body: JSON.stringify(requestBody(entryCode, seq++)),
        });
        const text = await res.text();
        if (res.status === 201) acked.push((JSON.parse(text) as { trackingCode: string }).trackingCode);
        else {
          refused[res.status] = (refused[res.status] ?? 0) + 1;
          refusals++;
        }
      } catch {
        // The connection died with the server: not acknowledged, so nothing is owed.
      }
      if (acked.length >= killAfter && !killed) {
        killed = true;
        server.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  if (!killed) throw new Error(`kill -9 test: only ${acked.length} acknowledged, refused ${JSON.stringify(refused)}\n${server.output().slice(-3000)}`);
  const child = server.process;
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  return { acked, refused };
}

/** How many of the acknowledged tracking codes the server's database does not hold (on either engine). */
export function lostSubmissions(server: RunningServer, trackingCodes: string[]): Promise<number> {
  return withStoreOf(server, async (store) => {
    let lost = 0;
    for (const code of trackingCodes) if (!(await store.repos.cases.findSubmissionByTrackingCode(code))) lost++;
    return lost;
  });
}
