import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { RegionList } from '../../../shared/schemas/regions';

/** The region tree for every signed-in staff member: the queue's filters show village and township names. */
const staffRegionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/staff/regions', { schema: { response: { 200: RegionList, 401: ErrorResponse } } }, async () =>
    (await app.repos.regions.list()).map(({ code, name, level, parent }) => ({ code, name, level, parent })),
  );
};

export default staffRegionRoutes;
