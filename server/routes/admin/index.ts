import type { FastifyPluginAsync } from 'fastify';
import { requireRoleOrProvinceRead } from '../../plugins/auth';
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

/** What a province admin may read here (#16): statistics, the masked ledgers and the audit log, of every county or one. */
export const PROVINCE_READS: ReadonlySet<string> = new Set([
  '/api/admin/stats',
  '/api/admin/register/summary',
  '/api/admin/ledger.csv',
  '/api/admin/ledger.xlsx',
  '/api/admin/register-ledger.csv',
  '/api/admin/register-ledger.xlsx',
  '/api/admin/audit',
]);

/**
 * The county administration API, one door: a signed-in county admin (or a province admin reading statistics and
 * ledgers), checked on request, before the body is parsed or validated, so others learn nothing from validation.
 */
const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', app.requireStaff);
  app.addHook('onRequest', requireRoleOrProvinceRead(['county_admin'], PROVINCE_READS));
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
