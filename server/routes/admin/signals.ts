import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  SIGNAL_UPLOAD_MAX_BYTES,
  SHOWN_PROBLEMS,
  SignalImportAccepted,
  SignalImportDetail,
  SignalImportList,
  SignalImportParams,
  SignalUploadQuery,
  WarningRuleBody,
  WarningRulePreview,
  WarningRules,
  type SignalImportJobInfo,
  type WarningRuleInput,
} from '../../../shared/schemas/signal-jobs';
import { effectiveFromError } from '../../../shared/screening/version-dates';
import { isIsoDate } from '../../../shared/screening/parameters';
import { countWarnings, previewSentence } from '../../../shared/warnings/figures';
import { selectWarningParameters, warningHistoryWith, warningRuleErrors, type WarningParameterValues } from '../../../shared/warnings/parameters';
import { SOURCE_LABEL, isSignalSource } from '../../../shared/warnings/sources';
import { AppError } from '../../app-error';
import { chinaDate, nowIso } from '../../domain/clock';
import { csvRow } from '../../domain/csv';
import { createSignalImportJobs } from '../../domain/signal-import-jobs';
import type { SignalImportRecord } from '../../repositories/signal-imports';
import { scopeOf } from '../../plugins/auth';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse };

const STATUS_TEXT: Record<SignalImportRecord['status'], string> = {
  queued: '排队等候',
  parsing: '正在读取文件',
  matching: '正在比对',
  done: '导入完成',
  failed: '没有导入',
};

