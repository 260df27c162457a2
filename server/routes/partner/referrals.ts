import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../shared/schemas/common';
import { PartnerEventBody, PartnerReferral, PartnerReferralList, ReferralParams } from '../../../shared/schemas/referrals';
import { AppError } from '../../app-error';
import { nowIso } from '../../domain/clock';
import { createReferralWorkflow, toPartnerReferral } from '../../domain/referrals';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * The partner's side (/api/partner/*): only the referrals addressed to the partner's own resource, desensitised,
 * and its answers. Its own hook: staff sessions get 403 here, partner sessions get 403 everywhere else.
 */
const partnerReferralRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requirePartner);
  const workflow = createReferralWorkflow(app.store, app.vault);
  const resourceOf = (request: { staff?: { user: { resourceId: number | null } } }): number => request.staff!.user.resourceId!;

  app.get('/api/partner/referrals', { schema: { response: { 200: PartnerReferralList, ...errors } } }, async (request) => {
    const resourceId = resourceOf(request);
    const resource = (await app.repos.resources.find(resourceId))!;
    const referrals = await app.repos.referrals.ofResource(resourceId);
    return {
      resource: { id: resource.id, name: resource.name },
      items: await Promise.all(referrals.map((r) => toPartnerReferral(app.store, app.vault, r))),
    };
  });

  app.post(
    '/api/partner/referrals/:id/events',
    { schema: { params: ReferralParams, body: PartnerEventBody, response: { 200: PartnerReferral, ...errors } } },
    async (request) => {
      const partner = request.staff!.user;
      const referral = await app.repos.referrals.find(Number(request.params.id));
      // Another resource's referral does not exist, as far as this partner can tell.
      if (!referral || referral.resource_id !== resourceOf(request)) throw new AppError('NOT_FOUND', 404, '没有这条转介');
      await workflow.answer(referral.id, request.body.type, request.body.note, partner, nowIso());
      await app.repos.audit.record({ actor: partner.username, action: `referral.${request.body.type}`, target: `case:${referral.case_id}`, detail: `referral:${referral.id}`, clientIp: request.ip });
      return toPartnerReferral(app.store, app.vault, (await app.repos.referrals.find(referral.id))!);
    },
  );
};

export default partnerReferralRoutes;
