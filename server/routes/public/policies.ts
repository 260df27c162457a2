import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policyInfo } from '../../../shared/policies/policy';
import { PoliciesQuery, PoliciesResponse } from '../../../shared/schemas/policies';

/** GET /api/policies[?county=] — a county's current policy library (#16; left out: the province-wide one), so residents see staff edits too. */
const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/policies', { schema: { querystring: PoliciesQuery, response: { 200: PoliciesResponse } } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    const { policies } = app.screening.current(request.query.county ?? null);
    return {
      policies: policies.map(policyInfo),
    };
  });
};

export default policyRoutes;
