import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../shared/schemas/common';
import {
  AdminResourceItem,
  AdminResourceList,
  CreatedId,
  RESOURCE_IMPORT_MAX_BYTES,
  ResourceBody,
  ResourceImportBody,
  ResourceImportResult,
  ResourceParams,
} from '../../../shared/schemas/resources';
import { AppError } from '../../app-error';
import { nowIso } from '../../domain/clock';
import { importResources, readTable } from '../../domain/resource-import';
import { cleanResource, toAdminResourceItem } from '../../domain/resource-view';
import type { Resource } from '../../repositories/resources';
import { countyOf } from '../../../shared/accounts/scope';
import { scopeOf } from '../../plugins/auth';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The resource library (资源库), kept by county admins: list, add, edit, retire and bring back. All audited. */
const adminResourceRoutes: FastifyPluginAsyncTypebox = async (app) => {

  const audit = (request: FastifyRequest, action: string, id: number, detail: unknown) =>
    app.repos.audit.record({ actor: request.staff!.user.username, action, target: `resource:${id}`, detail: JSON.stringify(detail), clientIp: request.ip });
  // A county admin keeps its own county's library (#16): another county's resource is not found, nor its townships.
  const countyOfCaller = (request: FastifyRequest) => scopeOf(request.staff!.user).county;
  const found = async (request: FastifyRequest, id: string): Promise<Resource> => {
    const resource = await app.repos.resources.find(Number(id));
    const county = countyOfCaller(request);
    if (!resource || (county !== null && resource.county !== null && resource.county !== county)) throw new AppError('NOT_FOUND', 404, '没有这项资源');
    return resource;
  };

  const ownTownship = <T extends { township: string | null }>(request: FastifyRequest, fields: T): T => {
    const county = countyOfCaller(request);
    if (fields.township && county !== null && countyOf(fields.township) !== county) {
      throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
    }
    return fields;
  };

  app.get('/api/admin/resources', { schema: { response: { 200: AdminResourceList, ...errors } } }, async (request) => {
    const resources = await app.repos.resources.list(countyOfCaller(request));
    return { items: await Promise.all(resources.map((r) => toAdminResourceItem(app.store, r))) };
  });

  app.post('/api/admin/resources', { schema: { body: ResourceBody, response: { 201: CreatedId, ...errors } } }, async (request, reply) => {
    const fields = ownTownship(request, await cleanResource(app.store, request.body));
    const id = await app.repos.resources.create(fields, request.staff!.user.username, nowIso(), countyOfCaller(request));
    await audit(request, 'resource.create', id, { name: fields.name, kind: fields.kind, township: fields.township });
    return reply.status(201).send({ id });
  });

  app.put('/api/admin/resources/:id', { schema: { params: ResourceParams, body: ResourceBody, response: { 200: AdminResourceItem, ...errors } } }, async (request) => {
    const resource = await found(request, request.params.id);
    const fields = ownTownship(request, await cleanResource(app.store, request.body));
    await app.repos.resources.update(resource.id, fields, request.staff!.user.username, nowIso());
    await audit(request, 'resource.update', resource.id, { name: fields.name });
    return toAdminResourceItem(app.store, (await app.repos.resources.find(resource.id))!);
  });

  app.post(
    '/api/admin/resources/import',
    { bodyLimit: RESOURCE_IMPORT_MAX_BYTES * 2, schema: { body: ResourceImportBody, response: { 200: ResourceImportResult, ...errors } } },
    async (request) => {
      let table: string[][];
      try {
        table = await readTable(Buffer.from(request.body.file, 'base64'));
      } catch {
        throw new AppError('VALIDATION_FAILED', 400, undefined, { file: '文件打不开，请另存为 XLSX 或 CSV（UTF-8）后再试' });
      }
      const result = await importResources(app.store, table, request.staff!.user.username, nowIso(), countyOfCaller(request)!);
      await app.repos.audit.record({
        actor: request.staff!.user.username,
        action: 'resource.import',
        target: 'resources',
        detail: JSON.stringify({ imported: result.imported, updated: result.updated, rejected: result.rejected.length }),
        clientIp: request.ip,
      });
      return result;
    },
  );

  for (const [action, retire] of [['retire', true], ['restore', false]] as const) {
    app.post(`/api/admin/resources/:id/${action}`, { schema: { params: ResourceParams, response: { 200: AdminResourceItem, ...errors } } }, async (request) => {
      const resource = await found(request, request.params.id);
      const now = nowIso();
      if ((resource.retiredAt !== null) !== retire) {
        await app.repos.resources.setRetired(resource.id, retire ? now : null, request.staff!.user.username, now);
        await audit(request, `resource.${action}`, resource.id, { name: resource.name });
      }
      return toAdminResourceItem(app.store, (await app.repos.resources.find(resource.id))!);
    });
  }
};

export default adminResourceRoutes;
