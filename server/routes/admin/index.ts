import type { FastifyPluginAsync } from 'fastify';
import staffRegionRoutes from '../staff/regions';
import adminEntryRoutes from './entries';
import adminUserRoutes from './users';

/** The county administration API (county_admin only), plus the region list every staff member reads. */
const adminRoutes: FastifyPluginAsync = async (app) => {
  await app.register(staffRegionRoutes);
  await app.register(adminEntryRoutes);
  await app.register(adminUserRoutes);
};

export default adminRoutes;
