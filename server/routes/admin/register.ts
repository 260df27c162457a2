import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { addDays, chinaDate, endOfWeek } from '../../../shared/register/cadence';
import {
  REGISTER_UPLOAD_MAX_BYTES,
  REVIEW_NOTICE_DAYS,
  RegisterImportBody,
  RegisterImportResult,
  RegisterSummary,
  type RegisterSummaryInfo,
} from '../../../shared/schemas/register-import';
import { RosterHeaderError } from '../../../shared/register/roster';
import { AppError } from '../../app-error';
import { nowIso } from '../../domain/clock';
import { importRoster, readRoster } from '../../domain/register-import';

/** The county's roster upload: a preview (nothing kept) with each row's problem, then the import itself. */
const adminRegisterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/admin/register/summary', { schema: { response: { 200: RegisterSummary, 401: ErrorResponse, 403: ErrorResponse } } }, async () => {
    const today = chinaDate(nowIso());
    const rows = app.repos.households.summary(today, endOfWeek(today), addDays(today, REVIEW_NOTICE_DAYS));
    const names = new Map(app.repos.regions.list().map((r) => [r.code, r.name]));
    const zero = () => ({ households: 0, overdue: 0, dueThisWeek: 0, reviewsDue: 0 });
    const add = (into: ReturnType<typeof zero>, r: (typeof rows)[number]) => {
      into.households += r.households;
      into.overdue += r.overdue;
      into.dueThisWeek += r.due_this_week - r.overdue;
      into.reviewsDue += r.reviews_due;
    };
    const result: RegisterSummaryInfo = { asOf: today, totals: zero(), byCategory: {}, byLevel: {}, townships: [] };
    const townships = new Map<string, RegisterSummaryInfo['townships'][number]>();
    for (const r of rows) {
      add(result.totals, r);
      result.byCategory[r.category] = (result.byCategory[r.category] ?? 0) + r.households;
      result.byLevel[r.level] = (result.byLevel[r.level] ?? 0) + r.households;
      if (!townships.has(r.township)) townships.set(r.township, { code: r.township, name: names.get(r.township) ?? r.township, ...zero(), villages: [] });
      const township = townships.get(r.township)!;
      add(township, r);
      let village = township.villages.find((v) => v.code === r.village);
      if (!village) township.villages.push((village = { code: r.village, name: r.village ? (names.get(r.village) ?? r.village) : '未填村社区', ...zero() }));
      add(village, r);
    }
    result.townships = [...townships.values()];
    return result;
  });

  app.post(
    '/api/admin/register/import',
    {
      // The one route with a larger body: a roster file, base64 in JSON.
      bodyLimit: Math.ceil((REGISTER_UPLOAD_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: { body: RegisterImportBody, response: { 200: RegisterImportResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const { fileName, content, preview } = request.body;
      let table: string[][];
      try {
        table = await readRoster(Buffer.from(content, 'base64'), fileName);
      } catch {
        throw new AppError('VALIDATION_FAILED', 400, '文件读不出来，请确认是 .csv 或 .xlsx 文件', { content: '文件读不出来' });
      }
      try {
        const summary = importRoster(app.db, app.repos, app.vault, table, nowIso(), { preview });
        if (!preview) {
          app.repos.audit.record({
            actor: request.staff!.user.username,
            action: 'register.import',
            detail: JSON.stringify({ file: fileName, rows: summary.rows, imported: summary.imported, updated: summary.updated, rejected: summary.rejected.length }),
            clientIp: request.ip,
          });
        }
        return { preview, ...summary };
      } catch (err) {
        if (err instanceof RosterHeaderError) throw new AppError('VALIDATION_FAILED', 400, err.message, { content: err.message });
        throw err;
      }
    },
  );
};

export default adminRegisterRoutes;
