import { constants } from 'node:zlib';
import fp from 'fastify-plugin';
import fastifyCompress from '@fastify/compress';
import type { FastifyPluginAsync } from 'fastify';

/** Below this a compressed reply saves less than a packet and still costs a compressor: sent as is. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli or gzip for HTML and JSON replies built per request (pages, API answers). The hashed
 * assets are compressed once at build time and served pre-compressed by @fastify/static.
 * Levels are the cheap ones: on a slow phone link brotli 4 is within a few per cent of brotli 11
 * at a small fraction of the CPU, which keeps the screening endpoint's cost per request down.
 */
const compressionPlugin: FastifyPluginAsync = async (app) => {
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
