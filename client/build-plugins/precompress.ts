import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|html|txt|webmanifest)$/;

/**
 * Writes `name.br` (brotli 11) and `name.gz` (gzip 9) beside every text asset once, at build time, so
 * the server sends them as they are (@fastify/static `preCompressed`) and never compresses a file per
 * request. A variant that is not smaller than the file is left out; the server then sends the file.
 */
export function precompress(dir = 'assets'): Plugin {
  let outDir = '';
  return {
    name: 'xfm-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // Asynchronous, so the files are compressed side by side on libuv's threads.
    async closeBundle() {
      const root = path.join(outDir, dir);
      if (!fs.existsSync(root)) return;
      const names = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(root, name);
          const body = await fs.promises.readFile(file);
          const [brotli, gzipped] = await Promise.all([
            brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gzipAsync(body, { level: 9 }),
          ]);
          if (brotli.length < body.length) await fs.promises.writeFile(`${file}.br`, brotli);
          if (gzipped.length < body.length) await fs.promises.writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}
