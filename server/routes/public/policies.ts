import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policyInfo } from '../../../shared/policies/policy';
import { PoliciesResponse } from '../../../shared/schemas/policies';

/** GET /api/policies — the county's current policy library, so residents see staff edits too. */
const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/policies', { schema: { response: { 200: PoliciesResponse } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    const { policies } = app.screening.current();
    return {
      policies: policies.map(policyInfo),
    };
  });
};

export default policyRoutes;
