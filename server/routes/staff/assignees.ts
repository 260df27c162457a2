import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AssigneeList, AssigneesQuery } from '../../../shared/schemas/staff-cases';
import { AppError } from '../../app-error';
import { requireRole, scopeOf } from '../../plugins/auth';
import { inScope } from '../../../shared/accounts/scope';

/**
 * Who a case can be given to: the active township staff of a township (the assign step checks the same).
 * Township staff see only their own colleagues, whatever township they ask for; viewers cannot assign.
 */
const assigneeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/staff/assignees',
    {
      onRequest: requireRole('county_admin', 'township_staff'),
      schema: { querystring: AssigneesQuery, response: { 200: AssigneeList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const scope = scopeOf(request.staff!.user);
      const township = scope.township ?? request.query.township;
      if (!township || !inScope(scope, township) || !(await app.repos.regions.findTownship(township))) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '请先选择乡镇（街道）' });
      }
      return { items: await app.repos.users.assignableIn(township) };
    },
  );
};

export default assigneeRoutes;
