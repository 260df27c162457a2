import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StatsQuery, StatsResponse } from '../../../shared/schemas/admin-reports';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AppError } from '../../app-error';
import { statsRange } from '../../domain/admin-stats';
import { nowIso } from '../../domain/clock';
import { countyOf } from '../../../shared/accounts/scope';
import { readCounty } from '../../plugins/auth';

/** County statistics: per township and per month, and the funnel from scan to decision. */
const adminStatsRoutes: FastifyPluginAsyncTypebox = async (app) => {

  app.get('/api/admin/stats', { schema: { querystring: StatsQuery, response: { 200: StatsResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    const { from, to, township } = request.query;
    const county = readCounty(request.staff!.user, request.query.county);
    if (from && to && from > to) throw new AppError('VALIDATION_FAILED', 400, undefined, { from: '开始日期不能晚于结束日期' });
    if (township && (!(await app.repos.regions.findTownship(township)) || (county && countyOf(township) !== county))) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
    // Scans and completions are buffered for a few seconds; the county sees them up to this moment.
    await app.counters.flush();
    // Counted on the report worker's own connection: a county-wide count never stalls a resident's request.
    return app.reports.stats(statsRange(nowIso(), from, to), township ?? county);
  });
};

export default adminStatsRoutes;
