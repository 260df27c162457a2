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
  type Format = keyof typeof TYPES;
  /** A 台账 file: never cached; named in ASCII and, for the browsers that read it, in Chinese; `-full` when unmasked. */
  const download = (reply: FastifyReply, format: Format, name: { ascii: string; chinese: string }, unmasked: boolean, body: unknown) =>
    reply
      .header('cache-control', 'private, no-store')
      .header(
        'content-disposition',
        `attachment; filename="${name.ascii}${unmasked ? '-full' : ''}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name.chinese}${unmasked ? '-完整信息' : ''}.${format}`)}`,
      )
      .type(TYPES[format])
      .send(body);
  const stream = (reply: FastifyReply, format: Format, filter: LedgerFilter, unmasked: boolean, now: string) =>
    download(reply, format, { ascii: `xingfuma-ledger-${chinaDate(now)}`, chinese: `幸福码台账-${chinaDate(now)}` }, unmasked, app.reports.ledger(format, filter, unmasked, now));
  // The audit row is written before the first row leaves: no full export without a trace.
  const auditUnmasked = (request: FastifyRequest & { body: { reason: string } }, target: 'ledger' | 'register', format: Format) =>
    app.repos.audit.record({
      actor: request.staff!.user.username,
      action: 'ledger.export_unmasked',
      target,
      detail: JSON.stringify({ reason: request.body.reason, filters: request.query, format }),
      clientIp: request.ip,
    });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/api/admin/ledger.${format}`, { schema: { querystring: LedgerQuery, response: errors } }, async (request, reply) => {
      const now = nowIso();
      return stream(reply, format, filterOf(request, request.query, now), false, now);
    });
    app.post(`/api/admin/ledger.${format}`, { schema: { querystring: LedgerQuery, body: UnmaskedLedgerBody, response: errors } }, async (request, reply) => {
      const now = nowIso();
      await auditUnmasked(request, 'ledger', format);
      return stream(reply, format, filterOf(request, request.query, now), true, now);
    });

    // The register (在册名单) as a 台账: the same rule, masked by GET, in full only by the audited POST.
    const registerFile = (reply: FastifyReply, unmasked: boolean, filter: RegisterLedgerFilters) => {
      const day = chinaDate(nowIso());
      return download(reply, format, { ascii: `xingfuma-register-${day}`, chinese: `在册名单台账-${day}` }, unmasked, app.reports.registerLedger(format, filter, unmasked));
    };
    app.get(`/api/admin/register-ledger.${format}`, { schema: { querystring: RegisterLedgerQuery, response: errors } }, async (request, reply) =>
      registerFile(reply, false, { ...request.query, county: readCounty(request.staff!.user, request.query.county) }),
    );
    app.post(`/api/admin/register-ledger.${format}`, { schema: { querystring: RegisterLedgerQuery, body: UnmaskedLedgerBody, response: errors } }, async (request, reply) => {
      await auditUnmasked(request, 'register', format);
      return registerFile(reply, true, { ...request.query, county: readCounty(request.staff!.user, request.query.county) });
    });
  }
};

export default adminLedgerRoutes;
