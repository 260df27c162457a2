import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Compile } from 'typebox/compile';
import { OVERDUE_COUNT_CAP } from '../../../shared/cases/due';
import { RISK_LEVELS } from '../../../shared/cases/risk';
import { labelOf } from '../../../shared/cases/labels';
import { REVEAL_REASONS } from '../../../shared/cases/workflow';
import { normalizeIdNumber } from '../../../shared/identity/id-number';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  CASE_EVENT_SCHEMAS,
  CaseDetail,
  CaseEventEnvelope,
  CaseParams,
  QueueQuery,
  QueueResponse,
  RevealBody,
  RevealResponse,
  type CaseEventInput,
} from '../../../shared/schemas/staff-cases';
import { AppError } from '../../app-error';
import { memoizedRegions, toCaseDetail, toQueueItem } from '../../domain/case-view';
import { createCaseWorkflow } from '../../domain/case-workflow';
import { nowIso } from '../../domain/clock';
import type { CleanPerson } from '../../domain/person';
import { requireRole, townshipScope } from '../../plugins/auth';
import { typeboxFields } from '../../plugins/validation-messages';
import type { CaseRow } from '../../repositories/cases';

const RANK: Record<string, number> = { red: 3, yellow: 2, blue: 1, none: 0 };
const eventValidators = Object.fromEntries(Object.entries(CASE_EVENT_SCHEMAS).map(([type, schema]) => [type, Compile(schema)]));

/** A surname, the last 4 digits of a phone or ID, a full mobile (its last 4), or a full ID; anything else is a 400. */
function searchTerm(raw: string | undefined): string {
  const q = (raw ?? '').trim().replace(/[\s-]/g, '');
  if (/^\d{17}[\dXx]$/.test(q) || /^\d{4}$/.test(q)) return q;
  if (/^1\d{10}$/.test(q)) return q.slice(-4);
  if (/^\d+[Xx]?$/.test(q)) {
    throw new AppError('VALIDATION_FAILED', 400, undefined, { q: '请输入手机号或身份证号的后 4 位，或完整的 18 位身份证号' });
  }
  return (raw ?? '').trim();
}

function encodeCursor(row: Pick<CaseRow, 'level' | 'due_at' | 'id'>): string {
  return Buffer.from(JSON.stringify([RANK[row.level] ?? 0, row.due_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { rank: number; dueAt: string; id: number } {
  try {
    const [rank, dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string, number];
    if (typeof rank === 'number' && typeof dueAt === 'string' && Number.isInteger(id)) return { rank, dueAt, id };
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 400, undefined, { cursor: '翻页参数不对，请回到第一页' });
}

/** The township review queue, the masked case, the audited reveal and the workflow steps. */
const staffCaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.requireStaff);
  const workflow = createCaseWorkflow(app.db, app.repos, app.vault);

  /** A case the caller may see, or a 404 that does not say whether it exists elsewhere. */
  function visibleCase(id: string, scope: string | null): CaseRow {
    const row = app.repos.cases.find(Number(id));
    if (!row || (scope !== null && row.township !== scope)) throw new AppError('CASE_NOT_FOUND', 404);
    return row;
  }

  app.get('/api/staff/cases', { schema: { querystring: QueueQuery, response: { 200: QueueResponse, 400: ErrorResponse, 401: ErrorResponse } } }, async (request) => {
    const query = request.query;
    const scope = townshipScope(request.staff!.user);
    const township = scope ?? query.township ?? null;
    const limit = Math.min(Math.max(Number(query.limit ?? 20), 1), 100);
    const now = nowIso();
    const q = searchTerm(query.q);
    const idLike = /^\d{17}[\dXx]$/.test(q) ? normalizeIdNumber(q) : null;
    const rows = app.repos.queue.page({
      township,
      status: query.status && query.status !== 'open' && query.status !== 'all' ? query.status : undefined,
      openOnly: !query.status || query.status === 'open',
      level: query.level,
      village: query.village,
      source: query.source,
      targetClass: query.targetClass,
      overdueAsOf: query.overdue === 'true' ? now : undefined,
      personKey: idLike ? app.vault.blindIndex('id', idLike) : undefined,
      maskedPrefix: q && !idLike && !/^\d+$/.test(q) ? [...q][0] : undefined,
      digitsSuffix: /^\d{4}$/.test(q) ? q : undefined,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const findRegion = memoizedRegions(app.repos);
    return {
      items: page.map((row) => toQueueItem(findRegion, row, now)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      counts: app.repos.queue.countsByStatus({ township }),
      overdue: app.repos.queue.countOverdue(township, now, OVERDUE_COUNT_CAP),
      referralsOverdue: app.repos.referrals.countOverdue(township, now),
    };
  });

  app.get('/api/staff/cases/:id', { schema: { params: CaseParams, response: { 200: CaseDetail, 404: ErrorResponse } } }, async (request) => {
    const row = visibleCase(request.params.id, townshipScope(request.staff!.user));
    return toCaseDetail(app.repos, app.vault, row, nowIso());
  });

  app.post(
    '/api/staff/cases/:id/reveal',
    {
      preHandler: requireRole('county_admin', 'township_staff'),
      schema: { params: CaseParams, body: RevealBody, response: { 200: RevealResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const staff = request.staff!.user;
      const row = visibleCase(request.params.id, townshipScope(staff));
      const subject = app.vault.decrypt<CleanPerson>(row.subject_enc);
      const submissions = app.repos.cases.submissionsOf(row.id).map((s) => {
        const payload = app.vault.decrypt<{ person?: Record<string, unknown>; reporter?: Record<string, unknown>; note?: string | null }>(s.payload_enc);
        return { kind: s.kind, at: s.created_at, person: payload.person ?? {}, reporter: payload.reporter ?? null, note: payload.note ?? null };
      });
      // The audit row is written before the data leaves: no reveal without a trace.
      app.repos.audit.record({
        actor: staff.username,
        action: 'case.reveal',
        target: `case:${row.id}`,
        detail: labelOf(REVEAL_REASONS, request.body.reason),
        clientIp: request.ip,
      });
      return { subject: { name: subject.name, phone: subject.phone, idNumber: subject.idNumber, address: subject.address }, submissions };
    },
  );

  app.post(
    '/api/staff/cases/:id/events',
    {
      preHandler: requireRole('county_admin', 'township_staff'),
      schema: { params: CaseParams, body: CaseEventEnvelope, response: { 200: CaseDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
    },
    async (request) => {
      const staff = request.staff!.user;
      const row = visibleCase(request.params.id, townshipScope(staff));
      const validator = eventValidators[request.body.type]!;
      if (!validator.Check(request.body)) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, typeboxFields(validator.Errors(request.body), validator.Type()));
      }
      const input = request.body as unknown as CaseEventInput;
      if (input.type === 'level' && !RISK_LEVELS.includes(input.level)) throw new AppError('VALIDATION_FAILED', 400);
      workflow.apply(row, input, staff, nowIso());
      app.repos.audit.record({ actor: staff.username, action: `case.${input.type}`, target: `case:${row.id}`, clientIp: request.ip });
      return toCaseDetail(app.repos, app.vault, app.repos.cases.find(row.id)!, nowIso());
    },
  );
};

export default staffCaseRoutes;
