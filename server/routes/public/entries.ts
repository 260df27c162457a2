import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { EntryParams, EntryResponse } from '../../../shared/schemas/entries';
import { AppError } from '../../app-error';
import { describeEntry } from '../../domain/entry-info';

const entryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/entries/:code',
    { schema: { params: EntryParams, response: { 200: EntryResponse, 404: ErrorResponse, 410: ErrorResponse } } },
    async (request) => {
      const info = await describeEntry(app.store, request.params.code);
      if (!info) throw new AppError('ENTRY_NOT_FOUND', 404);
      if (!info.active) {
        throw new AppError('ENTRY_DISABLED', 410, info.phone ? `这个幸福码已停用，请拨打 ${info.township.name} 民政办电话 ${info.phone}` : undefined);
      }
      return info;
    },
  );
};

export default entryRoutes;
