import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '../../shared/identity/id-number';
import { HARDSHIP_ANSWERS } from '../../tests/fixtures/households';

/**
 * A resident's help request, a different person for every `i` below twenty million: a valid birth date (1950
 * onwards, one day apart) and a sequence number that moves on every 20,000 requests, so every body passes
 * validation and none is taken for someone who already asked.
 */
export function requestBody(entryCode: string, i: number) {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `330327${birth}${String(Math.floor(i / 20_000) % 1000).padStart(3, '0')}`;
  return {
    requestId: randomUUID(),
    entryCode,
    answers: HARDSHIP_ANSWERS,
    person: { name: `压测${i}`, phone: `138${String(i).padStart(8, '0')}`, idNumber: first17 + idNumberCheckChar(first17) },
    consent: true,
  };
}
