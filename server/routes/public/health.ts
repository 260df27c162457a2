import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, HealthResponse } from '../../../shared/schemas/common';
import { AppError } from '../../app-error';

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { schema: { response: { 200: HealthResponse, 503: ErrorResponse } } }, async () => {
    try {
      await app.repos.health.ping();
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 503);
    }
    return { status: 'ok' as const };
  });
};

export default healthRoutes;
