import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { QUESTIONNAIRE } from '../../../shared/questionnaire/questions';
import { ErrorResponse } from '../../../shared/schemas/common';
import { QuestionnaireResponse, ScreeningBody, ScreeningResponse } from '../../../shared/schemas/screening';
import { chinaToday } from '../../domain/clock';
import { createEntryLookup } from '../../domain/entry-lookup';

const serializeNatively = (data: unknown) => JSON.stringify(data);

/** The 12 questions, and the result for a set of answers. Nothing personal is stored. */
const screeningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The data is deeply readonly in shared/; the response type is its mutable JSON twin.
  const questionnaire = QUESTIONNAIRE as unknown as QuestionnaireResponse;
  app.get('/api/questionnaire', { schema: { response: { 200: QuestionnaireResponse } } }, async (_request, reply) => {
    // The questionnaire changes only with a release: let phones and proxies keep it for an hour.
    reply.header('cache-control', 'public, max-age=3600');
    return questionnaire;
  });

  const findEntry = createEntryLookup(app.store);
  app.coordination.invalidation.on('entries', findEntry.clear);
  app.post(
    '/api/screenings',
    {
      schema: { body: ScreeningBody, response: { 200: ScreeningResponse, 400: ErrorResponse, 429: ErrorResponse } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      // The schema still types the handler and documents the result (a test checks results against it), but the
      // result is the engine's own object, all Chinese text: V8's JSON.stringify writes it twice as fast as
      // fast-json-stringify, which escapes string by string.
      serializerCompiler: () => serializeNatively,
    },
    async (request) => {
      const { entryCode, answers } = request.body;
      const today = chinaToday();
      const entry = entryCode ? await findEntry(entryCode) : undefined;
      const result = app.screening.evaluate(answers, today, entry?.county);
      if (entry) app.counters.completion(entry.code, today, result.suspected);
      return entry?.phone && result.fallback ? { ...result, fallback: `${result.fallback}（${entry.phone}）` } : result;
    },
  );
};

export default screeningRoutes;
