import type { FastifyPluginAsync } from 'fastify';
import { requireRoleOrProvinceRead } from '../../plugins/auth';
import assigneeRoutes from './assignees';
import staffCaseRoutes from './cases';
import householdRoutes from './households';
import staffReferralRoutes from './referrals';
import staffRegionRoutes from './regions';
import staffResourceRoutes from './resources';

const PROVINCE_STAFF_READS: ReadonlySet<string> = new Set(['/api/staff/regions']);

/**
 * The workbench API, one door: every route here needs a signed-in staff member (and the CSRF header for a
 * write) of a county, checked on request, before the body is parsed or validated, so a stranger learns nothing from
 * validation. Signing in and out (./session.ts) stays outside.
 */
const staffRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', app.requireStaff);
  // A province admin reads statistics and ledgers in the admin area, and here only the region names they are labelled
  // with: no queue, case or household of any county.
  app.addHook('onRequest', requireRoleOrProvinceRead(['county_admin', 'township_staff', 'viewer'], PROVINCE_STAFF_READS));
  await app.register(staffCaseRoutes);
  await app.register(assigneeRoutes);
  await app.register(staffRegionRoutes);
  await app.register(householdRoutes);
  await app.register(staffResourceRoutes);
  await app.register(staffReferralRoutes);
};

export default staffRoutes;
