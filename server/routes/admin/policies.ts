import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { policyInfo, type Policy } from '../../../shared/policies/policy';
import { OUTCOMES } from '../../../shared/screening';
import { NewPolicyBody, PolicyBody, PolicyItem, PolicyList, PolicyParams, type PolicyInput } from '../../../shared/schemas/admin-library';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AppError } from '../../app-error';
import { scopeOf } from '../../plugins/auth';
import type { StoredPolicy } from '../../repositories/policy-library';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const OUTCOME_IDS = new Set<string>(OUTCOMES.map((o) => o.id));

/** The policy library (政策库), seeded from the shipped library when the app starts; edits reach residents' results at once. */
const adminPolicyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = (request: FastifyRequest, action: string, target: string, detail: unknown) =>
    app.repos.audit.record({ actor: request.staff!.user.username, action, target, detail: JSON.stringify(detail), clientIp: request.ip });

  const view = ({ policy, updatedAt, updatedBy }: StoredPolicy) => ({
    ...policyInfo(policy),
    updatedAt: updatedBy ? updatedAt : null,
    updatedBy,
  });
  const cleanPolicy = (input: PolicyInput) => {
    const bad = input.outcomes.filter((o) => !OUTCOME_IDS.has(o));
    if (bad.length) throw new AppError('VALIDATION_FAILED', 400, undefined, { outcomes: `没有这个救助类别：${bad.join('、')}` });
    const trim = (s: string) => s.trim();
    return {
      name: trim(input.name),
      department: trim(input.department),
      summary: trim(input.summary),
      whoQualifies: trim(input.whoQualifies),
      whatItGives: trim(input.whatItGives),
      howToApply: trim(input.howToApply),
      documents: input.documents.map(trim).filter(Boolean),
      outcomes: [...new Set(input.outcomes)] as Policy['outcomes'][number][],
      basis: trim(input.basis),
    };
  };

  // Each county its own library (#16): the province-wide entries, and the county's own over them.
  const countyOf = (request: FastifyRequest) => scopeOf(request.staff!.user).county;

  app.get('/api/admin/policies', { schema: { response: { 200: PolicyList, ...errors } } }, async (request) => ({
    items: (await app.repos.policyLibrary.list(countyOf(request))).map(view),
    outcomes: OUTCOMES.map((o) => ({ id: o.id, title: o.title })),
  }));

  app.put('/api/admin/policies/:id', { schema: { params: PolicyParams, body: PolicyBody, response: { 200: PolicyItem, ...errors } } }, async (request) => {
    const county = countyOf(request);
    const onlyCounty = await app.repos.regions.onlyCounty();
    // Read then written under the county's lock: two first edits of a province-wide entry make one county copy.
    const { next, changed, owner } = await app.store.transaction(async (tx) => {
      await tx.repos.locks.lockKey('policy-library', county ?? 'province');
      const stored = await tx.repos.policyLibrary.find(request.params.id, county);
      if (!stored) throw new AppError('NOT_FOUND', 404, '没有这条政策');
      const next: Policy = { ...stored.policy, ...cleanPolicy(request.body) };
      const changed = (Object.keys(request.body) as Array<keyof PolicyInput>).filter((k) => JSON.stringify(stored.policy[k]) !== JSON.stringify(next[k]));
      // A province-wide entry is edited in place only by the only county (as before #16); otherwise the county's own copy.
      const owner = stored.county === null && onlyCounty === county ? null : county;
      await tx.repos.policyLibrary.update(next, request.staff!.user.username, owner);
      return { next, changed, owner };
    });
    await app.screening.reload(owner);
    await audit(request, 'policy.update', `policy:${next.id}`, { changed });
    return view((await app.repos.policyLibrary.find(next.id, county))!);
  });

  app.post('/api/admin/policies', { schema: { body: NewPolicyBody, response: { 201: PolicyItem, ...errors } } }, async (request, reply) => {
    const county = countyOf(request);
    const { id, ...fields } = request.body;
    const policy = { id, ...cleanPolicy(fields) };
    await app.store.transaction(async (tx) => {
      await tx.repos.locks.lockKey('policy-library', county ?? 'province');
      if (await tx.repos.policyLibrary.find(id, county)) throw new AppError('VALIDATION_FAILED', 400, undefined, { id: `编号 ${id} 已经有了` });
      await tx.repos.policyLibrary.insert(policy, request.staff!.user.username, county);
    });
    await app.screening.reload(county);
    await audit(request, 'policy.create', `policy:${id}`, { name: fields.name });
    return reply.status(201).send(view((await app.repos.policyLibrary.find(id, county))!));
  });
};

export default adminPolicyRoutes;
