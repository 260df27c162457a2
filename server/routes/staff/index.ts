import type { FastifyPluginAsync } from 'fastify';
import assigneeRoutes from './assignees';
import staffCaseRoutes from './cases';
import householdRoutes from './households';
import staffReferralRoutes from './referrals';
import staffRegionRoutes from './regions';
import staffResourceRoutes from './resources';

/**
 * The workbench API, one door: every route here needs a signed-in staff member (and the CSRF header for a
 * write), checked on request, before the body is parsed or validated, so a stranger learns nothing from
 * validation. Signing in and out (./session.ts) stays outside.
 */
const staffRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', app.requireStaff);
  await app.register(staffCaseRoutes);
  await app.register(assigneeRoutes);
  await app.register(staffRegionRoutes);
  await app.register(householdRoutes);
  await app.register(staffResourceRoutes);
  await app.register(staffReferralRoutes);
};

export default staffRoutes;
