import type { FastifyPluginAsync } from 'fastify';
import staffRegionRoutes from '../staff/regions';
import adminEntryRoutes from './entries';
import adminUserRoutes from './users';
import adminStatsRoutes from './stats';
import adminLedgerRoutes from './ledger';
import adminAuditRoutes from './audit';
import adminLibraryRoutes from './library';
import adminResourceRoutes from './resources';

/** The county administration API (county_admin only), plus the region list every staff member reads. */
const adminRoutes: FastifyPluginAsync = async (app) => {
  await app.register(staffRegionRoutes);
  await app.register(adminEntryRoutes);
  await app.register(adminUserRoutes);
  await app.register(adminStatsRoutes);
  await app.register(adminLedgerRoutes);
  await app.register(adminAuditRoutes);
  await app.register(adminLibraryRoutes);
  await app.register(adminResourceRoutes);
};

export default adminRoutes;
