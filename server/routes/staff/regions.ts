import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { countyOf } from '../../../shared/accounts/scope';
import { ErrorResponse } from '../../../shared/schemas/common';
import { RegionList } from '../../../shared/schemas/regions';
import { scopeOf } from '../../plugins/auth';

/**
 * The region tree for every signed-in staff member: the queue's filters show village and township names. A county's
 * accounts get their county's tree; a province admin every county's.
 */
const staffRegionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/staff/regions', { schema: { response: { 200: RegionList, 401: ErrorResponse } } }, async (request) => {
    const { county } = scopeOf(request.staff!.user);
    return (await app.repos.regions.list())
      .filter((r) => county === null || countyOf(r.code) === county)
      .map(({ code, name, level, parent }) => ({ code, name, level, parent }));
  });
};

export default staffRegionRoutes;
