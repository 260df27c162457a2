import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { RequestInput } from '../../shared/schemas/submissions';
import { HARDSHIP_ANSWERS } from '../fixtures/households';
import { fakeIdNumber } from './people';
import { firstActiveEntry } from './test-app';

export interface SubmittedRequest {
  trackingCode: string;
  caseId: number;
}

let people = 0;

/**
 * A resident's self-check request through the real route, with the hardship household unless `answers` says otherwise. Each call is a new
 * person (a name, phone and ID of their own, so cases never merge) unless `person` says otherwise.
 */
export async function submitRequest(
  app: FastifyInstance,
  options: { entryCode?: string; answers?: RequestInput['answers']; person?: Partial<RequestInput['person']>; remoteAddress?: string } = {},
): Promise<SubmittedRequest> {
  const n = ++people;
  const birthYear = 1940 + Math.floor(n / 1000);
  const res = await app.inject({
    method: 'POST',
    url: '/api/requests',
    remoteAddress: options.remoteAddress,
    payload: {
      requestId: randomUUID(),
      entryCode: options.entryCode ?? (await firstActiveEntry(app)).code,
      answers: options.answers ?? HARDSHIP_ANSWERS,
      person: { name: '测试居民', phone: `1395999${String(n).padStart(4, '0')}`, idNumber: fakeIdNumber(`330327${birthYear}0101${String(n % 1000).padStart(3, '0')}`), ...options.person },
      consent: true,
    },
  });
  if (res.statusCode !== 201) throw new Error(`submitRequest: ${res.statusCode} ${res.body}`);
  const trackingCode = res.json().trackingCode as string;
  const submission = await app.repos.cases.findSubmissionByTrackingCode(trackingCode);
  if (!submission) throw new Error(`submitRequest: no submission for ${trackingCode}`);
  return { trackingCode, caseId: submission.case_id };
}
