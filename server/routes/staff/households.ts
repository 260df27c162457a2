import { LRUCache } from 'lru-cache';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { labelOf } from '../../../shared/cases/labels';
import { REVEAL_REASONS } from '../../../shared/cases/workflow';
import { addDays, chinaDate, endOfWeek } from '../../../shared/register/cadence';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  HouseholdDetail,
  HouseholdList,
  HouseholdListQuery,
  HouseholdParams,
  HouseholdRevealBody,
  HouseholdRevealResponse,
  HouseholdReviewBody,
  HouseholdVisitBody,
  HouseholdVisitResponse,
} from '../../../shared/schemas/households';
import { HouseholdPlan, PlanDropBody, PlanMeasureBody, PlanMeasureParams, PlanStatusBody } from '../../../shared/schemas/plan';
import { AppError } from '../../app-error';
import { memoizedRegions } from '../../domain/case-view';
import { nowIso } from '../../domain/clock';
import { casesOfHousehold, createPlanWork, toHouseholdPlan } from '../../domain/household-plan';
import { toHouseholdDetail, toHouseholdItem } from '../../domain/household-view';
import type { CleanPerson } from '../../domain/person';
import { createRegisterWork } from '../../domain/register';
import { requireRole, scopeOf } from '../../plugins/auth';
import { inScope, type Scope } from '../../../shared/accounts/scope';
import type { HouseholdRow } from '../../repositories/households';

