import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { referralNowText } from '../../../shared/referrals/status';
import { STATUS_TEXT, type CaseStatus } from '../../../shared/cases/status';
import { isTrackingCode, normalizeTrackingCode } from '../../../shared/cases/tracking-code';
import { ErrorResponse } from '../../../shared/schemas/common';
import { TrackParams, TrackResponse } from '../../../shared/schemas/submissions';
import { AppError } from '../../app-error';

/** GET /api/track/:trackingCode — progress without any personal data; limited so codes can't be farmed. */
const trackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/track/:trackingCode',
    {
      schema: { params: TrackParams, response: { 200: TrackResponse, 404: ErrorResponse, 429: ErrorResponse } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => {
      const code = normalizeTrackingCode(request.params.trackingCode);
      const submission = isTrackingCode(code) ? await app.repos.cases.findSubmissionByTrackingCode(code) : undefined;
      const found = submission ? await app.repos.cases.find(submission.case_id) : undefined;
      if (!submission || !found) throw new AppError('TRACKING_NOT_FOUND', 404);
      const events = await app.repos.cases.publicEventsFor(found.id, submission.id);
      const feedback = [...events].reverse().find((e) => e.type === 'feedback')?.public_text ?? undefined;
      const status = found.status as CaseStatus;
      const helping = (await app.repos.referrals.ofCase(found.id))
        .map((r) => referralNowText(r.status, r.resource_name))
        .filter((text): text is string => text !== null);
      return {
        status,
        statusText: STATUS_TEXT[status] ?? status,
        updatedAt: found.updated_at,
        timeline: events.map((e) => ({ at: e.at, text: e.public_text! })),
        ...(feedback ? { feedback } : {}),
        ...(helping.length ? { helping } : {}),
      };
    },
  );
};

export default trackRoutes;
