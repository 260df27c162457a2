import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery } from '../../../shared/schemas/admin-reports';
import { ErrorResponse } from '../../../shared/schemas/common';
import { addDays, chinaDayStart } from '../../../shared/time';
import { AppError } from '../../app-error';
import { readCounty } from '../../plugins/auth';


/** The audit log, read-only: filter by who, which case, what and when; newest first, page by page. */
const adminAuditRoutes: FastifyPluginAsyncTypebox = async (app) => {

  app.get('/api/admin/audit', { schema: { querystring: AuditQuery, response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    const q = request.query;
    if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', 400, undefined, { from: '开始日期不能晚于结束日期' });
    const limit = Math.min(Math.max(Number(q.limit ?? 50), 1), 200);
    const rows = await app.repos.audit.page({
      // A county admin reads the entries of its county's accounts (#16); a province admin every county's, or one.
      county: readCounty(request.staff!.user, q.county),
      actor: q.actor?.trim() || undefined,
      target: q.caseId ? `case:${q.caseId}` : q.target?.trim() || undefined,
      action: q.action?.trim() || undefined,
      from: q.from ? chinaDayStart(q.from) : undefined,
      to: q.to ? chinaDayStart(addDays(q.to, 1)) : undefined,
      beforeId: q.cursor ? Number(q.cursor) : undefined,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    return {
      items,
      nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null,
      actions: await app.repos.audit.actions(),
    };
  });
};

export default adminAuditRoutes;
