import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { chinaDate } from '../../../shared/register/cadence';
import {
  REGISTER_UPLOAD_MAX_BYTES,
  RegisterImportBody,
  RegisterImportResult,
  RegisterSummary,
} from '../../../shared/schemas/register-import';
import { RosterHeaderError } from '../../../shared/register/roster';
import { AppError } from '../../app-error';
import { nowIso } from '../../domain/clock';
import { importRoster, readRoster } from '../../domain/register-import';
import { CountyQuery } from '../../../shared/schemas/admin-reports';
import { readCounty, scopeOf } from '../../plugins/auth';

/** The county's roster upload: a preview (nothing kept) with each row's problem, then the import itself. */
const adminRegisterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Counted on the report worker: a county-wide count never stalls a resident's request.
  app.get(
    '/api/admin/register/summary',
    { schema: { querystring: CountyQuery, response: { 200: RegisterSummary, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } },
    async (request) => app.reports.registerSummary(chinaDate(nowIso()), readCounty(request.staff!.user, request.query.county)),
  );

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
        const summary = await importRoster(app.store, app.vault, table, nowIso(), { preview, county: scopeOf(request.staff!.user).county });
        if (!preview) {
          await app.repos.audit.record({
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
