import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { QUESTIONNAIRE } from '../../../shared/questionnaire/questions';
import { ErrorResponse } from '../../../shared/schemas/common';
import { QuestionnaireResponse, ScreeningBody, ScreeningResponse } from '../../../shared/schemas/screening';
import { chinaDate, nowIso } from '../../domain/clock';

/** The 12 questions, and the result for a set of answers. Nothing personal is stored. */
const screeningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The data is deeply readonly in shared/; the response type is its mutable JSON twin.
  const questionnaire = QUESTIONNAIRE as unknown as QuestionnaireResponse;
  app.get('/api/questionnaire', { schema: { response: { 200: QuestionnaireResponse } } }, async (_request, reply) => {
    // The questionnaire changes only with a release: let phones and proxies keep it for an hour.
    reply.header('cache-control', 'public, max-age=3600');
    return questionnaire;
  });

  app.post(
    '/api/screenings',
    {
      schema: { body: ScreeningBody, response: { 200: ScreeningResponse, 400: ErrorResponse, 429: ErrorResponse } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { entryCode, answers } = request.body;
      const today = chinaDate(nowIso());
      const result = app.screening.evaluate(answers, today);
      const entry = entryCode ? app.repos.entries.find(entryCode.trim().toUpperCase()) : undefined;
      const phone = entry ? app.repos.regions.find(entry.township)?.phone : undefined;
      if (entry) app.counters.completion(entry.code, today, result.suspected);
      return phone && result.fallback ? { ...result, fallback: `${result.fallback}（${phone}）` } : result;
    },
  );
};

export default screeningRoutes;
