import fp from 'fastify-plugin';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { errorBody, type ErrorCode } from '../../shared/errors';
import { AppError } from '../app-error';
import { isStorageUnavailable } from '../db/storage-unavailable';
import { validationFields } from '../../shared/validation/messages';

/** Turns every failure — ours, Fastify's, or a bug — into `{ error: { code, message, fields? } }`. */
const errorsPlugin: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send(errorBody(err.code, err.message, err.fields));
    }
    if (err.validation) {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', undefined, validationFields(err.validation, err.validationContext)));
    }
    if (isStorageUnavailable(err)) {
      // Disk full, read-only, locked or unreachable database: say so honestly; the client keeps the submission and retries.
      request.log.error({ err }, 'storage unavailable');
      return reply.status(503).header('retry-after', '30').send(errorBody('SERVICE_UNAVAILABLE'));
    }
    const status = err.statusCode ?? 500;
    const code = codeForStatus(status, err.code);
    if (status >= 500) request.log.error({ err }, 'request failed');
    // Not the message: a JSON parse error quotes the body it could not read.
    else request.log.info({ code: err.code, status }, 'request refused');
    return reply.status(status >= 400 && status < 600 ? status : 500).send(errorBody(code));
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) return reply.status(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    return reply.status(404).send(errorBody('NOT_FOUND'));
  });
};

const NOT_FOUND_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>没有找到这个页面 - 幸福码</title></head><body style="font:18px/1.7 system-ui,sans-serif;padding:24px;color:#1f2329">
<h1 style="font-size:22px">没有找到这个页面</h1><p>请重新扫一扫门牌或服务站上的幸福码。</p><p><a href="/track">查询办理进度</a></p></body></html>`;

function codeForStatus(status: number, fastifyCode?: string): ErrorCode {
  if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'INVALID_JSON';
  switch (status) {
    case 400:
      return 'INVALID_JSON';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL_ERROR';
  }
}

export default fp(errorsPlugin, { name: 'errors' });
