import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  AdminEntry,
  BatchCsvBody,
  BatchLinesBody,
  BatchResult,
  CreateEntryBody,
  EntryCodeParams,
  EntryList,
  EntryListQuery,
  SetActiveBody,
  type AdminEntryInfo,
} from '../../../shared/schemas/admin-entries';
import { ErrorResponse } from '../../../shared/schemas/common';
import { AppError } from '../../app-error';
import { planBatch, rowsFromCsv, rowsFromLines } from '../../domain/entry-batch';
import { entryUrl, generateEntryCode } from '../../domain/entry-codes';
import { qrPng, qrPosterSvg, qrSvg } from '../../domain/qr';
import type { NewEntry } from '../../repositories/entries';
import { countyOf as countyOfCode } from '../../../shared/accounts/scope';
import { scopeOf } from '../../plugins/auth';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const DownloadQuery = Type.Object({ download: Type.Optional(Type.Literal('1')) }, { additionalProperties: false });

/** 幸福码 management for the county: list with counts, create one or a village's doorplates, disable, images. */
const adminEntryRoutes: FastifyPluginAsyncTypebox = async (app) => {

  const names = async () => new Map((await app.repos.regions.list()).map((r) => [r.code, r.name]));
  const view = (entry: { code: string; township: string; village: string | null; label: string | null; active: boolean; disabledReason: string | null; scans: number; completions: number; createdAt: string }, regionNames: Map<string, string>): AdminEntryInfo => ({
    ...entry,
    url: entryUrl(app.config.publicBaseUrl, entry.code),
    township: { code: entry.township, name: regionNames.get(entry.township) ?? entry.township },
    village: entry.village ? { code: entry.village, name: regionNames.get(entry.village) ?? entry.village } : null,
  });
  // A county admin manages its own county's codes only (#16); another county's code is not found.
  const countyOf = (request: FastifyRequest) => scopeOf(request.staff!.user).county;
  const find = async (request: FastifyRequest, code: string) => {
    const entry = await app.repos.entries.find(code.toUpperCase());
    const county = countyOf(request);
    if (!entry || (county !== null && countyOfCode(entry.township) !== county)) throw new AppError('ENTRY_NOT_FOUND', 404);
    const { scanCount: scans, completionCount: completions, ...rest } = entry;
    return { ...rest, scans, completions };
  };
  const created = async (planned: NewEntry[]) => {
    const regionNames = await names();
    return planned.map((e) => view({ ...e, active: true, disabledReason: null, scans: 0, completions: 0, createdAt: new Date().toISOString() }, regionNames));
  };

  app.get('/api/admin/entries', { schema: { querystring: EntryListQuery, response: { 200: EntryList, ...errors } } }, async (request) => {
    const { township, village, active } = request.query;
    await app.counters.flush();
    const regionNames = await names();
    const items = (await app.repos.entries.listWhere({ township, village, active: active === undefined ? undefined : active === 'true', county: countyOf(request) ?? undefined }))
      .map(({ scanCount: scans, completionCount: completions, ...entry }) => view({ ...entry, scans, completions }, regionNames));
    return { items };
  });

  app.post('/api/admin/entries', { schema: { body: CreateEntryBody, response: { 201: AdminEntry, ...errors } } }, async (request, reply) => {
    const township = await app.repos.regions.findTownship(request.body.township);
    const county = countyOf(request);
    if (!township || (county !== null && countyOfCode(township.code) !== county)) throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
    const villageCode = request.body.village ?? null;
    if (villageCode) {
      const village = await app.repos.regions.find(villageCode);
      if (village?.level !== 'village' || village.parent !== township.code) {
        throw new AppError('VALIDATION_FAILED', 400, undefined, { village: `请选择${township.name}下属的村（社区）` });
      }
    }
    const label = request.body.label?.trim() || null;
    const entry = { code: generateEntryCode(), township: township.code, village: villageCode, label };
    await app.repos.entries.insert(entry);
    await app.repos.audit.record({ actor: request.staff!.user.username, action: 'entry.create', target: `entry:${entry.code}`, detail: label, clientIp: request.ip });
    return reply.status(201).send((await created([entry]))[0]!);
  });

  for (const [verb, active] of [['disable', false], ['enable', true]] as const) {
    app.post(
      `/api/admin/entries/:code/${verb}`,
      { schema: { params: EntryCodeParams, body: SetActiveBody, response: { 200: AdminEntry, ...errors } } },
      async (request) => {
        const entry = await find(request, request.params.code);
        const reason = request.body.reason.trim();
        if (!reason) throw new AppError('VALIDATION_FAILED', 400, undefined, { reason: '请写明原因' });
        await app.repos.entries.setActive(entry.code, active, reason);
      await app.coordination.invalidation.publish('entries');
        await app.repos.audit.record({ actor: request.staff!.user.username, action: `entry.${verb}`, target: `entry:${entry.code}`, detail: reason, clientIp: request.ip });
        return view(await find(request, entry.code), await names());
      },
    );
  }

  const batch = async (request: FastifyRequest, planned: NewEntry[], actor: string, ip: string, how: string) => {
    const county = countyOf(request);
    if (county !== null && planned.some((e) => countyOfCode(e.township) !== county)) {
      throw new AppError('VALIDATION_FAILED', 400, '有的村（社区）不在本县', { rows: '有的村（社区）不在本县，请检查' });
    }
    await app.store.transaction(async (tx) => {
      await tx.repos.entries.insertAll(planned);
      await tx.repos.audit.record({ actor, action: 'entry.batch_create', target: planned[0]?.village ? `region:${planned[0].village}` : null, detail: `${how}：${planned.length} 个（${planned.map((e) => e.code).join('、')}）`, clientIp: ip });
    });
    return { created: await created(planned) };
  };

  app.post('/api/admin/entries/batch', { bodyLimit: 512 * 1024, schema: { body: BatchLinesBody, response: { 201: BatchResult, ...errors } } }, async (request, reply) => {
    const planned = await planBatch(app.store, rowsFromLines(request.body.lines, request.body.village));
    return reply.status(201).send(await batch(request, planned, request.staff!.user.username, request.ip, '粘贴门牌号批量生成'));
  });

  app.post('/api/admin/entries/batch-csv', { bodyLimit: 1024 * 1024, schema: { body: BatchCsvBody, response: { 201: BatchResult, ...errors } } }, async (request, reply) => {
    const planned = await planBatch(app.store, rowsFromCsv(request.body.csv, request.body.village, await app.repos.regions.list()));
    return reply.status(201).send(await batch(request, planned, request.staff!.user.username, request.ip, 'CSV 批量生成'));
  });

  const send = (reply: FastifyReply, type: string, file: string, download: boolean, body: Buffer | string) =>
    reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${file}"`)
      .type(type)
      .send(body);

  app.get('/api/admin/entries/:code/qr.png', { schema: { params: EntryCodeParams, querystring: DownloadQuery } }, async (request, reply) => {
    const entry = await find(request, request.params.code);
    return send(reply, 'image/png', `xingfuma-${entry.code}.png`, request.query.download === '1', await qrPng(entryUrl(app.config.publicBaseUrl, entry.code)));
  });

  app.get('/api/admin/entries/:code/qr.svg', { schema: { params: EntryCodeParams, querystring: DownloadQuery } }, async (request, reply) => {
    const entry = await find(request, request.params.code);
    return send(reply, 'image/svg+xml', `xingfuma-${entry.code}.svg`, request.query.download === '1', await qrSvg(entryUrl(app.config.publicBaseUrl, entry.code)));
  });

  app.get('/api/admin/entries/:code/poster.svg', { schema: { params: EntryCodeParams, querystring: DownloadQuery } }, async (request, reply) => {
    const entry = view(await find(request, request.params.code), await names());
    const place = [entry.township.name, entry.village?.name].filter(Boolean).join(' ');
    const svg = await qrPosterSvg({ url: entry.url, code: entry.code, township: place, label: entry.label });
    return send(reply, 'image/svg+xml', `xingfuma-poster-${entry.code}.svg`, request.query.download === '1', svg);
  });
};

export default adminEntryRoutes;
