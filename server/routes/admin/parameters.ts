import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { QUESTIONS } from '../../../shared/questionnaire/questions';
import { DEMO_COUNTY_PARAMETERS, selectParameters, type ParameterValues } from '../../../shared/screening';
import { isIsoDate } from '../../../shared/screening/parameters';
import { canWithdrawVersion, effectiveFromError, WITHDRAW_TOO_LATE } from '../../../shared/screening/version-dates';
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

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const TRIGGERS = (QUESTIONS.find((q) => q.id === 'income_change')?.options ?? [])
  .filter((o) => o.value !== 'none')
  .map((o) => ({ value: String(o.value), label: o.label }));

/** The screening parameters (筛查参数), edited as new dated versions; a version not yet in force can be withdrawn. */
const adminParameterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = (request: FastifyRequest, action: string, target: string, detail: unknown) =>
    app.repos.audit.record({ actor: request.staff!.user.username, action, target, detail: JSON.stringify(detail), clientIp: request.ip });

  const parameters = () => {
    const { history } = app.screening.current();
    const today = chinaDate(nowIso());
    const inForce = selectParameters(history, today);
    return {
      region: { ...history.region },
      asOf: today,
      version: inForce.version,
      current: inForce.values as unknown as Record<string, number | string[]>,
      history: Object.fromEntries(parameterNames(history).map((name) => [name, history[name].map((d) => ({ value: d.value as number | string[], effectiveFrom: d.effectiveFrom, source: d.source }))])),
      versions: app.repos.parameterVersions.listAll().map(({ id, effectiveFrom, source, createdAt, createdBy, withdrawnAt, withdrawnBy }) => ({
        id,
        effectiveFrom,
        source,
        createdAt,
        createdBy,
        withdrawnAt,
        withdrawnBy,
        canWithdraw: withdrawnAt === null && canWithdrawVersion(effectiveFrom, today),
      })),
      triggerOptions: TRIGGERS,
    };
  };

  /** Every parameter, each of the right kind; the whole set is one version. */
  const checkVersion = (input: ParameterVersionInput): ParameterValues => {
    const fields: Record<string, string> = {};
    const tooEarly = effectiveFromError(input.effectiveFrom, chinaDate(nowIso()));
    if (!isIsoDate(input.effectiveFrom) || Number.isNaN(Date.parse(input.effectiveFrom))) fields.effectiveFrom = '生效日期不对，请写成 2025-07-01 的样子';
    else if (tooEarly) fields.effectiveFrom = tooEarly;
    else if (app.repos.parameterVersions.existsOn(input.effectiveFrom)) fields.effectiveFrom = `${input.effectiveFrom} 已经有一个版本了，历史版本不能修改，请换一个生效日期`;
    const base = DEMO_COUNTY_PARAMETERS;
    const names = parameterNames(base);
    const values: Record<string, unknown> = {};
    const allowed = new Set(TRIGGERS.map((t) => t.value));
    for (const name of names) {
      const value = input.values[name];
      const isList = Array.isArray(base[name][0]?.value);
      if (value === undefined) fields[`values.${name}`] = '请填写这一项';
      else if (isList) {
        if (!Array.isArray(value) || value.some((v) => !allowed.has(v))) fields[`values.${name}`] = '请从列表中选择';
        else values[name] = [...new Set(value)];
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fields[`values.${name}`] = '请填写不小于 0 的数字';
      else if (/Share$|Margin$/.test(name) && value > 1) fields[`values.${name}`] = '比例请填写 0 到 1 之间的小数，例如 0.5';
      else values[name] = value;
    }
    for (const key of Object.keys(input.values)) if (!names.includes(key as never)) fields[`values.${key}`] = '没有这个参数';
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', 400, undefined, fields);
    return values as unknown as ParameterValues;
  };
  const candidate = (input: ParameterVersionInput, values: ParameterValues) =>
    historyWith(DEMO_COUNTY_PARAMETERS, [...app.repos.parameterVersions.list(), { effectiveFrom: input.effectiveFrom, values, source: input.source.trim() }]);

  app.get('/api/admin/parameters', { schema: { response: { 200: ParametersResponse, ...errors } } }, async () => parameters());

  app.post('/api/admin/parameters/preview', { schema: { body: ParameterVersionBody, response: { 200: PreviewResponse, ...errors } } }, async (request) => {
    const values = checkVersion(request.body);
    const { history, policies } = app.screening.current();
    return previewChange(history, candidate(request.body, values), request.body.effectiveFrom, policies);
  });

  app.post('/api/admin/parameters', { schema: { body: ParameterVersionBody, response: { 201: ParametersResponse, ...errors } } }, async (request, reply) => {
    const values = checkVersion(request.body);
    const id = app.repos.parameterVersions.insert({ effectiveFrom: request.body.effectiveFrom, values, source: request.body.source.trim(), createdBy: request.staff!.user.username });
    app.screening.reload();
    audit(request, 'parameters.create_version', `parameters:${id}`, { effectiveFrom: request.body.effectiveFrom, source: request.body.source.trim() });
    return reply.status(201).send(parameters());
  });

  /** 撤回: a version waiting for its first day is taken back; one already in effect has judged self-checks and stays. */
  app.post('/api/admin/parameters/:id/withdraw', { schema: { params: VersionParams, response: { 200: ParametersResponse, ...errors } } }, async (request) => {
    const version = app.repos.parameterVersions.find(Number(request.params.id));
    if (!version || version.withdrawnAt) throw new AppError('NOT_FOUND', 404, '没有这个版本，或它已经撤回');
    if (!canWithdrawVersion(version.effectiveFrom, chinaDate(nowIso()))) throw new AppError('CONFLICT', 409, WITHDRAW_TOO_LATE);
    app.repos.parameterVersions.withdraw(version.id, request.staff!.user.username, nowIso());
    app.screening.reload();
    audit(request, 'parameters.withdraw_version', `parameters:${version.id}`, { effectiveFrom: version.effectiveFrom, source: version.source });
    return parameters();
  });
};

export default adminParameterRoutes;
