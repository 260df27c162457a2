import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  CaseReferralParams,
  ReferralBody,
  ReferralQueue,
  ReferralQueueQuery,
  ShareContactBody,
  StaffReferral,
  StaffReferralList,
} from '../../../shared/schemas/referrals';
import { CreatedId } from '../../../shared/schemas/resources';
import { CaseParams } from '../../../shared/schemas/staff-cases';
import { AppError } from '../../app-error';
import { nowIso } from '../../domain/clock';
import { createReferralWorkflow, toStaffReferral } from '../../domain/referrals';
import { requireRole, scopeOf } from '../../plugins/auth';
import { inScope, type Scope } from '../../../shared/accounts/scope';
import type { CaseRow } from '../../repositories/cases';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const OVERDUE_LIST_LIMIT = 200;

/** Referrals on a case (转介), the shared contact, and the township's list of referrals waiting too long. */
const staffReferralRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const workflow = createReferralWorkflow(app.store, app.vault);
  const writers = requireRole('county_admin', 'township_staff');

  async function visibleCase(id: string, scope: Scope): Promise<CaseRow> {
    const row = await app.repos.cases.find(Number(id));
    if (!row || !inScope(scope, row.township)) throw new AppError('CASE_NOT_FOUND', 404);
    return row;
  }

  app.post(
    '/api/staff/cases/:id/referrals',
    { onRequest: writers, schema: { params: CaseParams, body: ReferralBody, response: { 201: CreatedId, ...errors } } },
    async (request, reply) => {
      const staff = request.staff!.user;
      const row = await visibleCase(request.params.id, scopeOf(staff));
      const id = await workflow.refer(row, request.body.resourceId, request.body.need, staff, nowIso());
      await app.repos.audit.record({ actor: staff.username, action: 'case.referral', target: `case:${row.id}`, detail: `referral:${id}`, clientIp: request.ip });
      return reply.status(201).send({ id });
    },
  );

  app.get('/api/staff/cases/:id/referrals', { schema: { params: CaseParams, response: { 200: StaffReferralList, ...errors } } }, async (request) => {
    const row = await visibleCase(request.params.id, scopeOf(request.staff!.user));
    const now = nowIso();
    return { items: (await app.repos.referrals.ofCase(row.id)).map((r) => toStaffReferral(r, now)) };
  });

  app.post(
    '/api/staff/cases/:id/referrals/:referralId/contact',
    { onRequest: writers, schema: { params: CaseReferralParams, body: ShareContactBody, response: { 200: StaffReferral, ...errors } } },
    async (request) => {
      const staff = request.staff!.user;
      const row = await visibleCase(request.params.id, scopeOf(staff));
      const referral = await app.repos.referrals.find(Number(request.params.referralId));
      if (!referral || referral.case_id !== row.id) throw new AppError('NOT_FOUND', 404, '没有这条转介');
      const now = nowIso();
      await workflow.shareContact(referral, staff, now, request.ip);
      return toStaffReferral((await app.repos.referrals.find(referral.id))!, now);
    },
  );

  app.get('/api/staff/referrals', { schema: { querystring: ReferralQueueQuery, response: { 200: ReferralQueue, ...errors } } }, async (request) => {
    const { township, county } = scopeOf(request.staff!.user);
    const now = nowIso();
    return {
      items: (await app.repos.referrals.overdue(township, now, OVERDUE_LIST_LIMIT, county)).map((r) => toStaffReferral(r, now)),
      overdue: await app.repos.referrals.countOverdue(township, now, county),
    };
  });
};

export default staffReferralRoutes;
