import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DEMO_COUNTY_PARAMETERS, selectParameters, type ParameterValues } from '../../../shared/screening';
import { checkParameterValues, TRIGGER_OPTIONS } from '../../../shared/screening/parameter-version-rules';
import { canWithdrawVersion, dayTakenError, effectiveFromError, WITHDRAW_TOO_LATE } from '../../../shared/screening/version-dates';
import {
  ParametersResponse,
  ParameterVersionBody,
  PreviewResponse,
  VersionParams,
  type ParameterVersionInput,
} from '../../../shared/schemas/admin-library';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AppError } from '../../app-error';
import { chinaDate, nowIso } from '../../domain/clock';
import { previewChange } from '../../domain/parameter-preview';
import { historyWith, parameterNames } from '../../domain/screening-config';
import { scopeOf } from '../../plugins/auth';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The screening parameters (筛查参数), edited as new dated versions; a version not yet in force can be withdrawn. */
const adminParameterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = (request: FastifyRequest, action: string, target: string, detail: unknown) =>
    app.repos.audit.record({ actor: request.staff!.user.username, action, target, detail: JSON.stringify(detail), clientIp: request.ip });

  // Each county its own (#16): the province-wide versions saved before, and the county's on top.
  const countyOf = (request: FastifyRequest) => scopeOf(request.staff!.user).county;

  const parameters = async (county: string | null) => {
    const { history } = app.screening.current(county);
    const today = chinaDate(nowIso());
    const inForce = selectParameters(history, today);
    return {
      // The admin's own county by name (#16): the history is labelled with it (screening-config.ts).
      region: history.region,
      asOf: today,
      version: inForce.version,
      current: inForce.values as unknown as Record<string, number | string[]>,
      history: Object.fromEntries(parameterNames(history).map((name) => [name, history[name].map((d) => ({ value: d.value as number | string[], effectiveFrom: d.effectiveFrom, source: d.source }))])),
      versions: (await app.repos.parameterVersions.listAll(county)).map(({ id, effectiveFrom, source, createdAt, createdBy, withdrawnAt, withdrawnBy }) => ({
        id,
        effectiveFrom,
        source,
        createdAt,
        createdBy,
        withdrawnAt,
        withdrawnBy,
        canWithdraw: withdrawnAt === null && canWithdrawVersion(effectiveFrom, today),
      })),
      triggerOptions: [...TRIGGER_OPTIONS],
    };
  };

  /** The version's day (its format is the schema's) and its figures (shared/screening/parameter-version-rules.ts). */
  const checkVersion = async (input: ParameterVersionInput, county: string | null): Promise<ParameterValues> => {
    const dayProblem =
      effectiveFromError(input.effectiveFrom, chinaDate(nowIso())) ??
      ((await app.repos.parameterVersions.existsOn(input.effectiveFrom, county)) ? dayTakenError(input.effectiveFrom) : null);
    const { values, fields } = checkParameterValues(input.values);
    if (dayProblem || Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', 400, undefined, { ...(dayProblem ? { effectiveFrom: dayProblem } : {}), ...fields });
    return values;
  };
  const candidate = async (input: ParameterVersionInput, values: ParameterValues, county: string | null) =>
    historyWith(DEMO_COUNTY_PARAMETERS, [...(await app.repos.parameterVersions.list(county)), { effectiveFrom: input.effectiveFrom, values, source: input.source.trim() }]);

  app.get('/api/admin/parameters', { schema: { response: { 200: ParametersResponse, ...errors } } }, (request) => parameters(countyOf(request)));

  app.post('/api/admin/parameters/preview', { schema: { body: ParameterVersionBody, response: { 200: PreviewResponse, ...errors } } }, async (request) => {
    const county = countyOf(request);
    const values = await checkVersion(request.body, county);
    const { history, policies } = app.screening.current(county);
    return previewChange(history, await candidate(request.body, values, county), request.body.effectiveFrom, policies);
  });

  app.post('/api/admin/parameters', { schema: { body: ParameterVersionBody, response: { 201: ParametersResponse, ...errors } } }, async (request, reply) => {
    const county = countyOf(request);
    const values = await checkVersion(request.body, county);
    const id = await app.repos.parameterVersions.insert({ effectiveFrom: request.body.effectiveFrom, values, source: request.body.source.trim(), createdBy: request.staff!.user.username, county });
    await app.screening.reload(county);
    await audit(request, 'parameters.create_version', `parameters:${id}`, { effectiveFrom: request.body.effectiveFrom, source: request.body.source.trim() });
    return reply.status(201).send(await parameters(county));
  });

  /** 撤回: a version waiting for its first day is taken back; one already in effect has judged self-checks and stays. */
  app.post('/api/admin/parameters/:id/withdraw', { schema: { params: VersionParams, response: { 200: ParametersResponse, ...errors } } }, async (request) => {
    const county = countyOf(request);
    const version = await app.repos.parameterVersions.find(Number(request.params.id));
    // Another county's version is not found; a province-wide one is the county's to withdraw only when it is the only county.
    const owned = version && (version.county === county || (version.county === null && (await app.repos.regions.onlyCounty()) === county));
    if (!version || !owned || version.withdrawnAt) throw new AppError('NOT_FOUND', 404, '没有这个版本，或它已经撤回');
    if (!canWithdrawVersion(version.effectiveFrom, chinaDate(nowIso()))) throw new AppError('CONFLICT', 409, WITHDRAW_TOO_LATE);
    await app.repos.parameterVersions.withdraw(version.id, request.staff!.user.username, nowIso());
    await app.screening.reload(county);
    await audit(request, 'parameters.withdraw_version', `parameters:${version.id}`, { effectiveFrom: version.effectiveFrom, source: version.source });
    return await parameters(county);
  });
};

export default adminParameterRoutes;
