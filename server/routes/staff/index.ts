import type { FastifyPluginAsync } from 'fastify';
import assigneeRoutes from './assignees';
import staffCaseRoutes from './cases';
import householdRoutes from './households';
import staffRegionRoutes from './regions';

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
};

export default staffRoutes;
