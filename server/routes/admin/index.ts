import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../../plugins/auth';
import adminEntryRoutes from './entries';
import adminUserRoutes from './users';
import adminStatsRoutes from './stats';
import adminLedgerRoutes from './ledger';
import adminAuditRoutes from './audit';
import adminPolicyRoutes from './policies';
import adminParameterRoutes from './parameters';
import adminRegisterRoutes from './register';
import adminResourceRoutes from './resources';
import adminSignalRoutes from './signals';

/**
 * The county administration API, one door: a signed-in county admin only, checked on request, before the
 * body is parsed or validated, so others learn nothing from validation.
 */
const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', app.requireStaff);
  app.addHook('onRequest', requireRole('county_admin'));
  await app.register(adminEntryRoutes);
  await app.register(adminUserRoutes);
  await app.register(adminStatsRoutes);
  await app.register(adminLedgerRoutes);
  await app.register(adminAuditRoutes);
  await app.register(adminPolicyRoutes);
  await app.register(adminParameterRoutes);
  await app.register(adminRegisterRoutes);
  await app.register(adminResourceRoutes);
  await app.register(adminSignalRoutes);
};

export default adminRoutes;