function jobView(job: SignalImportRecord): SignalImportJobInfo {
  const share = job.rowsTotal ? job.rowsDone / job.rowsTotal : 0;
  // A failed job's bar stays where the work stopped: progress never runs backwards.
  const reached = share > 0 ? Math.min(99, 5 + Math.floor(95 * share)) : 2;
  const percent = job.status === 'done' ? 100 : job.status === 'matching' || job.status === 'failed' ? reached : job.status === 'parsing' ? 2 : 0;
  const statusText = job.status === 'matching' ? `正在比对：${job.rowsDone} / ${job.rowsTotal} 行` : STATUS_TEXT[job.status];
  return {
    id: job.id,
    source: job.source,
    sourceLabel: isSignalSource(job.source) ? SOURCE_LABEL[job.source] : job.source,
    fileName: job.fileName,
    fileHash: job.fileHash,
    actor: job.actor,
    status: job.status,
    statusText,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    percent,
    rows: job.rows,
    matched: job.matched,
    warnings: job.warnings,
    duplicates: job.duplicates,
    rejected: job.rejected,
    message: job.message,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/**
 * 数据预警导入 from the county UI: the upload is answered at once (202, an import id) and the import runs in the
 * background — the file read on a worker thread, the matching in short batches — while the page polls its progress.
 * The history, each import's per-row error report, and the warning rules (dated versions, with a preview counted on
 * each source's last import) live here too. County admins only (the admin door checks before the body is read).
 */
const adminSignalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const jobs = createSignalImportJobs({
    store: app.store,
    vault: app.vault,
    parse: (task) => app.reports.parseSignals(task),
    onError: (err) => app.log.error({ err }, 'signal import failed'),
  });
  app.addHook('onClose', () => jobs.idle());
  // Imports cut off by a restart end as failed, with a plain reason, when any server starts.
  app.addHook('onReady', async () => {
    await jobs.failStale();
  });
  const audit = (request: FastifyRequest, action: string, target: string, detail: unknown) =>
    app.repos.audit.record({ actor: request.staff!.user.username, action, target, detail: JSON.stringify(detail), clientIp: request.ip });

  // The department's file is the body, as bytes: no base64 to inflate it, no JSON to parse on the request thread.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: SIGNAL_UPLOAD_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/api/admin/signals/imports',
    { bodyLimit: SIGNAL_UPLOAD_MAX_BYTES, schema: { querystring: SignalUploadQuery, response: { 202: SignalImportAccepted, ...errors } } },
    async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new AppError('VALIDATION_FAILED', 400, '请选择要导入的文件', { file: '请选择要导入的文件' });
      }
      const { source, fileName } = request.query;
      const id = await jobs.start({ source, fileName, bytes, actor: request.staff!.user.username, clientIp: request.ip, county: scopeOf(request.staff!.user).county });
      return reply.status(202).send({ id, status: 'queued' });
    },
  );

  app.get('/api/admin/signals/imports', { schema: { response: { 200: SignalImportList, ...errors } } }, async (request) => ({
    items: (await app.repos.signalImports.list(50, scopeOf(request.staff!.user).county)).map(jobView),
  }));
  /** An import of the caller's county, or a 404 that does not say whether another county has one. */
  const findImport = async (request: FastifyRequest, id: number) => {
    const job = await app.repos.signalImports.find(id);
    const county = scopeOf(request.staff!.user).county;
    return job && (county === null || job.county === county) ? job : undefined;
  };

  app.get('/api/admin/signals/imports/:id', { schema: { params: SignalImportParams, response: { 200: SignalImportDetail, ...errors } } }, async (request) => {
    const job = await findImport(request, Number(request.params.id));
    if (!job) throw new AppError('NOT_FOUND', 404, '没有这次导入');
    // The lines are read only once the job has ended (while it runs there are none yet).
    const problems = job.status === 'done' ? ((await app.repos.signalImports.problems(job.id)) ?? []) : [];
    return { ...jobView(job), problems: problems.slice(0, SHOWN_PROBLEMS), moreProblems: Math.max(0, problems.length - SHOWN_PROBLEMS) };
  });

  // Row number, column and reason only: the report can be passed around without carrying anyone's data.
  app.get('/api/admin/signals/imports/:id/errors.csv', { schema: { params: SignalImportParams } }, async (request, reply) => {
    const id = Number(request.params.id);
    const job = await findImport(request, id);
    const problems = job && (await app.repos.signalImports.problems(id));
    if (!job || !problems) throw new AppError('NOT_FOUND', 404, '没有这次导入');
    await audit(request, 'warnings.import_errors_download', `signal_import:${id}`, { lines: problems.length });
    const body = '\uFEFF' + [csvRow(['行号', '列', '原因']), ...problems.map((p) => csvRow([p.row, p.column, p.reason]))].join('');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="signal-import-${id}-errors.csv"; filename*=UTF-8''${encodeURIComponent(`导入${id}错误报告.csv`)}`)
      .send(body);
  });

  // The rules: in force today, the saved versions, and the preview of a proposed version on each source's last import.
  // Each county its own (#16): the province-wide versions saved before, and the county's on top.
  const rulesNow = async (request: FastifyRequest) => {
    const versions = await app.repos.warningRules.versions(scopeOf(request.staff!.user).county);
    const today = chinaDate(nowIso());
    const inForce = selectWarningParameters(today, warningHistoryWith(versions));
    return { today, versions, inForce };
  };

  const checkRules = async (request: FastifyRequest, input: WarningRuleInput, today: string): Promise<WarningParameterValues> => {
    const fields: Record<string, string> = warningRuleErrors(input.values);
    const tooEarly = effectiveFromError(input.effectiveFrom, today);
    if (!isIsoDate(input.effectiveFrom) || Number.isNaN(Date.parse(input.effectiveFrom))) fields.effectiveFrom = '生效日期不对，请写成 2025-07-01 的样子';
    else if (tooEarly) fields.effectiveFrom = tooEarly;
    else if (await app.repos.warningRules.existsOn(input.effectiveFrom, scopeOf(request.staff!.user).county)) fields.effectiveFrom = `${input.effectiveFrom} 已经有一个版本了，请换一个生效日期`;
    if (input.source.trim().length < 2) fields.source = '请写明依据（文件、会议或做法），至少 2 个字';
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', 400, undefined, fields);
    return { ...input.values, disabilityGrades: [...new Set(input.values.disabilityGrades)] } as WarningParameterValues;
  };

  app.get('/api/admin/signals/rules', { schema: { response: { 200: WarningRules, ...errors } } }, async (request) => {
    const { today, versions, inForce } = await rulesNow(request);
    return {
      asOf: today,
      current: inForce.values as WarningParameterValues & { disabilityGrades: string[] },
      sources: inForce.sources,
      versions: versions.map((v) => ({ ...v, values: v.values as WarningParameterValues & { disabilityGrades: string[] } })),
    };
  });

  app.post('/api/admin/signals/rules/preview', { schema: { body: WarningRuleBody, response: { 200: WarningRulePreview, ...errors } } }, async (request) => {
    const { today, inForce } = await rulesNow(request);
    const proposed = await checkRules(request, request.body, today);
    const lines = (await app.repos.warningRules.figures(scopeOf(request.staff!.user).county)).map(({ figures, savedAt }) => {
      const now = countWarnings(figures, inForce.values);
      const next = countWarnings(figures, proposed);
      return { source: figures.source, label: SOURCE_LABEL[figures.source], rows: now.rows, current: now.warn, proposed: next.warn, text: previewSentence(now.rows, next.warn, now.warn), importedAt: savedAt };
    });
    return { lines };
  });

  app.post('/api/admin/signals/rules', { schema: { body: WarningRuleBody, response: { 201: WarningRules, ...errors } } }, async (request, reply) => {
    const { today } = await rulesNow(request);
    const values = await checkRules(request, request.body, today);
    const source = request.body.source.trim();
    const county = scopeOf(request.staff!.user).county;
    const id = await app.repos.warningRules.insert({ effectiveFrom: request.body.effectiveFrom, values, source, createdBy: request.staff!.user.username, now: nowIso(), county });
    await audit(request, 'warnings.rules_version', `warning_rules:${id}`, { effectiveFrom: request.body.effectiveFrom, source, values });
    const after = await rulesNow(request);
    return reply.status(201).send({
      asOf: after.today,
      current: after.inForce.values as WarningParameterValues & { disabilityGrades: string[] },
      sources: after.inForce.sources,
      versions: after.versions.map((v) => ({ ...v, values: v.values as WarningParameterValues & { disabilityGrades: string[] } })),
    });
  });
};

export default adminSignalRoutes;
