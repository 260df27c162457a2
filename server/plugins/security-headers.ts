import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Runs helmet's middleware once against a recorder and returns the headers it would set.
 * Our policy is static (no nonces, nothing per request), so it never needs recomputing.
 */
export function helmetHeaders(options: HelmetOptions): Array<[string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number) => void headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return [...headers];
}

/**
 * Responses with personal data or session state (staff and admin APIs, reveals, tracking, the
 * tracking code a submission returns) must never sit in a browser or proxy cache.
 */
const PRIVATE_PREFIXES = ['/api/staff/', '/api/admin/', '/api/track/', '/api/requests', '/api/reports'];

export function carriesPrivateData(url: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/**
 * Helmet's security headers on every response. @fastify/helmet rebuilds helmet and re-parses the CSP on
 * every request (a twentieth of a screening's CPU); computing them once gives the same headers for free.
 */
const securityHeadersPlugin: FastifyPluginAsync<HelmetOptions> = async (app, options) => {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    if (carriesPrivateData(request.url)) reply.raw.setHeader('cache-control', 'no-store');
    done();
  });
};

export default fp(securityHeadersPlugin, { name: 'security-headers' });
