import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { ResourceList } from '../../../shared/schemas/resources';
import { toResourceItem } from '../../domain/resource-view';
import { scopeOf } from '../../plugins/auth';

/** GET /api/staff/resources — the active resources covering the caller's township, county-wide ones included. */
const staffResourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/resources',
    { schema: { response: { 200: ResourceList, 401: ErrorResponse, 403: ErrorResponse } } },
    async (request) => {
      const { township, county } = scopeOf(request.staff!.user);
      const resources = await app.repos.resources.activeFor(township, county);
      return { items: await Promise.all(resources.map((r) => toResourceItem(app.store, r))) };
    },
  );
};

export default staffResourceRoutes;