function encodeCursor(row: HouseholdRow): string {
  return Buffer.from(JSON.stringify([row.village, row.next_visit_on, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { village: string; nextVisitOn: string; id: number } {
  try {
    const [village, nextVisitOn, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, number];
    if (typeof village === 'string' && typeof nextVisitOn === 'string' && Number.isInteger(id)) return { village, nextVisitOn, id };
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 400, undefined, { cursor: '翻页参数不对，请回到第一页' });
}

const writeErrors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The register: the township worklist, one household, home visits, re-checks and the audited reveal. */
const householdRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const work = createRegisterWork(app.store, app.vault);
  const plan = createPlanWork(app.store);

  /** A household the caller may see, or a 404 that does not say whether it exists elsewhere. */
  async function visibleHousehold(id: string, scope: Scope): Promise<HouseholdRow> {
    const row = await app.repos.households.find(Number(id));
    if (!row || !inScope(scope, row.township)) throw new AppError('HOUSEHOLD_NOT_FOUND', 404);
    return row;
  }

  /** What staff did to a household, with who and from where; written before the answer leaves. */
  const audit = (request: FastifyRequest, action: string, householdId: number, detail?: string) =>
    app.repos.audit.record({ actor: request.staff!.user.username, action, target: `household:${householdId}`, detail, clientIp: request.ip });
  /** The household as staff see it after a change: read again, so the answer shows what was saved. */
  const detailAfter = async (id: number, scope: Scope) => toHouseholdDetail(app.store, app.vault, (await app.repos.households.find(id))!, scope, nowIso());
  const planOf = async (row: HouseholdRow) => toHouseholdPlan(app.store, row, await casesOfHousehold(app.store, row), nowIso());

  // County-wide due counts read every household's index entry (~30k at 100k households): county admins see
  // them up to 30 s old so paging stays within budget. A township's counts stay live (a visit moves them at once).
  const countyDueCache = new LRUCache<string, { overdue: number; due: number }>({ max: 64, ttl: 30_000 });
  const countyDue = async (county: string | null, today: string) => {
    const key = `${county ?? ''}/${today}`;
    let counts = countyDueCache.get(key);
    if (!counts) countyDueCache.set(key, (counts = await app.repos.households.countDue(null, today, endOfWeek(today), county)));
    return counts;
  };

  app.get('/api/staff/households', { schema: { querystring: HouseholdListQuery, response: { 200: HouseholdList, 400: ErrorResponse } } }, async (request) => {
    const query = request.query;
    const scope = scopeOf(request.staff!.user);
    const { county } = scope;
    const township = scope.township ?? query.township ?? null;
    if (township && !inScope(scope, township)) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
    const limit = Math.min(Math.max(Number(query.limit ?? 50), 1), 100);
    const today = chinaDate(nowIso());
    const visitBy = query.due === undefined ? undefined : query.due === 'overdue' ? addDays(today, -1) : addDays(today, Number(query.due));
    const rows = await app.repos.households.page({
      township,
      county,
      level: query.level,
      category: query.category,
      village: query.village,
      visitBy,
      today,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const findRegion = memoizedRegions(app.store);
    const counts = township ? await app.repos.households.countDue(township, today, endOfWeek(today)) : await countyDue(county, today);
    return {
      items: await Promise.all(page.map((row) => toHouseholdItem(findRegion, row, today))),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      counts: { overdue: counts.overdue, dueThisWeek: counts.due - counts.overdue },
    };
  });

  app.get('/api/staff/households/:id', { schema: { params: HouseholdParams, response: { 200: HouseholdDetail, 404: ErrorResponse } } }, async (request) => {
    const scope = scopeOf(request.staff!.user);
    return toHouseholdDetail(app.store, app.vault, await visibleHousehold(request.params.id, scope), scope, nowIso());
  });

  app.post(
    '/api/staff/households/:id/visits',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: { params: HouseholdParams, body: HouseholdVisitBody, response: { 201: HouseholdVisitResponse, ...writeErrors } } },
    async (request, reply) => {
      const staff = request.staff!.user;
      const scope = scopeOf(staff);
      const row = await visibleHousehold(request.params.id, scope);
      const opened = await work.recordVisit(row, request.body, `staff:${staff.id}`, nowIso());
      await audit(request, 'household.visit', row.id);
      if (opened?.created) await app.repos.audit.record({ actor: staff.username, action: 'household.case_opened', target: `case:${opened.caseId}`, clientIp: request.ip });
      const detail = await detailAfter(row.id, scope);
      return reply.code(201).send(opened ? { ...detail, openedCase: { id: opened.caseId, created: opened.created } } : detail);
    },
  );

  app.post(
    '/api/staff/households/:id/reviews',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: { params: HouseholdParams, body: HouseholdReviewBody, response: { 201: HouseholdDetail, ...writeErrors } } },
    async (request, reply) => {
      const staff = request.staff!.user;
      const scope = scopeOf(staff);
      const row = await visibleHousehold(request.params.id, scope);
      await work.recordReview(row, request.body, `staff:${staff.id}`, nowIso());
      await audit(request, `household.review.${request.body.decision}`, row.id);
      return reply.code(201).send(await detailAfter(row.id, scope));
    },
  );

  // 一户一策: the plan's measures and suggestions; viewers read it in the detail and here, only staff change it.
  app.get('/api/staff/households/:id/plan', { schema: { params: HouseholdParams, response: { 200: HouseholdPlan, 404: ErrorResponse } } }, async (request) => {
    return planOf(await visibleHousehold(request.params.id, scopeOf(request.staff!.user)));
  });

  app.post(
    '/api/staff/households/:id/plan',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: { params: HouseholdParams, body: PlanMeasureBody, response: { 201: HouseholdPlan, ...writeErrors } } },
    async (request, reply) => {
      const staff = request.staff!.user;
      const row = await visibleHousehold(request.params.id, scopeOf(staff));
      const id = await plan.add(row, request.body, staff, nowIso());
      await audit(request, 'household.plan.add', row.id, `measure:${id}`);
      return reply.code(201).send(await planOf(row));
    },
  );

  app.post(
    '/api/staff/households/:id/plan/:measureId/status',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: { params: PlanMeasureParams, body: PlanStatusBody, response: { 200: HouseholdPlan, ...writeErrors } } },
    async (request) => {
      const staff = request.staff!.user;
      const row = await visibleHousehold(request.params.id, scopeOf(staff));
      await plan.changeStatus(row, Number(request.params.measureId), request.body, nowIso());
      await audit(request, 'household.plan.status', row.id, `measure:${request.params.measureId} ${request.body.status}`);
      return planOf(row);
    },
  );

  app.post(
    '/api/staff/households/:id/plan/dropped',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: { params: HouseholdParams, body: PlanDropBody, response: { 200: HouseholdPlan, ...writeErrors } } },
    async (request) => {
      const staff = request.staff!.user;
      const row = await visibleHousehold(request.params.id, scopeOf(staff));
      await plan.drop(row, request.body.key, staff, nowIso());
      await audit(request, 'household.plan.drop', row.id, request.body.key);
      return planOf(row);
    },
  );

  app.post(
    '/api/staff/households/:id/reveal',
    { onRequest: requireRole('county_admin', 'township_staff'), schema: { params: HouseholdParams, body: HouseholdRevealBody, response: { 200: HouseholdRevealResponse, ...writeErrors } } },
    async (request) => {
      const staff = request.staff!.user;
      const row = await visibleHousehold(request.params.id, scopeOf(staff));
      const person = app.vault.decrypt<CleanPerson>(row.subject_enc);
      // The audit row is written before the data leaves: no reveal without a trace.
      await audit(request, 'household.reveal', row.id, labelOf(REVEAL_REASONS, request.body.reason));
      return { person: { name: person.name, phone: person.phone, idNumber: person.idNumber, address: person.address } };
    },
  );
};

export default householdRoutes;
