import type { FastifyRequest } from 'fastify';

/**
 * What a request log line may say about its URL. Query values (a staff search can be a full ID
 * number or mobile) and tracking codes never reach the log; neither does anything that looks like
 * an ID number or phone, or percent-encoded text (a name typed into a URL).
 */
const SECRET_PATHS: Array<[RegExp, string]> = [
  [/^(\/api\/track\/)[^/?]+/, '$1[redacted]'],
  [/^(\/track\/)[^/?]+/, '$1[redacted]'],
];

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  for (const [pattern, replacement] of SECRET_PATHS) path = path.replace(pattern, replacement);
  path = path
    .replace(/(%[0-9A-Fa-f]{2})+/g, '[redacted]')
    // 11-digit mobiles, landlines and 15/18-character ID numbers; 12-digit region codes stay readable.
    .replace(/\d+[Xx]?/g, (digits) => (digits.length < 7 || digits.length === 12 ? digits : '[redacted]'));
  if (!query) return path;
  const names = query
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]!.replace(/[^\w.-]/g, '')}=[redacted]`);
  return `${path}?${names.join('&')}`;
}

/** Fastify's request serializer with the URL redacted (pino's `redact` cannot rewrite part of a string). */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  };
}
