import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { chinaToday } from '../domain/clock';
import { describeEntry } from '../domain/entry-info';
import { renderEntryProblem, renderLandingShell } from '../render/landing';
import { innerPagePreloads } from '../render/inner-page-preload';
import { loadPageTemplate } from '../render/page-template';

/** Serves the built H5: hashed assets, the server-rendered landing for `/q/:code`, and the SPA routes. */
const clientPlugin: FastifyPluginAsync<{ clientDist: string }> = async (app, { clientDist }) => {
  const page = loadPageTemplate(clientDist);
  const innerHead = innerPagePreloads(clientDist);
  let county: { name: string; phone?: string } | undefined;
  /** The county and its civil-affairs phone: the one number to call from a page with no township (an unknown code). */
  const countyInfo = async () => {
    if (!county) {
      const row = (await app.repos.regions.list()).find((r) => r.level === 'county');
      county = { name: row?.name ?? '', ...(row?.phone ? { phone: row.phone } : {}) };
    }
    return county;
  };
  const countyName = async () => (await countyInfo()).name;

  const assets = path.join(clientDist, 'assets');
  if (fs.existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      wildcard: false,
      immutable: true,
      maxAge: '365d',
      // Each file also exists as .br and .gz (written at build time); caches must keep them apart.
      preCompressed: true,
      setHeaders: (res) => {
        void res.setHeader('vary', 'accept-encoding');
      },
    });
  }

  // The resident pages' service worker. Always revalidated, so a new release reaches phones on their next visit.
  const serviceWorker = path.join(clientDist, 'sw.js');
  if (fs.existsSync(serviceWorker)) {
    const script = fs.readFileSync(serviceWorker);
    app.get('/sw.js', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(script));
  }

  const sendPage = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);

  app.get<{ Params: { code: string } }>('/q/:code', async (request, reply) => {
    const entry = await describeEntry(app.store, request.params.code);
    if (!entry) {
      const info = await countyInfo();
      return sendPage(reply, 404, page.render({ title: '没有找到这个幸福码', shell: renderEntryProblem('not_found', undefined, info), boot: { entry: null, problem: 'ENTRY_NOT_FOUND', county: info.name, countyPhone: info.phone } }));
    }
    if (!entry.active) {
      return sendPage(reply, 410, page.render({ title: '幸福码已停用', shell: renderEntryProblem('disabled', entry), boot: { entry, problem: 'ENTRY_DISABLED' } }));
    }
    app.counters.scan(entry.code, chinaToday());
    const name = await countyName();
    return sendPage(reply, 200, page.render({ title: `幸福码 · ${entry.township.name}`, shell: renderLandingShell(entry, name), boot: { entry, county: name } }));
  });

  app.get<{ Params: { code: string } }>('/q/:code/*', async (request, reply) => {
    const entry = await describeEntry(app.store, request.params.code);
    return sendPage(reply, entry ? 200 : 404, page.render({ boot: { entry: entry ?? null, county: await countyName() }, head: innerHead }));
  });

  for (const route of ['/track', '/track/*']) {
    app.get(route, async (_request, reply) => sendPage(reply, 200, page.render({ boot: { county: await countyName() }, head: innerHead })));
  }
  for (const route of ['/', '/staff', '/staff/*', '/admin', '/admin/*', '/partner']) {
    app.get(route, async (_request, reply) => sendPage(reply, 200, page.render({ boot: { county: await countyName() } })));
  }
};

export default clientPlugin;
