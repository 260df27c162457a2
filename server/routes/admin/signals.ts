import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { REGISTER_UPLOAD_MAX_BYTES } from '../../../shared/schemas/register-import';
import { SignalImportBody, SignalImportResult } from '../../../shared/schemas/signal-import';
import { SignalHeaderError } from '../../../shared/warnings/rows';
import { AppError } from '../../app-error';
import { nowIso } from '../../domain/clock';
import { readRoster } from '../../domain/register-import';
import { importSignals } from '../../domain/warning-import';

/** 数据预警导入: a department's list uploaded from the county UI, matched and audited as the CLI does. */
const adminSignalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/admin/signals/import',
    {
      // A file, base64 in JSON: the same limit as the roster upload.
      bodyLimit: Math.ceil((REGISTER_UPLOAD_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: { body: SignalImportBody, response: { 200: SignalImportResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const { source, fileName, content } = request.body;
      const bytes = Buffer.from(content, 'base64');
      let table: string[][];
      try {
        table = await readRoster(bytes, fileName);
      } catch {
        throw new AppError('VALIDATION_FAILED', 400, '文件读不出来，请确认是 .csv 或 .xlsx 文件', { content: '文件读不出来' });
      }
      let summary;
      try {
        summary = importSignals(app.db, app.repos, app.vault, source, table, nowIso());
      } catch (err) {
        if (err instanceof SignalHeaderError) throw new AppError('VALIDATION_FAILED', 400, err.message, { content: err.message });
        throw err;
      }
      const { rejected, ...counts } = summary;
      const fileHash = createHash('sha256').update(bytes).digest('hex');
      app.repos.audit.record({
        actor: request.staff!.user.username,
        action: 'warnings.import',
        detail: JSON.stringify({ source, file: fileName, fileHash, ...counts, rejected: rejected.length }),
        clientIp: request.ip,
      });
      return summary;
    },
  );
};

export default adminSignalRoutes;
