import { randomUUID } from 'node:crypto';
import type { RequestInput } from '../../../shared/schemas/submissions';
import { HARDSHIP_ANSWERS } from '../../fixtures/households';
import type { RunningServer } from './server';

/** A resident's request for contact with the hardship household, sent as the phone sends it; answers the tracking code. */
export async function postRequest(server: RunningServer, entryCode: string, person: RequestInput['person']): Promise<string> {
  const res = await fetch(`${server.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requestId: randomUUID(), entryCode, answers: HARDSHIP_ANSWERS, person, consent: true }),
  });
  if (res.status !== 201) throw new Error(`request not accepted: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}
