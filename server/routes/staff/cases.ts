import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { OVERDUE_COUNT_CAP } from '../../../shared/cases/due';
import { parseQueueSearch } from '../../../shared/cases/queue-search';
import { labelOf } from '../../../shared/cases/labels';
import { REVEAL_REASONS } from '../../../shared/cases/workflow';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  CASE_EVENT_SCHEMAS,
  CaseDetail,
  CaseEventEnvelope,
  CaseParams,
  MergeBody,
  QueueQuery,
  QueueResponse,
  RevealBody,
  RevealResponse,
  type CaseEventInput,
} from '../../../shared/schemas/staff-cases';
import { AppError } from '../../app-error';
import { caseTimeline, memoizedRegions, toCaseDetail, toQueueItem } from '../../domain/case-view';
import { createCaseWorkflow } from '../../domain/case-workflow';
import { nowIso } from '../../domain/clock';
import type { CleanPerson } from '../../domain/person';
import { requireRole, scopeOf } from '../../plugins/auth';
import { inScope, type Scope } from '../../../shared/accounts/scope';
import { typeboxFields } from '../../../shared/validation/messages';
import type { CaseRow } from '../../repositories/cases';

const eventValidators = Object.fromEntries(Object.entries(CASE_EVENT_SCHEMAS).map(([type, schema]) => [type, Compile(schema)]));

