import type { FastifyInstance } from 'fastify';

/** Every registered route as `{method, url}`, read from Fastify's own route tree (so new routes are walked too). */
export function registeredRoutes(app: FastifyInstance): Array<{ method: string; url: string }> {
  const stack: string[] = [];
  const routes: Array<{ method: string; url: string }> = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const url = parent === '/' ? `/${match[2]}` : `${parent}${match[2]}`;
    stack[depth] = url;
    for (const method of match[3]!.split(', ')) if (method !== 'HEAD') routes.push({ method, url });
  }
  return routes;
}
