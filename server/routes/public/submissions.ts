import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { countyOf } from '../../../shared/accounts/scope';
import { ReportBody, RequestBody, SubmissionCreated } from '../../../shared/schemas/submissions';
import { AppError } from '../../app-error';
import { canonicalJson } from '../../domain/canonical-json';
import { chinaDate, nowIso } from '../../domain/clock';
import { retryOf } from '../../domain/intake';
import { cleanPerson, type PersonInput } from '../../domain/person';
import type { EntryPoint } from '../../repositories/entries';

const responses = { 200: SubmissionCreated, 201: SubmissionCreated, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse, 429: ErrorResponse };
// Generous for a household, tight for a script: a family rarely sends more than a few a minute.
const rateLimit = { max: 20, timeWindow: '1 minute' };

/** POST /api/requests (a resident asks to be contacted) and POST /api/reports (someone reports a person). */
const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function activeEntry(code: string): Promise<EntryPoint> {
    const entry = await app.repos.entries.find(code.trim().toUpperCase());
    if (!entry) throw new AppError('ENTRY_NOT_FOUND', 404, undefined, { entryCode: '没有找到这个幸福码，请重新扫码' });
    if (!entry.active) throw new AppError('ENTRY_DISABLED', 410);
    return entry;
  }

  /** A retry of an acknowledged submission, or what a new one needs: the time, the entry point, the checked person. */
  async function begin(body: { requestId: string; entryCode: string; person: PersonInput }) {
    const bodyHash = app.vault.blindIndex('submission-body', canonicalJson(body));
    const known = await app.repos.cases.findSubmissionByRequestId(body.requestId);
    if (known) return { kind: 'retry', trackingCode: retryOf(known, bodyHash).trackingCode } as const;
    const now = nowIso();
    return { kind: 'new', now, bodyHash, entry: await activeEntry(body.entryCode), person: cleanPerson(body.person, chinaDate(now)) } as const;
  }

  app.post('/api/requests', { schema: { body: RequestBody, response: responses }, config: { rateLimit } }, async (request, reply) => {
    const body = request.body;
    const start = await begin(body);
    if (start.kind === 'retry') return reply.status(200).send({ trackingCode: start.trackingCode });
    const { now, entry, person, bodyHash } = start;
    const screening = app.screening.snapshot(body.answers, chinaDate(now), countyOf(entry.township));
    const result = await app.intake.submit(
      {
        kind: 'request',
        requestId: body.requestId,
        bodyHash,
        entry,
        person,
        payload: { person: body.person, note: body.note ?? null, contactTime: body.person.contactTime ?? 'any' },
        screening,
      },
      now,
    );
    return reply.status(result.created ? 201 : 200).send({ trackingCode: result.trackingCode });
  });

  app.post('/api/reports', { schema: { body: ReportBody, response: responses }, config: { rateLimit } }, async (request, reply) => {
    const body = request.body;
    const start = await begin(body);
    if (start.kind === 'retry') return reply.status(200).send({ trackingCode: start.trackingCode });
    const { now, entry, person, bodyHash } = start;
    if (body.reporter.phone || body.reporter.name) cleanPerson({ name: body.reporter.name || '反映人', phone: body.reporter.phone }, chinaDate(now), 'reporter');
    const screening = body.answers ? app.screening.snapshot(body.answers, chinaDate(now), countyOf(entry.township)) : null;
    const result = await app.intake.submit(
      {
        kind: 'report',
        requestId: body.requestId,
        bodyHash,
        entry,
        person,
        payload: { person: body.person, reporter: body.reporter, onBehalf: Boolean(body.answers) },
        screening,
        situations: body.person.situation,
        reporterRelation: body.reporter.relation,
      },
      now,
    );
    return reply.status(result.created ? 201 : 200).send({ trackingCode: result.trackingCode });
  });
};

export default submissionRoutes;
