import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LedgerQuery, RegisterLedgerQuery, UnmaskedLedgerBody, type LedgerFilters, type RegisterLedgerFilters } from '../../../shared/schemas/admin-reports';
import { ErrorResponse } from '../../../shared/schemas/common';
import { chinaDate, nowIso } from '../../domain/clock';
import { readCounty } from '../../plugins/auth';
import type { LedgerFilter } from '../../repositories/ledger';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The 台账 export: masked by default (GET); unmasked only by an explicit, audited POST with a reason. */
const adminLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {

  const filterOf = (request: FastifyRequest, query: LedgerFilters, now: string): LedgerFilter => ({
    status: query.status ?? 'all',
    township: query.township,
    county: readCounty(request.staff!.user, query.county),
    village: query.village,
    level: query.level,
    source: query.source,
    targetClass: query.targetClass,
    overdueAsOf: query.overdue === 'true' ? now : undefined,
  });
  // The rows are read, decrypted and written into the file on the report worker; this thread only relays bytes.
  const TYPES = {
    csv: 'text/csv; charset=utf-8',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  } as const;
  const stream = (reply: FastifyReply, format: keyof typeof TYPES, filter: LedgerFilter, unmasked: boolean, now: string) => {
    const name = `xingfuma-ledger-${chinaDate(now)}${unmasked ? '-full' : ''}.${format}`;
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`幸福码台账-${chinaDate(now)}${unmasked ? '-完整信息' : ''}.${format}`)}`)
      .type(TYPES[format])
      .send(app.reports.ledger(format, filter, unmasked, now));
  };

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/api/admin/ledger.${format}`, { schema: { querystring: LedgerQuery, response: errors } }, async (request, reply) => {
      const now = nowIso();
      return stream(reply, format, filterOf(request, request.query, now), false, now);
    });
    app.post(`/api/admin/ledger.${format}`, { schema: { querystring: LedgerQuery, body: UnmaskedLedgerBody, response: errors } }, async (request, reply) => {
      const now = nowIso();
      // The audit row is written before the first row leaves: no full export without a trace.
      await app.repos.audit.record({
        actor: request.staff!.user.username,
        action: 'ledger.export_unmasked',
        target: 'ledger',
        detail: JSON.stringify({ reason: request.body.reason, filters: request.query, format }),
        clientIp: request.ip,
      });
      return stream(reply, format, filterOf(request, request.query, now), true, now);
    });

    // The register (在册名单) as a 台账: the same rule, masked by GET, in full only by the audited POST.
    const registerFile = (reply: FastifyReply, unmasked: boolean, filter: RegisterLedgerFilters) => {
      const day = chinaDate(nowIso());
      return reply
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="xingfuma-register-${day}${unmasked ? '-full' : ''}.${format}"; filename*=UTF-8''${encodeURIComponent(`在册名单台账-${day}${unmasked ? '-完整信息' : ''}.${format}`)}`,
        )
        .type(TYPES[format])
        .send(app.reports.registerLedger(format, filter, unmasked));
    };
    app.get(`/api/admin/register-ledger.${format}`, { schema: { querystring: RegisterLedgerQuery, response: errors } }, async (request, reply) =>
      registerFile(reply, false, { ...request.query, county: readCounty(request.staff!.user, request.query.county) }),
    );
    app.post(`/api/admin/register-ledger.${format}`, { schema: { querystring: RegisterLedgerQuery, body: UnmaskedLedgerBody, response: errors } }, async (request, reply) => {
      await app.repos.audit.record({
        actor: request.staff!.user.username,
        action: 'ledger.export_unmasked',
        target: 'register',
        detail: JSON.stringify({ reason: request.body.reason, filters: request.query, format }),
        clientIp: request.ip,
      });
      return registerFile(reply, true, { ...request.query, county: readCounty(request.staff!.user, request.query.county) });
    });
  }
};

export default adminLedgerRoutes;
