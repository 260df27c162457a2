import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorBody } from '../shared/errors';
import type { AppConfig } from './config';
import { ensurePrivateDir } from './db/open';
import { storageTarget } from './db/open-store';
import { loadDemoCounty, seedPolicyLibrary, settleCountylessRows } from './domain/bootstrap';
import { requestLogSerializer } from './domain/log-redaction';
import authPlugin from './plugins/auth';
import clientPlugin from './plugins/client';
import compression from './plugins/compression';
import coordinationPlugin from './plugins/coordination';
import screeningPlugin from './plugins/screening';
import securityHeaders from './plugins/security-headers';
import adminRoutes from './routes/admin';
import staffRoutes from './routes/staff';
import partnerReferralRoutes from './routes/partner/referrals';
import sessionRoutes from './routes/staff/session';
import policyRoutes from './routes/public/policies';
import screeningRoutes from './routes/public/screenings';
import submissionRoutes from './routes/public/submissions';
import trackRoutes from './routes/public/track';
import dbPlugin from './plugins/db';
import servicesPlugin from './plugins/services';
import vaultPlugin from './plugins/vault';
import errorsPlugin from './plugins/errors';
import noNulPlugin from './plugins/no-nul';
import entryRoutes from './routes/public/entries';
import healthRoutes from './routes/public/health';

function routerError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply.code(tooLong ? 414 : 400).send(errorBody(tooLong ? 'URL_TOO_LONG' : 'BAD_URL'));
}

export const BODY_LIMIT = 64 * 1024;

/** Builds the whole app — plugins, then routes — without listening, so tests can `inject`. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  ensurePrivateDir(config.dataDir);
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Errors the router raises before any handler runs (over-long or malformed URLs) get the one shape too.
    frameworkErrors: routerError,
    logger: {
      level: config.logLevel,
      // Request bodies carry residents' personal data: never log them, nor staff cookies.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.body', 'res.headers["set-cookie"]'],
      // URLs carry search terms and tracking codes: log them redacted.
      serializers: { req: requestLogSerializer },
    },
    ajv: {
      // Unknown fields are rejected, not stripped; `x-error` lets a schema carry its own Chinese message.
      customOptions: { removeAdditional: false, allErrors: true, verbose: true, coerceTypes: false, keywords: ['x-error'] },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The API speaks JSON only; anything else is a 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');

  // External plugins first, then our cross-cutting plugins, then the routes (fastify/demo's order).
  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The resident pages' service worker (/sw.js) is a same-origin script.
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.publicBaseUrl.startsWith('https:'),
  });
  await app.register(compression);
  await app.register(coordinationPlugin, { redisUrl: config.redisUrl });
  await app.register(rateLimit, {
    global: false,
    // With REDIS_URL every app server counts against one limit; without it the limits are per server.
    redis: app.coordination.redis,
    nameSpace: 'xfm:rl:',
    // Nothing reads the remaining-quota headers on ordinary replies; a refusal still says when to retry.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
  await app.register(errorsPlugin);
  await app.register(noNulPlugin);
  const target = storageTarget(config);
  await app.register(dbPlugin, { target });
  await app.register(vaultPlugin, { dataDir: config.dataDir, dataKey: config.dataKey });
  await app.register(servicesPlugin, { target });
  app.decorate('config', config);
  if (config.seedDemo) await loadDemoCounty(app.store);
  await seedPolicyLibrary(app.store);
  await settleCountylessRows(app.store);

  await app.register(authPlugin, { secure: config.publicBaseUrl.startsWith('https:') });
  await app.register(screeningPlugin);

  await app.register(healthRoutes);
  await app.register(entryRoutes);
  await app.register(screeningRoutes);
  await app.register(policyRoutes);
  await app.register(submissionRoutes);
  await app.register(trackRoutes);
  await app.register(sessionRoutes);
  await app.register(staffRoutes);
  await app.register(partnerReferralRoutes);
  await app.register(adminRoutes);
  await app.register(clientPlugin, { clientDist: config.clientDist });

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
  }
}
