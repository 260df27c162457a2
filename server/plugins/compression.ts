import { constants } from 'node:zlib';
import fp from 'fastify-plugin';
import fastifyCompress from '@fastify/compress';
import type { FastifyPluginAsync } from 'fastify';

/** Below this a compressed reply saves less than a packet and still costs a compressor: sent as is. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Sent as they are. POST /api/screenings is the hot path: compressing its ~4 kB answer (to ~1.9 kB)
 * tripled its server CPU per request in the bench (266 → 817 µs; the target is +15% at most) to save
 * about 50 ms on a Slow-3G link whose round trip alone is 2,000 ms.
 */
const UNCOMPRESSED_ROUTES = new Set(['/api/screenings']);

/**
 * Brotli or gzip for HTML and JSON replies built per request (pages, API answers). The hashed
 * assets are compressed once at build time and served pre-compressed by @fastify/static.
 * Levels are the cheap ones: on a slow phone link brotli 4 is within a few per cent of brotli 11
 * at a small fraction of the CPU, which keeps the screening endpoint's cost per request down.
 */
const compressionPlugin: FastifyPluginAsync = async (app) => {
  // Runs before @fastify/compress's own onRoute hook, which then leaves these routes alone.
  app.addHook('onRoute', (route) => {
    if (UNCOMPRESSED_ROUTES.has(route.url)) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 5 },
  });
};

export default fp(compressionPlugin, { name: 'compression' });