/** A workflow step on one case (an event, a merge): its body in, the case as it stands after out. */
const caseStep = <Body extends TSchema>(body: Body) => ({
  params: CaseParams,
  body,
  response: { 200: CaseDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
});

/** The township review queue, the masked case, the audited reveal and the workflow steps. */
const staffCaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const workflow = createCaseWorkflow(app.store, app.vault);

  /** A case the caller may see, or a 404 that does not say whether it exists elsewhere. */
  async function visibleCase(id: string, scope: Scope): Promise<CaseRow> {
    const row = await app.repos.cases.find(Number(id));
    if (!row || !inScope(scope, row.township)) throw new AppError('CASE_NOT_FOUND', 404);
    return row;
  }

  /** The case as it stands after a step, as the staff page shows it. */
  const detailAfter = async (id: number) => toCaseDetail(app.store, app.vault, (await app.repos.cases.find(id))!, nowIso());

  app.get('/api/staff/cases', { schema: { querystring: QueueQuery, response: { 200: QueueResponse, 400: ErrorResponse, 401: ErrorResponse } } }, async (request) => {
    const query = request.query;
    const scope = scopeOf(request.staff!.user);
    const township = scope.township ?? query.township ?? null;
    const county = scope.county;
    // Another county's township is no township of the caller's (the filter below narrows by township alone).
    if (township && !inScope(scope, township)) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
    const limit = Math.min(Math.max(Number(query.limit ?? 20), 1), 100);
    const now = nowIso();
    const search = parseQueueSearch(query.q);
    if (search.kind === 'invalid') throw new AppError('VALIDATION_FAILED', 400, undefined, { q: search.message });
    const after = query.cursor ? await app.repos.queue.positionOf(query.cursor) : undefined;
    if (after === null) throw new AppError('VALIDATION_FAILED', 400, undefined, { cursor: '翻页参数不对，请回到第一页' });
    const findRegion = memoizedRegions(app.store);
    // Independent reads, started together: on PostgreSQL each goes out on its own pooled connection, so a page
    // waits for the slowest of them rather than their sum (SQLite's one connection runs them in turn). The
    // township's name is asked for now too: the cards find it in the memo (and meet any failure there).
    if (township) findRegion(township).catch(() => undefined);
    const [{ rows, nextCursor }, { counts, overdue, referralsOverdue }] = await Promise.all([
      app.repos.queue.page({
        township,
        county,
        status: query.status && query.status !== 'open' && query.status !== 'all' ? query.status : undefined,
        openOnly: !query.status || query.status === 'open',
        level: query.level,
        village: query.village,
        source: query.source,
        targetClass: query.targetClass,
        assigneeId: query.assignee === 'me' ? request.staff!.user.id : undefined,
        overdueAsOf: query.overdue === 'true' ? now : undefined,
        escalated: query.escalated === 'true',
        personKey: search.kind === 'idNumber' ? app.vault.blindIndex('id', search.idNumber) : undefined,
        maskedPrefix: search.kind === 'name' ? search.firstCharacter : undefined,
        digitsSuffix: search.kind === 'lastDigits' ? search.digits : undefined,
        after,
        limit,
      }),
      app.repos.queue.tallies(township, now, OVERDUE_COUNT_CAP, county),
    ]);
    return {
      items: await Promise.all(rows.map((row) => toQueueItem(findRegion, row, now))),
      nextCursor,
      counts,
      overdue,
      referralsOverdue,
    };
  });

  app.get('/api/staff/cases/:id', { schema: { params: CaseParams, response: { 200: CaseDetail, 404: ErrorResponse } } }, async (request) => {
    const staff = request.staff!.user;
    const row = await visibleCase(request.params.id, scopeOf(staff));
    // 数字监督: who opened which case, when — not only who revealed it.
    await app.repos.audit.record({ actor: staff.username, action: 'case.view', target: `case:${row.id}`, clientIp: request.ip });
    return toCaseDetail(app.store, app.vault, row, nowIso(), staff.role === 'viewer' ? 'hidden' : 'masked');
  });

  app.post(
    '/api/staff/cases/:id/reveal',
    {
      // Viewers too: free text is hidden from them until they reveal, and every reveal is audited.
      schema: { params: CaseParams, body: RevealBody, response: { 200: RevealResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const staff = request.staff!.user;
      const row = await visibleCase(request.params.id, scopeOf(staff));
      const subject = app.vault.decrypt<CleanPerson>(row.subject_enc);
      const submissions = (await app.repos.cases.submissionsOf(row.id)).map((s) => {
        const payload = app.vault.decrypt<{ person?: Record<string, unknown>; reporter?: Record<string, unknown>; note?: string | null }>(s.payload_enc);
        return { kind: s.kind, at: s.created_at, person: payload.person ?? {}, reporter: payload.reporter ?? null, note: payload.note ?? null };
      });
      // The audit row is written before the data leaves: no reveal without a trace.
      await app.repos.audit.record({
        actor: staff.username,
        action: 'case.reveal',
        target: `case:${row.id}`,
        detail: labelOf(REVEAL_REASONS, request.body.reason),
        clientIp: request.ip,
      });
      return {
        subject: { name: subject.name, phone: subject.phone, idNumber: subject.idNumber, address: subject.address },
        submissions,
        levelReason: row.level_reason,
        timeline: await caseTimeline(app.store, app.vault, row.id, 'full'),
      };
    },
  );

  app.post(
    '/api/staff/cases/:id/events',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: caseStep(CaseEventEnvelope) },
    async (request) => {
      const staff = request.staff!.user;
      const row = await visibleCase(request.params.id, scopeOf(staff));
      const validator = eventValidators[request.body.type]!;
      if (!validator.Check(request.body)) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, typeboxFields(validator.Errors(request.body), validator.Type()));
      }
      const input = request.body as unknown as CaseEventInput;
      await workflow.apply(row, input, staff, nowIso());
      await app.repos.audit.record({ actor: staff.username, action: `case.${input.type}`, target: `case:${row.id}`, clientIp: request.ip });
      return detailAfter(row.id);
    },
  );

  /** 合并同一人的案件: both must be visible to the caller; the older case remains and is returned. */
  app.post(
    '/api/staff/cases/:id/merge',
    { preHandler: requireRole('county_admin', 'township_staff'), schema: caseStep(MergeBody) },
    async (request) => {
      const staff = request.staff!.user;
      const scope = scopeOf(staff);
      const row = await visibleCase(request.params.id, scope);
      const other = await visibleCase(String(request.body.otherId), scope);
      const kept = await workflow.merge(row.id, other.id, staff, nowIso());
      const merged = kept === row.id ? other.id : row.id;
      await app.repos.audit.record({ actor: staff.username, action: 'case.merge', target: `case:${kept}`, detail: `案件 ${merged} 并入案件 ${kept}`, clientIp: request.ip });
      return detailAfter(kept);
    },
  );
};

export default staffCaseRoutes;
